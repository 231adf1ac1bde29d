using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using PlanarGen.Tests.Networks;
using Xunit;

namespace PlanarGen.Tests.Weights
{
    /// <summary>Each kind of bad input gets a <see cref="WeightsFormatException"/> whose message names the part of the file,
    /// what was expected and what was found; the network is unchanged.</summary>
    public class WeightsErrorTests
    {
        private static readonly float[] Original = WeightsTestKit.Values241();

        /// <summary>Loads <paramref name="bytes"/> into a FlowerNet holding <see cref="Original"/>, expects the error and
        /// the untouched network, and returns the message.</summary>
        private static string Reject(byte[] bytes)
        {
            var net = TestData.Load<FlowerNet, float>(Original);
            var e = Assert.Throws<WeightsFormatException>(() => NetworkWeights.Load<FlowerNet, float>(ref net, bytes));
            WeightsTestKit.AssertSameBits(Array.ConvertAll(Original, v => (double)v), WeightsTestKit.ParametersOf<FlowerNet, float>(net));
            return e.Message;
        }

        private static byte[] Foreign(string header) => WeightsTestKit.Safetensors(header, WeightsTestKit.F32(Original));

        private static string SavedJson() =>
            Encoding.UTF8.GetString(WeightsTestKit.Save<FlowerNet, float>(TestData.Load<FlowerNet, float>(Original), WeightsFormat.Json));

        [Fact]
        public void ForeignSafetensorsWithoutMetadataLoadsOnShapesAlone()
        {
            var net = new FlowerNet();
            NetworkWeights.Load<FlowerNet, float>(ref net, Foreign(WeightsTestKit.Foreign241Header));
            WeightsTestKit.AssertSameBits(Array.ConvertAll(Original, v => (double)v), WeightsTestKit.ParametersOf<FlowerNet, float>(net));
        }

        [Fact]
        public void HeaderLengthAboveTheLimitOrBeyondTheFile()
        {
            byte[] file = Foreign(WeightsTestKit.Foreign241Header);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(file, 100_000_001);
            Assert.Contains("header length is 100000001 bytes; expected at most 100000000", Reject(file));
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)file.Length);
            Assert.Contains($"only {file.Length - 8} bytes follow", Reject(file));
        }

        [Fact]
        public void DuplicateNamesHolesOverlapsAndWrongSizes()
        {
            string h = WeightsTestKit.Foreign241Header;
            Assert.Contains("found the tensor name \"W1\" twice", Reject(Foreign(h.Replace("\"b1\":", "\"W1\":"))));
            Assert.Contains("tensor \"b1\" starts at byte 36 of the data buffer; expected 32", Reject(WeightsTestKit.Safetensors(
                h.Replace("[32,48]", "[36,52]").Replace("[48,64]", "[52,68]").Replace("[64,68]", "[68,72]"), WeightsTestKit.F32(new float[18]))));
            Assert.Contains("must not overlap", Reject(Foreign(h.Replace("[32,48]", "[28,44]").Replace("[48,64]", "[44,60]").Replace("[64,68]", "[60,64]"))));
            Assert.Contains("extra bytes at the end", Reject(WeightsTestKit.Safetensors(h, WeightsTestKit.F32(new float[18]))));
            Assert.Contains("needs 32 bytes, but its data_offsets [0, 28] span 28 bytes", Reject(Foreign(h.Replace("[0,32]", "[0,28]"))));
        }

        [Fact]
        public void OtherDtypesAreRejectedByName()
        {
            Assert.Contains("dtype \"I32\", which PlanarGen does not read; expected \"F32\" or \"F64\"",
                Reject(Foreign(WeightsTestKit.Foreign241Header.Replace("{\"dtype\":\"F32\",\"shape\":[4,2]", "{\"dtype\":\"I32\",\"shape\":[4,2]"))));
            Assert.Contains("dtype \"BF16\"", Reject(Foreign(WeightsTestKit.Foreign241Header.Replace("{\"dtype\":\"F32\",\"shape\":[4,2],\"data_offsets\":[0,32]", "{\"dtype\":\"BF16\",\"shape\":[4,4],\"data_offsets\":[0,32]"))));
            Assert.Contains("unknown dtype \"Q7\"", Reject(Foreign(WeightsTestKit.Foreign241Header.Replace("{\"dtype\":\"F32\",\"shape\":[4,2]", "{\"dtype\":\"Q7\",\"shape\":[4,2]"))));
        }

        [Fact]
        public void MetadataMustBeStringToString()
        {
            string h = WeightsTestKit.Foreign241Header.Insert(1, "\"__metadata__\":{\"epochs\":3},");
            Assert.Contains("metadata values are strings", Reject(Foreign(h)));
        }

        [Fact]
        public void UnknownNamesListWhatWasFoundAndWhatIsExpected()
        {
            string message = Reject(Foreign(WeightsTestKit.Foreign241Header.Replace("\"W2\"", "\"fc.weight\"")));
            Assert.Contains("found \"W1\", \"b1\", \"fc.weight\", \"b2\"", message);
            Assert.Contains("expected W1, b1, W2, b2", message);
            Assert.Contains("0.weight, 0.bias, 2.weight, 2.bias", message);
        }

        [Fact]
        public void PyTorchNamesWithAPrefixAreAccepted()
        {
            string h = WeightsTestKit.Foreign241Header.Replace("\"W1\"", "\"net.0.weight\"").Replace("\"b1\"", "\"net.0.bias\"")
                .Replace("\"W2\"", "\"net.2.weight\"").Replace("\"b2\"", "\"net.2.bias\"");
            var net = new FlowerNet();
            NetworkWeights.Load<FlowerNet, float>(ref net, Foreign(h));
            WeightsTestKit.AssertSameBits(Array.ConvertAll(Original, v => (double)v), WeightsTestKit.ParametersOf<FlowerNet, float>(net));
            // Mixed prefixes are not one model.
            Assert.Contains("tensor names", Reject(Foreign(h.Replace("\"net.2.bias\"", "\"other.2.bias\""))));
        }

        [Fact]
        public void ShapeMismatchNamesTheTensorAndBothShapes()
        {
            var net = new Tiny111();
            var e = Assert.Throws<WeightsFormatException>(() => NetworkWeights.Load<Tiny111, float>(ref net, Foreign(WeightsTestKit.Foreign241Header)));
            Assert.Contains("tensor W1: expected shape [1, 1] (Hidden x Inputs) for a 1-1-1 network, found [4, 2]", e.Message);
        }

        [Fact]
        public void PlanarGenMetadataMustMatchTheNetwork()
        {
            byte[] flower = WeightsTestKit.Save<FlowerNet, float>(TestData.Load<FlowerNet, float>(Original), WeightsFormat.Safetensors);
            var tanh352 = new Tanh352();
            Assert.Contains("planargen.shape is \"2-4-1\", but the network (3-5-2, hidden tanh, output sigmoid, single) needs \"3-5-2\"",
                Assert.Throws<WeightsFormatException>(() => NetworkWeights.Load<Tanh352, float>(ref tanh352, flower)).Message);
            var relu = new Relu241();
            Assert.Contains("planargen.hidden_activation is \"tanh\"",
                Assert.Throws<WeightsFormatException>(() => NetworkWeights.Load<Relu241, float>(ref relu, flower)).Message);

            var leaky = new Leaky241Slope02();
            leaky.Initialize(new NumPyRandom(1));
            byte[] slope02 = WeightsTestKit.Save<Leaky241Slope02, float>(leaky, WeightsFormat.Json);
            var other = new Leaky241Slope03();
            Assert.Contains("planargen.leaky_slope is \"0.2\", but the network (2-4-1, hidden leaky_relu (slope 0.3), output sigmoid, single) has slope 0.3",
                Assert.Throws<WeightsFormatException>(() => NetworkWeights.Load<Leaky241Slope03, float>(ref other, slope02)).Message);
        }

        [Fact]
        public void WrongChecksumOrVersionOrIncompleteMetadataIsRejected()
        {
            string json = SavedJson();
            Assert.Contains("the data was altered or damaged", Reject(Encoding.UTF8.GetBytes(json.Replace("12.5,", "12.25,"))));
            Assert.Contains("planargen.format_version is \"2\"", Reject(Encoding.UTF8.GetBytes(json.Replace("planargen.format_version\": \"1\"", "planargen.format_version\": \"2\""))));
            Assert.Contains("expected the key \"planargen.checksum\"", Reject(Encoding.UTF8.GetBytes(json.Replace("planargen.checksum", "checksum"))));
            Assert.Contains("unknown key \"planargen.comment\"", Reject(Encoding.UTF8.GetBytes(json.Replace("\"planargen.format_version\"", "\"planargen.comment\": \"x\",\n    \"planargen.format_version\""))));
        }

        [Fact]
        public void JsonGrammarIsStrictAndBounded()
        {
            string json = SavedJson();
            Assert.Contains("(a JSON number), found 'N'", Reject(Encoding.UTF8.GetBytes(json.Replace("12.5,", "NaN,"))));
            Assert.Contains("found ']'", Reject(Encoding.UTF8.GetBytes(json.Replace("16.5\n", "16.5,\n"))));
            Assert.Contains("which overflows F32", Reject(Encoding.UTF8.GetBytes(json.Replace("12.5,", "1e39,"))));
            Assert.Contains("expected the end of the document", Reject(Encoding.UTF8.GetBytes(json + "{}")));
            // Deep nesting is an error at the first unexpected '[', not a stack overflow.
            Assert.Contains("(a JSON number), found '['", Reject(Encoding.UTF8.GetBytes(json.Replace("\"data\": [\n        16.5", "\"data\": [" + new string('[', 100_000)))));
            // A UTF-8 byte order mark and leading whitespace are fine.
            var net = new FlowerNet();
            NetworkWeights.Load<FlowerNet, float>(ref net, new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(" \r\n\t" + json)).ToArray());
            WeightsTestKit.AssertSameBits(Array.ConvertAll(Original, v => (double)v), WeightsTestKit.ParametersOf<FlowerNet, float>(net));
        }

        [Fact]
        public void UnrecognisedContentSaysWhatEachFormatStartsWith()
        {
            string message = Reject(Encoding.ASCII.GetBytes("hello"));
            Assert.Contains("expected safetensors", message);
            Assert.Contains("npz", message);
            Assert.Contains("found 'h' at byte 0", message);
            Assert.Contains("found an empty input", Reject(Array.Empty<byte>()));
        }

        [Fact]
        public void NpzDtypeOrderAndChecksumProblemsAreNamed()
        {
            Assert.Contains("dtype '>f8' is not supported; expected '<f4' or '<f8'", Reject(Npz("'>f8'", fortran: false)));
            Assert.Contains("dtype '<i8' is not supported", Reject(Npz("'<i8'", fortran: false)));
            Assert.Contains("Fortran (column-major) order", Reject(Npz("'<f8'", fortran: true)));
            var net = new FlowerNet();
            NetworkWeights.Load<FlowerNet, float>(ref net, Npz("'<f8'", fortran: false));

            byte[] file = File.ReadAllBytes(WeightsTestKit.Fixture("notebook_2-4-1.npz"));
            int data = 30 + BitConverter.ToUInt16(file, 26) + BitConverter.ToUInt16(file, 28);
            file[data + 130] ^= 0x01; // inside W1's values
            Assert.Contains("npz entry \"W1.npy\": the zip records CRC-32", Reject(file));
        }

        [Fact]
        public void LoadingFromAPathNamesTheFile()
        {
            string path = Path.Combine(Path.GetTempPath(), "planargen-bad-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(path, "{\"tensors\": {}}");
            try
            {
                var net = new FlowerNet();
                var e = Assert.Throws<WeightsFormatException>(() => NetworkWeights.Load<FlowerNet, float>(ref net, path));
                Assert.Equal(path, e.Path);
                Assert.StartsWith($"Weights file '{path}': tensor names: found no tensors", e.Message);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void SavingNeedsAKnownWritableExtension()
        {
            var net = new FlowerNet();
            Assert.Contains(".npz is read only", Assert.Throws<ArgumentException>(() => NetworkWeights.Save<FlowerNet, float>(net, "w.npz")).Message);
            Assert.Throws<ArgumentException>(() => NetworkWeights.Save<FlowerNet, float>(net, "w.txt"));
            Assert.Throws<ArgumentException>(() => NetworkWeights.Save<FlowerNet, float>(net, new MemoryStream(), WeightsFormat.Npz));
        }

        [Fact]
        public void LoadingAllocatesNothingPerElement()
        {
            // DigitNet (784-128-10) has 101,770 parameters. A string or boxed number per element would cost at least
            // 24 bytes each (2.4 MB); the bound allows the input copy, one decoded buffer (JSON), one parameter array, and
            // what the network's own LoadParameters allocates (the loop form keeps its parameters in a new array).
            var net = new LargeNetworks.DigitNet();
            net.Initialize(new NumPyRandom(4), 0.1);
            var values = new float[101_770];
            net.CopyParametersTo(values);
            net.LoadParameters(values);
            long start = GC.GetAllocatedBytesForCurrentThread();
            net.LoadParameters(values);
            long loadParameters = GC.GetAllocatedBytesForCurrentThread() - start;
            foreach (WeightsFormat format in new[] { WeightsFormat.Safetensors, WeightsFormat.Json })
            {
                byte[] file = WeightsTestKit.Save<LargeNetworks.DigitNet, float>(net, format);
                var target = new LargeNetworks.DigitNet();
                NetworkWeights.Load<LargeNetworks.DigitNet, float>(ref target, file); // warm up
                long before = GC.GetAllocatedBytesForCurrentThread();
                NetworkWeights.Load<LargeNetworks.DigitNet, float>(ref target, file);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                long bound = file.Length + 2L * 4 * 101_770 + loadParameters + 64 * 1024;
                Assert.True(allocated <= bound, $"{format}: allocated {allocated} bytes for a {file.Length}-byte file; bound {bound}");
            }
        }

        /// <summary>A one-entry-per-tensor npz of a 2-4-1 network with the given descr and order, built with ZipArchive.</summary>
        private static byte[] Npz(string descr, bool fortran)
        {
            using var stream = new MemoryStream();
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var (name, shape, count) in new[] { ("W1", "(4, 2)", 8), ("b1", "(4, 1)", 4), ("W2", "(1, 4)", 4), ("b2", "(1, 1)", 1) })
                {
                    string header = $"{{'descr': {descr}, 'fortran_order': {(fortran ? "True" : "False")}, 'shape': {shape}, }}";
                    header = header.PadRight(117) + "\n";
                    using Stream entry = zip.CreateEntry(name + ".npy", CompressionLevel.NoCompression).Open();
                    entry.Write(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)header.Length, 0 });
                    entry.Write(Encoding.ASCII.GetBytes(header));
                    for (int k = 0; k < count; k++) entry.Write(BitConverter.GetBytes(k * 0.25));
                }
            }
            return stream.ToArray();
        }
    }
}
