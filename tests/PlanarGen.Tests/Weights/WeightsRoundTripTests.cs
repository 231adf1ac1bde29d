using System;
using System.IO;
using System.Numerics;
using PlanarGen.Tests.Networks;
using Xunit;

namespace PlanarGen.Tests.Weights
{
    /// <summary>Save then load gives back every parameter bit for bit, in both formats, through streams, paths and spans,
    /// for every test network (both precisions, every activation, unrolled and loop form).</summary>
    public class WeightsRoundTripTests
    {
        public static TheoryData<string> AllNetworks => NetworkCatalog.Names();

        [Theory]
        [MemberData(nameof(AllNetworks))]
        public void EveryFormatRoundTripsBitForBit(string network) =>
            NetworkCatalog.Run(typeof(WeightsRoundTripTests), nameof(RoundTripCore), network);

        private static void RoundTripCore<TNet, T>()
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            Networks.NetworkShape shape = Networks.NetworkShape.Of(typeof(TNet));
            T[] p = TestData.Parameters<T>(shape, seed: 11);
            // Values whose text form is awkward: a decimal fraction, negative zero, the smallest subnormal, the largest finite.
            p[0] = T.CreateTruncating(0.1);
            p[1] = T.NegativeZero;
            p[p.Length - 2] = T.Epsilon;
            p[p.Length - 1] = typeof(T) == typeof(float) ? T.CreateTruncating(float.MaxValue) : T.CreateTruncating(double.MaxValue);
            TNet net = TestData.Load<TNet, T>(p);
            double[] expected = WeightsTestKit.ParametersOf<TNet, T>(net);

            foreach (WeightsFormat format in new[] { WeightsFormat.Safetensors, WeightsFormat.Json })
            {
                byte[] bytes = WeightsTestKit.Save<TNet, T>(net, format);
                Assert.Equal(bytes, WeightsTestKit.Save<TNet, T>(net, format)); // deterministic

                var fromSpan = new TNet();
                NetworkWeights.Load<TNet, T>(ref fromSpan, bytes.AsSpan());
                WeightsTestKit.AssertSameBits(expected, WeightsTestKit.ParametersOf<TNet, T>(fromSpan));

                var fromStream = new TNet();
                NetworkWeights.Load<TNet, T>(ref fromStream, new MemoryStream(bytes));
                WeightsTestKit.AssertSameBits(expected, WeightsTestKit.ParametersOf<TNet, T>(fromStream));
            }

            string folder = Path.Combine(Path.GetTempPath(), "planargen-weights-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                foreach (string file in new[] { "net.safetensors", "net.json" })
                {
                    string path = Path.Combine(folder, file);
                    NetworkWeights.Save<TNet, T>(new TNet(), path); // an existing file is replaced
                    NetworkWeights.Save<TNet, T>(net, path);
                    var fromPath = new TNet();
                    NetworkWeights.Load<TNet, T>(ref fromPath, path);
                    WeightsTestKit.AssertSameBits(expected, WeightsTestKit.ParametersOf<TNet, T>(fromPath));
                    Assert.Equal(WeightsTestKit.Save<TNet, T>(net, NetworkWeights.FormatOfPath(path)), File.ReadAllBytes(path));
                }
                Assert.Equal(2, Directory.GetFiles(folder).Length); // no temporary file left behind
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void LargeLoopFormNetworkRoundTrips()
        {
            var net = new LargeNetworks.WideLeakyNet64();
            net.Initialize(new NumPyRandom(3), 0.5);
            double[] expected = WeightsTestKit.ParametersOf<LargeNetworks.WideLeakyNet64, double>(net);
            foreach (WeightsFormat format in new[] { WeightsFormat.Safetensors, WeightsFormat.Json })
            {
                var copy = new LargeNetworks.WideLeakyNet64();
                NetworkWeights.Load<LargeNetworks.WideLeakyNet64, double>(ref copy, WeightsTestKit.Save<LargeNetworks.WideLeakyNet64, double>(net, format));
                WeightsTestKit.AssertSameBits(expected, WeightsTestKit.ParametersOf<LargeNetworks.WideLeakyNet64, double>(copy));
            }
        }

        [Fact]
        public void DoubleFileIntoFloatNetworkRoundsToNearest()
        {
            // Independent facts about binary32: 0.1 rounds to 0x3DCCCCCD; 1 + 2^-24 is a tie and goes to even (1);
            // just above the tie rounds up to 1 + 2^-23; 1.25 x 2^-149 rounds down to the smallest subnormal 2^-149, and
            // 1.5 x 2^-149, a tie between subnormals, goes to the even one, 2 x 2^-149.
            double[] values = new double[17];
            values[0] = 0.1;
            values[1] = 1 + Math.Pow(2, -24);
            values[2] = 1 + Math.Pow(2, -24) + Math.Pow(2, -40);
            values[3] = 5 * Math.Pow(2, -151);
            values[4] = 3 * Math.Pow(2, -150);
            var wide = TestData.Load<FlowerNet64, double>(values);
            byte[] file = WeightsTestKit.Save<FlowerNet64, double>(wide, WeightsFormat.Safetensors);
            foreach (byte[] bytes in new[] { file, WeightsTestKit.Save<FlowerNet64, double>(wide, WeightsFormat.Json) })
            {
                var narrow = new FlowerNet();
                NetworkWeights.Load<FlowerNet, float>(ref narrow, bytes);
                double[] loaded = WeightsTestKit.ParametersOf<FlowerNet, float>(narrow);
                Assert.Equal(0x3DCCCCCD, BitConverter.SingleToInt32Bits((float)loaded[0]));
                Assert.Equal(1.0, loaded[1]);
                Assert.Equal(1 + Math.Pow(2, -23), loaded[2]);
                Assert.Equal(Math.Pow(2, -149), loaded[3]);
                Assert.Equal(Math.Pow(2, -148), loaded[4]);
            }
        }

        [Fact]
        public void FloatFileIntoDoubleNetworkWidensExactly()
        {
            float[] values = WeightsTestKit.Values241();
            values[0] = 0.1f;
            values[1] = float.Epsilon;
            var narrow = TestData.Load<FlowerNet, float>(values);
            foreach (WeightsFormat format in new[] { WeightsFormat.Safetensors, WeightsFormat.Json })
            {
                var wide = new FlowerNet64();
                NetworkWeights.Load<FlowerNet64, double>(ref wide, WeightsTestKit.Save<FlowerNet, float>(narrow, format));
                double[] loaded = WeightsTestKit.ParametersOf<FlowerNet64, double>(wide);
                Assert.Equal(0.100000001490116119384765625, loaded[0]); // the binary32 nearest 0.1, exactly
                Assert.Equal(Math.Pow(2, -149), loaded[1]);
                for (int k = 2; k < 17; k++) Assert.Equal(k + 0.5, loaded[k]);
            }
        }

        [Fact]
        public void JsonIsTheDocumentedSchema()
        {
            float[] values = WeightsTestKit.Values241();
            values[0] = 0.1f;
            var net = TestData.Load<FlowerNet, float>(values);
            string text = System.Text.Encoding.UTF8.GetString(WeightsTestKit.Save<FlowerNet, float>(net, WeightsFormat.Json));
            string expected =
                "{\n" +
                "  \"metadata\": {\n" +
                "    \"planargen.format_version\": \"1\",\n" +
                "    \"planargen.shape\": \"2-4-1\",\n" +
                "    \"planargen.hidden_activation\": \"tanh\",\n" +
                "    \"planargen.output_activation\": \"sigmoid\",\n" +
                "    \"planargen.leaky_slope\": \"0.01\",\n" +
                "    \"planargen.precision\": \"single\",\n" +
                $"    \"planargen.checksum\": \"xxh64:{System.IO.Hashing.XxHash64.HashToUInt64(WeightsTestKit.F32(values)):x16}\"\n" +
                "  },\n" +
                "  \"tensors\": {\n" +
                "    \"W1\": {\n      \"dtype\": \"F32\",\n      \"shape\": [4, 2],\n      \"data\": [\n" +
                "        0.1, 1.5,\n        2.5, 3.5,\n        4.5, 5.5,\n        6.5, 7.5\n      ]\n    },\n" +
                "    \"b1\": {\n      \"dtype\": \"F32\",\n      \"shape\": [4, 1],\n      \"data\": [\n" +
                "        8.5,\n        9.5,\n        10.5,\n        11.5\n      ]\n    },\n" +
                "    \"W2\": {\n      \"dtype\": \"F32\",\n      \"shape\": [1, 4],\n      \"data\": [\n" +
                "        12.5, 13.5, 14.5, 15.5\n      ]\n    },\n" +
                "    \"b2\": {\n      \"dtype\": \"F32\",\n      \"shape\": [1, 1],\n      \"data\": [\n" +
                "        16.5\n      ]\n    }\n" +
                "  }\n" +
                "}\n";
            Assert.Equal(expected, text);
        }

        [Fact]
        public void SafetensorsLayoutIsTheSpecified()
        {
            var net = TestData.Load<FlowerNet, float>(WeightsTestKit.Values241());
            byte[] file = WeightsTestKit.Save<FlowerNet, float>(net, WeightsFormat.Safetensors);
            ulong n = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(file);
            Assert.Equal(0UL, (8 + n) % 8); // header padded to 8 bytes
            Assert.Equal((byte)'{', file[8]);
            Assert.Equal(8 + (long)n + 68, file.Length); // 17 F32 values follow the header
            Assert.Equal(WeightsTestKit.F32(WeightsTestKit.Values241()), file[(8 + (int)n)..]);
            string header = System.Text.Encoding.UTF8.GetString(file, 8, (int)n).TrimEnd(' ');
            Assert.Contains("\"W1\":{\"dtype\":\"F32\",\"shape\":[4,2],\"data_offsets\":[0,32]}", header);
            Assert.Contains("\"b2\":{\"dtype\":\"F32\",\"shape\":[1,1],\"data_offsets\":[64,68]}", header);
            Assert.StartsWith("{\"__metadata__\":{\"planargen.format_version\":\"1\",", header);
        }

        [Fact]
        public void Crc32MatchesSystemIOHashing()
        {
            Assert.Equal(0xCBF43926u, PlanarGen.Hashing.Crc32.Compute(System.Text.Encoding.ASCII.GetBytes("123456789")));
            var random = new Random(5);
            foreach (int length in new[] { 0, 1, 7, 64, 1000 })
            {
                var bytes = new byte[length];
                random.NextBytes(bytes);
                Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(bytes), PlanarGen.Hashing.Crc32.Compute(bytes));
            }
        }
    }
}
