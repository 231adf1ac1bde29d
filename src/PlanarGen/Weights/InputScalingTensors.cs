using System;
using System.Collections.Generic;
using System.Linq;

namespace PlanarGen.Weights
{
    /// <summary>
    /// The optional input scaling of a weights file: tensors <c>input_offset</c> [Inputs] and <c>input_scale</c> [Inputs], both
    /// or neither, written after the parameters (docs/weights.md#input-scaling). Kept apart from the four parameter tensors so
    /// the parameter checks see exactly those; the checksum still covers the whole data buffer.
    /// </summary>
    internal static class InputScalingTensors
    {
        public const string OffsetName = "input_offset";
        public const string ScaleName = "input_scale";

        /// <summary>The file's scaling tensors (null when it has neither) and its content without them.</summary>
        /// <exception cref="WeightsFormatException">Only one of the two is present.</exception>
        public static WeightsContent Split(WeightsContent content, out (WeightsTensor Offsets, WeightsTensor Scales)? scaling)
        {
            WeightsTensor? offsets = content.Tensors.FirstOrDefault(t => t.Name == OffsetName);
            WeightsTensor? scales = content.Tensors.FirstOrDefault(t => t.Name == ScaleName);
            scaling = null;
            if (offsets == null && scales == null) return content;
            if (offsets == null || scales == null)
                throw new WeightsFormatException($"input scaling: found the tensor {(offsets ?? scales)!.Name} without {(offsets == null ? OffsetName : ScaleName)}; expected both {OffsetName} and {ScaleName}, or neither.");
            scaling = (offsets, scales);
            var rest = content.Tensors.Where(t => t.Name != OffsetName && t.Name != ScaleName).ToList();
            return new WeightsContent(content.Format, rest, content.Metadata, content.DataBuffer);
        }

        /// <summary>Checks both tensors' shape ([Inputs]) and, in a PlanarGen file, their dtype against <c>planargen.precision</c>
        /// (call after <see cref="WeightsMetadata.Check"/>).</summary>
        public static void Check((WeightsTensor Offsets, WeightsTensor Scales) scaling, IReadOnlyDictionary<string, string> metadata, int inputs)
        {
            foreach (WeightsTensor tensor in new[] { scaling.Offsets, scaling.Scales })
            {
                if (tensor.Shape.Length != 1 || tensor.Shape[0] != inputs)
                    throw new WeightsFormatException($"tensor {tensor.Name}: expected shape [{inputs}] (one value per input), found {tensor.ShapeText}.");
                if (metadata.TryGetValue(WeightsMetadata.Precision, out string? precision)
                    && TensorTypes.Name(tensor.Type) != (precision == "single" ? "F32" : "F64"))
                    throw new WeightsFormatException($"metadata: {WeightsMetadata.Precision} is \"{precision}\", so every tensor should be {(precision == "single" ? "F32" : "F64")}, but {tensor.Name} is {TensorTypes.Name(tensor.Type)}.");
            }
        }

        /// <summary>The offsets and scales as <typeparamref name="T"/> (F64 into float rounds to nearest): every value finite
        /// and every scale non-zero, also after rounding.</summary>
        public static (T[] Offsets, T[] Scales) ToValues<T>((WeightsTensor Offsets, WeightsTensor Scales) scaling, int inputs) where T : unmanaged
        {
            T[] offsets = ParameterTensors.ToParameters<T>(new[] { scaling.Offsets }, inputs);
            T[] scales = ParameterTensors.ToParameters<T>(new[] { scaling.Scales }, inputs);
            ReadOnlySpan<byte> data = scaling.Scales.Data.Span;
            for (int k = 0; k < inputs; k++)
            {
                double value = TensorTypes.Read(scaling.Scales.Type, data, k);
                double stored = typeof(T) == typeof(float) ? (float)value : value;
                if (stored == 0)
                    throw new WeightsFormatException($"tensor {ScaleName}[{k}]: expected a non-zero scale, found {NumberText.Format(value)}{(value != 0 ? ", which rounds to 0 as a float" : "")}.");
            }
            return (offsets, scales);
        }
    }
}
