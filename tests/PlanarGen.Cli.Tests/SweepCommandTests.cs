using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace PlanarGen.Cli.Tests
{
    public sealed class SweepCommandTests
    {
        private static readonly int[] Sizes = { 1, 2, 3, 4, 5, 20, 50 };

        // The notebook's 4.6 output. For 50 units numpy builds differ (90.25-90.75 %): the printed
        // notebook says 90.25 %, numpy with glibc maths (the exact path's reference) gives 90.75 %.
        private static readonly double[] Notebook = { 67.5, 67.25, 90.75, 90.5, 91.25, 90.0, 90.25 };

        [Fact]
        public void ExactPathPrintsTheNotebooksAccuracies()
        {
            CliResult result = CliHarness.Run("sweep", "--exact", "--out", CliHarness.NewFolder("sweep-exact"));

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Error);
            string[] lines = result.OutLines.Where(l => l.StartsWith("Accuracy for ", StringComparison.Ordinal)).ToArray();
            Assert.Equal(new[]
            {
                "Accuracy for 1 hidden units: 67.5 %",
                "Accuracy for 2 hidden units: 67.25 %",
                "Accuracy for 3 hidden units: 90.75 %",
                "Accuracy for 4 hidden units: 90.5 %",
                "Accuracy for 5 hidden units: 91.25 %",
                "Accuracy for 20 hidden units: 90.0 %",
            }, lines.Take(6).ToArray());
            Assert.Contains(lines[6], new[] { "Accuracy for 50 hidden units: 90.25 %", "Accuracy for 50 hidden units: 90.75 %" });
            Assert.Contains(result.OutLines, l => l.StartsWith("Training time: 7 sizes x 5000 iterations in ", StringComparison.Ordinal)
                && l.EndsWith("(exact path).", StringComparison.Ordinal));
        }

        [Fact]
        public void FastFloatTimingNamesTheVectorsThatRan()
        {
            CliResult result = CliHarness.Run("sweep", "--precision", "single", "--out", CliHarness.NewFolder("sweep-fast-text"));

            Assert.Equal(0, result.ExitCode);
            // Float networks name their vectors: Vector512 where SimdPath chose it, else Vector<T>'s width, else scalar.
            string vectors = SimdPath.UsesVector512 ? "Vector512"
                : System.Numerics.Vector.IsHardwareAccelerated ? $"{System.Numerics.Vector<float>.Count * 32}-bit Vector<T>" : "scalar";
            Assert.Contains(result.OutLines, l => l.StartsWith("Training time: 7 sizes x 5000 iterations in ", StringComparison.Ordinal)
                && l.EndsWith($"(fast path, float, {vectors}).", StringComparison.Ordinal));
        }

        [Fact]
        public void FastPathIsWithinOnePointOfTheNotebook()
        {
            foreach (string precision in new[] { "double", "single" })
            {
                CliResult result = CliHarness.Run("sweep", "--precision", precision, "--json", "--out", CliHarness.NewFolder("sweep-fast-" + precision));

                Assert.Equal(0, result.ExitCode);
                JsonElement[] results = result.Json.GetProperty("results").EnumerateArray().ToArray();
                Assert.Equal(Sizes, results.Select(r => r.GetProperty("hidden").GetInt32()).ToArray());
                for (int i = 0; i < Sizes.Length; i++)
                    Assert.InRange(results[i].GetProperty("accuracy").GetDouble() * 100, Notebook[i] - 1, Notebook[i] + 1);
                Assert.Equal(5000, result.Json.GetProperty("iterations").GetInt32());
                Assert.True(result.Json.GetProperty("seconds").GetDouble() > 0);
                Assert.Single(result.Json.GetProperty("pictures").EnumerateArray());
            }
        }
    }
}
