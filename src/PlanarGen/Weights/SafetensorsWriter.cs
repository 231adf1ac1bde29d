using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace PlanarGen.Weights
{
    /// <summary>Writes safetensors: <c>__metadata__</c> first, then the tensors in order with contiguous offsets; the header
    /// is padded with spaces to a multiple of 8 bytes so the data buffer starts 8-byte aligned.</summary>
    internal static class SafetensorsWriter
    {
        public static void Write(Stream destination, IReadOnlyList<WeightsTensor> tensors, IReadOnlyList<KeyValuePair<string, string>> metadata)
        {
            var sb = new StringBuilder("{\"__metadata__\":{");
            for (int k = 0; k < metadata.Count; k++)
            {
                if (k > 0) sb.Append(',');
                sb.AppendString(metadata[k].Key).Append(':').AppendString(metadata[k].Value);
            }
            sb.Append('}');
            long offset = 0;
            foreach (WeightsTensor t in tensors)
            {
                sb.Append(',').AppendString(t.Name).Append(":{\"dtype\":").AppendString(TensorTypes.Name(t.Type))
                    .Append(",\"shape\":[").Append(string.Join(",", t.Shape)).Append("],\"data_offsets\":[")
                    .Append(offset).Append(',').Append(offset + t.Data.Length).Append("]}");
                offset += t.Data.Length;
            }
            sb.Append('}');
            while ((Encoding.UTF8.GetByteCount(sb.ToString()) & 7) != 0) sb.Append(' ');
            byte[] header = Encoding.UTF8.GetBytes(sb.ToString());

            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
            destination.Write(length);
            destination.Write(header, 0, header.Length);
            foreach (WeightsTensor t in tensors) destination.Write(t.Data.Span);
        }
    }
}
