using System;
using Xunit;
using Xunit.Abstractions;

namespace PlanarGen.Tests.Kernels
{
    /// <summary>SoftplusFast, the float networks' cost term: error in ulps against log(1 + e^x) in double, special values,
    /// and the vector forms lane for lane (the Vector512 form in <see cref="Vector512KernelTests"/>).</summary>
    public class SoftplusFastTests
    {
        // The stated bound (the doc comment of VectorMath.SoftplusFast): float rounding of the reduction, the Estrin
        // polynomial, one division and the atanh series, whose truncation (w^7/15 <= 1.4e-8) is below half an ulp.
        private const long MaxUlps = 4;
        private readonly ITestOutputHelper _output;

        public SoftplusFastTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void VectorMatchesScalarPerLane() =>
            MathGrids.AssertLanesMatchScalar(MathGrids.FloatGrid(), VectorMath.SoftplusFast, VectorMath.SoftplusFast);

        [Fact]
        public void IsWithinStatedUlpsOfDoubleReference()
        {
            const int Points = 2_000_000;
            long worst = 0;
            float worstAt = 0;
            for (int k = 0; k <= Points; k++)
            {
                float x = (float)(-87.0 + 175.0 * k / Points);
                Check(x, ref worst, ref worstAt);
            }
            foreach (float x in MathGrids.FloatGrid())
                if (Math.Abs(x) <= 87f) Check(x, ref worst, ref worstAt);
            _output.WriteLine($"worst {worst} ulp at x = {worstAt:R}");
            Assert.True(worst <= MaxUlps, $"{worst} ulp at x = {worstAt:R}");
        }

        [Fact]
        public void HandlesSpecialValues()
        {
            Assert.Equal(float.PositiveInfinity, VectorMath.SoftplusFast(float.PositiveInfinity));
            Assert.True(float.IsNaN(VectorMath.SoftplusFast(float.NaN)));
            Assert.Equal(float.MaxValue, VectorMath.SoftplusFast(float.MaxValue));
            float tiny = VectorMath.SoftplusFast(float.NegativeInfinity);   // documented: e^-87, not 0
            Assert.InRange(tiny, 1.6e-38f, 1.7e-38f);
            Assert.Equal(tiny, VectorMath.SoftplusFast(-1000f));
            Assert.True(MathGrids.UlpDistance(VectorMath.SoftplusFast(0f), (float)Math.Log(2)) <= 1);
            Assert.True(MathGrids.UlpDistance(VectorMath.SoftplusFast(-0f), (float)Math.Log(2)) <= 1);
        }

        private static void Check(float x, ref long worst, ref float worstAt)
        {
            double reference = Reference(x);
            if (reference < 1.1754943508222875e-38) return;   // results below 2^-126 are outside the stated bound
            long ulps = MathGrids.UlpDistance(VectorMath.SoftplusFast(x), (float)reference);
            if (ulps > worst)
            {
                worst = ulps;
                worstAt = x;
            }
        }

        /// <summary>log(1 + e^x) in double: max(x, 0) + log1p(e^-|x|), log1p with the rounding of 1 + u corrected.</summary>
        private static double Reference(double x)
        {
            double u = Math.Exp(-Math.Abs(x));
            double w = 1.0 + u;
            double log1p = w == 1.0 ? u : Math.Log(w) * (u / (w - 1.0));
            return Math.Max(x, 0.0) + log1p;
        }
    }
}
