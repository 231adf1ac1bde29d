using System;
using Xunit;

namespace PlanarGen.Tests.Hashing
{
    public class NetworkFingerprintTests
    {
        /// <summary>The documented algorithm, written out independently: XXH64 of the little-endian bit patterns.</summary>
        [Fact]
        public void IsXxHash64OfTheLittleEndianBitPatterns()
        {
            float[] singles = { 1.5f, -0f, float.Epsilon, -3.25e7f, 0.1f };
            double[] doubles = { 1.5, -0.0, double.Epsilon, -3.25e300, 0.1 };
            var bytes = new byte[singles.Length * 4];
            for (int k = 0; k < singles.Length; k++)
                System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4 * k), BitConverter.SingleToInt32Bits(singles[k]));
            Assert.Equal(System.IO.Hashing.XxHash64.HashToUInt64(bytes), NetworkFingerprint.Compute(singles));
            bytes = new byte[doubles.Length * 8];
            for (int k = 0; k < doubles.Length; k++)
                System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8 * k), BitConverter.DoubleToInt64Bits(doubles[k]));
            Assert.Equal(System.IO.Hashing.XxHash64.HashToUInt64(bytes), NetworkFingerprint.Compute(doubles));
        }

        /// <summary>Pinned values: the fingerprint is a promise across machines and releases, so a change must fail here.</summary>
        [Fact]
        public void IsStable()
        {
            Assert.Equal(0xEF46DB3751D8E999UL, NetworkFingerprint.Compute(ReadOnlySpan<float>.Empty));
            Assert.Equal(0x6D50BDACEE372B0EUL, NetworkFingerprint.Compute(new float[] { 1f, 2f, 3f }));
            Assert.NotEqual(NetworkFingerprint.Compute(new float[] { 0f }), NetworkFingerprint.Compute(new float[] { -0f }));
        }

        [Fact]
        public void AllocatesNothing()
        {
            float[] parameters = new float[257];
            NetworkFingerprint.Compute(parameters);
            long before = GC.GetAllocatedBytesForCurrentThread();
            NetworkFingerprint.Compute(parameters);
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }
}
