using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace PlanarGen.Cli.Tests
{
    /// <summary>Each command's --json output: one object, nothing else on stdout, the documented members.</summary>
    public sealed class JsonShapeTests
    {
        [Fact]
        public void DatasetFlowerJsonIsTheNumPyDataBitForBit()
        {
            CliResult result = CliHarness.Run("dataset", "flower", "--json");

            Assert.Equal(0, result.ExitCode);
            JsonElement json = result.Json;
            Assert.Equal(new[] { "X", "Y" }, json.EnumerateObject().Select(p => p.Name).ToArray());
            double[] x = FlowerCommandTests.Matrix(json.GetProperty("X"), 2, 400);
            double[] y = FlowerCommandTests.Matrix(json.GetProperty("Y"), 1, 400);
            double[] expectedX = ReferenceData.Read("flower_x.txt");
            double[] expectedY = ReferenceData.Read("flower_y.txt");
            Assert.Equal(800, expectedX.Length);
            for (int i = 0; i < 800; i++)
                Assert.True(BitConverter.DoubleToInt64Bits(expectedX[i]) == BitConverter.DoubleToInt64Bits(x[i]), $"X[{i}]");
            Assert.Equal(expectedY, y);
        }

        [Theory]
        [InlineData("noisy_circles")]
        [InlineData("noisy-moons")]
        [InlineData("blobs")]
        [InlineData("gaussian_quantiles")]
        [InlineData("no_structure")]
        public void DatasetExtraJsonHas200Samples(string name)
        {
            CliResult result = CliHarness.Run("dataset", name, "--json");

            Assert.Equal(0, result.ExitCode);
            FlowerCommandTests.Matrix(result.Json.GetProperty("X"), 2, 200);
            Assert.All(FlowerCommandTests.Matrix(result.Json.GetProperty("Y"), 1, 200), v => Assert.True(v == 0 || v == 1));
        }

        [Fact]
        public void SweepJson()
        {
            CliResult result = CliHarness.Run("sweep", "--sizes", "1,4", "--iterations", "200", "--json", "--out", CliHarness.NewFolder("json-sweep"));

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Error);
            JsonElement json = result.Json;
            Assert.Equal(200, json.GetProperty("iterations").GetInt32());
            JsonElement[] results = json.GetProperty("results").EnumerateArray().ToArray();
            Assert.Equal(new[] { 1, 4 }, results.Select(r => r.GetProperty("hidden").GetInt32()).ToArray());
            Assert.All(results, r => Assert.InRange(r.GetProperty("accuracy").GetDouble(), 0, 1));
            AssertPictures(json, "sweep.png");
        }

        [Fact]
        public void DatasetsJson()
        {
            CliResult result = CliHarness.Run("datasets", "--iterations", "300", "--json", "--out", CliHarness.NewFolder("json-datasets"));

            Assert.Equal(0, result.ExitCode);
            JsonElement[] results = result.Json.GetProperty("results").EnumerateArray().ToArray();
            Assert.Equal(new[] { "noisy_circles", "noisy_moons", "blobs", "gaussian_quantiles", "no_structure" },
                results.Select(r => r.GetProperty("name").GetString()).ToArray());
            Assert.All(results, r =>
            {
                Assert.Equal(200, r.GetProperty("samples").GetInt32());
                Assert.InRange(r.GetProperty("logisticAccuracy").GetDouble(), 0, 1);
                Assert.InRange(r.GetProperty("accuracy").GetDouble(), 0, 1);
            });
            AssertPictures(result.Json, "datasets-noisy-circles.png", "datasets-noisy-moons.png", "datasets-blobs.png",
                "datasets-gaussian-quantiles.png", "datasets-no-structure.png");
        }

        [Fact]
        public void ActivationsJson()
        {
            CliResult result = CliHarness.Run("activations", "--iterations", "300", "--json", "--out", CliHarness.NewFolder("json-activations"));

            Assert.Equal(0, result.ExitCode);
            JsonElement[] results = result.Json.GetProperty("results").EnumerateArray().ToArray();
            Assert.Equal(new[] { "tanh", "sigmoid", "relu", "leaky-relu" }, results.Select(r => r.GetProperty("activation").GetString()).ToArray());
            Assert.All(results, AssertRun);
            AssertPictures(result.Json, "activations.png", "activations-boundaries.png");
        }

        [Fact]
        public void LearningRatesJsonReportsTheDivergingRate()
        {
            CliResult result = CliHarness.Run("learning-rates", "--rates", "0.5,1000", "--iterations", "300", "--json", "--out", CliHarness.NewFolder("json-rates"));

            Assert.Equal(0, result.ExitCode); // diverging is this experiment's result, not an error
            JsonElement[] results = result.Json.GetProperty("results").EnumerateArray().ToArray();
            Assert.Equal(new[] { 0.5, 1000 }, results.Select(r => r.GetProperty("learningRate").GetDouble()).ToArray());
            Assert.False(results[0].GetProperty("diverged").GetBoolean());
            Assert.True(results[1].GetProperty("diverged").GetBoolean());
            Assert.True(results[1].GetProperty("divergedAtIteration").GetInt32() >= 0);
            Assert.All(results, AssertRun);
            AssertPictures(result.Json, "learning-rates.png");
        }

        [Fact]
        public void LearningRatesTextSaysWhichRateDiverged()
        {
            CliResult result = CliHarness.Run("learning-rates", "--rates", "0.5,1000", "--iterations", "300", "--out", CliHarness.NewFolder("text-rates"));

            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith("Learning rate 0.5: cost 0.693", result.OutLines[0]);
            Assert.StartsWith("Learning rate 1000: diverged at iteration ", result.OutLines[1]);
        }

        [Theory]
        [InlineData("--exact")]
        [InlineData("--precision", "single")]
        public void ZeroInitKeepsTheRowsOfW1IdenticalAndAccuracyAtChance(params string[] path)
        {
            CliResult result = CliHarness.Run(new[] { "zero-init", "--iterations", "500", "--json", "--out", CliHarness.NewFolder("json-zero") }.Concat(path).ToArray());

            Assert.Equal(0, result.ExitCode);
            JsonElement zero = result.Json.GetProperty("zero");
            JsonElement random = result.Json.GetProperty("random");
            Assert.True(zero.GetProperty("rowsOfW1Identical").GetBoolean());
            Assert.False(random.GetProperty("rowsOfW1Identical").GetBoolean());
            Assert.Equal(0.5, zero.GetProperty("accuracy").GetDouble());
            AssertRun(zero);
            AssertRun(random);
            AssertPictures(result.Json, "zero-init.png");
        }

        [Fact]
        public void ZeroInitWithSigmoidStillHasIdenticalRows()
        {
            // With sigmoid hidden units A1 = 0.5 instead of 0, but with balanced classes every gradient is still alike per row.
            CliResult result = CliHarness.Run("zero-init", "--activation", "sigmoid", "--exact", "--iterations", "300", "--json", "--out", CliHarness.NewFolder("json-zero-sig"));

            JsonElement zero = result.Json.GetProperty("zero");
            Assert.True(zero.GetProperty("rowsOfW1Identical").GetBoolean());
            Assert.InRange(zero.GetProperty("accuracy").GetDouble(), 0.45, 0.55);
        }

        private static void AssertRun(JsonElement run)
        {
            Assert.NotEmpty(run.GetProperty("costs").EnumerateArray());
            Assert.InRange(run.GetProperty("accuracy").GetDouble(), 0, 1);
            JsonElement p = run.GetProperty("parameters");
            foreach (string name in new[] { "W1", "b1", "W2", "b2" }) Assert.True(p.TryGetProperty(name, out _), name);
        }

        private static void AssertPictures(JsonElement json, params string[] names)
        {
            string[] paths = json.GetProperty("pictures").EnumerateArray().Select(e => e.GetString()!).ToArray();
            Assert.Equal(names, paths.Select(Path.GetFileName).ToArray());
            Assert.All(paths, p => Assert.True(File.Exists(p), p));
        }
    }
}
