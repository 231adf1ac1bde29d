using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PlanarGen.Weights
{
    /// <summary>
    /// Reads one NumPy <c>.npy</c> array: magic <c>\x93NUMPY</c>, version (1.0: u16 header length; 2.0 and 3.0: u32), a
    /// Python dict literal header such as <c>{'descr': '&lt;f8', 'fortran_order': False, 'shape': (4, 2), }</c> padded
    /// with spaces and ended by a newline, then the raw data. Accepts little-endian float32/float64 in C order.
    /// </summary>
    internal static class NpyReader
    {
        /// <summary>Longest header accepted (NumPy writes well under 1 KiB for a plain array).</summary>
        public const int MaxHeaderBytes = 65536;

        private static readonly byte[] Magic = { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' };

        public static WeightsTensor Read(string name, string entry, ReadOnlyMemory<byte> file)
        {
            ReadOnlySpan<byte> bytes = file.Span;
            string part = $"npz entry \"{entry}\"";
            if (bytes.Length < 10 || !bytes.Slice(0, 6).SequenceEqual(Magic))
                throw new WeightsFormatException($"{part}: expected the .npy magic \\x93NUMPY, found {(bytes.Length < 6 ? "a " + bytes.Length + "-byte entry" : "other bytes")}.");
            byte major = bytes[6], minor = bytes[7];
            if (major < 1 || major > 3 || minor != 0)
                throw new WeightsFormatException($"{part}: .npy version {major}.{minor} is not supported; expected 1.0, 2.0 or 3.0.");
            int headerStart = major == 1 ? 10 : 12;
            if (bytes.Length < headerStart) throw new WeightsFormatException($"{part}: the .npy file ends inside its header length field.");
            long headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(8)) : BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(8));
            if (headerLength > MaxHeaderBytes || headerLength > bytes.Length - headerStart)
                throw new WeightsFormatException($"{part}: the .npy header length is {headerLength} bytes, but {bytes.Length - headerStart} bytes follow (at most {MaxHeaderBytes} accepted).");
            int dataStart = headerStart + (int)headerLength;
            (string descr, bool fortran, int[] shape) = ParseHeader(part, bytes.Slice(headerStart, (int)headerLength));

            TensorType type = descr == "<f4" ? TensorType.F32 : descr == "<f8" ? TensorType.F64
                : throw new WeightsFormatException($"{part}: dtype '{descr}' is not supported; expected '<f4' or '<f8' (little-endian float32 or float64).");
            int dataLength = bytes.Length - dataStart;
            long count = WeightsTensor.ElementCountOrMinusOne(shape, dataLength);
            if (fortran && shape.Length >= 2 && count > 1)
                throw new WeightsFormatException($"{part}: the array is in Fortran (column-major) order; expected C order (fortran_order False). Save np.ascontiguousarray(a).");
            if (count < 0 || count * TensorTypes.Size(type) != dataLength)
                throw new WeightsFormatException($"{part}: shape {WeightsTensor.ShapeToText(shape)} of '{descr}' needs {(count < 0 ? "more" : (count * TensorTypes.Size(type)).ToString(CultureInfo.InvariantCulture))} data bytes, found {dataLength}.");
            return new WeightsTensor(name, type, shape, file.Slice(dataStart));
        }

        /// <summary>Parses the dict literal: exactly the keys descr (a string), fortran_order (True/False) and shape (a tuple of
        /// non-negative integers), in any order, an optional trailing comma, then spaces and a final newline.</summary>
        private static (string, bool, int[]) ParseHeader(string part, ReadOnlySpan<byte> header)
        {
            var p = new Parser(part, header);
            string? descr = null;
            bool? fortran = null;
            int[]? shape = null;
            p.Expect('{');
            while (!p.TryConsume('}'))
            {
                string key = p.ReadString("a header key");
                p.Expect(':');
                switch (key)
                {
                    case "descr" when descr == null:
                        if (p.Peek() != '\'' && p.Peek() != '"') throw p.Error("expected 'descr' to be a dtype string such as '<f8' (structured arrays are not supported)");
                        descr = p.ReadString("the dtype");
                        break;
                    case "fortran_order" when fortran == null:
                        fortran = p.ReadBool();
                        break;
                    case "shape" when shape == null:
                        shape = p.ReadTuple();
                        break;
                    default:
                        throw p.Error(key == "descr" || key == "fortran_order" || key == "shape"
                            ? $"found the key '{key}' twice"
                            : $"found the key '{key}'; expected only 'descr', 'fortran_order' and 'shape'");
                }
                if (!p.TryConsume(','))
                {
                    p.Expect('}');
                    break;
                }
            }
            p.ExpectEnd();
            if (descr == null || fortran == null || shape == null)
                throw p.Error($"expected the keys 'descr', 'fortran_order' and 'shape', but '{(descr == null ? "descr" : fortran == null ? "fortran_order" : "shape")}' is missing");
            return (descr, fortran.Value, shape);
        }

        /// <summary>A cursor over the ASCII header.</summary>
        private ref struct Parser
        {
            private readonly string _part;
            private readonly ReadOnlySpan<byte> _text;
            private int _pos;

            public Parser(string part, ReadOnlySpan<byte> text)
            {
                _part = part;
                _text = text;
                _pos = 0;
            }

            public WeightsFormatException Error(string message) =>
                new WeightsFormatException($"{_part}, .npy header byte {_pos}: {message}, found {Found()}.");

            private string Found() => _pos >= _text.Length ? "the end of the header"
                : _text[_pos] >= 0x20 && _text[_pos] < 0x7F ? $"'{(char)_text[_pos]}'" : $"byte 0x{_text[_pos]:X2}";

            private void SkipSpaces()
            {
                while (_pos < _text.Length && _text[_pos] == (byte)' ') _pos++;
            }

            public char Peek()
            {
                SkipSpaces();
                return _pos < _text.Length ? (char)_text[_pos] : '\0';
            }

            public bool TryConsume(char c)
            {
                SkipSpaces();
                if (_pos < _text.Length && _text[_pos] == (byte)c)
                {
                    _pos++;
                    return true;
                }
                return false;
            }

            public void Expect(char c)
            {
                if (!TryConsume(c)) throw Error($"expected '{c}'");
            }

            public string ReadString(string what)
            {
                SkipSpaces();
                if (_pos >= _text.Length || (_text[_pos] != (byte)'\'' && _text[_pos] != (byte)'"')) throw Error($"expected {what} in quotes");
                byte quote = _text[_pos++];
                int begin = _pos;
                while (_pos < _text.Length && _text[_pos] != quote)
                {
                    if (_text[_pos] < 0x20 || _text[_pos] >= 0x7F || _text[_pos] == (byte)'\\') throw Error($"expected {what} of plain ASCII characters");
                    _pos++;
                }
                if (_pos >= _text.Length) throw Error($"expected {what} to be closed");
                string value = Encoding.ASCII.GetString(_text.Slice(begin, _pos - begin).ToArray());
                _pos++;
                return value;
            }

            public bool ReadBool()
            {
                SkipSpaces();
                if (Word("True")) return true;
                if (Word("False")) return false;
                throw Error("expected True or False");
            }

            private bool Word(string word)
            {
                if (_text.Length - _pos < word.Length) return false;
                for (int k = 0; k < word.Length; k++)
                    if (_text[_pos + k] != (byte)word[k]) return false;
                _pos += word.Length;
                return true;
            }

            /// <summary>(), (4,), (4, 2) and so on: at most <see cref="SafetensorsReader.MaxRank"/> integers.</summary>
            public int[] ReadTuple()
            {
                Expect('(');
                var dims = new List<int>(2);
                while (!TryConsume(')'))
                {
                    if (dims.Count == SafetensorsReader.MaxRank) throw Error($"expected a shape of at most {SafetensorsReader.MaxRank} dimensions");
                    dims.Add(ReadDimension());
                    if (!TryConsume(','))
                    {
                        if (dims.Count == 1) throw Error("expected ',' after the only dimension of a one-dimensional shape");
                        Expect(')');
                        break;
                    }
                }
                return dims.ToArray();
            }

            private int ReadDimension()
            {
                SkipSpaces();
                int begin = _pos;
                long value = 0;
                while (_pos < _text.Length && _text[_pos] >= (byte)'0' && _text[_pos] <= (byte)'9')
                {
                    value = value * 10 + (_text[_pos] - '0');
                    if (value > int.MaxValue) throw Error("expected a dimension of at most 2147483647");
                    _pos++;
                }
                if (_pos == begin) throw Error("expected a dimension (a non-negative integer)");
                if (_pos - begin > 1 && _text[begin] == (byte)'0') throw Error("expected a dimension without leading zeros");
                return (int)value;
            }

            /// <summary>After the dict: spaces, then exactly one newline at the very end (as NumPy pads it).</summary>
            public void ExpectEnd()
            {
                SkipSpaces();
                if (_pos == _text.Length - 1 && _text[_pos] == (byte)'\n') return;
                throw Error("expected only spaces and a final newline after the header dict");
            }
        }
    }
}
