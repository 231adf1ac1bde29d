using System;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace PlanarGen.Cli.Tests
{
    /// <summary>One exact flower run in JSON, shared by the tests that read it.</summary>
    public sealed class ExactFlowerJson
    {
        public ExactFlowerJson()
        {
            Folder = CliHarness.NewFolder("flower-exact-json");
            Result = CliHarness.Run("flower", "--exact", "--json", "--out", Folder);
        }

        public string Folder { get; }
        public CliResult Result { get; }
    }

    public sealed class FlowerCommandTests : IClassFixture<ExactFlowerJson>
    {
        private static readonly string[] NotebookCostLines =
        {
            "Cost after iteration 0: 0.693048",
            "Cost after iteration 1000: 0.288083",
            "Cost after iteration 2000: 0.254385",
            "Cost after iteration 3000: 0.233864",
            "Cost after iteration 4000: 0.226792",
            "Cost after iteration 5000: 0.222644",
            "Cost after iteration 6000: 0.219731",
            "Cost after iteration 7000: 0.217504",
            "Cost after iteration 8000: 0.219493", // numpy with glibc maths; the printed notebook says 0.219454 (see TestData/README.md)
            "Cost after iteration 9000: 0.218618",
        };

        private readonly ExactFlowerJson _run;

        public FlowerCommandTests(ExactFlowerJson run) => _run = run;

        [Fact]
        public void ExactTextPrintsTheNotebookCells()
        {
            CliResult result = CliHarness.Run("flower", "--exact", "--out", CliHarness.NewFolder("flower-exact-text"));

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Error);
            string[] lines = result.OutLines;
            Assert.Equal("The shape of X is: (2, 400)", lines[0]);
            Assert.Equal("The shape of Y is: (1, 400)", lines[1]);
            Assert.Equal("I have m = 400 training examples!", lines[2]);
            Assert.Equal("Accuracy of logistic regression: 47 % (percentage of correctly labelled datapoints)", lines[3]);
            Assert.Equal(NotebookCostLines, lines.Where(l => l.StartsWith("Cost after", StringComparison.Ordinal)).ToArray());
            Assert.Contains("Accuracy: 90.50 %", lines);
            Assert.Contains(lines, l => l.StartsWith("Training time: 10000 iterations in ", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("Pictures: ", StringComparison.Ordinal) && l.Contains("flower-boundary.png"));
        }

        [Fact]
        public void ExactJsonMatchesTheNumPyRunBitForBit()
        {
            CliResult result = _run.Result;
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Error);
            JsonElement json = result.Json; // the whole of stdout parses: nothing else is mixed in

            double[] allCosts = ReferenceData.Read("flower_costs.txt");
            JsonElement[] costs = json.GetProperty("costs").EnumerateArray().ToArray();
            Assert.Equal(10, costs.Length);
            for (int k = 0; k < costs.Length; k++)
            {
                Assert.Equal(k * 1000, costs[k].GetProperty("iteration").GetInt32());
                Assert.Equal(allCosts[k * 1000], costs[k].GetProperty("cost").GetDouble());
            }

            Assert.Equal(0.905, json.GetProperty("accuracy").GetDouble());
            Assert.Equal(0.47, json.GetProperty("logisticAccuracy").GetDouble());

            JsonElement p = json.GetProperty("parameters");
            double[] actual = Matrix(p.GetProperty("W1"), 4, 2)
                .Concat(Vector(p.GetProperty("b1"), 4))
                .Concat(Matrix(p.GetProperty("W2"), 1, 4))
                .Concat(Vector(p.GetProperty("b2"), 1))
                .ToArray();
            double[] expected = ReferenceData.Read("flower_parameters.txt");
            Assert.Equal(17, expected.Length);
            for (int i = 0; i < expected.Length; i++)
                Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]),
                    $"parameter {i}: expected {expected[i]:R}, got {actual[i]:R}");

            string[] pictures = json.GetProperty("pictures").EnumerateArray().Select(e => e.GetString()!).ToArray();
            Assert.Equal(3, pictures.Length);
            Assert.All(pictures, path => Assert.True(System.IO.File.Exists(path), path));
        }

        [Fact]
        public void FastPathPrintsTheNotebookShapeAndReachesItsAccuracy()
        {
            CliResult result = CliHarness.Run("flower", "--out", CliHarness.NewFolder("flower-fast"));

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("Cost after iteration 0: 0.693048", result.OutLines.First(l => l.StartsWith("Cost after", StringComparison.Ordinal)));
            string accuracy = result.OutLines.Single(l => l.StartsWith("Accuracy: ", StringComparison.Ordinal));
            double percent = double.Parse(accuracy.Substring(10, accuracy.Length - 12), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(percent, 89.5, 91.5);
            // The timing line says which vectors ran: Vector512 where SimdPath chose it (double networks too), else the
            // Vector<T> width (or scalar without SIMD).
            string vectors = SimdPath.UsesVector512 ? "Vector512"
                : System.Numerics.Vector.IsHardwareAccelerated ? $"{System.Numerics.Vector<double>.Count * 64}-bit Vector<T>" : "scalar";
            Assert.Contains(result.OutLines, l => l.StartsWith("Training time: 10000 iterations in ", StringComparison.Ordinal)
                && l.EndsWith($"(generated Planar4TanhF64 (double, {vectors})).", StringComparison.Ordinal));
        }

        internal static double[] Matrix(JsonElement rows, int rowCount, int columnCount)
        {
            JsonElement[] r = rows.EnumerateArray().ToArray();
            Assert.Equal(rowCount, r.Length);
            return r.SelectMany(row =>
            {
                double[] values = row.EnumerateArray().Select(v => v.GetDouble()).ToArray();
                Assert.Equal(columnCount, values.Length);
                return values;
            }).ToArray();
        }

        internal static double[] Vector(JsonElement values, int count)
        {
            double[] v = values.EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Assert.Equal(count, v.Length);
            return v;
        }
    }
}
