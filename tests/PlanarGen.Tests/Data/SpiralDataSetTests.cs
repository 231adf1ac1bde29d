using System;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Xunit;

namespace PlanarGen.Tests.Data
{
    /// <summary>The CS231n spiral: bit for bit against NumPy (hashes from tools/reference/spiral.py, numpy 1.24.2 with
    /// glibc maths), its layout, and bad arguments.</summary>
    public class SpiralDataSetTests
    {
        [Theory]
        [InlineData(100, 3, 0u, "a52e085c26158ae9c6dbc853b73fcf2aa40aeec69a704c9b76a0135e729cec96", "1e0d0974ae0c2e67bbc20fcd0e9d196ec6f7ffa456ad72425bf41e03911a0ec0")]
        [InlineData(100, 3, 1u, "b898875d1a009cb5e01c1a29070c314a30dd9a88c2dfc4e484d9e087af616bb5", "1e0d0974ae0c2e67bbc20fcd0e9d196ec6f7ffa456ad72425bf41e03911a0ec0")]
        [InlineData(50, 4, 7u, "ee824d31ec63e9a3f1a9f464e76890dc16ed23cc47e7b2b0c42e47839f6c4ce4", "fc0b15e3305785d63be0785c245f4eab914ca1ca666b85a6c1260fc27554e26c")]
        [InlineData(1, 2, 3u, "4a2eef0a63a349d13eee40452133471c5c096eaf4f065ed380ed67ae27f05ce8", "7b38b86d9a7e623764dc234b5d8aa67afbf388f139b4dc5a266ed0b4b7a258ea")]
        public void SpiralMatchesNumPyBitForBit(int pointsPerClass, int classes, uint seed, string xHash, string yHash)
        {
            PlanarData<double> data = PlanarDataSets.Spiral(pointsPerClass, classes, seed);
            Assert.Equal(xHash, Sha256(data.X));
            Assert.Equal(yHash, Sha256(data.Y));
        }

        [Fact]
        public void DefaultSpiralIsThreeArmsOf100WithOneHotColumns()
        {
            PlanarData<double> data = PlanarDataSets.Spiral();
            Assert.Equal((2, 3, 300), (data.FeatureCount, data.OutputCount, data.SampleCount));
            for (int i = 0; i < 300; i++)
            {
                Assert.Equal(1.0, data.Label(0, i) + data.Label(1, i) + data.Label(2, i));
                Assert.Equal(1.0, data.Label(i / 100, i));
            }

            // The radius is linspace(0, 1, 100) whatever the angle: the last point of each arm is on the unit circle.
            for (int j = 0; j < 3; j++)
            {
                int last = 100 * j + 99;
                Assert.Equal(1.0, Math.Sqrt(data.Feature(0, last) * data.Feature(0, last) + data.Feature(1, last) * data.Feature(1, last)), 14);
            }

            // The first printed value of tools/reference/spiral.py (sample 1 of seed 0).
            Assert.Equal(0.0012135812756681982, data.Feature(0, 1));
            Assert.Equal(0.010027842517114818, data.Feature(1, 1));
        }

        [Fact]
        public void SpiralRejectsBadCounts()
        {
            Assert.StartsWith("Expected at least 1 point per class",
                Assert.Throws<ArgumentOutOfRangeException>(() => PlanarDataSets.Spiral(0)).Message, StringComparison.Ordinal);
            Assert.StartsWith("Expected 2 to 64 classes, but got 1.",
                Assert.Throws<ArgumentOutOfRangeException>(() => PlanarDataSets.Spiral(10, 1)).Message, StringComparison.Ordinal);
            Assert.StartsWith("Expected 2 to 64 classes, but got 65.",
                Assert.Throws<ArgumentOutOfRangeException>(() => PlanarDataSets.Spiral(10, 65)).Message, StringComparison.Ordinal);
        }

        private static string Sha256(double[] values) =>
            Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(values.AsSpan()))).ToLowerInvariant();
    }
}
