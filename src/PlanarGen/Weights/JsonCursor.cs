using System;
using System.Globalization;
using System.Text;

namespace PlanarGen.Weights
{
    /// <summary>
    /// A strict, forward-only JSON reader over UTF-8 bytes (RFC 8259 grammar, no comments, no trailing commas, no NaN), for
    /// the safetensors header and PlanarGen's JSON form. It has no recursion: callers walk the fixed schemas themselves,
    /// so nesting depth is bounded by the code. Every problem is a <see cref="WeightsFormatException"/> naming the part
    /// of the file and the byte offset.
    /// </summary>
    internal sealed class JsonCursor
    {
        /// <summary>Longest string (in bytes) accepted for a key, name or metadata value.</summary>
        public const int MaxStringBytes = 65536;

        /// <summary>Longest number token accepted; a float or double never needs more than about 30 characters.</summary>
        public const int MaxNumberChars = 128;

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        private readonly byte[] _data;
        private readonly int _start;
        private readonly int _end;
        private readonly string _part;
        private int _pos;

        public JsonCursor(byte[] data, int start, int end, string part)
        {
            _data = data;
            _start = start;
            _end = end;
            _part = part;
            _pos = start;
        }

        /// <summary>Offset of the next unread byte, relative to where this cursor started.</summary>
        public int Offset => _pos - _start;

        /// <summary>Absolute index of the next unread byte; settable to read a remembered place again.</summary>
        public int Position
        {
            get => _pos;
            set => _pos = value;
        }

        public WeightsFormatException Error(string message) => new WeightsFormatException($"{_part}, byte {Offset}: {message}");

        public void SkipWhitespace()
        {
            while (_pos < _end)
            {
                byte b = _data[_pos];
                if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\n' && b != (byte)'\r') return;
                _pos++;
            }
        }

        /// <summary>Skips whitespace and consumes <paramref name="c"/> if it is next.</summary>
        public bool TryConsume(char c)
        {
            SkipWhitespace();
            if (_pos < _end && _data[_pos] == (byte)c)
            {
                _pos++;
                return true;
            }
            return false;
        }

        public void Expect(char c, string context)
        {
            if (!TryConsume(c)) throw Error($"expected '{c}' {context}, found {Found()}.");
        }

        /// <summary>Only whitespace may follow.</summary>
        public void ExpectEnd(string context)
        {
            SkipWhitespace();
            if (_pos != _end) throw Error($"expected the end {context}, found {Found()}.");
        }

        /// <summary>Describes the next byte for an error message.</summary>
        public string Found()
        {
            if (_pos >= _end) return "the end of the input";
            byte b = _data[_pos];
            return b >= 0x20 && b < 0x7F ? $"'{(char)b}'" : $"byte 0x{b:X2}";
        }

        /// <summary>Reads a JSON string (after whitespace), decoding escapes; rejects control characters, lone surrogates and
        /// invalid UTF-8.</summary>
        public string ReadString(string what)
        {
            SkipWhitespace();
            if (_pos >= _end || _data[_pos] != (byte)'"') throw Error($"expected {what} (a string in double quotes), found {Found()}.");
            int begin = ++_pos;
            bool escaped = false;
            while (true)
            {
                if (_pos >= _end) throw Error($"{what} is not closed: the input ends inside a string.");
                byte b = _data[_pos];
                if (b == (byte)'"') break;
                if (b < 0x20) throw Error($"expected {what} without raw control characters, found byte 0x{b:X2} (write it as \\u{b:X4}).");
                if (b == (byte)'\\')
                {
                    escaped = true;
                    _pos++;
                }
                _pos++;
                if (_pos - begin > MaxStringBytes) throw Error($"expected {what} of at most {MaxStringBytes} bytes, found a longer one.");
            }
            int length = _pos - begin;
            _pos++;
            if (!escaped) return Decode(begin, length, what);
            return Unescape(begin, length, what);
        }

        private string Decode(int begin, int length, string what)
        {
            try
            {
                return StrictUtf8.GetString(_data, begin, length);
            }
            catch (ArgumentException)
            {
                throw new WeightsFormatException($"{_part}, byte {begin - _start}: expected {what} in valid UTF-8, found invalid bytes.");
            }
        }

        private string Unescape(int begin, int length, string what)
        {
            var sb = new StringBuilder(length);
            int k = begin;
            int end = begin + length;
            while (k < end)
            {
                int run = k;
                while (k < end && _data[k] != (byte)'\\') k++;
                if (k > run) sb.Append(Decode(run, k - run, what));
                if (k >= end) break;
                byte e = _data[k + 1];
                k += 2;
                switch (e)
                {
                    case (byte)'"': sb.Append('"'); break;
                    case (byte)'\\': sb.Append('\\'); break;
                    case (byte)'/': sb.Append('/'); break;
                    case (byte)'b': sb.Append('\b'); break;
                    case (byte)'f': sb.Append('\f'); break;
                    case (byte)'n': sb.Append('\n'); break;
                    case (byte)'r': sb.Append('\r'); break;
                    case (byte)'t': sb.Append('\t'); break;
                    case (byte)'u':
                        int unit = Hex4(k, end, what);
                        k += 4;
                        if (unit >= 0xD800 && unit <= 0xDBFF)
                        {
                            if (k + 6 > end || _data[k] != (byte)'\\' || _data[k + 1] != (byte)'u')
                                throw new WeightsFormatException($"{_part}, byte {k - _start}: expected a low surrogate \\uDC00-\\uDFFF after \\u{unit:X4} in {what}.");
                            int low = Hex4(k + 2, end, what);
                            if (low < 0xDC00 || low > 0xDFFF)
                                throw new WeightsFormatException($"{_part}, byte {k - _start}: expected a low surrogate \\uDC00-\\uDFFF after \\u{unit:X4} in {what}, found \\u{low:X4}.");
                            k += 6;
                            sb.Append((char)unit).Append((char)low);
                        }
                        else if (unit >= 0xDC00 && unit <= 0xDFFF)
                            throw new WeightsFormatException($"{_part}, byte {k - 6 - _start}: expected a character in {what}, found a lone low surrogate \\u{unit:X4}.");
                        else sb.Append((char)unit);
                        break;
                    default:
                        throw new WeightsFormatException($"{_part}, byte {k - 2 - _start}: expected an escape \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX in {what}, found \\{Printable(e)}.");
                }
            }
            return sb.ToString();
        }

        private int Hex4(int at, int end, string what)
        {
            if (at + 4 > end) throw new WeightsFormatException($"{_part}, byte {at - _start}: expected four hex digits after \\u in {what}.");
            int value = 0;
            for (int j = 0; j < 4; j++)
            {
                byte h = _data[at + j];
                int digit = h >= (byte)'0' && h <= (byte)'9' ? h - '0'
                    : h >= (byte)'a' && h <= (byte)'f' ? h - 'a' + 10
                    : h >= (byte)'A' && h <= (byte)'F' ? h - 'A' + 10 : -1;
                if (digit < 0) throw new WeightsFormatException($"{_part}, byte {at + j - _start}: expected a hex digit after \\u in {what}, found {Printable(h)}.");
                value = value * 16 + digit;
            }
            return value;
        }

        private static string Printable(byte b) => b >= 0x20 && b < 0x7F ? ((char)b).ToString() : $"byte 0x{b:X2}";

        /// <summary>Reads a JSON number token (after whitespace), checking the RFC 8259 grammar, and returns where it lies.</summary>
        public (int Start, int Length) ReadNumberToken(string what) => ReadNumberToken(what, null, 0);

        /// <summary>As <see cref="ReadNumberToken(string)"/> for element <paramref name="element"/> of a tensor's data; the
        /// description is only built for an error, so reading a long array allocates nothing per element.</summary>
        public (int Start, int Length) ReadNumberToken(string? what, string? tensor, int element)
        {
            SkipWhitespace();
            int begin = _pos;
            if (_pos < _end && _data[_pos] == (byte)'-') _pos++;
            if (_pos >= _end || !IsDigit(_data[_pos])) throw NumberError(begin, what, tensor, element);
            if (_data[_pos] == (byte)'0') _pos++;
            else while (_pos < _end && IsDigit(_data[_pos])) _pos++;
            if (_pos < _end && _data[_pos] == (byte)'.')
            {
                _pos++;
                if (_pos >= _end || !IsDigit(_data[_pos])) throw NumberError(begin, what, tensor, element);
                while (_pos < _end && IsDigit(_data[_pos])) _pos++;
            }
            if (_pos < _end && (_data[_pos] == (byte)'e' || _data[_pos] == (byte)'E'))
            {
                _pos++;
                if (_pos < _end && (_data[_pos] == (byte)'+' || _data[_pos] == (byte)'-')) _pos++;
                if (_pos >= _end || !IsDigit(_data[_pos])) throw NumberError(begin, what, tensor, element);
                while (_pos < _end && IsDigit(_data[_pos])) _pos++;
            }
            if (_pos - begin > MaxNumberChars)
                throw new WeightsFormatException($"{_part}, byte {begin - _start}: expected {Describe(what, tensor, element)} of at most {MaxNumberChars} characters, found {_pos - begin}.");
            return (begin, _pos - begin);
        }

        private WeightsFormatException NumberError(int begin, string? what, string? tensor, int element)
        {
            _pos = begin;
            return Error($"expected {Describe(what, tensor, element)} (a JSON number), found {Found()}.");
        }

        private static string Describe(string? what, string? tensor, int element) => what ?? $"element {element} of tensor \"{tensor}\"";

        private static bool IsDigit(byte b) => b >= (byte)'0' && b <= (byte)'9';

        /// <summary>Reads a non-negative integer written with digits only, at most <paramref name="max"/>.</summary>
        public long ReadInteger(string what, long max)
        {
            SkipWhitespace();
            int begin = _pos;
            long value = 0;
            while (_pos < _end && IsDigit(_data[_pos]))
            {
                int digit = _data[_pos] - '0';
                if (value > (max - digit) / 10)
                    throw new WeightsFormatException($"{_part}, byte {begin - _start}: expected {what} of at most {max}, found a larger number.");
                value = value * 10 + digit;
                _pos++;
            }
            if (_pos == begin) throw Error($"expected {what} (a non-negative integer), found {Found()}.");
            if (_pos - begin > 1 && _data[begin] == (byte)'0') throw new WeightsFormatException($"{_part}, byte {begin - _start}: expected {what} without leading zeros.");
            if (_pos < _end && (_data[_pos] == (byte)'.' || _data[_pos] == (byte)'e' || _data[_pos] == (byte)'E'))
                throw Error($"expected {what} as a whole number, found {Found()}.");
            return value;
        }

        /// <summary>Parses a number token as a float (correctly rounded); the caller checks it is finite.</summary>
        public float ParseSingle((int Start, int Length) token)
        {
            Span<char> chars = stackalloc char[MaxNumberChars];
            int n = Widen(token, chars);
            try
            {
                return float.Parse(chars.Slice(0, n), NumberStyles.Float, CultureInfo.InvariantCulture);
            }
            catch (OverflowException)
            {
                // Older runtimes throw where .NET Core 3.0+ returns infinity; the caller rejects both the same way.
                return float.PositiveInfinity;
            }
        }

        /// <summary>Parses a number token as a double (correctly rounded); the caller checks it is finite.</summary>
        public double ParseDouble((int Start, int Length) token)
        {
            Span<char> chars = stackalloc char[MaxNumberChars];
            int n = Widen(token, chars);
            try
            {
                return double.Parse(chars.Slice(0, n), NumberStyles.Float, CultureInfo.InvariantCulture);
            }
            catch (OverflowException)
            {
                return double.PositiveInfinity;
            }
        }

        private int Widen((int Start, int Length) token, Span<char> chars)
        {
            for (int k = 0; k < token.Length; k++) chars[k] = (char)_data[token.Start + k];
            return token.Length;
        }

        /// <summary>The token's text, for messages.</summary>
        public string Text((int Start, int Length) token) => Encoding.ASCII.GetString(_data, token.Start, token.Length);
    }
}
