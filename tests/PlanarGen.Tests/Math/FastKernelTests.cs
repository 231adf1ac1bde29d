using System;
using System.Numerics;
using Xunit;
using Xunit.Sdk;

namespace PlanarGen.Tests
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
            Assert.Equal(0.99999982f, VectorMath.TanhFast(float.PositiveInfinity));
            Assert.Equal(-0.99999982f, VectorMath.TanhFast(float.NegativeInfinity));
            Assert.Equal(0.99999982f, VectorMath.TanhFast(float.NaN));
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
        /// the operation order changes them. Update only with a deliberate kernel change and re-measured errors.</summary>
        [Theory]
        [InlineData("TanhFast", 0xDE056F79338DBB3CUL)]
        [InlineData("SigmoidFast", 0x65D8665C125D72E8UL)]
        public void ResultsMatchPinnedSignature(string function, ulong expected)
        {
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
