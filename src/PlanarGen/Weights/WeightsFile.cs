using System;
using System.Collections.Generic;
using System.Linq;
using PlanarGen.Hashing;
using PlanarGen.Weights;

namespace PlanarGen
{
    /// <summary>
    /// Weights files without a network: <see cref="Inspect(string)"/> reports what a file holds, <see cref="Convert"/>
    /// rewrites it in another format. Same readers and guarantees as <see cref="NetworkWeights"/>: malformed content is a
    /// <see cref="WeightsFormatException"/>, file-system failures keep their own exception types. docs/weights.md.
    /// </summary>
    public static class WeightsFile
    {
        /// <summary>The format, tensors, metadata and checksum status of the file at <paramref name="path"/>.</summary>
        /// <exception cref="WeightsFormatException">The content is malformed or damaged (the message names the file).</exception>
        public static WeightsInfo Inspect(string path)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            return Describe(Read(path));
        }

        /// <summary>The format, tensors, metadata and checksum status of a file's bytes.</summary>
        /// <exception cref="WeightsFormatException">The content is malformed or damaged.</exception>
        public static WeightsInfo Inspect(ReadOnlySpan<byte> content)
        {
            if (content.Length > NetworkWeights.MaxInputBytes) throw NetworkWeights.TooLarge(content.Length);
            return Describe(NetworkWeights.Decode(content.ToArray(), null));
        }

        /// <summary>
        /// Rewrites <paramref name="sourcePath"/> (any of the three formats) as <paramref name="destinationPath"/>, in the
        /// format its extension names (<c>.safetensors</c> or <c>.json</c>), atomically. The tensors must be one network's
        /// W1, b1, W2, b2 (notebook or PyTorch names); they keep their names, element types, shapes and bits. A PlanarGen
        /// file keeps its metadata, with the checksum recomputed over the data as written; a foreign file gets no metadata
        /// (its activation is unknown, so claiming one would be a guess).
        /// </summary>
        /// <exception cref="ArgumentException">The destination's extension is not .safetensors or .json.</exception>
        /// <exception cref="WeightsFormatException">The source is malformed, damaged (checksum mismatch) or not a network's parameters.</exception>
        public static void Convert(string sourcePath, string destinationPath)
        {
            if (sourcePath is null) throw new ArgumentNullException(nameof(sourcePath));
            WeightsFormat format = NetworkWeights.FormatOfPath(destinationPath);
            WeightsContent content = Read(sourcePath);
            IReadOnlyList<WeightsTensor> tensors;
            var metadata = new List<KeyValuePair<string, string>>();
            try
            {
                WeightsContent parameters = InputScalingTensors.Split(content, out var scaling);
                tensors = ParameterTensorsOf(parameters);
                if (scaling is { } s)
                {
                    int inputs = tensors[0].Shape[1];
                    InputScalingTensors.Check(s, content.Metadata, inputs);
                    InputScalingTensors.ToValues<double>(s, inputs);
                    tensors = tensors.Concat(new[] { s.Offsets, s.Scales }).ToArray();
                }
                WeightsInfo info = Describe(content);
                byte[] data = Concatenate(tensors);
                foreach (KeyValuePair<string, string> entry in info.Metadata)
                {
                    if (entry.Key.StartsWith(NetworkCheckpoint.MetadataPrefix, StringComparison.Ordinal)) continue;
                    string value = entry.Key == WeightsMetadata.Checksum ? WeightsMetadata.ChecksumText(XxHash64.Hash(data)) : entry.Value;
                    metadata.Add(new KeyValuePair<string, string>(entry.Key, value));
                }
            }
            catch (WeightsFormatException e)
            {
                throw new WeightsFormatException(sourcePath, e);
            }
            AtomicFile.Write(destinationPath, stream =>
            {
                if (format == WeightsFormat.Safetensors) SafetensorsWriter.Write(stream, tensors, metadata);
                else WeightsJsonWriter.Write(stream, tensors, metadata);
            });
        }

        private static WeightsContent Read(string path)
        {
            try
            {
                return NetworkWeights.Decode(NetworkWeights.ReadFile(path), null);
            }
            catch (WeightsFormatException e)
            {
                throw new WeightsFormatException(path, e);
            }
        }

        /// <summary>The four parameter tensors in the notebook order, the shape inferred from W1 [Hidden, Inputs] and W2
        /// [Outputs, Hidden] and checked like a load (names, shapes, F32/F64).</summary>
        internal static WeightsTensor[] ParameterTensorsOf(WeightsContent content)
        {
            WeightsTensor? w1 = content.Tensors.FirstOrDefault(t => t.Name == "W1" || t.Name.EndsWith("0.weight", StringComparison.Ordinal));
            WeightsTensor? w2 = content.Tensors.FirstOrDefault(t => t.Name == "W2" || t.Name.EndsWith("2.weight", StringComparison.Ordinal));
            int inputs = w1 != null && w1.Shape.Length == 2 ? w1.Shape[1] : 0;
            int hidden = w1 != null && w1.Shape.Length == 2 ? w1.Shape[0] : 0;
            int outputs = w2 != null && w2.Shape.Length == 2 ? w2.Shape[0] : 0;
            if (inputs < NetworkLimits.MinUnits || inputs > NetworkLimits.MaxInputs || hidden < NetworkLimits.MinUnits || hidden > NetworkLimits.MaxHidden
                || outputs < NetworkLimits.MinUnits || outputs > NetworkLimits.MaxOutputs)
                throw new WeightsFormatException(
                    $"tensors: expected W1 (or 0.weight) of shape [Hidden, Inputs] and W2 (or 2.weight) of shape [Outputs, Hidden], with Inputs 1-{NetworkLimits.MaxInputs}, "
                    + $"Hidden 1-{NetworkLimits.MaxHidden} and Outputs 1-{NetworkLimits.MaxOutputs}, found {(w1 == null ? "no W1" : w1.Name + " " + w1.ShapeText)} and {(w2 == null ? "no W2" : w2.Name + " " + w2.ShapeText)}.");
            NetworkShape shape = ShapeOf(content, inputs, hidden, outputs);
            // A checkpoint's training state is checked, then set aside: inspect lists it, convert writes the parameters only.
            (content, _) = NetworkCheckpoint.Split<double>(content, shape);
            WeightsMetadata.Check(content, shape);
            return ParameterTensors.Select(content.Tensors, shape);
        }

        /// <summary>The network a file describes: the inferred sizes plus, for a PlanarGen file, the activation, slope and
        /// precision its metadata names, so <see cref="WeightsMetadata.Check"/> holds the file to what it claims (a value
        /// that names nothing is kept at a default, and the check then reports it).</summary>
        private static NetworkShape ShapeOf(WeightsContent content, int inputs, int hidden, int outputs)
        {
            IReadOnlyDictionary<string, string> m = content.Metadata;
            Activation activation = Activation.Tanh;
            if (m.TryGetValue(WeightsMetadata.HiddenActivation, out string? name))
                foreach (Activation a in new[] { Activation.Tanh, Activation.Sigmoid, Activation.ReLU, Activation.LeakyReLU })
                    if (WeightsMetadata.ActivationName(a) == name) activation = a;
            Activation output = Activation.Sigmoid;
            if (m.TryGetValue(WeightsMetadata.OutputActivation, out string? outputName))
                foreach (Activation a in new[] { Activation.Sigmoid, Activation.Softmax, Activation.Linear })
                    if (WeightsMetadata.ActivationName(a) == outputName) output = a;
            double slope = NetworkLimits.DefaultLeakySlope;
            if (m.TryGetValue(WeightsMetadata.LeakySlope, out string? slopeText)
                && double.TryParse(slopeText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double parsed))
                slope = parsed;
            Precision precision = m.TryGetValue(WeightsMetadata.Precision, out string? p) && p == WeightsMetadata.PrecisionName(Precision.Single)
                ? Precision.Single : Precision.Double;
            return new NetworkShape(inputs, hidden, outputs, activation, slope, precision, deterministic: false, output);
        }

        private static WeightsInfo Describe(WeightsContent content)
        {
            var tensors = content.Tensors.Select(t => new WeightsTensorInfo(t.Name, TensorTypes.Name(t.Type), (int[])t.Shape.Clone())).ToArray();
            var metadata = content.Metadata.ToList();
            ReadOnlySpan<byte> data = content.Format == WeightsFormat.Npz ? Concatenate(content.Tensors) : content.DataBuffer.Span;
            string computed = WeightsMetadata.ChecksumText(XxHash64.Hash(data));
            string? stored = content.Metadata.TryGetValue(WeightsMetadata.Checksum, out string? value) ? value : null;
            WeightsChecksumStatus status = stored == null ? WeightsChecksumStatus.None
                : stored == computed ? WeightsChecksumStatus.Matches : WeightsChecksumStatus.DoesNotMatch;
            return new WeightsInfo(content.Format, tensors, metadata, status, stored, computed)
            {
                InputOffsets = ValuesOf(content, InputScalingTensors.OffsetName),
                InputScales = ValuesOf(content, InputScalingTensors.ScaleName),
            };
        }

        /// <summary>A one-dimensional tensor's values as doubles (F32 widened exactly), or null when the file has no such tensor
        /// or it is not one-dimensional (inspect reports, it does not judge).</summary>
        private static double[]? ValuesOf(WeightsContent content, string name)
        {
            WeightsTensor? tensor = content.Tensors.FirstOrDefault(t => t.Name == name);
            if (tensor == null || tensor.Shape.Length != 1) return null;
            var values = new double[tensor.ElementCount];
            for (int k = 0; k < values.Length; k++) values[k] = TensorTypes.Read(tensor.Type, tensor.Data.Span, k);
            return values;
        }

        private static byte[] Concatenate(IReadOnlyList<WeightsTensor> tensors)
        {
            var data = new byte[tensors.Sum(t => t.Data.Length)];
            int at = 0;
            foreach (WeightsTensor t in tensors)
            {
                t.Data.Span.CopyTo(data.AsSpan(at));
                at += t.Data.Length;
            }
            return data;
        }
    }
}
