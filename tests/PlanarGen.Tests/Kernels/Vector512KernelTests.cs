using System;
using System.Runtime.Intrinsics;
using Xunit;

namespace PlanarGen.Tests.Kernels
{
    /// <summary>
    /// The 512-bit kernels of the generated float networks' Vector512 path: every lane must give the scalar kernel's bits, so
    /// a sample's activations and predictions do not depend on the vector width. They run whether or not this machine
    /// accelerates Vector512 (in software where it does not).
    /// </summary>
    public class Vector512KernelTests
    {
        private static readonly float[] Grid = MathGrids.FloatGrid();

        [Fact]
        public void TanhFastMatchesScalarPerLane() => AssertLanes(VectorMath.TanhFast, VectorMath.TanhFast);

        [Fact]
        public void SigmoidFastMatchesScalarPerLane() => AssertLanes(VectorMath.SigmoidFast, VectorMath.SigmoidFast);

        [Fact]
        public void SoftplusMatchesScalarPerLane() => AssertLanes(VectorMath.Softplus, VectorMath.Softplus);

        [Fact]
        public void SoftplusFastMatchesScalarPerLane() => AssertLanes(VectorMath.SoftplusFast, VectorMath.SoftplusFast);

        [Fact]
        public void LogMatchesScalarPerLane() => AssertLanes(VectorMath.Log, VectorMath.Log);

        [Fact]
        public void MultiplyAddMatchesScalarPerLane()
        {
            int n = Vector512<float>.Count;
            int checkedLanes = 0;
            for (int start = 0; start + 3 * n <= Grid.Length; start += 3 * n)
            {
                var a = Vector512.Create(Grid.AsSpan(start, n));
                var b = Vector512.Create(Grid.AsSpan(start + n, n));
                var c = Vector512.Create(Grid.AsSpan(start + 2 * n, n));
                Vector512<float> fused = VectorMath.MultiplyAdd(a, b, c);
                Vector512<float> negated = VectorMath.NegatedMultiplyAdd(a, b, c);
                for (int k = 0; k < n; k++)
                {
                    float ak = a.GetElement(k), bk = b.GetElement(k), ck = c.GetElement(k);
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
            // (1 + 2^-12)^2 - 1 = 2^-11 + 2^-24: rounded once it keeps the 2^-24 term, rounded twice it loses it.
            var x = Vector512.Create(1f + MathF.Pow(2, -12));
            Vector512<float> fused = VectorMath.MultiplyAdd(x, x, Vector512.Create(-1f));
            float expected = VectorMath.FusesMultiplyAdd ? MathF.Pow(2, -11) + MathF.Pow(2, -24) : MathF.Pow(2, -11);
            Assert.Equal(expected, fused.GetElement(7));
        }

        private static void AssertLanes(Func<float, float> scalar, Func<Vector512<float>, Vector512<float>> wide)
        {
            int n = Vector512<float>.Count;
            Span<float> lanes = stackalloc float[n];
            for (int start = 0; start < Grid.Length; start += n)
            {
                for (int k = 0; k < n; k++) lanes[k] = Grid[Math.Min(start + k, Grid.Length - 1)];
                Vector512<float> result = wide(Vector512.Create((ReadOnlySpan<float>)lanes));
                for (int k = 0; k < n; k++)
                    Assert.True(MathGrids.Bits(result.GetElement(k)) == MathGrids.Bits(scalar(lanes[k])),
                        $"x = {lanes[k]:R}: lane {result.GetElement(k):R}, scalar {scalar(lanes[k]):R}");
            }
        }
    }
}
