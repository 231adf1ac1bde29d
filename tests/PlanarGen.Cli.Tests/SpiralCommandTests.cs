using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using PlanarGen.Cli.Pictures;
using SkiaSharp;
using Xunit;

namespace PlanarGen.Cli.Tests
{
    /// <summary>One default <c>spiral --json</c> run, shared by the tests that read it.</summary>
    public sealed class SpiralJson
    {
        public SpiralJson()
        {
            Folder = CliHarness.NewFolder("spiral-json");
            Result = CliHarness.Run("spiral", "--json", "--out", Folder);
        }

        public string Folder { get; }
        public CliResult Result { get; }
    }

    /// <summary><c>planargen spiral</c>: text, JSON, the decision-regions PNG checked against the network's own
    /// parameters (recomputed here in double), and bad input.</summary>
    public sealed class SpiralCommandTests : IClassFixture<SpiralJson>
    {
        private readonly SpiralJson _run;

        public SpiralCommandTests(SpiralJson run) => _run = run;

        [Fact]
        public void TextOutputPrintsTheDataTheCostsAndTheAccuracy()
        {
            string folder = CliHarness.NewFolder("spiral-text");
            CliResult result = CliHarness.Run("spiral", "--hidden", "25", "--iterations", "3000", "--out", folder);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Error);
            string[] lines = result.OutLines;
            Assert.Equal("Spiral: 3 classes x 100 points (data seed 0); X is (2, 300), Y is (3, 300) one-hot", lines[0]);
            Assert.Equal("Network: 2-25-3, ReLU hidden, softmax outputs, float, Adam on mini-batches of 64; "
                + "3000 iterations at learning rate 0.01, weights seed 2", lines[1]);
            Assert.Equal(new[] { 0, 1000, 2000 }, lines.Where(l => l.StartsWith("Cost after iteration ", StringComparison.Ordinal))
                .Select(l => int.Parse(l.Split(' ')[3].TrimEnd(':'), System.Globalization.CultureInfo.InvariantCulture)).ToArray());
            // Weights of 0.01 randn make every softmax output about 1/3: a cross-entropy of ln 3 (of the first mini-batch).
            double first = double.Parse(lines[2].Split(": ")[1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(Math.Log(3), first, 2);
            Assert.Matches(@"^Accuracy: \d+\.\d\d % \(argmax of the 3 outputs\)$", lines[^2]);
            Assert.Equal($"Pictures: {Path.Combine(folder, "spiral.png")}, {Path.Combine(folder, "spiral-cost.png")}", lines[^1]);
        }

        [Fact]
        public void JsonHasTheDocumentedMembersAndTheSpiralIsLearned()
        {
            CliResult result = _run.Result;
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Error);
            JsonElement json = result.Json;
            Assert.Equal(new[] { "classes", "samples", "hidden", "iterations", "learningRate", "costs", "accuracy", "parameters", "pictures" },
                json.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal((3, 300, 100, 10_000), (json.GetProperty("classes").GetInt32(), json.GetProperty("samples").GetInt32(),
                json.GetProperty("hidden").GetInt32(), json.GetProperty("iterations").GetInt32()));
            double[] costs = json.GetProperty("costs").EnumerateArray().Select(c => c.GetProperty("cost").GetDouble()).ToArray();
            Assert.True(costs[^1] < costs[0] / 10, $"cost {costs[0]} -> {costs[^1]}");
            // A linear model gets about a third of a spiral right; the network must get nearly all of it.
            Assert.True(json.GetProperty("accuracy").GetDouble() >= 0.97, json.GetProperty("accuracy").ToString());
            // The reported accuracy is what the reported parameters give (recomputed in double: a float rounding may move
            // a sample that sits on a boundary, hence one sample of slack).
            Assert.InRange(Math.Abs(AccuracyOf(json.GetProperty("parameters")) - json.GetProperty("accuracy").GetDouble()), 0, 1.0 / 300 + 1e-12);
            Assert.Equal(new[] { "spiral.png", "spiral-cost.png" },
                json.GetProperty("pictures").EnumerateArray().Select(p => Path.GetFileName(p.GetString()!)).ToArray());
        }

        [Fact]
        public void RegionsPictureShowsTheNetworksClassAtEveryInteriorPoint()
        {
            JsonElement parameters = _run.Result.Json.GetProperty("parameters");
            PlanarData<double> data = PlanarDataSets.Spiral();
            var limits = PictureStyle.Limits(data.X, data.SampleCount);
            using SKBitmap bitmap = SKBitmap.Decode(Path.Combine(_run.Folder, "spiral.png"));
            Assert.Equal((PictureStyle.Width, PictureStyle.Height), (bitmap.Width, bitmap.Height));

            var seen = new int[3];
            var bad = new System.Collections.Generic.List<string>();
            for (double x = limits.XMin + 0.2; x < limits.XMax - 0.2; x += 0.13)
            {
                for (double y = limits.YMin + 0.2; y < limits.YMax - 0.2; y += 0.11)
                {
                    int k = ClassOf(parameters, x, y);
                    bool interior = new[] { (0.1, 0.0), (-0.1, 0.0), (0.0, 0.1), (0.0, -0.1), (0.07, 0.07), (-0.07, -0.07), (0.07, -0.07), (-0.07, 0.07) }.All(d => ClassOf(parameters, x + d.Item1, y + d.Item2) == k);
                    bool clear = Enumerable.Range(0, data.SampleCount)
                        .All(i => Math.Abs(data.Feature(0, i) - x) > 0.08 || Math.Abs(data.Feature(1, i) - y) > 0.08);
                    (double column, double row) = PictureStyle.PixelOf(x, y, limits);
                    // Stay clear of the legend box (lower right).
                    if (!interior || !clear || (column > 470 && row > 310)) continue;
                    SKColor pixel = bitmap.GetPixel((int)column, (int)row);
                    var fill = ClassRegions.Fills[k];
                    if ((pixel.Red, pixel.Green, pixel.Blue) != fill) bad.Add($"({x:F2}, {y:F2}) is class {k} but the pixel is {pixel}");
                    seen[k]++;
                }
            }

            Assert.True(bad.Count == 0, string.Join("\n", bad) + " of " + string.Join(",", seen));
            Assert.All(seen, n => Assert.True(n > 20, string.Join(", ", seen)));
        }

        [Theory]
        [InlineData(new[] { "--hidden", "7" }, "error: --hidden must be one of 10, 25, 50, 100 (the spiral's generated networks), but got 7.")]
        [InlineData(new[] { "--learning-rate", "0" }, "error: --learning-rate must be finite and positive, but got 0.")]
        [InlineData(new[] { "--iterations", "-1" }, "error: --iterations must be at least 0, but got -1.")]
        [InlineData(new[] { "--print-every", "-5" }, "error: --print-every must be at least 0, but got -5.")]
        public void BadInputIsOneLineAndExitCode1(string[] options, string message)
        {
            string folder = CliHarness.NewFolder("spiral-bad");
            CliResult result = CliHarness.Run(new[] { "spiral", "--out", folder }.Concat(options).ToArray());

            Assert.Equal(1, result.ExitCode);
            Assert.Equal("", result.Out);
            Assert.Equal(message, Assert.Single(result.ErrorLines));
            Assert.Empty(Directory.GetFiles(folder));
        }

        [Fact]
        public void HelpListsTheOptions()
        {
            CliResult result = CliHarness.Run("spiral", "--help");

            Assert.Equal(0, result.ExitCode);
            foreach (string option in new[] { "--hidden", "--iterations", "--learning-rate", "--print-every", "--seed", "--data-seed", "--out", "--json" })
                Assert.Contains(option, result.Out);
        }

        /// <summary>The 2-N-3 ReLU network of the JSON parameters, in double: the argmax output at (x1, x2).</summary>
        private static int ClassOf(JsonElement parameters, double x1, double x2)
        {
            JsonElement[] w1 = parameters.GetProperty("W1").EnumerateArray().ToArray();
            double[] b1 = parameters.GetProperty("b1").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            JsonElement[] w2 = parameters.GetProperty("W2").EnumerateArray().ToArray();
            double[] b2 = parameters.GetProperty("b2").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            var a1 = new double[b1.Length];
            for (int j = 0; j < b1.Length; j++)
                a1[j] = Math.Max(0, w1[j][0].GetDouble() * x1 + w1[j][1].GetDouble() * x2 + b1[j]);
            int best = 0;
            double bestZ = double.NegativeInfinity;
            for (int k = 0; k < b2.Length; k++)
            {
                double z = b2[k];
                for (int j = 0; j < a1.Length; j++) z += w2[k][j].GetDouble() * a1[j];
                if (z > bestZ)
                {
                    bestZ = z;
                    best = k;
                }
            }

            return best;
        }

        private static double AccuracyOf(JsonElement parameters)
        {
            PlanarData<double> data = PlanarDataSets.Spiral();
            int right = Enumerable.Range(0, data.SampleCount).Count(i => data.Label(ClassOf(parameters, data.Feature(0, i), data.Feature(1, i)), i) == 1);
            return (double)right / data.SampleCount;
        }
    }
}
