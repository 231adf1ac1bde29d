using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;

namespace PlanarGen.Weights
{
    /// <summary>
    /// Reads PlanarGen's JSON form (docs/weights.md). Keys may come in any order, so a first pass checks the grammar and
    /// remembers where each tensor's data array starts and how many numbers it has; once dtype and shape are known, a
    /// second pass parses the numbers (F32 as float, F64 as double, each correctly rounded) into one little-endian buffer
    /// laid out as a safetensors buffer would be. That buffer is sized by numbers actually present in the input.
    /// </summary>
    internal static class WeightsJsonReader
    {
        private const string Part = "JSON";

        private sealed class Entry
        {
            public Entry(string name) => Name = name;

            public string Name { get; }
            public TensorType? Type { get; set; }
            public int[]? Shape { get; set; }
            public int DataPosition { get; set; } = -1;
            public int DataCount { get; set; }
        }

        /// <summary>Reads the JSON form starting at <paramref name="start"/> (after any BOM).</summary>
        public static WeightsContent Read(byte[] input, int start)
        {
            var cursor = new JsonCursor(input, start, input.Length, Part);
            cursor.SkipWhitespace();
            if (cursor.Position >= input.Length || input[cursor.Position] != (byte)'{')
                throw new WeightsFormatException(
                    $"unrecognised content: expected safetensors (an 8-byte header length, then '{{'), npz (a zip archive, starting with \"PK\") " +
                    $"or PlanarGen JSON (starting with '{{'), found {(input.Length == 0 ? "an empty input" : cursor.Found() + " at byte " + cursor.Position)}.");

            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var entries = new List<Entry>();
            bool sawMetadata = false, sawTensors = false;
            cursor.Expect('{', "to open the document");
            if (!cursor.TryConsume('}'))
            {
                do
                {
                    string key = cursor.ReadString("\"metadata\" or \"tensors\"");
                    cursor.Expect(':', $"after \"{key}\"");
                    if (key == "metadata" && !sawMetadata)
                    {
                        sawMetadata = true;
                        ReadMetadata(cursor, metadata);
                    }
                    else if (key == "tensors" && !sawTensors)
                    {
                        sawTensors = true;
                        ReadTensors(cursor, entries);
                    }
                    else throw cursor.Error(key == "metadata" || key == "tensors"
                        ? $"found \"{key}\" twice."
                        : $"found the key \"{key}\"; expected only \"metadata\" and \"tensors\".");
                } while (cursor.TryConsume(','));
                cursor.Expect('}', "to close the document (or ',' before the next key)");
            }
            cursor.ExpectEnd("of the document after its closing '}'");
            if (!sawTensors) throw new WeightsFormatException($"{Part}: expected a \"tensors\" object, found none.");

            long total = 0;
            foreach (Entry e in entries) total += (long)e.DataCount * TensorTypes.Size(e.Type!.Value);
            // At most 8 bytes per number, and every number takes at least 2 bytes of the input: bounded by the input.
            var buffer = new byte[total];
            var tensors = new List<WeightsTensor>(entries.Count);
            int offset = 0;
            foreach (Entry e in entries)
            {
                TensorType type = e.Type!.Value;
                int size = TensorTypes.Size(type);
                cursor.Position = e.DataPosition;
                cursor.Expect('[', "");
                for (int k = 0; k < e.DataCount; k++)
                {
                    if (k > 0) cursor.Expect(',', "");
                    var token = cursor.ReadNumberToken("a number");
                    Span<byte> target = buffer.AsSpan(offset + k * size, size);
                    if (type == TensorType.F32)
                    {
                        float value = cursor.ParseSingle(token);
                        if (float.IsNaN(value) || float.IsInfinity(value))
                            throw new WeightsFormatException($"{Part}: tensor \"{e.Name}\" element {k} is {cursor.Text(token)}, which overflows F32; expected a finite value.");
                        BinaryPrimitives.WriteInt32LittleEndian(target, BitConverter.SingleToInt32Bits(value));
                    }
                    else
                    {
                        double value = cursor.ParseDouble(token);
                        if (double.IsNaN(value) || double.IsInfinity(value))
                            throw new WeightsFormatException($"{Part}: tensor \"{e.Name}\" element {k} is {cursor.Text(token)}, which overflows F64; expected a finite value.");
                        BinaryPrimitives.WriteInt64LittleEndian(target, BitConverter.DoubleToInt64Bits(value));
                    }
                }
                tensors.Add(new WeightsTensor(e.Name, type, e.Shape!, new ReadOnlyMemory<byte>(buffer, offset, e.DataCount * size)));
                offset += e.DataCount * size;
            }
            return new WeightsContent(WeightsFormat.Json, tensors, metadata, buffer);
        }

        private static void ReadMetadata(JsonCursor cursor, Dictionary<string, string> metadata)
        {
            cursor.Expect('{', "to open \"metadata\" (an object of strings)");
            if (cursor.TryConsume('}')) return;
            do
            {
                string key = cursor.ReadString("a metadata key");
                cursor.Expect(':', $"after the metadata key \"{key}\"");
                string value = cursor.ReadString($"the value of metadata \"{key}\" (metadata values are strings)");
                if (metadata.ContainsKey(key)) throw cursor.Error($"found the metadata key \"{key}\" twice.");
                metadata.Add(key, value);
            } while (cursor.TryConsume(','));
            cursor.Expect('}', "to close \"metadata\"");
        }

        private static void ReadTensors(JsonCursor cursor, List<Entry> entries)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            cursor.Expect('{', "to open \"tensors\" (an object of named tensors)");
            if (cursor.TryConsume('}')) return;
            do
            {
                string name = cursor.ReadString("a tensor name");
                cursor.Expect(':', $"after the tensor name \"{name}\"");
                if (!names.Add(name)) throw cursor.Error($"found the tensor name \"{name}\" twice.");
                if (entries.Count == SafetensorsReader.MaxTensors) throw cursor.Error($"expected at most {SafetensorsReader.MaxTensors} tensors, found more.");
                entries.Add(ReadTensor(cursor, name));
            } while (cursor.TryConsume(','));
            cursor.Expect('}', "to close \"tensors\"");
        }

        private static Entry ReadTensor(JsonCursor cursor, string name)
        {
            var entry = new Entry(name);
            cursor.Expect('{', $"to open tensor \"{name}\"");
            if (!cursor.TryConsume('}'))
            {
                do
                {
                    string field = cursor.ReadString($"a field of tensor \"{name}\"");
                    cursor.Expect(':', $"after \"{field}\" of tensor \"{name}\"");
                    switch (field)
                    {
                        case "dtype":
                            if (entry.Type != null) throw cursor.Error($"tensor \"{name}\" has \"dtype\" twice.");
                            string dtype = cursor.ReadString($"the dtype of tensor \"{name}\"");
                            entry.Type = dtype == "F32" ? TensorType.F32 : dtype == "F64" ? TensorType.F64
                                : throw cursor.Error($"tensor \"{name}\" has dtype \"{dtype}\"; expected \"F32\" or \"F64\".");
                            break;
                        case "shape":
                            if (entry.Shape != null) throw cursor.Error($"tensor \"{name}\" has \"shape\" twice.");
                            entry.Shape = SafetensorsReader.ReadShape(cursor, name);
                            break;
                        case "data":
                            if (entry.DataPosition >= 0) throw cursor.Error($"tensor \"{name}\" has \"data\" twice.");
                            cursor.SkipWhitespace();
                            entry.DataPosition = cursor.Position;
                            entry.DataCount = CountNumbers(cursor, name);
                            break;
                        default:
                            throw cursor.Error($"tensor \"{name}\" has the field \"{field}\"; expected only \"dtype\", \"shape\" and \"data\".");
                    }
                } while (cursor.TryConsume(','));
                cursor.Expect('}', $"to close tensor \"{name}\"");
            }
            if (entry.Type == null || entry.Shape == null || entry.DataPosition < 0)
                throw cursor.Error($"tensor \"{name}\" lacks {(entry.Type == null ? "\"dtype\"" : entry.Shape == null ? "\"shape\"" : "\"data\"")}; expected dtype, shape and data.");
            long expected = WeightsTensor.ElementCountOrMinusOne(entry.Shape, int.MaxValue);
            if (expected != entry.DataCount)
                throw cursor.Error($"tensor \"{name}\" has shape {WeightsTensor.ShapeToText(entry.Shape)}, which needs {(expected < 0 ? "too many" : expected.ToString(CultureInfo.InvariantCulture))} numbers, but its data has {entry.DataCount}.");
            return entry;
        }

        private static int CountNumbers(JsonCursor cursor, string name)
        {
            cursor.Expect('[', $"to open the data of tensor \"{name}\" (a flat array of numbers)");
            if (cursor.TryConsume(']')) return 0;
            int count = 0;
            do
            {
                cursor.ReadNumberToken(null, name, count);
                count++;
            } while (cursor.TryConsume(','));
            cursor.Expect(']', $"to close the data of tensor \"{name}\" (a flat array of numbers)");
            return count;
        }
    }
}
