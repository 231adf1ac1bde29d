using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using PlanarGen.Onnx;
using PlanarGen.Weights;

namespace PlanarGen
{
    /// <summary>
    /// Writes a network's weights file (or a network) as an ONNX model for ONNX Runtime, Unity's inference engine (Sentis)
    /// or Netron: IR version <see cref="IrVersion"/>, opset <see cref="OpsetVersion"/>, float32, input <c>x</c> [N, Inputs],
    /// output <c>y</c> [N, Outputs], input scaling (when the file has it) as Sub and Mul nodes in front. The protobuf
    /// encoding is written here (no package). docs/weights.md#export-to-onnx.
    /// </summary>
    public static class OnnxExport
    {
        /// <summary>The ONNX IR version written (8: ONNX 1.10 and later, ONNX Runtime 1.10 and later).</summary>
        public const long IrVersion = OnnxGraph.IrVersion;

        /// <summary>The version of the default operator set the graph uses (13).</summary>
        public const long OpsetVersion = OnnxGraph.OpsetVersion;

        /// <summary>Reads the weights file at <paramref name="sourcePath"/> (any of the three formats) and writes the ONNX model
        /// to <paramref name="destinationPath"/>, atomically.</summary>
        /// <param name="sourcePath">A weights file: a network's W1, b1, W2, b2 (notebook or PyTorch names), optionally input scaling.</param>
        /// <param name="destinationPath">The model file to write (conventionally <c>.onnx</c>).</param>
        /// <param name="hiddenActivation">The hidden activation of a foreign file (one without PlanarGen metadata); for a
        /// PlanarGen file it may be given only when it agrees with the metadata.</param>
        /// <param name="leakySlope">The leaky ReLU slope of a foreign file (default 0.01); for a PlanarGen file the metadata's.</param>
        /// <exception cref="WeightsFormatException">The file is malformed or damaged, is not a network's parameters, or names an
        /// activation the export does not know (or a foreign file's hidden activation is not given).</exception>
        public static void Export(string sourcePath, string destinationPath, Activation? hiddenActivation = null, double? leakySlope = null)
        {
            if (sourcePath is null) throw new ArgumentNullException(nameof(sourcePath));
            if (destinationPath is null) throw new ArgumentNullException(nameof(destinationPath));
            byte[] model;
            try
            {
                model = Encode(NetworkWeights.ReadFile(sourcePath), hiddenActivation, leakySlope);
            }
            catch (WeightsFormatException e)
            {
                throw new WeightsFormatException(sourcePath, e);
            }
            AtomicFile.Write(destinationPath, stream => stream.Write(model, 0, model.Length));
        }

        /// <summary>The ONNX model of a weights file's bytes (see <see cref="Export(string, string, Activation?, double?)"/>).</summary>
        public static byte[] Export(ReadOnlySpan<byte> weights, Activation? hiddenActivation = null, double? leakySlope = null)
        {
            if (weights.Length > NetworkWeights.MaxInputBytes) throw NetworkWeights.TooLarge(weights.Length);
            return Encode(weights.ToArray(), hiddenActivation, leakySlope);
        }

        /// <summary>The ONNX model of a network (its parameters, activations and input scaling; double parameters are rounded to float32).</summary>
        public static byte[] Export<TNet, T>(in TNet network)
            where TNet : INetwork<T> where T : unmanaged
        {
            using var weights = new MemoryStream();
            NetworkWeights.Save<TNet, T>(network, weights, WeightsFormat.Safetensors);
            return Encode(weights.ToArray(), null, null);
        }

        private static byte[] Encode(byte[] input, Activation? hiddenActivation, double? leakySlope)
        {
            WeightsContent content = InputScalingTensors.Split(NetworkWeights.Decode(input, null), out var scaling);
            WeightsTensor[] tensors = WeightsFile.ParameterTensorsOf(content);
            int inputs = tensors[0].Shape[1], hidden = tensors[0].Shape[0], outputs = tensors[2].Shape[0];
            (float[] Offsets, float[] Scales)? inputScaling = null;
            if (scaling is { } s)
            {
                InputScalingTensors.Check(s, content.Metadata, inputs);
                inputScaling = InputScalingTensors.ToValues<float>(s, inputs);
            }
            IReadOnlyDictionary<string, string> metadata = content.Metadata;
            string hiddenName = HiddenActivationOf(metadata, hiddenActivation);
            string outputName = metadata.TryGetValue(WeightsMetadata.OutputActivation, out string? output) ? output : "sigmoid";
            if (Array.IndexOf(OnnxGraph.OutputActivations, outputName) < 0)
                throw new WeightsFormatException($"metadata: {WeightsMetadata.OutputActivation} is \"{outputName}\"; the ONNX export knows {string.Join(", ", OnnxGraph.OutputActivations)}.");
            double slope = SlopeOf(metadata, leakySlope);

            // F64 parameters round to the nearest float32 (ONNX Runtime and Sentis run float32 models); each must stay finite.
            float[] parameters = ParameterTensors.ToParameters<float>(tensors, hidden * inputs + hidden + outputs * hidden + outputs);
            float[] Slice(int start, int length) => new ArraySegment<float>(parameters, start, length).ToArray();
            int b1 = hidden * inputs, w2 = b1 + hidden, b2 = w2 + outputs * hidden;
            string description = $"PlanarGen {inputs}-{hidden}-{outputs}, hidden {hiddenName}{(hiddenName == "leaky_relu" ? " (slope " + NumberText.Format(slope) + ")" : "")}, output {outputName}"
                + (inputScaling != null ? ", input scaling (x - input_offset) * input_scale" : "");
            return OnnxGraph.Encode(new OnnxGraph.Model(inputs, hidden, outputs, Slice(0, b1), Slice(b1, hidden), Slice(w2, outputs * hidden), Slice(b2, outputs),
                hiddenName, (float)slope, outputName, inputScaling?.Offsets, inputScaling?.Scales, description));
        }

        private static string HiddenActivationOf(IReadOnlyDictionary<string, string> metadata, Activation? given)
        {
            string? requested = given is Activation a ? WeightsMetadata.ActivationName(a) : null;
            if (!metadata.TryGetValue(WeightsMetadata.HiddenActivation, out string? stored))
                return requested ?? throw new WeightsFormatException(
                    $"metadata: expected {WeightsMetadata.HiddenActivation} (PlanarGen files carry it), found none: this is a foreign file, so give its hidden activation (weights export-onnx --activation NAME).");
            if (Array.IndexOf(OnnxGraph.HiddenActivations, stored) < 0)
                throw new WeightsFormatException($"metadata: {WeightsMetadata.HiddenActivation} is \"{stored}\"; the ONNX export knows {string.Join(", ", OnnxGraph.HiddenActivations)}.");
            if (requested != null && requested != stored)
                throw new WeightsFormatException($"metadata: {WeightsMetadata.HiddenActivation} is \"{stored}\", but the hidden activation given is \"{requested}\".");
            return stored;
        }

        private static double SlopeOf(IReadOnlyDictionary<string, string> metadata, double? given)
        {
            if (metadata.TryGetValue(WeightsMetadata.LeakySlope, out string? text)
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double stored))
                return stored;
            return given ?? NetworkLimits.DefaultLeakySlope;
        }
    }
}
