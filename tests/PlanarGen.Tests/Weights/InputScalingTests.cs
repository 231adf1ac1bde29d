using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PlanarGen.Tests.Networks;
using PlanarGen.Tests.Sharing;
using Xunit;

namespace PlanarGen.Tests.Weights
{
    /// <summary>Input scaling (docs/weights.md#input-scaling): the network's members, the files' input_offset and input_scale
    /// tensors in every format and precision, the checks on load (each an error, the network unchanged), and NumPy's
    /// predictions on raw inputs for a file it wrote.</summary>
    public class InputScalingTests
    {
        private static readonly float[] Original = WeightsTestKit.Values241();

        private static FlowerNet Scaled(float[] offsets, float[] scales)
        {
            var net = TestData.Load<FlowerNet, float>(Original);
            net.SetInputScaling(offsets, scales);
            return net;
        }

        [Fact]
        public void ANetworkWithoutScalingCopiesItsInputsBitForBit()
        {
            var net = TestData.Load<FlowerNet, float>(Original);
            Assert.False(net.HasInputScaling);
            float[] raw = { -0.0f, float.Epsilon };
            var scaled = new float[2] { 7, 7 };
            net.ScaleInputs(raw, scaled);
            Assert.Equal(BitConverter.SingleToInt32Bits(-0.0f), BitConverter.SingleToInt32Bits(scaled[0]));
            Assert.Equal(float.Epsilon, scaled[1]);
            Assert.False(net.TryGetInputScaling(new float[2], new float[2]));
            float[] features = { 1, 2, 3, 4, 5, 6 };
            var scaledFeatures = new float[6];
            net.ScaleFeatures(features, scaledFeatures, 3);
            Assert.Equal(features, scaledFeatures);
        }

        [Fact]
        public void ScaleInputsSubtractsTheOffsetThenMultipliesByTheScale()
        {
            // Exact binary fractions: (5 - 2) * 0.5 = 1.5 and (-1 - -3) * -4 = -8.
            var net = Scaled(new[] { 2f, -3f }, new[] { 0.5f, -4f });
            Assert.True(net.HasInputScaling);
            var scaled = new float[2];
            net.ScaleInputs(new[] { 5f, -1f }, scaled);
            Assert.Equal(new[] { 1.5f, -8f }, scaled);

            // The feature matrix is feature-major (DataSet.X): row 0 is feature 0 of samples 0..2, row 1 feature 1.
            float[] features = { 2, 3, 4, -3, -2, -1 };
            net.ScaleFeatures(features, features, 3);     // in place
            Assert.Equal(new[] { 0f, 0.5f, 1f, -0f, -4f, -8f }, features);

            var offsets = new float[2];
            var scales = new float[2];
            Assert.True(net.TryGetInputScaling(offsets, scales));
            Assert.Equal(new[] { 2f, -3f }, offsets);
            Assert.Equal(new[] { 0.5f, -4f }, scales);
        }

        [Fact]
        public void ScalingRoundsOnceAfterTheSubtractionAndOnceAfterTheMultiplication()
        {
            // float: 2^24 - (-1) rounds to 2^24 (ties to even), times 3 is 50331648 exactly. Evaluated in double and rounded
            // once, (2^24 + 1) x 3 = 50331651 would round to 50331652.
            var net = Scaled(new[] { -1f, 0f }, new[] { 3f, 1f });
            var scaled = new float[2];
            net.ScaleInputs(new[] { 16777216f, 0f }, scaled);
            Assert.Equal(50331648f, scaled[0]);
            var net64 = new FlowerNet64();
            net64.SetInputScaling(new[] { -1.0, 0 }, new[] { 3.0, 1 });
            var scaled64 = new double[2];
            net64.ScaleInputs(new[] { 16777216.0, 0 }, scaled64);
            Assert.Equal(50331651.0, scaled64[0]);
        }

        [Fact]
        public void ClearInputScalingRestoresTheIdentity()
        {
            var net = Scaled(new[] { 2f, -3f }, new[] { 0.5f, -4f });
            net.ClearInputScaling();
            Assert.False(net.HasInputScaling);
            var scaled = new float[2];
            net.ScaleInputs(new[] { 5f, -1f }, scaled);
            Assert.Equal(new[] { 5f, -1f }, scaled);
            Assert.Equal(default(FlowerNet).Fingerprint(), new FlowerNet().Fingerprint());
        }

        [Theory]
        [InlineData(1, 2, 1f, 1f, "Expected 2 offsets (one per input), but got 1.")]
        [InlineData(2, 3, 1f, 1f, "Expected 2 scales (one per input), but got 3.")]
        [InlineData(2, 2, float.NaN, 1f, "Expected finite offsets, but offset 1 is NaN.")]
        [InlineData(2, 2, 1f, float.PositiveInfinity, "Expected finite, non-zero scales, but scale 1 is Infinity.")]
        [InlineData(2, 2, 1f, 0f, "Expected finite, non-zero scales, but scale 1 is 0.")]
        [InlineData(2, 2, 1f, -0f, "Expected finite, non-zero scales, but scale 1 is -0.")]
        public void SetInputScalingRejectsBadValuesAndLeavesTheNetworkUnchanged(int offsetCount, int scaleCount, float offset1, float scale1, string message)
        {
            var net = Scaled(new[] { 2f, -3f }, new[] { 0.5f, -4f });
            double[] before = WeightsTestKit.StateOf<FlowerNet, float>(net);
            float[] offsets = new float[offsetCount];
            float[] scales = Enumerable.Repeat(1f, scaleCount).ToArray();
            if (offsetCount > 1) offsets[1] = offset1;
            if (scaleCount > 1) scales[1] = scale1;
            var e = Assert.Throws<ArgumentException>(() => net.SetInputScaling(offsets, scales));
            Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
            WeightsTestKit.AssertSameBits(before, WeightsTestKit.StateOf<FlowerNet, float>(net));
        }

        [Fact]
        public void HelpersCheckTheirSpanLengths()
        {
            var net = Scaled(new[] { 2f, -3f }, new[] { 0.5f, -4f });
            Assert.StartsWith("Expected 2 inputs (one sample), but got 3.", Assert.Throws<ArgumentException>(() => net.ScaleInputs(new float[3], new float[2])).Message, StringComparison.Ordinal);
            Assert.StartsWith("Expected room for 2 scaled inputs, but got 1.", Assert.Throws<ArgumentException>(() => net.ScaleInputs(new float[2], new float[1])).Message, StringComparison.Ordinal);
            Assert.StartsWith("Expected 6 values (2 features x 3 samples, feature-major as DataSet.X), but got 5.",
                Assert.Throws<ArgumentException>(() => net.ScaleFeatures(new float[5], new float[6], 3)).Message, StringComparison.Ordinal);
            Assert.StartsWith("Expected room for 2 offsets (one per input), but got 1.",
                Assert.Throws<ArgumentException>(() => net.TryGetInputScaling(new float[1], new float[2])).Message, StringComparison.Ordinal);
        }

        [Fact]
        public void AStructCopyAndAClassCloneOwnTheirScaling()
        {
            var a = Scaled(new[] { 2f, -3f }, new[] { 0.5f, -4f });
            FlowerNet b = a;
            b.SetInputScaling(new[] { 1f, 1f }, new[] { 1f, 1f });
            var offsets = new float[2];
            a.TryGetInputScaling(offsets, new float[2]);
            Assert.Equal(new[] { 2f, -3f }, offsets);

            var c = new LoopClass();
            c.SetInputScaling(new[] { 2f, -3f }, new[] { 0.5f, -4f });
            LoopClass d = c.Clone();
            d.ClearInputScaling();
            Assert.True(c.HasInputScaling);
            Assert.False(d.HasInputScaling);
            var scaled = new float[2];
            c.ScaleInputs(new[] { 5f, -1f }, scaled);
            Assert.Equal(new[] { 1.5f, -8f }, scaled);
        }

        public static TheoryData<string, WeightsFormat> Formats => new TheoryData<string, WeightsFormat>
        {
            { "float", WeightsFormat.Safetensors }, { "float", WeightsFormat.Json },
            { "double", WeightsFormat.Safetensors }, { "double", WeightsFormat.Json },
        };

        [Theory]
        [MemberData(nameof(Formats))]
        public void SavedScalingLoadsBackBitForBit(string precision, WeightsFormat format)
        {
            if (precision == "float") RoundTrip<FlowerNet, float>(format, new[] { -0.0f, 1e-40f }, new[] { float.MaxValue, -float.Epsilon });
            else RoundTrip<Leaky352Double, double>(format, new[] { -0.0, 1e-310, 0.1 }, new[] { double.MaxValue, -double.Epsilon, 1.0 / 3 });
        }

        private static void RoundTrip<TNet, T>(WeightsFormat format, T[] offsets, T[] scales)
            where TNet : struct, INetwork<T> where T : unmanaged, System.Numerics.IBinaryFloatingPointIeee754<T>
        {
            var shape = Networks.NetworkShape.Of(typeof(TNet));
            TNet net = TestData.Load<TNet, T>(TestData.Parameters<T>(shape, seed: 3));
            net.SetInputScaling(offsets, scales);
            byte[] file = WeightsTestKit.Save<TNet, T>(net, format);

            var loaded = new TNet();
            NetworkWeights.Load<TNet, T>(ref loaded, file);
            WeightsTestKit.AssertSameBits(WeightsTestKit.StateOf<TNet, T>(net), WeightsTestKit.StateOf<TNet, T>(loaded));

            WeightsInfo info = WeightsFile.Inspect(file);
            string dtype = typeof(T) == typeof(float) ? "F32" : "F64";
            Assert.Equal(new[] { "W1", "b1", "W2", "b2", "input_offset", "input_scale" }, info.Tensors.Select(t => t.Name));
            Assert.Equal(new[] { shape.Inputs }, info.Tensors[4].Shape);
            Assert.All(info.Tensors, t => Assert.Equal(dtype, t.DType));
            Assert.Equal(WeightsChecksumStatus.Matches, info.ChecksumStatus);
            Assert.Equal(offsets.Select(v => double.CreateTruncating(v)), info.InputOffsets!);
            Assert.Equal(scales.Select(v => double.CreateTruncating(v)), info.InputScales!);
            // The checksum covers the scaling too, so it is no longer the parameters' fingerprint.
            Assert.NotEqual($"xxh64:{net.Fingerprint():x16}", info.StoredChecksum);
        }

        [Fact]
        public void AFileWithoutScalingClearsTheNetworksScaling()
        {
            var net = Scaled(new[] { 2f, -3f }, new[] { 0.5f, -4f });
            NetworkWeights.Load<FlowerNet, float>(ref net, WeightsTestKit.Save<FlowerNet, float>(TestData.Load<FlowerNet, float>(Original), WeightsFormat.Safetensors));
            Assert.False(net.HasInputScaling);
        }

        [Fact]
        public void AFileWithoutScalingIsWrittenAsBefore()
        {
            // No scaling: exactly the four tensors, and the checksum is still the network's fingerprint.
            var net = TestData.Load<FlowerNet, float>(Original);
            WeightsInfo info = WeightsFile.Inspect(WeightsTestKit.Save<FlowerNet, float>(net, WeightsFormat.Json));
            Assert.Equal(new[] { "W1", "b1", "W2", "b2" }, info.Tensors.Select(t => t.Name));
            Assert.Equal($"xxh64:{net.Fingerprint():x16}", info.StoredChecksum);
            Assert.Null(info.InputOffsets);
        }

        [Fact]
        public void F64ScalingIntoAFloatNetworkRoundsToNearest()
        {
            var source = new FlowerNet64();
            source.SetInputScaling(new[] { 0.1, 1e300 / 1e300 }, new[] { 1.0 / 3, 2.0 });
            var net = new FlowerNet();
            NetworkWeights.Load<FlowerNet, float>(ref net, WeightsTestKit.Save<FlowerNet64, double>(source, WeightsFormat.Safetensors));
            var offsets = new float[2];
            var scales = new float[2];
            Assert.True(net.TryGetInputScaling(offsets, scales));
            Assert.Equal(new[] { 0.1f, 1f }, offsets);
            Assert.Equal(new[] { 1f / 3, 2f }, scales);
        }

        [Fact]
        public void NumPysScaledFileGivesNumPysPredictionsOnRawInputs()
        {
            var net = new FlowerNet64();
            net.LoadWeights(WeightsTestKit.Fixture("notebook_2-4-1_scaled.npz"));
            Assert.True(net.HasInputScaling);
            double worst = 0;
            foreach (string line in File.ReadAllLines(WeightsTestKit.Fixture("scaling_predictions.txt")))
            {
                double[] v = line.Split(' ').Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
                var scaled = new double[2];
                net.ScaleInputs(new[] { v[0], v[1] }, scaled);
                var p = new double[1];
                net.Predict(scaled, p);
                worst = Math.Max(worst, Math.Abs(p[0] - v[2]));
            }
            Assert.True(worst < 1e-13, $"worst difference from NumPy {worst:R}");

            // Without the scaling the raw inputs give other predictions: the test would notice scaling not applied.
            var raw = new double[1];
            net.Predict(new[] { 52.5, -6.75 }, raw);
            Assert.True(Math.Abs(raw[0] - 0.8981432202679) > 1e-3);
        }

        // ---- Errors: each a WeightsFormatException naming what was expected and found; the network unchanged. ----

        private static string Reject(byte[] bytes)
        {
            var net = Scaled(new[] { 2f, -3f }, new[] { 0.5f, -4f });
            double[] before = WeightsTestKit.StateOf<FlowerNet, float>(net);
            var e = Assert.Throws<WeightsFormatException>(() => NetworkWeights.Load<FlowerNet, float>(ref net, bytes));
            WeightsTestKit.AssertSameBits(before, WeightsTestKit.StateOf<FlowerNet, float>(net));
            return e.Message;
        }

        private const string Parameters241 =
            "\"W1\":{\"dtype\":\"F32\",\"shape\":[4,2],\"data_offsets\":[0,32]},\"b1\":{\"dtype\":\"F32\",\"shape\":[4,1],\"data_offsets\":[32,48]}," +
            "\"W2\":{\"dtype\":\"F32\",\"shape\":[1,4],\"data_offsets\":[48,64]},\"b2\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[64,68]}";

        private static byte[] Foreign(string scalingHeader, params float[] scalingValues) =>
            WeightsTestKit.Safetensors("{" + Parameters241 + scalingHeader + "}", WeightsTestKit.F32([.. Original, .. scalingValues]));

        [Fact]
        public void ForeignFileWithScalingLoads()
        {
            var net = new FlowerNet();
            NetworkWeights.Load<FlowerNet, float>(ref net, Foreign(
                ",\"input_offset\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[68,76]},\"input_scale\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[76,84]}",
                2f, -3f, 0.5f, -4f));
            var scaled = new float[2];
            net.ScaleInputs(new[] { 5f, -1f }, scaled);
            Assert.Equal(new[] { 1.5f, -8f }, scaled);
        }

        [Fact]
        public void OnlyOneScalingTensorIsAnError() =>
            Assert.Equal("input scaling: found the tensor input_offset without input_scale; expected both input_offset and input_scale, or neither.",
                Reject(Foreign(",\"input_offset\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[68,76]}", 2f, -3f)));

        [Fact]
        public void AScalingTensorOfTheWrongLengthIsAnError() =>
            Assert.Equal("tensor input_scale: expected shape [2] (one value per input), found [3].",
                Reject(Foreign(",\"input_offset\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[68,76]},\"input_scale\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[76,88]}",
                    2f, -3f, 0.5f, -4f, 1f)));

        [Fact]
        public void AScalingTensorOfTheWrongRankIsAnError() =>
            Assert.Equal("tensor input_offset: expected shape [2] (one value per input), found [2, 1].",
                Reject(Foreign(",\"input_offset\":{\"dtype\":\"F32\",\"shape\":[2,1],\"data_offsets\":[68,76]},\"input_scale\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[76,84]}",
                    2f, -3f, 0.5f, -4f)));

        [Fact]
        public void ANonFiniteOffsetIsAnError() =>
            Assert.Equal("tensor input_offset[1]: expected a finite value, found NaN.",
                Reject(Foreign(",\"input_offset\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[68,76]},\"input_scale\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[76,84]}",
                    2f, float.NaN, 0.5f, -4f)));

        [Fact]
        public void AZeroScaleIsAnError() =>
            Assert.Equal("tensor input_scale[0]: expected a non-zero scale, found -0.",
                Reject(Foreign(",\"input_offset\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[68,76]},\"input_scale\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[76,84]}",
                    2f, -3f, -0f, -4f)));

        [Fact]
        public void AnF64ScaleThatRoundsToZeroAsAFloatIsAnError()
        {
            string json = "{\"tensors\":{\"W1\":{\"dtype\":\"F32\",\"shape\":[4,2],\"data\":[1,2,3,4,5,6,7,8]},\"b1\":{\"dtype\":\"F32\",\"shape\":[4],\"data\":[1,2,3,4]}," +
                "\"W2\":{\"dtype\":\"F32\",\"shape\":[1,4],\"data\":[1,2,3,4]},\"b2\":{\"dtype\":\"F32\",\"shape\":[1],\"data\":[1]}," +
                "\"input_offset\":{\"dtype\":\"F64\",\"shape\":[2],\"data\":[0,0]},\"input_scale\":{\"dtype\":\"F64\",\"shape\":[2],\"data\":[1,1e-50]}}}";
            Assert.Equal("tensor input_scale[1]: expected a non-zero scale, found 1E-50, which rounds to 0 as a float.", Reject(Encoding.UTF8.GetBytes(json)));
        }

        [Fact]
        public void AScalingTensorInAnotherPrecisionThanTheMetadataIsAnError()
        {
            var source = Scaled(new[] { 2f, -3f }, new[] { 0.5f, -4f });
            string json = Encoding.UTF8.GetString(WeightsTestKit.Save<FlowerNet, float>(source, WeightsFormat.Json));
            int at = json.IndexOf("\"input_scale\"", StringComparison.Ordinal);
            json = json[..at] + json[at..].Replace("\"F32\"", "\"F64\"", StringComparison.Ordinal);
            // A consistent checksum over the buffer as now read (the scales as F64), so only the dtype is wrong.
            byte[] buffer = [.. WeightsTestKit.F32([.. Original, 2f, -3f]), .. BitConverter.GetBytes(0.5), .. BitConverter.GetBytes(-4.0)];
            int c = json.IndexOf("xxh64:", StringComparison.Ordinal);
            json = json[..c] + $"xxh64:{System.IO.Hashing.XxHash64.HashToUInt64(buffer):x16}" + json[(c + 22)..];
            Assert.Equal("metadata: planargen.precision is \"single\", so every tensor should be F32, but input_scale is F64.", Reject(Encoding.UTF8.GetBytes(json)));
        }

        [Fact]
        public void AnAlteredScaleFailsTheChecksum()
        {
            var source = Scaled(new[] { 2f, -3f }, new[] { 0.5f, -4f });
            string json = Encoding.UTF8.GetString(WeightsTestKit.Save<FlowerNet, float>(source, WeightsFormat.Json));
            int at = json.IndexOf("\"input_scale\"", StringComparison.Ordinal);
            json = json[..at] + json[at..].Replace("0.5", "0.25", StringComparison.Ordinal);
            Assert.Contains("the data was altered or damaged", Reject(Encoding.UTF8.GetBytes(json)), StringComparison.Ordinal);
        }

        [Fact]
        public void ConvertKeepsTheScaling()
        {
            string folder = Path.Combine(Path.GetTempPath(), "planargen-scaling-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                string json = Path.Combine(folder, "scaled.json");
                WeightsFile.Convert(WeightsTestKit.Fixture("notebook_2-4-1_scaled.npz"), json);
                var fromNpz = new FlowerNet64();
                fromNpz.LoadWeights(WeightsTestKit.Fixture("notebook_2-4-1_scaled.npz"));
                var fromJson = new FlowerNet64();
                fromJson.LoadWeights(json);
                WeightsTestKit.AssertSameBits(WeightsTestKit.StateOf<FlowerNet64, double>(fromNpz), WeightsTestKit.StateOf<FlowerNet64, double>(fromJson));

                var saved = Scaled(new[] { 2f, -3f }, new[] { 0.5f, -4f });
                string safetensors = Path.Combine(folder, "scaled.safetensors");
                saved.SaveWeights(safetensors);
                WeightsFile.Convert(safetensors, json);
                WeightsFile.Convert(json, Path.Combine(folder, "again.safetensors"));
                Assert.Equal(File.ReadAllBytes(safetensors), File.ReadAllBytes(Path.Combine(folder, "again.safetensors")));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
