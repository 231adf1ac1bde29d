using System;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace PlanarGen.Generators.Emit
{
    /// <summary>A small indentation-aware writer over <see cref="StringBuilder"/>; output always uses LF.</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder _text = new StringBuilder();
        private int _indent;

        public void Line(string line = "")
        {
            if (line.Length > 0) _text.Append(' ', _indent * 4).Append(line);
            _text.Append('\n');
        }

        public void Open(string header)
        {
            Line(header);
            Line("{");
            _indent++;
        }

        public void Close(string suffix = "")
        {
            if (_indent == 0) throw new InvalidOperationException("Unbalanced Close in CodeWriter.");
            _indent--;
            Line("}" + suffix);
        }

        public SourceText ToSourceText()
        {
            if (_indent != 0) throw new InvalidOperationException($"CodeWriter ended at indent level {_indent}.");
            return SourceText.From(_text.ToString(), Encoding.UTF8);
        }

        public override string ToString() => _text.ToString();
    }
}
