using System.Collections.Generic;
using System.IO;
using System.Text;

namespace PlanarGen.Weights
{
    /// <summary>
    /// Writes PlanarGen's JSON form (schema in docs/weights.md): <c>{"metadata": {...}, "tensors": {"W1": {"dtype", "shape",
    /// "data"}, ...}}</c>, UTF-8 without BOM, LF line ends, one matrix row per line so diffs show which weights changed.
    /// Numbers round-trip exactly (<see cref="NumberText"/>).
    /// </summary>
    internal static class WeightsJsonWriter
    {
        public static void Write(Stream destination, IReadOnlyList<WeightsTensor> tensors, IReadOnlyList<KeyValuePair<string, string>> metadata)
        {
            var sb = new StringBuilder();
            sb.Append("{\n  \"metadata\": {");
            for (int k = 0; k < metadata.Count; k++)
                sb.Append(k == 0 ? "\n    " : ",\n    ").AppendString(metadata[k].Key).Append(": ").AppendString(metadata[k].Value);
            sb.Append("\n  },\n  \"tensors\": {");
            for (int t = 0; t < tensors.Count; t++)
            {
                WeightsTensor tensor = tensors[t];
                sb.Append(t == 0 ? "\n    " : ",\n    ").AppendString(tensor.Name).Append(": {\n      \"dtype\": ")
                    .AppendString(TensorTypes.Name(tensor.Type)).Append(",\n      \"shape\": [")
                    .Append(string.Join(", ", tensor.Shape)).Append("],\n      \"data\": [");
                int rowLength = tensor.Shape.Length == 0 ? 1 : tensor.Shape[tensor.Shape.Length - 1];
                int count = tensor.ElementCount;
                for (int k = 0; k < count; k++)
                {
                    sb.Append(k == 0 ? "\n        " : rowLength > 0 && k % rowLength == 0 ? ",\n        " : ", ");
                    if (tensor.Type == TensorType.F32) sb.Append(NumberText.Format(TensorTypes.ReadSingle(tensor.Data.Span, k)));
                    else sb.Append(NumberText.Format(TensorTypes.Read(TensorType.F64, tensor.Data.Span, k)));
                }
                sb.Append(count == 0 ? "]\n    }" : "\n      ]\n    }");
            }
            sb.Append("\n  }\n}\n");
            byte[] bytes = new UTF8Encoding(false).GetBytes(sb.ToString());
            destination.Write(bytes, 0, bytes.Length);
        }
    }
}
