using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace PlanarGen.Tests.Weights
{
    /// <summary>WeightsFile.Inspect and WeightsFile.Convert: reading files without a network.</summary>
    public class WeightsFileTests
    {
        private static FlowerNet64 Trained()
        {
            var net = new FlowerNet64();
            net.Initialize(new NumPyRandom(3));
            return net;
        }

        private static string Checksum(ulong fingerprint) => "xxh64:" + fingerprint.ToString("x16", CultureInfo.InvariantCulture);

        private static string Shapes(WeightsInfo info) =>
            string.Join("; ", info.Tensors.Select(t => $"{t.Name} {t.DType} [{string.Join(",", t.Shape)}]"));

        [Theory]
        [InlineData(WeightsFormat.Safetensors)]
        [InlineData(WeightsFormat.Json)]
        public void InspectOfASavedNetworkReportsTensorsMetadataAndAMatchingChecksum(WeightsFormat format)
        {
            FlowerNet64 net = Trained();
            WeightsInfo info = WeightsFile.Inspect(WeightsTestKit.Save<FlowerNet64, double>(net, format));

            Assert.Equal(format, info.Format);
            Assert.Equal("W1 F64 [4,2]; b1 F64 [4,1]; W2 F64 [1,4]; b2 F64 [1,1]", Shapes(info));
            Assert.Equal(new[] { "planargen.format_version", "planargen.shape", "planargen.hidden_activation", "planargen.output_activation",
                "planargen.leaky_slope", "planargen.precision", "planargen.checksum" }, info.Metadata.Select(e => e.Key).ToArray());
            Assert.Equal("2-4-1", info.Metadata.Single(e => e.Key == "planargen.shape").Value);
            Assert.Equal(WeightsChecksumStatus.Matches, info.ChecksumStatus);
            Assert.Equal(Checksum(net.Fingerprint()), info.StoredChecksum);
            Assert.Equal(Checksum(net.Fingerprint()), info.ComputedChecksum);
        }

        [Fact]
        public void InspectOfAlteredDataSaysTheChecksumDoesNotMatch()
        {
            FlowerNet64 net = Trained();
            byte[] file = WeightsTestKit.Save<FlowerNet64, double>(net, WeightsFormat.Safetensors);
            file[^1] ^= 0x01;
            WeightsInfo info = WeightsFile.Inspect(file);
            Assert.Equal(WeightsChecksumStatus.DoesNotMatch, info.ChecksumStatus);
            Assert.Equal(Checksum(net.Fingerprint()), info.StoredChecksum);
            Assert.NotEqual(info.StoredChecksum, info.ComputedChecksum);
        }

        [Fact]
        public void InspectOfTheNumPyFixtures()
        {
            WeightsInfo f64 = WeightsFile.Inspect(WeightsTestKit.Fixture("notebook_2-4-1.npz"));
            Assert.Equal(WeightsFormat.Npz, f64.Format);
            Assert.Equal("W1 F64 [4,2]; b1 F64 [4,1]; W2 F64 [1,4]; b2 F64 [1,1]", Shapes(f64));
            Assert.Empty(f64.Metadata);
            Assert.Equal(WeightsChecksumStatus.None, f64.ChecksumStatus);
            Assert.Null(f64.StoredChecksum);

            WeightsInfo f32 = WeightsFile.Inspect(WeightsTestKit.Fixture("notebook_2-4-1_f32.npz"));
            Assert.Equal("W1 F32 [4,2]; b1 F32 [4,1]; W2 F32 [1,4]; b2 F32 [1,1]", Shapes(f32));
        }

        [Fact]
        public void InspectOfTheTorchFixture()
        {
            WeightsInfo info = WeightsFile.Inspect(WeightsTestKit.Fixture("torch_2-4-1.safetensors"));
            Assert.Equal(WeightsFormat.Safetensors, info.Format);
            Assert.Equal("0.bias F32 [4]; 0.weight F32 [4,2]; 2.bias F32 [1]; 2.weight F32 [1,4]",
                string.Join("; ", Shapes(info).Split("; ").OrderBy(t => t, StringComparer.Ordinal)));
            Assert.DoesNotContain(info.Metadata, e => e.Key.StartsWith("planargen.", StringComparison.Ordinal));
            Assert.Equal(WeightsChecksumStatus.None, info.ChecksumStatus);
        }

        [Theory]
        [InlineData(new byte[0])]
        [InlineData(new byte[] { (byte)'P', (byte)'K', 3, 4 })]
        [InlineData(new byte[] { 16, 0, 0, 0, 0, 0, 0, 0, (byte)'{' })]
        public void InspectOfMalformedContentThrowsWeightsFormatException(byte[] content)
        {
            Assert.Throws<WeightsFormatException>(() => WeightsFile.Inspect(content));
        }

        [Fact]
        public void InspectOfAMalformedFileNamesTheFile()
        {
            string path = Path.Combine(Path.GetTempPath(), "planargen-inspect-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(path, "{\"tensors\": ");
            try
            {
                var e = Assert.Throws<WeightsFormatException>(() => WeightsFile.Inspect(path));
                Assert.Equal(path, e.Path);
                Assert.StartsWith($"Weights file '{path}': ", e.Message, StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void ConvertRoundTripsBitForBitAndTheResultLoads()
        {
            string folder = Path.Combine(Path.GetTempPath(), "planargen-convert-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                FlowerNet64 net = Trained();
                string original = Path.Combine(folder, "a.safetensors"), json = Path.Combine(folder, "a.json"), back = Path.Combine(folder, "b.safetensors");
                NetworkWeights.Save<FlowerNet64, double>(net, original);
                WeightsFile.Convert(original, json);
                WeightsFile.Convert(json, back);
                Assert.Equal(File.ReadAllBytes(original), File.ReadAllBytes(back));
                Assert.Equal(WeightsTestKit.Save<FlowerNet64, double>(net, WeightsFormat.Json), File.ReadAllBytes(json));

                var loaded = new FlowerNet64();
                NetworkWeights.Load<FlowerNet64, double>(ref loaded, json);
                Assert.Equal(net.Fingerprint(), loaded.Fingerprint());
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        [Fact]
        public void ConvertOfTheNumPyFixtureKeepsTheValuesAndWritesNoPlanarGenMetadata()
        {
            string folder = Path.Combine(Path.GetTempPath(), "planargen-convert-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                string npz = WeightsTestKit.Fixture("notebook_2-4-1.npz"), json = Path.Combine(folder, "n.json");
                WeightsFile.Convert(npz, json);
                WeightsInfo info = WeightsFile.Inspect(json);
                Assert.Empty(info.Metadata);
                Assert.Equal(WeightsFile.Inspect(npz).ComputedChecksum, info.ComputedChecksum);
                var a = new FlowerNet64();
                var b = new FlowerNet64();
                NetworkWeights.Load<FlowerNet64, double>(ref a, npz);
                NetworkWeights.Load<FlowerNet64, double>(ref b, json);
                WeightsTestKit.AssertSameBits(WeightsTestKit.ParametersOf<FlowerNet64, double>(a), WeightsTestKit.ParametersOf<FlowerNet64, double>(b));
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        [Fact]
        public void ConvertRefusesTensorsThatAreNotANetwork()
        {
            string folder = Path.Combine(Path.GetTempPath(), "planargen-convert-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                string source = Path.Combine(folder, "x.safetensors");
                File.WriteAllBytes(source, WeightsTestKit.Safetensors("{\"X\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}}", new byte[8]));
                var e = Assert.Throws<WeightsFormatException>(() => WeightsFile.Convert(source, Path.Combine(folder, "x.json")));
                Assert.Contains("found no W1 and no W2", e.Message);
                Assert.False(File.Exists(Path.Combine(folder, "x.json")));
                Assert.Throws<ArgumentException>(() => WeightsFile.Convert(source, Path.Combine(folder, "x.npz")));
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }
    
        [Fact]
        public void ConvertHoldsAPlanarGenFileToItsMetadata()
        {
            string folder = Path.Combine(Path.GetTempPath(), "planargen-convert-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                // A double network's file whose metadata claims single precision: the data still matches its checksum.
                string text = System.Text.Encoding.UTF8.GetString(WeightsTestKit.Save<FlowerNet64, double>(Trained(), WeightsFormat.Json));
                string source = Path.Combine(folder, "claims-single.json");
                File.WriteAllText(source, text.Replace("\"planargen.precision\": \"double\"", "\"planargen.precision\": \"single\"", StringComparison.Ordinal));
                Assert.Equal(WeightsChecksumStatus.Matches, WeightsFile.Inspect(source).ChecksumStatus);
                var e = Assert.Throws<WeightsFormatException>(() => WeightsFile.Convert(source, Path.Combine(folder, "out.safetensors")));
                Assert.Equal($"Weights file '{source}': metadata: planargen.precision is \"single\", so every tensor should be F32, but W1 is F64.", e.Message);
                Assert.False(File.Exists(Path.Combine(folder, "out.safetensors")));
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }
}
}
