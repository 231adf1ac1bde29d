using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Weights
{
    /// <summary>
    /// Turns the text of a PlanarGen JSON weights file into the parameters of a declared network, with the same checks as
    /// the runtime's <c>NetworkWeights.Load</c> (docs/weights.md): tensor names (notebook or PyTorch) and shapes, PlanarGen
    /// metadata when present (all keys, format version, shape, activations, slope, precision against the dtypes, checksum),
    /// and values finite in the network's precision (F64 into a float network rounds to nearest, F32 into a double network
    /// widens). Shared by the generator (which bakes) and the analyzer (which reports), so they cannot disagree. Never throws
    /// on content.
    /// </summary>
    internal static class WeightsBaker
    {
        private static readonly string[] NotebookNames = { "W1", "b1", "W2", "b2" };
        private static readonly string[] TorchNames = { "0.weight", "0.bias", "2.weight", "2.bias" };
        private static readonly string[] MetadataKeys =
        {
            "planargen.format_version", "planargen.shape", "planargen.hidden_activation", "planargen.output_activation",
            "planargen.leaky_slope", "planargen.precision", "planargen.checksum",
        };

        /// <summary>Bakes <paramref name="weights"/> (the attribute's value) from the additional files for a network declared
        /// with <paramref name="declared"/>: either the parameters or the problem.</summary>
        public static (BakedWeights? Baked, BakeProblem? Problem) Bake(string weights, IReadOnlyList<WeightsFileText> files, in BakeTarget declared)
        {
            List<int> found = WeightsFileMatch.Find(weights, files.Select(f => f.FileName).ToList());
            if (found.Count == 0)
                return (null, new BakeProblem(BakeProblemKind.NotFound,
                    $"no additional file is named '{weights}' (or, for Unity, '{WeightsFileMatch.UnityName(weights)}'); add <AdditionalFiles Include=\"{weights}\" /> to the project"));
            if (found.Count > 1)
                return (null, new BakeProblem(BakeProblemKind.Ambiguous,
                    $"{found.Count} additional files are named '{files[found[0]].FileName}'; keep one, or give each network its own file name"));
            string? text = files[found[0]].Text;
            if (text is null) return (null, new BakeProblem(BakeProblemKind.Invalid, "the file could not be read"));
            try
            {
                return (Read(weights, text, declared), null);
            }
            catch (BakeException e)
            {
                return (null, e.Problem);
            }
            catch (WeightsJsonException e)
            {
                return (null, new BakeProblem(BakeProblemKind.Invalid, "not PlanarGen JSON weights: " + e.Message));
            }
        }

        private static BakedWeights Read(string weights, string text, in BakeTarget declared)
        {
            WeightsJsonDocument document = WeightsJsonReader.Read(text);
            int h = declared.Hidden, i = declared.Inputs, o = declared.Outputs;
            foreach (WeightsJsonTensor tensor in document.Tensors)
            {
                if (tensor.DType != "F32" && tensor.DType != "F64")
                    throw Invalid($"tensor \"{tensor.Name}\" has dtype \"{tensor.DType}\"; expected \"F32\" or \"F64\"");
                long product = 1;
                foreach (int d in tensor.Shape) product = Math.Min(product * d, int.MaxValue);
                if (product != tensor.Count)
                    throw Invalid($"tensor \"{tensor.Name}\" has shape {ShapeText(tensor.Shape)}, so {product} numbers, but its data has {tensor.Count}");
            }

            // The data buffer as the runtime lays it out: every tensor in file order, little-endian, in its own dtype.
            var values = new List<ulong[]>();
            foreach (WeightsJsonTensor tensor in document.Tensors)
            {
                bool single = tensor.DType == "F32";
                var bits = new ulong[tensor.Count];
                for (int k = 0; k < tensor.Count; k++)
                {
                    int start = tensor.Numbers[2 * k], length = tensor.Numbers[2 * k + 1];
                    if (!ExactDecimal.TryParse(text, start, length, single, out bits[k]))
                        throw Invalid($"tensor \"{tensor.Name}\" element {k} is {text.Substring(start, length)}, which overflows {tensor.DType}; expected a finite value");
                }
                values.Add(bits);
            }

            CheckMetadata(document, values, declared);
            // The optional input scaling (input_offset, input_scale) is kept apart, so the parameter checks see the four tensors.
            WeightsJsonTensor? offsets = document.Tensors.FirstOrDefault(t => t.Name == InputOffsetName);
            WeightsJsonTensor? scales = document.Tensors.FirstOrDefault(t => t.Name == InputScaleName);
            if ((offsets is null) != (scales is null))
                throw Invalid($"the file has the tensor \"{(offsets ?? scales)!.Name}\" without \"{(offsets is null ? InputOffsetName : InputScaleName)}\"; expected both input_offset and input_scale, or neither");
            WeightsJsonTensor[] parameters = Select(document.Tensors.Where(t => t != offsets && t != scales).ToList(), declared);
            RequireShape(parameters[0], "Hidden x Inputs", declared, new[] { h, i });
            RequireShape(parameters[1], "Hidden", declared, new[] { h }, new[] { h, 1 });
            RequireShape(parameters[2], "Outputs x Hidden", declared, new[] { o, h });
            RequireShape(parameters[3], "Outputs", declared, new[] { o }, new[] { o, 1 });

            bool networkSingle = declared.Precision == Precision.Single;
            var result = new long[declared.ParameterCount];
            var buffer = new List<byte>(result.Length * (networkSingle ? 4 : 8));
            Convert(text, document, values, parameters, networkSingle, result, buffer);
            long[] scaling = Array.Empty<long>();
            if (offsets is not null && scales is not null)
            {
                foreach (WeightsJsonTensor tensor in new[] { offsets, scales })
                    if (tensor.Shape.Length != 1 || tensor.Shape[0] != i)
                        throw Mismatch($"tensor \"{tensor.Name}\" has shape {ShapeText(tensor.Shape)}, but a {declared.Inputs}-{declared.Hidden}-{declared.Outputs} network needs [{i}] (one value per input)");
                scaling = new long[2 * i];
                Convert(text, document, values, new[] { offsets, scales }, networkSingle, scaling, new List<byte>());
                for (int k = i; k < 2 * i; k++)
                    if ((scaling[k] & (networkSingle ? 0x7FFFFFFFL : long.MaxValue)) == 0)
                        throw Invalid($"tensor \"{InputScaleName}\" element {k - i} is {text.Substring(scales.Numbers[2 * (k - i)], scales.Numbers[2 * (k - i) + 1])}, which is 0 in the network's precision; expected a non-zero scale");
            }
            return new BakedWeights(weights, WeightsHash.Text(buffer), new EquatableArray<long>(result), new EquatableArray<long>(scaling));
        }

        private const string InputOffsetName = "input_offset";
        private const string InputScaleName = "input_scale";

        /// <summary>The tensors' values in the network's precision, in order, into <paramref name="result"/> (and their bytes into
        /// <paramref name="buffer"/>): F64 into float rounds to nearest, F32 into double widens.</summary>
        private static void Convert(string text, WeightsJsonDocument document, List<ulong[]> values, WeightsJsonTensor[] tensors, bool networkSingle, long[] result, List<byte> buffer)
        {
            int at = 0;
            foreach (WeightsJsonTensor tensor in tensors)
            {
                ulong[] bits = values[document.Tensors.IndexOf(tensor)];
                bool fileSingle = tensor.DType == "F32";
                for (int k = 0; k < bits.Length; k++)
                {
                    long value;
                    if (networkSingle == fileSingle) value = (long)bits[k];
                    else if (networkSingle)
                    {
                        // F64 into float: round to nearest, as the runtime's (float)value.
                        double wide = BitConverter.Int64BitsToDouble((long)bits[k]);
                        float narrow = (float)wide;
                        if (float.IsInfinity(narrow))
                            throw Invalid($"tensor \"{tensor.Name}\" element {k} is {text.Substring(tensor.Numbers[2 * k], tensor.Numbers[2 * k + 1])}, which overflows float (the network's precision); expected a finite value");
                        value = (uint)BitConverter.ToInt32(BitConverter.GetBytes(narrow), 0);
                    }
                    else
                    {
                        // F32 into double: exact.
                        float narrow = BitConverter.ToSingle(BitConverter.GetBytes((int)bits[k]), 0);
                        value = BitConverter.DoubleToInt64Bits(narrow);
                    }
                    result[at++] = value;
                    Append(buffer, (ulong)value, networkSingle);
                }
            }
        }

        /// <summary>The runtime's metadata rules (WeightsMetadata.Check): a file with any planargen. key is PlanarGen's and must agree
        /// with the declaration and its own data; a file without one is foreign and is judged on names and shapes only.</summary>
        private static void CheckMetadata(WeightsJsonDocument document, List<ulong[]> values, in BakeTarget declared)
        {
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            bool any = false;
            foreach (KeyValuePair<string, string> entry in document.Metadata)
            {
                metadata[entry.Key] = entry.Value;
                if (!entry.Key.StartsWith("planargen.", StringComparison.Ordinal)) continue;
                any = true;
                if (Array.IndexOf(MetadataKeys, entry.Key) < 0)
                    throw Invalid($"metadata has the unknown key \"{entry.Key}\"; expected only {string.Join(", ", MetadataKeys)}");
            }
            if (!any) return;
            foreach (string key in MetadataKeys)
                if (!metadata.ContainsKey(key)) throw Invalid($"metadata lacks \"{key}\" (the file has other planargen.* keys)");
            if (metadata["planargen.format_version"] != "1")
                throw Invalid($"planargen.format_version is \"{metadata["planargen.format_version"]}\"; this PlanarGen reads version 1");

            string network = $"the declaration ({declared.Describe()})";
            Require(metadata, "planargen.shape", $"{declared.Inputs}-{declared.Hidden}-{declared.Outputs}", network);
            Require(metadata, "planargen.hidden_activation", ActivationName(declared.HiddenActivation), network);
            Require(metadata, "planargen.output_activation", ActivationName(declared.OutputActivation), network);

            string slopeText = metadata["planargen.leaky_slope"];
            if (!IsJsonNumber(slopeText) || !ExactDecimal.TryParse(slopeText, 0, slopeText.Length, single: false, out ulong slopeBits))
                throw Invalid($"planargen.leaky_slope is \"{slopeText}\"; expected a finite number");
            if (declared.HiddenActivation == Activation.LeakyReLU && (long)slopeBits != BitConverter.DoubleToInt64Bits(declared.LeakySlope))
                throw Mismatch($"planargen.leaky_slope is \"{slopeText}\", but {network} has LeakySlope = {declared.LeakySlope.ToString("R", CultureInfo.InvariantCulture)}");

            string precision = metadata["planargen.precision"];
            string dtype = precision == "single" ? "F32" : precision == "double" ? "F64"
                : throw Invalid($"planargen.precision is \"{precision}\"; expected \"single\" or \"double\"");
            foreach (WeightsJsonTensor tensor in document.Tensors)
                if (tensor.DType != dtype)
                    throw Invalid($"planargen.precision is \"{precision}\", so every tensor should be {dtype}, but \"{tensor.Name}\" is {tensor.DType}");
            int parameterTensors = document.Tensors.Count(t => t.Name != InputOffsetName && t.Name != InputScaleName);
            if (parameterTensors != 4)
                throw Invalid($"a PlanarGen file holds exactly the 4 tensors W1, b1, W2, b2 (and optionally input_offset, input_scale), but this one has {parameterTensors}");

            string stored = metadata["planargen.checksum"];
            var buffer = new List<byte>();
            for (int t = 0; t < values.Count; t++)
                foreach (ulong bits in values[t]) Append(buffer, bits, document.Tensors[t].DType == "F32");
            string actual = WeightsHash.Text(buffer);
            if (stored != actual)
                throw new BakeException(new BakeProblem(BakeProblemKind.Checksum,
                    $"planargen.checksum is \"{stored}\", but the tensor data gives \"{actual}\": the data was altered or damaged"));
        }

        private static WeightsJsonTensor[] Select(List<WeightsJsonTensor> tensors, in BakeTarget declared)
        {
            WeightsJsonTensor[]? found = Find(tensors, NotebookNames, "");
            if (found is null)
            {
                WeightsJsonTensor? first = tensors.FirstOrDefault(t => t.Name.EndsWith(TorchNames[0], StringComparison.Ordinal));
                string prefix = first is null ? "" : first.Name.Substring(0, first.Name.Length - TorchNames[0].Length);
                if (first is not null && (prefix.Length == 0 || prefix[prefix.Length - 1] == '.')) found = Find(tensors, TorchNames, prefix);
            }
            return found ?? throw Mismatch(
                $"the tensors are {(tensors.Count == 0 ? "none" : string.Join(", ", tensors.Take(16).Select(t => "\"" + t.Name + "\"")))}; " +
                "expected W1, b1, W2, b2, or 0.weight, 0.bias, 2.weight, 2.bias (a PyTorch nn.Sequential state dict) behind one optional prefix, and no others");
        }

        private static WeightsJsonTensor[]? Find(List<WeightsJsonTensor> tensors, string[] names, string prefix)
        {
            if (tensors.Count != names.Length) return null;
            var result = new WeightsJsonTensor[names.Length];
            for (int k = 0; k < names.Length; k++)
            {
                WeightsJsonTensor? t = tensors.FirstOrDefault(x => x.Name == prefix + names[k]);
                if (t is null) return null;
                result[k] = t;
            }
            return result;
        }

        private static void RequireShape(WeightsJsonTensor tensor, string meaning, in BakeTarget declared, int[] expected, int[]? alternative = null)
        {
            if (tensor.Shape.SequenceEqual(expected) || (alternative is not null && tensor.Shape.SequenceEqual(alternative))) return;
            string wanted = ShapeText(expected) + (alternative is not null ? " or " + ShapeText(alternative) : "");
            throw Mismatch($"tensor \"{tensor.Name}\" has shape {ShapeText(tensor.Shape)}, but a {declared.Inputs}-{declared.Hidden}-{declared.Outputs} network needs {wanted} ({meaning})");
        }

        private static void Require(Dictionary<string, string> metadata, string key, string expected, string network)
        {
            string found = metadata[key];
            if (found != expected) throw Mismatch($"{key} is \"{found}\", but {network} needs \"{expected}\"");
        }

        /// <summary>Appends a value's little-endian bytes (4 for binary32, 8 for binary64): the safetensors data buffer.</summary>
        private static void Append(List<byte> buffer, ulong bits, bool single)
        {
            int size = single ? 4 : 8;
            for (int b = 0; b < size; b++) buffer.Add((byte)(bits >> (8 * b)));
        }

        private static bool IsJsonNumber(string text)
        {
            // The metadata value is a string; the slope must be a plain JSON number in it (what the runtime writes).
            int p = 0;
            if (p < text.Length && text[p] == '-') p++;
            int digits = p;
            while (p < text.Length && char.IsDigit(text[p]) && text[p] <= '9') p++;
            if (p == digits) return false;
            if (p < text.Length && text[p] == '.')
            {
                int fraction = ++p;
                while (p < text.Length && text[p] >= '0' && text[p] <= '9') p++;
                if (p == fraction) return false;
            }
            if (p < text.Length && (text[p] == 'e' || text[p] == 'E'))
            {
                p++;
                if (p < text.Length && (text[p] == '+' || text[p] == '-')) p++;
                int exponent = p;
                while (p < text.Length && text[p] >= '0' && text[p] <= '9') p++;
                if (p == exponent) return false;
            }
            return p == text.Length && text.Length <= WeightsJsonReader.MaxNumberChars;
        }

        public static string ActivationName(Activation activation) => activation switch
        {
            Activation.Tanh => "tanh",
            Activation.Sigmoid => "sigmoid",
            Activation.ReLU => "relu",
            Activation.Softmax => "softmax",
            Activation.Linear => "linear",
            _ => "leaky_relu",
        };

        private static string ShapeText(int[] shape) => "[" + string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";

        private static BakeException Invalid(string detail) => new BakeException(new BakeProblem(BakeProblemKind.Invalid, detail));

        private static BakeException Mismatch(string detail) => new BakeException(new BakeProblem(BakeProblemKind.Mismatch, detail));

        private sealed class BakeException : Exception
        {
            public BakeException(BakeProblem problem) : base(problem.Detail) => Problem = problem;

            public BakeProblem Problem { get; }
        }
    }
}
