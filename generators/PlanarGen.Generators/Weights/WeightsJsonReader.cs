using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PlanarGen.Generators.Weights
{
    /// <summary>
    /// Reads the PlanarGen JSON weights schema (docs/weights.md) from text, strictly (RFC 8259: no comments, trailing commas,
    /// NaN or Infinity; numbers of at most 128 characters), the same rules as the runtime's reader. Numbers are kept as
    /// positions in the text and converted once the tensor's dtype is known (<see cref="ExactDecimal"/>). No recursion, so
    /// deep nesting is an error, never a stack overflow. Throws <see cref="WeightsJsonException"/> only.
    /// </summary>
    internal sealed class WeightsJsonReader
    {
        public const int MaxNumberChars = 128;
        private const int MaxShapeRank = 8;

        private readonly string _text;
        private int _pos;

        private WeightsJsonReader(string text) => _text = text;

        public static WeightsJsonDocument Read(string text)
        {
            var reader = new WeightsJsonReader(text);
            return reader.ReadDocument();
        }

        private WeightsJsonDocument ReadDocument()
        {
            if (_text.Length > 0 && _text[0] == '\uFEFF') _pos = 1;
            var metadata = new List<KeyValuePair<string, string>>();
            List<WeightsJsonTensor>? tensors = null;
            bool sawMetadata = false;
            Expect('{', "the top-level object");
            foreach (string key in Members("the top-level object"))
            {
                if (key == "metadata" && !sawMetadata)
                {
                    sawMetadata = true;
                    Expect('{', "\"metadata\" (an object of strings)");
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    foreach (string name in Members("metadata"))
                    {
                        if (!seen.Add(name)) throw Error($"metadata has the key \"{name}\" twice");
                        metadata.Add(new KeyValuePair<string, string>(name, ReadString($"metadata \"{name}\" (a string)")));
                    }
                }
                else if (key == "tensors" && tensors is null)
                {
                    tensors = new List<WeightsJsonTensor>();
                    Expect('{', "\"tensors\" (an object)");
                    foreach (string name in Members("tensors"))
                    {
                        foreach (WeightsJsonTensor t in tensors)
                            if (t.Name == name) throw Error($"tensors has \"{name}\" twice");
                        tensors.Add(ReadTensor(name));
                    }
                }
                else if (key == "metadata" || key == "tensors") throw Error($"the top-level object has \"{key}\" twice");
                else throw Error($"the top-level object has the key \"{key}\"; expected only \"metadata\" and \"tensors\"");
            }
            SkipWhitespace();
            if (_pos < _text.Length) throw Error("expected the end of the text after the top-level object");
            if (tensors is null) throw Error("the top-level object has no \"tensors\"");
            return new WeightsJsonDocument(metadata, tensors);
        }

        private WeightsJsonTensor ReadTensor(string name)
        {
            string where = $"tensor \"{name}\"";
            Expect('{', where + " (an object with dtype, shape and data)");
            string? dtype = null;
            int[]? shape = null;
            List<int>? numbers = null;
            foreach (string key in Members(where))
            {
                switch (key)
                {
                    case "dtype" when dtype is null:
                        dtype = ReadString(where + " dtype");
                        break;
                    case "shape" when shape is null:
                        shape = ReadShape(where);
                        break;
                    case "data" when numbers is null:
                        numbers = ReadNumbers(where);
                        break;
                    case "dtype":
                    case "shape":
                    case "data":
                        throw Error($"{where} has \"{key}\" twice");
                    default:
                        throw Error($"{where} has the key \"{key}\"; expected only \"dtype\", \"shape\" and \"data\"");
                }
            }
            if (dtype is null || shape is null || numbers is null)
                throw Error($"{where} lacks \"{(dtype is null ? "dtype" : shape is null ? "shape" : "data")}\"");
            return new WeightsJsonTensor(name, dtype, shape, numbers);
        }

        private int[] ReadShape(string where)
        {
            Expect('[', where + " shape (an array of integers)");
            var dims = new List<int>();
            if (TryConsume(']')) return dims.ToArray();
            do
            {
                SkipWhitespace();
                int begin = _pos;
                (int start, int length) = ReadNumberToken(where + " shape");
                if (!int.TryParse(_text.Substring(start, length), NumberStyles.None, CultureInfo.InvariantCulture, out int dim))
                {
                    _pos = begin;
                    throw Error($"expected {where} shape to hold non-negative integers, found {_text.Substring(start, length)}");
                }
                dims.Add(dim);
                if (dims.Count > MaxShapeRank) throw Error($"expected {where} shape to have at most {MaxShapeRank} dimensions");
            }
            while (TryConsume(','));
            Expect(']', where + " shape: ',' or ']'");
            return dims.ToArray();
        }

        /// <summary>The data array as (start, length) pairs flattened into one list.</summary>
        private List<int> ReadNumbers(string where)
        {
            Expect('[', where + " data (an array of numbers)");
            var numbers = new List<int>();
            if (TryConsume(']')) return numbers;
            do
            {
                SkipWhitespace();
                (int start, int length) = ReadNumberToken(where + " data");
                numbers.Add(start);
                numbers.Add(length);
            }
            while (TryConsume(','));
            Expect(']', where + " data: ',' or ']'");
            return numbers;
        }

        /// <summary>The keys of an object whose '{' was just read; the caller reads each value before asking for the next key.</summary>
        private IEnumerable<string> Members(string where)
        {
            if (TryConsume('}')) yield break;
            while (true)
            {
                SkipWhitespace();
                string key = ReadString($"a key in {where}");
                Expect(':', $"':' after \"{key}\" in {where}");
                yield return key;
                if (TryConsume(',')) continue;
                Expect('}', $"',' or '}}' in {where}");
                yield break;
            }
        }

        private (int Start, int Length) ReadNumberToken(string what)
        {
            int begin = _pos;
            if (_pos < _text.Length && _text[_pos] == '-') _pos++;
            if (_pos >= _text.Length || !IsDigit(_text[_pos])) throw NumberError(begin, what);
            if (_text[_pos] == '0') _pos++;
            else while (_pos < _text.Length && IsDigit(_text[_pos])) _pos++;
            if (_pos < _text.Length && _text[_pos] == '.')
            {
                _pos++;
                if (_pos >= _text.Length || !IsDigit(_text[_pos])) throw NumberError(begin, what);
                while (_pos < _text.Length && IsDigit(_text[_pos])) _pos++;
            }
            if (_pos < _text.Length && (_text[_pos] == 'e' || _text[_pos] == 'E'))
            {
                _pos++;
                if (_pos < _text.Length && (_text[_pos] == '+' || _text[_pos] == '-')) _pos++;
                if (_pos >= _text.Length || !IsDigit(_text[_pos])) throw NumberError(begin, what);
                while (_pos < _text.Length && IsDigit(_text[_pos])) _pos++;
            }
            if (_pos - begin > MaxNumberChars)
            {
                int length = _pos - begin;
                _pos = begin;
                throw Error($"expected a number of at most {MaxNumberChars} characters in {what}, found {length}");
            }
            return (begin, _pos - begin);
        }

        private WeightsJsonException NumberError(int begin, string what)
        {
            _pos = begin;
            return Error($"expected a number in {what}, found {Found()}");
        }

        private string ReadString(string what)
        {
            SkipWhitespace();
            if (_pos >= _text.Length || _text[_pos] != '"') throw Error($"expected {what}, found {Found()}");
            _pos++;
            var value = new StringBuilder();
            while (true)
            {
                if (_pos >= _text.Length) throw Error($"unterminated string in {what}");
                char c = _text[_pos];
                if (c == '"')
                {
                    _pos++;
                    return value.ToString();
                }
                if (c < 0x20) throw Error($"control character U+{(int)c:X4} in a string in {what}");
                if (c != '\\')
                {
                    value.Append(c);
                    _pos++;
                    continue;
                }
                if (_pos + 1 >= _text.Length) throw Error($"unterminated string in {what}");
                char escape = _text[_pos + 1];
                _pos += 2;
                switch (escape)
                {
                    case '"': value.Append('"'); break;
                    case '\\': value.Append('\\'); break;
                    case '/': value.Append('/'); break;
                    case 'b': value.Append('\b'); break;
                    case 'f': value.Append('\f'); break;
                    case 'n': value.Append('\n'); break;
                    case 'r': value.Append('\r'); break;
                    case 't': value.Append('\t'); break;
                    case 'u':
                        if (_pos + 4 > _text.Length
                            || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                        {
                            _pos -= 2;
                            throw Error($"invalid \\u escape in a string in {what}");
                        }
                        value.Append((char)code);
                        _pos += 4;
                        break;
                    default:
                        _pos -= 2;
                        throw Error($"invalid escape '\\{escape}' in a string in {what}");
                }
            }
        }

        private void Expect(char c, string what)
        {
            SkipWhitespace();
            if (_pos >= _text.Length || _text[_pos] != c) throw Error($"expected {what}, found {Found()}");
            _pos++;
        }

        private bool TryConsume(char c)
        {
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == c)
            {
                _pos++;
                return true;
            }
            return false;
        }

        private void SkipWhitespace()
        {
            while (_pos < _text.Length && (_text[_pos] == ' ' || _text[_pos] == '\t' || _text[_pos] == '\n' || _text[_pos] == '\r')) _pos++;
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private string Found()
        {
            if (_pos >= _text.Length) return "the end of the text";
            char c = _text[_pos];
            return c < 0x20 || c > 0x7E ? $"U+{(int)c:X4}" : $"'{c}'";
        }

        private WeightsJsonException Error(string message)
        {
            int line = 1, column = 1;
            for (int k = 0; k < _pos && k < _text.Length; k++)
            {
                if (_text[k] == '\n')
                {
                    line++;
                    column = 1;
                }
                else column++;
            }
            return new WeightsJsonException($"line {line}, column {column}: {message}");
        }
    }
}
