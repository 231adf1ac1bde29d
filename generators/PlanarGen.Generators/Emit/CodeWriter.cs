using System;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace PlanarGen.Generators.Emit
{
    /// <summary>A small indentation-aware writer over <see cref="StringBuilder"/>; output always uses LF.</summary>
    /// <remarks>Fixed text is written as multi-line templates (<see cref="Lines"/>, usually a raw string literal), braces by
    /// <see cref="Block"/>, which closes itself: <c>using (w.Block("for (...)")) { ... }</c>.</remarks>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder _text = new StringBuilder();
        private int _indent;

        public void Line(string line = "")
        {
            if (line.Length > 0) _text.Append(' ', _indent * 4).Append(line);
            _text.Append('\n');
        }

        /// <summary>Writes every line of <paramref name="template"/> at the current indentation (its own relative indentation
        /// kept; CR removed), e.g. a raw string literal holding a documentation comment or a fixed method body.</summary>
        public void Lines(string template)
        {
            foreach (string line in template.Replace("\r", "").Split('\n')) Line(line);
        }

        /// <summary>Writes <paramref name="lines"/> in order, each at the current indentation.</summary>
        public void Lines(System.Collections.Generic.IEnumerable<string> lines)
        {
            foreach (string line in lines) Line(line);
        }

        /// <summary>Writes <paramref name="header"/> and an opening brace; the returned scope writes the closing brace when disposed.</summary>
        public Scope Block(string header)
        {
            Open(header);
            return new Scope(this);
        }

        public void Open(string header)
        {
            Line(header);
            Line("{");
            _indent++;
        }

        /// <summary>Closes the innermost brace; <paramref name="suffix"/> follows it (<c>";"</c> after an initializer).</summary>
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

        /// <summary>The open braces of one <see cref="Block"/>; disposing closes them.</summary>
        public readonly struct Scope : IDisposable
        {
            private readonly CodeWriter _writer;

            public Scope(CodeWriter writer) => _writer = writer;

            public void Dispose() => _writer.Close();
        }
    }
}
