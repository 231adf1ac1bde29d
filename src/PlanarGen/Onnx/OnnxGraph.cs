using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace PlanarGen.Onnx
{
    /// <summary>
    /// Writes a PlanarGen network as an ONNX model (IR version 8, default opset 13): input <c>x</c> [N, Inputs] float32 with a
    /// symbolic batch dimension N, optional Sub/Mul input scaling, Gemm (x W1^T + b1), the hidden activation, Gemm
    /// (a1 W2^T + b2), the output activation, output <c>y</c> [N, Outputs]. Field numbers are those of onnx.proto.
    /// </summary>
    internal static class OnnxGraph
    {
        public const long IrVersion = 8;
        public const long OpsetVersion = 13;

        // onnx.proto TensorProto.DataType and AttributeProto.AttributeType values used here.
        private const int Float32 = 1;
        private const int AttributeFloat = 1;
        private const int AttributeInt = 2;

        /// <summary>What is exported: float32 parameters in the notebook's shapes and the activations by their metadata names.</summary>
        public sealed class Model
        {
            public Model(int inputs, int hidden, int outputs, float[] w1, float[] b1, float[] w2, float[] b2, string hiddenActivation,
                float leakySlope, string outputActivation, float[]? inputOffsets, float[]? inputScales, string description)
            {
                Inputs = inputs;
                Hidden = hidden;
                Outputs = outputs;
                W1 = w1;
                B1 = b1;
                W2 = w2;
                B2 = b2;
                HiddenActivation = hiddenActivation;
                LeakySlope = leakySlope;
                OutputActivation = outputActivation;
                InputOffsets = inputOffsets;
                InputScales = inputScales;
                Description = description;
            }

            public int Inputs { get; }
            public int Hidden { get; }
            public int Outputs { get; }
            public float[] W1 { get; }
            public float[] B1 { get; }
            public float[] W2 { get; }
            public float[] B2 { get; }
            public string HiddenActivation { get; }
            public float LeakySlope { get; }
            public string OutputActivation { get; }
            public float[]? InputOffsets { get; }
            public float[]? InputScales { get; }
            public string Description { get; }
        }

        public static readonly string[] HiddenActivations = { "tanh", "sigmoid", "relu", "leaky_relu" };
        public static readonly string[] OutputActivations = { "sigmoid", "softmax", "linear" };

        public static byte[] Encode(Model model)
        {
            var graph = new ProtoWriter();
            string current = "x";
            if (model.InputOffsets != null && model.InputScales != null)
            {
                graph.Message(1, Node("scale_inputs_sub", "Sub", new[] { "x", "input_offset" }, "x_centred"));
                graph.Message(1, Node("scale_inputs_mul", "Mul", new[] { "x_centred", "input_scale" }, "x_scaled"));
                current = "x_scaled";
            }
            graph.Message(1, Gemm("layer1", current, "W1", "b1", "z1"));
            graph.Message(1, model.HiddenActivation switch
            {
                "tanh" => Node("hidden_tanh", "Tanh", new[] { "z1" }, "a1"),
                "sigmoid" => Node("hidden_sigmoid", "Sigmoid", new[] { "z1" }, "a1"),
                "relu" => Node("hidden_relu", "Relu", new[] { "z1" }, "a1"),
                _ => Node("hidden_leaky_relu", "LeakyRelu", new[] { "z1" }, "a1", FloatAttribute("alpha", model.LeakySlope)),
            });
            string last = model.OutputActivation == "linear" ? "y" : "z2";
            graph.Message(1, Gemm("layer2", "a1", "W2", "b2", last));
            if (model.OutputActivation == "sigmoid") graph.Message(1, Node("output_sigmoid", "Sigmoid", new[] { "z2" }, "y"));
            else if (model.OutputActivation == "softmax") graph.Message(1, Node("output_softmax", "Softmax", new[] { "z2" }, "y", IntAttribute("axis", 1)));
            graph.String(2, "planargen");
            graph.Message(5, Tensor("W1", new long[] { model.Hidden, model.Inputs }, model.W1));
            graph.Message(5, Tensor("b1", new long[] { model.Hidden }, model.B1));
            graph.Message(5, Tensor("W2", new long[] { model.Outputs, model.Hidden }, model.W2));
            graph.Message(5, Tensor("b2", new long[] { model.Outputs }, model.B2));
            if (model.InputOffsets != null && model.InputScales != null)
            {
                graph.Message(5, Tensor("input_offset", new long[] { model.Inputs }, model.InputOffsets));
                graph.Message(5, Tensor("input_scale", new long[] { model.Inputs }, model.InputScales));
            }
            graph.Message(11, ValueInfo("x", model.Inputs));
            graph.Message(12, ValueInfo("y", model.Outputs));

            var result = new ProtoWriter()
                .Int(1, IrVersion)
                .String(2, "PlanarGen")
                .String(3, typeof(OnnxGraph).Assembly.GetName().Version?.ToString(3) ?? "0.0.0")
                .String(6, model.Description)
                .Message(7, graph)
                .Message(8, new ProtoWriter().String(1, "").Int(2, OpsetVersion));
            return result.ToArray();
        }

        /// <summary>Gemm(A, B, C) with transB = 1: A [N, K] times B [M, K] transposed, plus C [M] broadcast over the rows.</summary>
        private static ProtoWriter Gemm(string name, string input, string weights, string bias, string output) =>
            Node(name, "Gemm", new[] { input, weights, bias }, output, IntAttribute("transB", 1));

        private static ProtoWriter Node(string name, string op, string[] inputs, string output, ProtoWriter? attribute = null)
        {
            var node = new ProtoWriter();
            foreach (string input in inputs) node.String(1, input);
            node.String(2, output).String(3, name).String(4, op);
            if (attribute != null) node.Message(5, attribute);
            return node;
        }

        private static ProtoWriter FloatAttribute(string name, float value) =>
            new ProtoWriter().String(1, name).Float(2, value).Int(20, AttributeFloat);

        private static ProtoWriter IntAttribute(string name, long value) =>
            new ProtoWriter().String(1, name).Int(3, value).Int(20, AttributeInt);

        /// <summary>An initializer: dims, data type float32, name, and the values as little-endian raw data.</summary>
        private static ProtoWriter Tensor(string name, long[] dims, float[] values)
        {
            var tensor = new ProtoWriter();
            foreach (long d in dims) tensor.Int(1, d);
            tensor.Int(2, Float32).String(8, name);
            var raw = new byte[values.Length * 4];
            for (int k = 0; k < values.Length; k++) BinaryPrimitives.WriteInt32LittleEndian(raw.AsSpan(k * 4), BitConverter.SingleToInt32Bits(values[k]));
            return tensor.Bytes(9, raw);
        }

        /// <summary>A float32 [N, width] value: N symbolic (dim_param), width fixed (dim_value).</summary>
        private static ProtoWriter ValueInfo(string name, int width)
        {
            var shape = new ProtoWriter()
                .Message(1, new ProtoWriter().String(2, "N"))
                .Message(1, new ProtoWriter().Int(1, width));
            var tensorType = new ProtoWriter().Int(1, Float32).Message(2, shape);
            return new ProtoWriter().String(1, name).Message(2, new ProtoWriter().Message(1, tensorType));
        }
    }
}
