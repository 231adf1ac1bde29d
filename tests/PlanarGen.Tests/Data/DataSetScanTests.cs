using System;
using Xunit;

namespace PlanarGen.Tests.Data
{
    /// <summary>The construction checks find the first bad value wherever it sits: in a SIMD chunk or in the tail,
    /// for every vector width the run uses (37 values leave a tail for 2, 4, 8 and 16 lanes).</summary>
    public class DataSetScanTests
    {
        private const int Samples = 37;

        public static TheoryData<double> BadFeatures => new() { double.NaN, double.PositiveInfinity, double.NegativeInfinity };

        [Theory]
        [MemberData(nameof(BadFeatures))]
        public void EveryPositionOfANonFiniteFeatureIsReported(double bad)
        {
            for (int position = 0; position < 2 * Samples; position++)
            {
                var x64 = new double[2 * Samples];
                var x32 = new float[2 * Samples];
                for (int k = 0; k < x64.Length; k++) x32[k] = (float)(x64[k] = 0.25 * k - 3);
                x64[position] = bad;
                x32[position] = (float)bad;
                string where = $"x[{position / Samples}, {position % Samples}]";
                Assert.Contains(where, Assert.Throws<ArgumentException>(() => new DataSet<double>(x64, new double[Samples], Samples)).Message);
                Assert.Contains(where, Assert.Throws<ArgumentException>(() => new DataSet<float>(x32, new float[Samples], Samples)).Message);
            }
        }

        [Theory]
        [InlineData(0.5)]
        [InlineData(2.0)]
        [InlineData(-1.0)]
        [InlineData(1e-300)]
        [InlineData(1.0000001192092896)]    // 1 + 2^-23, the float after 1
        [InlineData(0.99999994039535522)]   // 1 - 2^-24, the float before 1
        public void EveryPositionOfANonBinaryLabelIsReported(double bad)
        {
            // The data set records the flaw once (LabelsAreBinary false); a sigmoid network then names its position.
            for (int position = 0; position < Samples; position++)
            {
                var y64 = new double[Samples];
                var y32 = new float[Samples];
                for (int k = 0; k < Samples; k++) y32[k] = (float)(y64[k] = k % 3 == 0 ? 1 : 0);
                y64[position] = bad;
                y32[position] = bad == 1e-300 ? 1e-30f : (float)bad;   // 1e-300 rounds to 0 in float; use a float-sized tiny value
                string where = $"Y[0, {position}]";
                var d64 = new DataSet<double>(new double[Samples], y64, Samples);
                var d32 = new DataSet<float>(new float[Samples], y32, Samples);
                Assert.False(d64.LabelsAreBinary);
                Assert.False(d32.LabelsAreBinary);
                var net64 = new Networks.Tiny111Double();
                var net32 = new Networks.Tiny111();
                Assert.Contains(where, Assert.Throws<ArgumentException>(() => net64.Cost(new DataSet<double>(new double[Samples], y64, Samples))).Message);
                Assert.Contains(where, Assert.Throws<ArgumentException>(() => net32.Cost(new DataSet<float>(new float[Samples], y32, Samples))).Message);
            }
        }

        [Theory]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        [InlineData(1e300)]                 // infinity as a float
        public void EveryPositionOfANonFiniteLabelIsReported(double bad)
        {
            for (int position = 0; position < Samples; position++)
            {
                var y64 = new double[Samples];
                var y32 = new float[Samples];
                y64[position] = bad;
                y32[position] = (float)bad;
                string where = $"y[0, {position}]";
                if (!double.IsFinite(bad) || !double.IsFinite(y64[position]))
                    Assert.Contains(where, Assert.Throws<ArgumentException>(() => new DataSet<double>(new double[Samples], y64, Samples)).Message);
                else
                    Assert.False(new DataSet<double>(new double[Samples], y64, Samples).LabelsAreBinary);
                Assert.Contains(where, Assert.Throws<ArgumentException>(() => new DataSet<float>(new float[Samples], y32, Samples)).Message);
            }
        }

        [Fact]
        public void LabelFlawsThatWouldCancelInASumAreStillFound()
        {
            // The chunk test ORs x (1 - x) over lanes: 0.5 gives +0.25 and (1 + sqrt 2) / 2 gives -0.25, which a sum would cancel.
            var y = new float[Samples];
            y[3] = 0.5f;
            y[4] = 1.2071068f;
            Assert.False(new DataSet<float>(new float[Samples], y, Samples).LabelsAreBinary);
            var net32 = new Networks.Tiny111();
            Assert.Contains("Y[0, 3]", Assert.Throws<ArgumentException>(() => net32.Cost(new DataSet<float>(new float[Samples], y, Samples))).Message);
            var y64 = new double[Samples];
            y64[3] = 0.5;
            y64[4] = 1.2071067811865475;
            Assert.False(new DataSet<double>(new double[Samples], y64, Samples).LabelsAreBinary);
            var net64 = new Networks.Tiny111Double();
            Assert.Contains("Y[0, 3]", Assert.Throws<ArgumentException>(() => net64.Cost(new DataSet<double>(new double[Samples], y64, Samples))).Message);
        }

        [Fact]
        public void NegativeZeroIsALabelZero()
        {
            var y = new float[Samples];
            for (int k = 0; k < y.Length; k++) y[k] = k % 2 == 0 ? -0f : 1f;
            Assert.Equal(1, new DataSet<float>(new float[Samples], y, Samples).OutputCount);
            Assert.True(new DataSet<float>(new float[Samples], y, Samples).LabelsAreBinary);
        }

        [Fact]
        public void CleanDataPasses()
        {
            var x = new float[3 * Samples];
            var y = new float[Samples];
            for (int k = 0; k < x.Length; k++) x[k] = k - 50.5f;
            for (int k = 0; k < y.Length; k++) y[k] = k % 2;
            var data = new DataSet<float>(x, y, Samples);
            Assert.Equal(3, data.FeatureCount);
        }
    }
}
