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

        [Fact]
        public void MultiplyAddMatchesScalarPerLane()
        {
            int n = Vector512<double>.Count;
            int checkedLanes = 0;
            for (int start = 0; start + 3 * n <= Grid.Length; start += 3 * n)
            {
                var a = Vector512.Create(Grid.AsSpan(start, n));
                var b = Vector512.Create(Grid.AsSpan(start + n, n));
                var c = Vector512.Create(Grid.AsSpan(start + 2 * n, n));
                Vector512<double> fused = VectorMath.MultiplyAdd(a, b, c);
                Vector512<double> negated = VectorMath.NegatedMultiplyAdd(a, b, c);
                for (int k = 0; k < n; k++)
                {
                    double ak = a.GetElement(k), bk = b.GetElement(k), ck = c.GetElement(k);
                    Assert.Equal(MathGrids.Bits(VectorMath.MultiplyAdd(ak, bk, ck)), MathGrids.Bits(fused.GetElement(k)));
                    Assert.Equal(MathGrids.Bits(VectorMath.NegatedMultiplyAdd(ak, bk, ck)), MathGrids.Bits(negated.GetElement(k)));
                    checkedLanes++;
                }
            }
            Assert.True(checkedLanes > 1000, $"only {checkedLanes} lanes checked");
        }

        [Fact]
        public void MultiplyAddRoundsOnceExactlyWhereTheHardwareFuses()
        {
            // (1 + 2^-27)^2 - 1 = 2^-26 + 2^-54: rounded once it keeps the 2^-54 term, rounded twice it loses it.
            double x = 1.0 + Math.Pow(2, -27);
            double expected = VectorMath.FusesMultiplyAdd ? Math.Pow(2, -26) + Math.Pow(2, -54) : Math.Pow(2, -26);
            Assert.Equal(expected, VectorMath.MultiplyAdd(x, x, -1.0));
            Assert.Equal(expected, VectorMath.MultiplyAdd(new System.Numerics.Vector<double>(x), new System.Numerics.Vector<double>(x),
                new System.Numerics.Vector<double>(-1.0))[0]);
            Assert.Equal(expected, VectorMath.MultiplyAdd(Vector512.Create(x), Vector512.Create(x), Vector512.Create(-1.0)).GetElement(5));
        }

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
