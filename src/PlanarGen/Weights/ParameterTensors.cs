using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;

namespace PlanarGen.Weights
{
    /// <summary>
    /// Finds a network's four parameter tensors among a file's tensors by name, checks their shapes, and converts them to
    /// the network's precision in the notebook order (W1, b1, W2, b2). Names: the notebook's W1, b1, W2, b2, or a PyTorch
    /// nn.Sequential(Linear, activation, Linear[, activation]) state dict 0.weight, 0.bias, 2.weight, 2.bias, optionally
    /// behind one common prefix such as "model.".
    /// </summary>
    internal static class ParameterTensors
    {
        private static readonly string[] NotebookNames = { "W1", "b1", "W2", "b2" };
        private static readonly string[] TorchNames = { "0.weight", "0.bias", "2.weight", "2.bias" };

        /// <summary>Longest list of found names quoted in an error.</summary>
        private const int MaxNamesQuoted = 16;

        /// <summary>The four tensors in the notebook order, shapes checked against <paramref name="shape"/>.</summary>
        public static WeightsTensor[] Select(IReadOnlyList<WeightsTensor> tensors, NetworkShape shape)
        {
            WeightsTensor[] found = Find(tensors, NotebookNames, "") ?? FindTorch(tensors)
                ?? throw new WeightsFormatException(
                    $"tensor names: found {Quote(tensors)}; expected W1, b1, W2, b2 (the notebook's parameters) or 0.weight, 0.bias, 2.weight, 2.bias " +
                    "(a PyTorch nn.Sequential(Linear, activation, Linear) state dict), optionally all behind one prefix such as \"model.\", and no other tensors.");
            int i = shape.Inputs, h = shape.Hidden, o = shape.Outputs;
            RequireShape(found[0], "Hidden x Inputs", shape, new[] { h, i });
            RequireShape(found[1], "Hidden", shape, new[] { h }, new[] { h, 1 });
            RequireShape(found[2], "Outputs x Hidden", shape, new[] { o, h });
            RequireShape(found[3], "Outputs", shape, new[] { o }, new[] { o, 1 });
            return found;
        }

        private static WeightsTensor[]? FindTorch(IReadOnlyList<WeightsTensor> tensors)
        {
            WeightsTensor? first = tensors.FirstOrDefault(t => t.Name.EndsWith(TorchNames[0], StringComparison.Ordinal));
            if (first == null) return null;
            string prefix = first.Name.Substring(0, first.Name.Length - TorchNames[0].Length);
            if (prefix.Length > 0 && prefix[prefix.Length - 1] != '.') return null;
            return Find(tensors, TorchNames, prefix);
        }

        private static WeightsTensor[]? Find(IReadOnlyList<WeightsTensor> tensors, string[] names, string prefix)
        {
            if (tensors.Count != names.Length) return null;
            var result = new WeightsTensor[names.Length];
            for (int k = 0; k < names.Length; k++)
            {
                WeightsTensor? t = tensors.FirstOrDefault(x => x.Name == prefix + names[k]);
                if (t == null) return null;
                result[k] = t;
            }
            return result;
        }

        private static string Quote(IReadOnlyList<WeightsTensor> tensors)
        {
            if (tensors.Count == 0) return "no tensors";
            string list = string.Join(", ", tensors.Take(MaxNamesQuoted).Select(t => "\"" + t.Name + "\""));
            return tensors.Count > MaxNamesQuoted ? $"{tensors.Count} tensors ({list}, ...)" : list;
        }

        private static void RequireShape(WeightsTensor tensor, string meaning, NetworkShape shape, int[] expected, int[]? alternative = null)
        {
            if (tensor.Shape.SequenceEqual(expected) || (alternative != null && tensor.Shape.SequenceEqual(alternative))) return;
            string wanted = WeightsTensor.ShapeToText(expected) + (alternative != null ? " or " + WeightsTensor.ShapeToText(alternative) : "");
            throw new WeightsFormatException(
                $"tensor {tensor.Name}: expected shape {wanted} ({meaning}) for a {WeightsMetadata.ShapeText(shape)} network, found {tensor.ShapeText}.");
        }

        /// <summary>
        /// The parameters in the notebook order as <typeparamref name="T"/>: F32 into double widens exactly, F64 into float
        /// rounds to nearest. Every value must be finite (also after rounding to float).
        /// </summary>
        public static T[] ToParameters<T>(WeightsTensor[] tensors, int parameterCount) where T : unmanaged
        {
            var result = new T[parameterCount];
            int at = 0;
            foreach (WeightsTensor tensor in tensors)
            {
                int count = tensor.ElementCount;
                ReadOnlySpan<byte> data = tensor.Data.Span;
                if (typeof(T) == typeof(float))
                {
                    Span<float> target = MemoryMarshal.Cast<T, float>(result.AsSpan(at, count));
                    for (int k = 0; k < count; k++)
                    {
                        double value = TensorTypes.Read(tensor.Type, data, k);
                        float rounded = (float)value;
                        if (float.IsNaN(rounded) || float.IsInfinity(rounded)) throw NotFinite(tensor, k, value, "float");
                        target[k] = rounded;
                    }
                }
                else
                {
                    Span<double> target = MemoryMarshal.Cast<T, double>(result.AsSpan(at, count));
                    for (int k = 0; k < count; k++)
                    {
                        double value = TensorTypes.Read(tensor.Type, data, k);
                        if (double.IsNaN(value) || double.IsInfinity(value)) throw NotFinite(tensor, k, value, "double");
                        target[k] = value;
                    }
                }
                at += count;
            }
            return result;
        }

        private static WeightsFormatException NotFinite(WeightsTensor tensor, int index, double value, string type)
        {
            string where = tensor.Shape.Length == 2 ? $"[{index / tensor.Shape[1]}, {index % tensor.Shape[1]}]" : $"[{index}]";
            string what = double.IsNaN(value) || double.IsInfinity(value) ? NumberText.Format(value) : NumberText.Format(value) + $", which overflows {type}";
            return new WeightsFormatException($"tensor {tensor.Name}{where}: expected a finite value, found {what}.");
        }
    }
}
