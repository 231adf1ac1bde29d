using System;
using System.Numerics;
using Xunit;
using Xunit.Sdk;

namespace PlanarGen.Tests.Kernels
{
    /// <summary>TanhFast and SigmoidFast, the float kernels of the generated float networks: absolute (not ulp) error bounds.</summary>
    public class FastKernelTests
    {
        // Measured maxima are stated in the doc comments; these bounds are those statements, so a regression fails at once.
        private const double TanhFastMaxAbsError = 3.5e-7;      // float rounding of the two degree-4 Horner evaluations
        private const double SigmoidFastMaxAbsError = 2.5e-7;   // half of TanhFast's error, plus the final rounding
        private static readonly float[] Grid = MathGrids.FloatGrid();

        [Fact]
        public void TanhFastVectorMatchesScalarPerLane() =>
            MathGrids.AssertLanesMatchScalar(Grid, VectorMath.TanhFast, VectorMath.TanhFast);

        [Fact]
        public void SigmoidFastVectorMatchesScalarPerLane() =>
            MathGrids.AssertLanesMatchScalar(Grid, VectorMath.SigmoidFast, VectorMath.SigmoidFast);

        [Fact]
        public void TanhFastVector4MatchesScalarPerComponent()
        {
            for (int start = 0; start + 4 <= Grid.Length; start += 4)
            {
                var x = new Vector4(Grid[start], Grid[start + 1], Grid[start + 2], Grid[start + 3]);
                Vector4 y = VectorMath.TanhFast(x);
                float[] got = { y.X, y.Y, y.Z, y.W };
                for (int k = 0; k < 4; k++)
                {
                    float input = Grid[start + k];
                    if (float.IsNaN(input)) continue;   // documented: unspecified for NaN
                    Assert.True(MathGrids.Bits(got[k]) == MathGrids.Bits(VectorMath.TanhFast(input)), $"x = {input:R}: {got[k]:R}");
                }
            }
        }

        [Fact]
        public void TanhFastIsWithinStatedAbsoluteErrorOfMath() =>
            AssertAbsolute(Grid, VectorMath.TanhFast, Math.Tanh, TanhFastMaxAbsError);

        [Fact]
        public void SigmoidFastIsWithinStatedAbsoluteErrorOfMath() =>
            AssertAbsolute(Grid, VectorMath.SigmoidFast, x => 1.0 / (1.0 + Math.Exp(-x)), SigmoidFastMaxAbsError);

        [Fact]
        public void TanhFastIsOddAndStrictlyInsideMinusOneToOne()
        {
            foreach (float x in Grid)
            {
                if (float.IsNaN(x)) continue;
                float y = VectorMath.TanhFast(x);
                Assert.True(y > -1f && y < 1f, $"TanhFast({x:R}) = {y:R}");
                Assert.Equal(MathGrids.Bits(-y), MathGrids.Bits(VectorMath.TanhFast(-x)));
            }
            Assert.Equal(MathGrids.Bits(-0f), MathGrids.Bits(VectorMath.TanhFast(-0f)));
            // The value at the clamp depends on the rounding of the multiply-adds (fused where the hardware has FMA).
            float bound = VectorMath.FusesMultiplyAdd ? 0.99999976f : 0.99999982f;
            Assert.Equal(bound, VectorMath.TanhFast(float.PositiveInfinity));
            Assert.Equal(-bound, VectorMath.TanhFast(float.NegativeInfinity));
            Assert.Equal(bound, VectorMath.TanhFast(float.NaN));
        }

        [Fact]
        public void SigmoidFastEqualsHalfPlusHalfTanhFastOfHalf()
        {
            // The folded evaluation (scaled coefficients, no halvings) must give the bits of its definition.
            foreach (float x in Grid)
            {
                if (float.IsNaN(x)) continue;
                float definition = Math.Min(VectorMath.MultiplyAdd(0.5f, VectorMath.TanhFast(0.5f * x), 0.5f), 0.99999994f);
                Assert.True(MathGrids.Bits(definition) == MathGrids.Bits(VectorMath.SigmoidFast(x)), $"x = {x:R}: {VectorMath.SigmoidFast(x):R} vs {definition:R}");
            }
        }

        [Fact]
        public void MultiplyAddVectorMatchesScalarPerLane()
        {
            // Every lane of the vector and Vector4 forms must round as the scalar form (fused on .NET, unfused on netstandard2.1).
            for (int start = 0; start + 3 * Vector<float>.Count <= Grid.Length; start += 3 * Vector<float>.Count)
            {
                var a = new Vector<float>(Grid, start);
                var b = new Vector<float>(Grid, start + Vector<float>.Count);
                var c = new Vector<float>(Grid, start + 2 * Vector<float>.Count);
                Vector<float> fused = VectorMath.MultiplyAdd(a, b, c);
                Vector<float> negated = VectorMath.NegatedMultiplyAdd(a, b, c);
                for (int k = 0; k < Vector<float>.Count; k++)
                {
                    Assert.Equal(MathGrids.Bits(VectorMath.MultiplyAdd(a[k], b[k], c[k])), MathGrids.Bits(fused[k]));
                    Assert.Equal(MathGrids.Bits(VectorMath.NegatedMultiplyAdd(a[k], b[k], c[k])), MathGrids.Bits(negated[k]));
                }
                var a4 = new Vector4(a[0], a[1], a[2], a[3]);
                var b4 = new Vector4(b[0], b[1], b[2], b[3]);
                var c4 = new Vector4(c[0], c[1], c[2], c[3]);
                Vector4 f4 = VectorMath.MultiplyAdd(a4, b4, c4);
                Assert.Equal(MathGrids.Bits(VectorMath.MultiplyAdd(a[0], b[0], c[0])), MathGrids.Bits(f4.X));
                Assert.Equal(MathGrids.Bits(VectorMath.MultiplyAdd(a[3], b[3], c[3])), MathGrids.Bits(f4.W));
            }
        }

        [Fact]
        public void MultiplyAddRoundsOnceExactlyWhereTheHardwareFuses()
        {
            // (1 + 2^-12)^2 - 1 - 2^-11 = 2^-24 exactly: a fused multiply-add keeps it, the two-step form rounds it away.
            // Where the CPU (or the AOT target) has no FMA the two-step form is used: .NET would emulate the fused one in software,
            // about 40x slower (CI runs this under DOTNET_EnableHWIntrinsic=0, where the answer is 0).
            float a = 1f + 1f / 4096f;
            float product = a * a;   // rounds to 1 + 2^-11 in float
            float expected = VectorMath.FusesMultiplyAdd ? 1f / 16777216f : 0f;
            Assert.Equal(expected, VectorMath.MultiplyAdd(a, a, -product));
            Assert.Equal(expected, VectorMath.MultiplyAdd(new Vector<float>(a), new Vector<float>(a), new Vector<float>(-product))[0]);
            Assert.Equal(expected, VectorMath.MultiplyAdd(new Vector4(a), new Vector4(a), new Vector4(-product)).W);
        }

        [Fact]
        public void FusesMultiplyAddExactlyWhereTheHardwareHasIt()
        {
            bool hardware = System.Runtime.Intrinsics.X86.Fma.IsSupported || System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported;
            Assert.Equal(hardware, VectorMath.FusesMultiplyAdd);
            if (Environment.GetEnvironmentVariable("DOTNET_EnableHWIntrinsic") == "0" || Environment.GetEnvironmentVariable("DOTNET_EnableAVX2") == "0")
                Assert.False(VectorMath.FusesMultiplyAdd);
        }

        [Fact]
        public void SigmoidFastStaysStrictlyInsideZeroToOne()
        {
            foreach (float x in Grid)
            {
                float y = VectorMath.SigmoidFast(x);
                Assert.True(y > 0f && y < 1f, $"SigmoidFast({x:R}) = {y:R}");
            }
            Assert.Equal(0.5f, VectorMath.SigmoidFast(0f));
        }

        /// <summary>Pinned FNV-1a signatures over the float grid (see VectorMathTests): any change of a coefficient or of
        /// the operation order changes them. Update only with a deliberate kernel change and re-measured errors. One pair for
        /// hosts with a hardware FMA, one for the two-step rounding of hosts without (and of netstandard2.1).</summary>
        [Theory]
        [InlineData("TanhFast", 0xA60E9FCD0B0690DCUL, 0x4F5EC9465484FC81UL)]     // clamp 7.9375 (2026-11-30; unfused 2026-12-04)
        [InlineData("SigmoidFast", 0x1D2B4571646F65EEUL, 0xE327787F99BFE28EUL)]  // folded evaluation, upper bound 1 - 2^-24
        public void ResultsMatchPinnedSignature(string function, ulong fused, ulong unfused)
        {
            ulong expected = VectorMath.FusesMultiplyAdd ? fused : unfused;
            Func<float, float> f = function == "TanhFast" ? VectorMath.TanhFast : VectorMath.SigmoidFast;
            ulong actual = MathGrids.Signature(Grid, f);
            Assert.True(actual == expected, $"{function} signature is 0x{actual:X16}");
        }

        private static void AssertAbsolute(float[] grid, Func<float, float> actual, Func<double, double> reference, double max)
        {
            double worst = 0;
            float worstX = 0;
            foreach (float x in grid)
            {
                if (float.IsNaN(x)) continue;
                double error = Math.Abs(actual(x) - reference(x));
                if (error > worst)
                {
                    worst = error;
                    worstX = x;
                }
            }
            if (worst > max) throw new XunitException($"max absolute error {worst:G3} at x = {worstX:R}; allowed {max:G3}");
        }
    }
}
