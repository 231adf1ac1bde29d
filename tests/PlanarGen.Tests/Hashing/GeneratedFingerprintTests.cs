using System;
using System.IO;
using System.Text;
using PlanarGen.Tests.LargeNetworks;
using PlanarGen.Tests.Networks;
using Xunit;

namespace PlanarGen.Tests.Hashing
{
    /// <summary>The generated Fingerprint(): the documented hash of the parameters (both forms, both precisions, struct and
    /// class), equal to the checksum of the weights file the network saves, changed by any parameter bit, allocation-free.</summary>
    public class GeneratedFingerprintTests
    {
        [Theory]
        [MemberData(nameof(NetworkCatalog.Names), MemberType = typeof(NetworkCatalog))]
        public void IsTheDocumentedHashAndTheSavedChecksum(string network) =>
            NetworkCatalog.Run(typeof(GeneratedFingerprintTests), nameof(CheckFingerprint), network);

        private static void CheckFingerprint<TNet, T>() where TNet : struct, INetwork<T> where T : unmanaged
        {
            var net = new TNet();
            net.Initialize(new NumPyRandom(3), scale: 0.5);
            var parameters = new T[net.Shape.ParameterCount];
            net.CopyParametersTo(parameters);
            // The documented algorithm with an independent XXH64 (little-endian host: the bytes are the little-endian patterns).
            ulong expected = System.IO.Hashing.XxHash64.HashToUInt64(System.Runtime.InteropServices.MemoryMarshal.AsBytes(parameters.AsSpan()));
            Assert.Equal(expected, net.Fingerprint());

            var file = new MemoryStream();
            net.SaveWeights(file, WeightsFormat.Json);
            Assert.Contains($"\"planargen.checksum\": \"xxh64:{expected:x16}\"", Encoding.UTF8.GetString(file.ToArray()));

            // One flipped bit in the last parameter changes it; loading the original back restores it.
            var changed = (T[])parameters.Clone();
            Span<byte> last = System.Runtime.InteropServices.MemoryMarshal.AsBytes(changed.AsSpan(changed.Length - 1));
            last[0] ^= 1;
            net.LoadParameters(changed);
            Assert.NotEqual(expected, net.Fingerprint());
            net.LoadParameters(parameters);
            Assert.Equal(expected, net.Fingerprint());

            net.Fingerprint();
            long before = GC.GetAllocatedBytesForCurrentThread();
            net.Fingerprint();
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [Fact]
        public void LoopFormClassHashesItsStorageInPlace()
        {
            var net = new DigitNet();
            net.Initialize(new NumPyRandom(2));
            var parameters = new float[DigitNet.ParameterCount];
            net.CopyParametersTo(parameters);
            Assert.Equal(NetworkFingerprint.Compute(parameters), net.Fingerprint());
            Assert.Equal(net.Fingerprint(), net.Clone().Fingerprint());
            long before = GC.GetAllocatedBytesForCurrentThread();
            net.Fingerprint();
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }
}
