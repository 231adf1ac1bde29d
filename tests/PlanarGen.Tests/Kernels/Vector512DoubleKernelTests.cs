using System;
using System.Runtime.Intrinsics;
using Xunit;
using Xunit.Sdk;

namespace PlanarGen.Tests.Kernels
{
    /// <summary>
    /// The 512-bit kernels of the generated double networks' Vector512 path: every lane must give the scalar kernel's bits (the
    /// scalar kernels' accuracy is tested in <see cref="VectorMathTests"/>). They run whether or not this machine accelerates
    /// Vector512 (in software where it does not, e.g. with DOTNET_EnableAVX512F=0).
    /// </summary>
    public class Vector512DoubleKernelTests
    {
        private static readonly double[] Grid = MathGrids.DoubleGrid();

        [Fact]
        public void ExpMatchesScalarPerLane() => AssertLanes(VectorMath.Exp, VectorMath.Exp);

        [Fact]
        public void TanhMatchesScalarPerLane() => AssertLanes(VectorMath.Tanh, VectorMath.Tanh);

        [Fact]
        public void SigmoidMatchesScalarPerLane() => AssertLanes(VectorMath.Sigmoid, VectorMath.Sigmoid);

        [Fact]
        public void LogMatchesScalarPerLane() => AssertLanes(VectorMath.Log, VectorMath.Log);

        [Fact]
        public void SoftplusMatchesScalarPerLane() => AssertLanes(VectorMath.Softplus, VectorMath.Softplus);

        private static void AssertLanes(Func<double, double> scalar, Func<Vector512<double>, Vector512<double>> wide)
        {
            int n = Vector512<double>.Count;
            Span<double> lanes = stackalloc double[n];
            for (int start = 0; start < Grid.Length; start += n)
            {
                for (int k = 0; k < n; k++) lanes[k] = Grid[Math.Min(start + k, Grid.Length - 1)];
                Vector512<double> result = wide(Vector512.Create((ReadOnlySpan<double>)lanes));
                for (int k = 0; k < n; k++)
                {
                    if (MathGrids.Bits(result.GetElement(k)) != MathGrids.Bits(scalar(lanes[k])))
                        throw new XunitException($"x = {lanes[k]:R}: lane {result.GetElement(k):R}, scalar {scalar(lanes[k]):R}");
                }
            }
        }
    }
}
