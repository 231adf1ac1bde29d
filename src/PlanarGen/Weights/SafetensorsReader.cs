using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;

namespace PlanarGen.Weights
{
    /// <summary>
    /// Reads safetensors: a u64 little-endian header length N, N bytes of UTF-8 JSON (an object of tensors and an optional
    /// string-to-string <c>__metadata__</c>, possibly padded with spaces), then the data buffer. The tensors must tile the
    /// buffer exactly: contiguous from 0, no holes or overlaps, each exactly product(shape) x element size bytes.
    /// </summary>
    internal static class SafetensorsReader
    {
        /// <summary>Largest header accepted, as in the reference implementation.</summary>
        public const ulong MaxHeaderBytes = 100_000_000;

        /// <summary>Most tensors accepted in one file (a network has four).</summary>
        public const int MaxTensors = 10_000;

        /// <summary>Highest tensor rank accepted.</summary>
        public const int MaxRank = 8;

        private const string Part = "safetensors header";

        public static WeightsContent Read(byte[] input)
        {
            if (input.Length < 8)
                throw new WeightsFormatException($"safetensors: expected at least 8 bytes (the header length), found {input.Length}.");
            ulong n = BinaryPrimitives.ReadUInt64LittleEndian(input);
            if (n > MaxHeaderBytes)
                throw new WeightsFormatException($"safetensors: the header length is {n} bytes; expected at most {MaxHeaderBytes}.");
            if (n > (ulong)(input.Length - 8))
                throw new WeightsFormatException($"safetensors: the header length is {n} bytes, but only {input.Length - 8} bytes follow the length field (truncated file?).");
            int headerEnd = 8 + (int)n;
            int bufferLength = input.Length - headerEnd;
            var cursor = new JsonCursor(input, 8, headerEnd, Part);

            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var entries = new List<(string Name, TensorType Type, int[] Shape, long Begin, long End)>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            bool sawMetadata = false;
            if (!(input.Length > 8 && n > 0 && input[8] == (byte)'{'))
                throw new WeightsFormatException($"{Part}: expected the JSON header to start with '{{' right after the length field, found {(n == 0 ? "an empty header" : Describe(input[8]))}.");
            cursor.Expect('{', "to open the header");
            if (!cursor.TryConsume('}'))
            {
                do
                {
                    string key = cursor.ReadString("a tensor name or \"__metadata__\"");
                    cursor.Expect(':', $"after \"{key}\"");
                    if (key == "__metadata__")
                    {
                        if (sawMetadata) throw cursor.Error("found \"__metadata__\" twice.");
                        sawMetadata = true;
                        ReadMetadata(cursor, metadata);
                        continue;
                    }
                    if (!names.Add(key)) throw cursor.Error($"found the tensor name \"{key}\" twice.");
                    if (entries.Count == MaxTensors) throw cursor.Error($"expected at most {MaxTensors} tensors, found more.");
                    entries.Add(ReadTensor(cursor, key, bufferLength));
                } while (cursor.TryConsume(','));
                cursor.Expect('}', "to close the header (or ',' before the next entry)");
            }
            cursor.ExpectEnd("of the header after its closing '}' (only spaces may pad it)");

            var buffer = new ReadOnlyMemory<byte>(input, headerEnd, bufferLength);
            var ordered = entries.OrderBy(e => e.Begin).ThenBy(e => e.End).ToList();
            long next = 0;
            foreach (var e in ordered)
            {
                if (e.Begin != next)
                    throw new WeightsFormatException(e.Begin > next
                        ? $"{Part}: tensor \"{e.Name}\" starts at byte {e.Begin} of the data buffer; expected {next} (the tensors must follow each other with no gap)."
                        : $"{Part}: tensor \"{e.Name}\" starts at byte {e.Begin} of the data buffer, inside the previous tensor (which ends at {next}); tensors must not overlap.");
                next = e.End;
            }
            if (next != bufferLength)
                throw new WeightsFormatException($"{Part}: the tensors end at byte {next} of the data buffer; expected them to fill it exactly ({bufferLength} bytes{(next < bufferLength ? ", so the file has extra bytes at the end" : "")}).");

            var tensors = new List<WeightsTensor>(entries.Count);
            foreach (var e in entries)
                tensors.Add(new WeightsTensor(e.Name, e.Type, e.Shape, buffer.Slice((int)e.Begin, (int)(e.End - e.Begin))));
            return new WeightsContent(WeightsFormat.Safetensors, tensors, metadata, buffer);
        }

        private static string Describe(byte b) => b >= 0x20 && b < 0x7F ? $"'{(char)b}'" : $"byte 0x{b:X2}";

        private static void ReadMetadata(JsonCursor cursor, Dictionary<string, string> metadata)
        {
            cursor.Expect('{', "to open \"__metadata__\" (an object of strings)");
            if (cursor.TryConsume('}')) return;
            do
            {
                string key = cursor.ReadString("a metadata key");
                cursor.Expect(':', $"after the metadata key \"{key}\"");
                string value = cursor.ReadString($"the value of metadata \"{key}\" (metadata values are strings)");
                if (metadata.ContainsKey(key)) throw cursor.Error($"found the metadata key \"{key}\" twice.");
                metadata.Add(key, value);
            } while (cursor.TryConsume(','));
            cursor.Expect('}', "to close \"__metadata__\"");
        }

        private static (string, TensorType, int[], long, long) ReadTensor(JsonCursor cursor, string name, int bufferLength)
        {
            cursor.Expect('{', $"to open tensor \"{name}\"");
            TensorType? type = null;
            int[]? shape = null;
            long begin = -1, end = -1;
            if (!cursor.TryConsume('}'))
            {
                do
                {
                    string field = cursor.ReadString($"a field of tensor \"{name}\"");
                    cursor.Expect(':', $"after \"{field}\" of tensor \"{name}\"");
                    switch (field)
                    {
                        case "dtype":
                            if (type != null) throw cursor.Error($"tensor \"{name}\" has \"dtype\" twice.");
                            type = ReadType(cursor, name);
                            break;
                        case "shape":
                            if (shape != null) throw cursor.Error($"tensor \"{name}\" has \"shape\" twice.");
                            shape = ReadShape(cursor, name);
                            break;
                        case "data_offsets":
                            if (begin >= 0) throw cursor.Error($"tensor \"{name}\" has \"data_offsets\" twice.");
                            cursor.Expect('[', $"to open \"data_offsets\" of tensor \"{name}\"");
                            begin = cursor.ReadInteger($"the begin offset of tensor \"{name}\" (within the {bufferLength}-byte data buffer)", bufferLength);
                            cursor.Expect(',', $"between the two data_offsets of tensor \"{name}\"");
                            end = cursor.ReadInteger($"the end offset of tensor \"{name}\" (within the {bufferLength}-byte data buffer)", bufferLength);
                            cursor.Expect(']', $"to close \"data_offsets\" of tensor \"{name}\" (two numbers)");
                            if (end < begin) throw cursor.Error($"tensor \"{name}\" has data_offsets [{begin}, {end}]; expected begin <= end.");
                            break;
                        default:
                            throw cursor.Error($"tensor \"{name}\" has the field \"{field}\"; expected only \"dtype\", \"shape\" and \"data_offsets\".");
                    }
                } while (cursor.TryConsume(','));
                cursor.Expect('}', $"to close tensor \"{name}\"");
            }
            if (type == null || shape == null || begin < 0)
                throw cursor.Error($"tensor \"{name}\" lacks {(type == null ? "\"dtype\"" : shape == null ? "\"shape\"" : "\"data_offsets\"")}; expected dtype, shape and data_offsets.");
            long count = WeightsTensor.ElementCountOrMinusOne(shape, bufferLength);
            long bytes = count < 0 ? -1 : count * TensorTypes.Size(type.Value);
            if (bytes != end - begin)
                throw cursor.Error($"tensor \"{name}\" has shape {WeightsTensor.ShapeToText(shape)} of {TensorTypes.Name(type.Value)}, which needs {(count < 0 ? "more than the whole buffer" : bytes + " bytes")}, but its data_offsets [{begin}, {end}] span {end - begin} bytes.");
            return (name, type.Value, shape, begin, end);
        }

        private static TensorType ReadType(JsonCursor cursor, string name)
        {
            string dtype = cursor.ReadString($"the dtype of tensor \"{name}\"");
            if (dtype == "F32") return TensorType.F32;
            if (dtype == "F64") return TensorType.F64;
            throw cursor.Error(TensorTypes.IsOtherSafetensorsType(dtype)
                ? $"tensor \"{name}\" has dtype \"{dtype}\", which PlanarGen does not read; expected \"F32\" or \"F64\"."
                : $"tensor \"{name}\" has the unknown dtype \"{dtype}\"; expected \"F32\" or \"F64\".");
        }

        internal static int[] ReadShape(JsonCursor cursor, string name)
        {
            cursor.Expect('[', $"to open the shape of tensor \"{name}\"");
            if (cursor.TryConsume(']')) return Array.Empty<int>();
            var dims = new List<int>(2);
            do
            {
                if (dims.Count == MaxRank) throw cursor.Error($"tensor \"{name}\" has a shape of more than {MaxRank} dimensions.");
                dims.Add((int)cursor.ReadInteger($"a dimension of tensor \"{name}\"", int.MaxValue));
            } while (cursor.TryConsume(','));
            cursor.Expect(']', $"to close the shape of tensor \"{name}\"");
            return dims.ToArray();
        }
    }
}
