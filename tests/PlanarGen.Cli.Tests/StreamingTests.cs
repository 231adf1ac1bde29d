using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace PlanarGen.Cli.Tests
{
    /// <summary>Issue 15, finding 12: long runs print each cost line when it is reached, not at the end.</summary>
    public sealed class StreamingTests
    {
        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void CostLinesArriveWhileTraining(bool exact)
        {
            string folder = CliHarness.NewFolder("stream");
            var stdout = new LineRecorder(Path.Combine(folder, "flower-boundary.png"));
            var args = new List<string> { "flower", "--iterations", "3000", "--out", folder };
            if (exact) args.Add("--exact");

            int code = Cli.Run(args.ToArray(), stdout, new StringWriter(CultureInfo.InvariantCulture));

            Assert.Equal(0, code);
            var costs = stdout.Lines.Where(l => l.Text.StartsWith("Cost after iteration ", StringComparison.Ordinal)).ToList();
            Assert.Equal(new[] { 0, 1000, 2000 }, costs.Select(l => int.Parse(l.Text.Split(' ', ':')[3], CultureInfo.InvariantCulture)));
            // Training runs between two cost lines (1000 iterations, each allocating on the exact path, and the
            // generated path's final cost and accuracy after the last): printed at the end, nothing would run between them.
            if (exact)
            {
                Assert.True(costs[1].AllocatedBefore - costs[0].AllocatedBefore > 1_000_000,
                    $"only {costs[1].AllocatedBefore - costs[0].AllocatedBefore} bytes allocated between two cost lines");
            }

            // The pictures need the trained model: a cost line printed before them was printed before the run ended.
            Assert.All(costs, l => Assert.False(l.PictureExisted, $"'{l.Text}' was printed after the pictures were drawn"));
            LineRecorder.Line accuracy = stdout.Lines.Single(l => l.Text.StartsWith("Accuracy: ", StringComparison.Ordinal));
            Assert.True(accuracy.Index > costs[^1].Index);
            Assert.True(File.Exists(Path.Combine(folder, "flower-boundary.png")));
        }

        [Fact]
        public void JsonIsStillOneObjectPrintedAtTheEnd()
        {
            var stdout = new LineRecorder(null);

            int code = Cli.Run(new[] { "flower", "--iterations", "3000", "--json", "--out", CliHarness.NewFolder("stream-json") }, stdout, new StringWriter(CultureInfo.InvariantCulture));

            Assert.Equal(0, code);
            LineRecorder.Line line = Assert.Single(stdout.Lines);
            using var json = System.Text.Json.JsonDocument.Parse(line.Text);
            Assert.Equal(3, json.RootElement.GetProperty("costs").GetArrayLength()); // iterations 0, 1000 and 2000
        }

        /// <summary>Records each line with when it was written: whether the picture existed, bytes allocated so far.</summary>
        private sealed class LineRecorder : TextWriter
        {
            private readonly string? _picture;
            private readonly StringBuilder _current = new();

            public LineRecorder(string? picture) : base(CultureInfo.InvariantCulture) => _picture = picture;

            public sealed record Line(int Index, string Text, bool PictureExisted, long AllocatedBefore);

            public List<Line> Lines { get; } = new();

            public override Encoding Encoding => Encoding.UTF8;

            public override void Write(char value)
            {
                if (value == '\n')
                {
                    bool existed = _picture != null && File.Exists(_picture);
                    Lines.Add(new Line(Lines.Count, _current.ToString().TrimEnd('\r'), existed, GC.GetAllocatedBytesForCurrentThread()));
                    _current.Clear();
                }
                else
                {
                    _current.Append(value);
                }
            }
        }
    }
}
