using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using PlanarGen.Tests.Networks;
using PlanarGen.Tests.Sharing;
using Xunit;

namespace PlanarGen.Tests.Weights
{
    /// <summary>The ONNX export run by ONNX Runtime (the test-only oracle) against PlanarGen's own PredictBatch, and its bytes
    /// read back by a protobuf decoder written here (IR version, opset, the nodes in order).</summary>
    public class OnnxExportTests
    {
        private const int Samples = 64;

        private readonly Xunit.Abstractions.ITestOutputHelper _output;

        public OnnxExportTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

        public static TheoryData<string> FloatNetworks => new TheoryData<string>
        {
            "tanh", "sigmoid", "relu", "leaky_relu", "leaky_relu 5-7-3", "tanh loop form 2-64-1",
        };

        [Theory]
        [MemberData(nameof(FloatNetworks))]
        public void OnnxRuntimeGivesPlanarGensPredictions(string name)
        {
            double worst = name switch
            {
                "tanh" => Compare<FlowerNet, float>(scaled: false),
                "sigmoid" => Compare<Sigmoid241, float>(scaled: false),
                "relu" => Compare<Relu241, float>(scaled: false),
                "leaky_relu" => Compare<Leaky241Slope02, float>(scaled: false),
                "leaky_relu 5-7-3" => Compare<Leaky573, float>(scaled: false),
                _ => Compare<LoopStruct, float>(scaled: false),
            };
            _output.WriteLine($"{name}: worst |ONNX Runtime - PredictBatch| {worst:R}");
            Assert.True(worst <= 1e-6, $"{name}: worst difference {worst:R}");
        }

        [Fact]
        public void InputScalingBecomesSubAndMulInFront()
        {
            Assert.True(Compare<FlowerNet, float>(scaled: true) <= 1e-6);
            Assert.True(Compare<Leaky573, float>(scaled: true) <= 1e-6);
        }

        [Fact]
        public void ADoubleNetworkIsExportedInFloat32()
        {
            // The parameters round to float32, so the predictions agree to float32 accuracy, not bit for bit.
            double worst = Compare<FlowerNet64, double>(scaled: true);
            _output.WriteLine($"double 2-4-1 scaled: worst |ONNX Runtime - PredictBatch| {worst:R}");
            Assert.True(worst <= 1e-6, $"worst difference {worst:R}");
        }

        /// <summary>The largest |ONNX Runtime - PlanarGen| over a batch of raw inputs (scaled by the network first when it has scaling).</summary>
        private static double Compare<TNet, T>(bool scaled)
            where TNet : struct, INetwork<T> where T : unmanaged, System.Numerics.IBinaryFloatingPointIeee754<T>
        {
            var shape = Networks.NetworkShape.Of(typeof(TNet));
            // Parameters large enough that every activation is exercised on both sides of zero.
            TNet net = TestData.Load<TNet, T>(TestData.Parameters<T>(shape, seed: 21, scale: 1.5));
            (T[] x, _) = TestData.Samples<T>(shape, Samples, seed: 22);
            if (scaled)
            {
                var offsets = new T[shape.Inputs];
                var scales = new T[shape.Inputs];
                for (int i = 0; i < shape.Inputs; i++)
                {
                    offsets[i] = T.CreateChecked(0.25 * i - 0.5);
                    scales[i] = T.CreateChecked(i % 2 == 0 ? 1.75 : -0.625);
                }
                net.SetInputScaling(offsets, scales);
            }
            var features = new T[x.Length];
            net.ScaleFeatures(x, features, Samples);
            var expected = new T[shape.Outputs * Samples];
            net.PredictBatch(new DataSet<T>(features, Samples), expected);

            byte[] model = OnnxExport.Export<TNet, T>(net);
            // ONNX wants samples as rows: x [N, Inputs]; PlanarGen's data set is feature-major.
            var rows = new float[Samples * shape.Inputs];
            for (int s = 0; s < Samples; s++)
                for (int i = 0; i < shape.Inputs; i++) rows[s * shape.Inputs + i] = float.CreateTruncating(x[i * Samples + s]);
            float[] y = Run(model, rows, Samples, shape.Inputs);
            Assert.Equal(shape.Outputs * Samples, y.Length);

            double worst = 0;
            for (int s = 0; s < Samples; s++)
                for (int o = 0; o < shape.Outputs; o++)
                    worst = Math.Max(worst, Math.Abs(y[s * shape.Outputs + o] - double.CreateTruncating(expected[o * Samples + s])));
            return worst;
        }

        private static float[] Run(byte[] model, float[] rows, int samples, int inputs)
        {
            using var session = new InferenceSession(model);
            var input = new DenseTensor<float>(rows, new[] { samples, inputs });
            using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results = session.Run(new[] { NamedOnnxValue.CreateFromTensor("x", input) });
            DisposableNamedOnnxValue y = results.Single();
            Assert.Equal("y", y.Name);
            return y.AsEnumerable<float>().ToArray();
        }

        [Fact]
        public void TheModelDeclaresIrVersion8Opset13AndTheNodesInOrder()
        {
            var net = TestData.Load<Leaky241Slope02, float>(WeightsTestKit.Values241());
            net.SetInputScaling(new[] { 1f, 2f }, new[] { 3f, 4f });
            Message model = Message.Parse(OnnxExport.Export<Leaky241Slope02, float>(net));
            Assert.Equal(8L, model.Int(1));
            Assert.Equal("PlanarGen", model.Text(2));
            Assert.Equal(13L, model.Messages(8).Single().Int(2));
            Message graph = model.Messages(7).Single();
            Assert.Equal(new[] { "Sub", "Mul", "Gemm", "LeakyRelu", "Gemm", "Sigmoid" }, graph.Messages(1).Select(n => n.Text(4)));
            Message leaky = graph.Messages(1)[3].Messages(5).Single();
            Assert.Equal("alpha", leaky.Text(1));
            Assert.Equal(0.2f, BitConverter.Int32BitsToSingle((int)leaky.Fixed32(2)));
            Assert.Equal(new[] { "W1", "b1", "W2", "b2", "input_offset", "input_scale" }, graph.Messages(5).Select(t => t.Text(8)));
            // W1 [4, 2] float32 (data type 1), its raw data the parameters' little-endian bytes.
            Message w1 = graph.Messages(5)[0];
            Assert.Equal(new[] { 4L, 2L }, w1.Ints(1));
            Assert.Equal(1L, w1.Int(2));
            Assert.Equal(WeightsTestKit.F32(WeightsTestKit.Values241()[..8]), w1.Bytes(9));
            // x: float32 [N, 2], the batch dimension symbolic.
            Message x = graph.Messages(11).Single();
            Assert.Equal("x", x.Text(1));
            Message[] dims = x.Messages(2).Single().Messages(1).Single().Messages(2).Single().Messages(1);
            Assert.Equal("N", dims[0].Text(2));
            Assert.Equal(2L, dims[1].Int(1));
        }

        [Fact]
        public void AForeignFileNeedsItsHiddenActivation()
        {
            byte[] foreign = WeightsTestKit.Safetensors(WeightsTestKit.Foreign241Header, WeightsTestKit.F32(WeightsTestKit.Values241()));
            var e = Assert.Throws<WeightsFormatException>(() => OnnxExport.Export(foreign));
            Assert.Equal("metadata: expected planargen.hidden_activation (PlanarGen files carry it), found none: this is a foreign file, so give its hidden activation (weights export-onnx --activation NAME).", e.Message);
            Message graph = Message.Parse(OnnxExport.Export(foreign, Activation.ReLU)).Messages(7).Single();
            Assert.Equal(new[] { "Gemm", "Relu", "Gemm", "Sigmoid" }, graph.Messages(1).Select(n => n.Text(4)));
        }

        [Fact]
        public void AGivenActivationMustAgreeWithTheMetadata()
        {
            byte[] file = WeightsTestKit.Save<FlowerNet, float>(TestData.Load<FlowerNet, float>(WeightsTestKit.Values241()), WeightsFormat.Safetensors);
            var e = Assert.Throws<WeightsFormatException>(() => OnnxExport.Export(file, Activation.ReLU));
            Assert.Equal("metadata: planargen.hidden_activation is \"tanh\", but the hidden activation given is \"relu\".", e.Message);
        }

        [Fact]
        public void ADamagedFileIsRefusedWithItsPath()
        {
            string folder = Path.Combine(Path.GetTempPath(), "planargen-onnx-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                string source = Path.Combine(folder, "bad.json");
                File.WriteAllText(source, "{\"tensors\": {}}");
                string destination = Path.Combine(folder, "bad.onnx");
                var e = Assert.Throws<WeightsFormatException>(() => OnnxExport.Export(source, destination));
                Assert.Equal(source, e.Path);
                Assert.False(File.Exists(destination));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void SoftmaxAndLinearOutputsBecomeSoftmaxAxis1AndNoNode()
        {
            // PlanarGen networks of this branch have sigmoid outputs; the graph writer is given the other two directly.
            foreach ((string output, string[] ops) in new[] { ("softmax", new[] { "Gemm", "Tanh", "Gemm", "Softmax" }), ("linear", new[] { "Gemm", "Tanh", "Gemm" }) })
            {
                var model = new PlanarGen.Onnx.OnnxGraph.Model(2, 1, 2, new float[] { 1, -1 }, new float[] { 0 }, new float[] { 2, -3 }, new float[] { 0.5f, 0 },
                    "tanh", 0.01f, output, null, null, "test");
                byte[] bytes = PlanarGen.Onnx.OnnxGraph.Encode(model);
                Message graph = Message.Parse(bytes).Messages(7).Single();
                Assert.Equal(ops, graph.Messages(1).Select(n => n.Text(4)));
                Assert.Equal("y", graph.Messages(1).Last().Texts(2).Single());
                // ONNX Runtime agrees with the arithmetic: z1 = tanh(x0 - x1), z2 = (2 z1 + 0.5, -3 z1).
                float[] y = Run(bytes, new float[] { 0.75f, 0.25f }, 1, 2);
                double a = Math.Tanh(0.5), z0 = 2 * a + 0.5, z1 = -3 * a;
                double[] expected = output == "linear" ? new[] { z0, z1 }
                    : new[] { Math.Exp(z0) / (Math.Exp(z0) + Math.Exp(z1)), Math.Exp(z1) / (Math.Exp(z0) + Math.Exp(z1)) };
                for (int k = 0; k < 2; k++) Assert.True(Math.Abs(y[k] - expected[k]) < 1e-6, $"{output}[{k}]: {y[k]:R} vs {expected[k]:R}");
            }
        }

        /// <summary>A protobuf message decoded field by field (varint, fixed32, length-delimited), written from the wire
        /// format's definition, independent of the writer.</summary>
        private sealed class Message
        {
            private readonly List<(int Field, int Wire, ulong Value, byte[] Bytes)> _fields = new();

            public static Message Parse(byte[] bytes)
            {
                var m = new Message();
                int at = 0;
                while (at < bytes.Length)
                {
                    ulong tag = Varint(bytes, ref at);
                    int field = (int)(tag >> 3), wire = (int)(tag & 7);
                    switch (wire)
                    {
                        case 0: m._fields.Add((field, wire, Varint(bytes, ref at), Array.Empty<byte>())); break;
                        case 5: m._fields.Add((field, wire, BitConverter.ToUInt32(bytes, at), Array.Empty<byte>())); at += 4; break;
                        case 2:
                            int length = (int)Varint(bytes, ref at);
                            m._fields.Add((field, wire, 0, bytes[at..(at + length)]));
                            at += length;
                            break;
                        default: throw new InvalidDataException($"wire type {wire} at byte {at}");
                    }
                }
                return m;
            }

            private static ulong Varint(byte[] bytes, ref int at)
            {
                ulong value = 0;
                for (int shift = 0; ; shift += 7)
                {
                    byte b = bytes[at++];
                    value |= (ulong)(b & 0x7F) << shift;
                    if (b < 0x80) return value;
                }
            }

            public long Int(int field) => (long)_fields.Single(f => f.Field == field && f.Wire == 0).Value;
            public long[] Ints(int field) => _fields.Where(f => f.Field == field && f.Wire == 0).Select(f => (long)f.Value).ToArray();
            public uint Fixed32(int field) => (uint)_fields.Single(f => f.Field == field && f.Wire == 5).Value;
            public byte[] Bytes(int field) => _fields.Single(f => f.Field == field && f.Wire == 2).Bytes;
            public string Text(int field) => Encoding.UTF8.GetString(Bytes(field));
            public string[] Texts(int field) => _fields.Where(f => f.Field == field && f.Wire == 2).Select(f => Encoding.UTF8.GetString(f.Bytes)).ToArray();
            public Message[] Messages(int field) => _fields.Where(f => f.Field == field && f.Wire == 2).Select(f => Parse(f.Bytes)).ToArray();
        }
    }
}
