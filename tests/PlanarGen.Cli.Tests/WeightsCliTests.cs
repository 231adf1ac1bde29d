using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace PlanarGen.Cli.Tests
{
    /// <summary>flower --save/--load and planargen weights inspect/convert, in process.</summary>
    public sealed class WeightsCliTests
    {
        private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "Weights", name);

        private static string AccuracyLine(CliResult r) => r.OutLines.Single(l => l.StartsWith("Accuracy: ", StringComparison.Ordinal));

        [Theory]
        [InlineData("flower.safetensors", "double")]
        [InlineData("flower.json", "single")]
        public void FlowerSaveThenLoadGivesTheSameAccuracyAndParameters(string fileName, string precision)
        {
            string folder = CliHarness.NewFolder("weights-roundtrip");
            string file = Path.Combine(folder, fileName);
            CliResult trained = CliHarness.Run("flower", "--precision", precision, "--save", file, "--json", "--out", folder);
            Assert.Equal(0, trained.ExitCode);
            Assert.Equal("", trained.Error);
            Assert.True(File.Exists(file));

            CliResult loaded = CliHarness.Run("flower", "--precision", precision, "--load", file, "--json", "--out", folder);
            Assert.Equal(0, loaded.ExitCode);
            Assert.Equal("", loaded.Error);
            Assert.Equal(trained.Json.GetProperty("accuracy").GetDouble(), loaded.Json.GetProperty("accuracy").GetDouble());
            Assert.Equal(trained.Json.GetProperty("parameters").GetRawText(), loaded.Json.GetProperty("parameters").GetRawText());
            Assert.Equal(trained.Json.GetProperty("checksum").GetString(), loaded.Json.GetProperty("checksum").GetString());
            Assert.Equal(0, loaded.Json.GetProperty("costs").GetArrayLength());
            Assert.Equal(file, loaded.Json.GetProperty("loadedFrom").GetString());
            Assert.True(File.Exists(Path.Combine(folder, "flower-boundary.png")));
        }

        [Fact]
        public void FlowerLoadTextSkipsTrainingAndReportsTheNotebookAccuracy()
        {
            string folder = CliHarness.NewFolder("weights-load-text");
            string file = Path.Combine(folder, "w.safetensors");
            CliResult trained = CliHarness.Run("flower", "--save", file, "--out", folder);
            Assert.Equal(0, trained.ExitCode);
            Assert.Contains("Accuracy: 90.75 %", trained.OutLines); // the generated double network's figure (--exact reads the notebook's 90.50 %)
            Assert.Contains(trained.OutLines, l => l.StartsWith("Saved weights to " + file + " (xxh64:", StringComparison.Ordinal));

            CliResult loaded = CliHarness.Run("flower", "--load", file, "--out", folder);
            Assert.Equal(0, loaded.ExitCode);
            Assert.Equal("Accuracy: 90.75 %", AccuracyLine(loaded)); // the loaded weights give the trained network's accuracy
            Assert.StartsWith("Loaded weights from " + file, loaded.OutLines[0], StringComparison.Ordinal);
            Assert.DoesNotContain(loaded.OutLines, l => l.StartsWith("Cost after", StringComparison.Ordinal) || l.StartsWith("Training time", StringComparison.Ordinal));
            Assert.Contains(loaded.OutLines, l => l.StartsWith("Pictures: ", StringComparison.Ordinal) && l.Contains("flower-boundary.png"));
        }

        [Fact]
        public void FlowerLoadsTheNumPyFixture()
        {
            CliResult r = CliHarness.Run("flower", "--load", Fixture("notebook_2-4-1.npz"), "--json", "--out", CliHarness.NewFolder("weights-npz"));
            Assert.Equal(0, r.ExitCode);
            // The loaded parameters reproduce NumPy's prediction at (0, 0), sigmoid(W2 tanh(b1) + b2), recorded in
            // TestData/Weights/predictions.txt by tools/fixtures/make_weights_fixtures.py.
            JsonElement p = r.Json.GetProperty("parameters");
            double[] b1 = p.GetProperty("b1").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            double[] w2 = p.GetProperty("W2")[0].EnumerateArray().Select(e => e.GetDouble()).ToArray();
            double z = p.GetProperty("b2")[0].GetDouble() + b1.Select((b, k) => w2[k] * Math.Tanh(b)).Sum();
            Assert.Equal(0.6538422187984019, 1 / (1 + Math.Exp(-z)), 12);
            Assert.Equal(0, r.Json.GetProperty("costs").GetArrayLength());
        }

        [Theory]
        [InlineData("--save")]
        [InlineData("--load")]
        public void FlowerExactRefusesWeightsFiles(string option)
        {
            CliResult r = CliHarness.Run("flower", "--exact", option, "w.json", "--out", CliHarness.NewFolder("weights-exact"));
            Assert.Equal(1, r.ExitCode);
            Assert.Equal($"error: {option} is not supported with --exact: weights files are saved from and loaded into the generated networks (drop --exact).", Assert.Single(r.ErrorLines));
        }

        [Fact]
        public void FlowerSaveWithAnUnknownExtensionFailsBeforeTraining()
        {
            CliResult r = CliHarness.Run("flower", "--save", "w.npz", "--out", CliHarness.NewFolder("weights-ext"));
            Assert.Equal(1, r.ExitCode);
            Assert.Equal("", r.Out);
            Assert.Contains(".npz is read only", Assert.Single(r.ErrorLines));
        }

        [Fact]
        public void FlowerLoadOfAnotherShapeNamesTheFileAndTheProblem()
        {
            string folder = CliHarness.NewFolder("weights-shape");
            string file = Path.Combine(folder, "w.json");
            Assert.Equal(0, CliHarness.Run("flower", "--save", file, "--iterations", "10", "--out", folder).ExitCode);
            CliResult r = CliHarness.Run("flower", "--hidden", "5", "--load", file, "--out", folder);
            Assert.Equal(1, r.ExitCode);
            Assert.Equal($"error: Weights file '{file}': metadata: planargen.shape is \"2-4-1\", but the network (2-5-1, hidden tanh, output sigmoid, double) needs \"2-5-1\".",
                Assert.Single(r.ErrorLines));
        }

        [Fact]
        public void FlowerLoadOfATruncatedFileGivesOneErrorLine()
        {
            string folder = CliHarness.NewFolder("weights-truncated");
            string file = Path.Combine(folder, "w.safetensors");
            Assert.Equal(0, CliHarness.Run("flower", "--save", file, "--iterations", "10", "--out", folder).ExitCode);
            byte[] bytes = File.ReadAllBytes(file);
            File.WriteAllBytes(file, bytes.AsSpan(0, bytes.Length - 3).ToArray());
            CliResult r = CliHarness.Run("flower", "--load", file, "--out", folder);
            Assert.Equal(1, r.ExitCode);
            string line = Assert.Single(r.ErrorLines);
            Assert.StartsWith($"error: Weights file '{file}': ", line, StringComparison.Ordinal);
            Assert.Equal("", r.Out);
        }

        [Fact]
        public void InspectASavedFileShowsTensorsMetadataAndAMatchingChecksum()
        {
            string folder = CliHarness.NewFolder("weights-inspect");
            string file = Path.Combine(folder, "w.safetensors");
            CliResult trained = CliHarness.Run("flower", "--precision", "single", "--save", file, "--iterations", "100", "--json", "--out", folder);
            string checksum = trained.Json.GetProperty("checksum").GetString()!;

            CliResult r = CliHarness.Run("weights", "inspect", file);
            Assert.Equal(0, r.ExitCode);
            Assert.Equal(new[]
            {
                $"File: {file}",
                "Format: safetensors",
                "Tensors: 4",
                "  W1  F32  [4, 2]",
                "  b1  F32  [4, 1]",
                "  W2  F32  [1, 4]",
                "  b2  F32  [1, 1]",
                "Metadata: 7",
                "  planargen.format_version = 1",
                "  planargen.shape = 2-4-1",
                "  planargen.hidden_activation = tanh",
                "  planargen.output_activation = sigmoid",
                "  planargen.leaky_slope = 0.01",
                "  planargen.precision = single",
                $"  planargen.checksum = {checksum}",
                $"Checksum: matches ({checksum})",
            }, r.OutLines);
        }

        [Fact]
        public void InspectTheTorchFixtureAsJson()
        {
            CliResult r = CliHarness.Run("weights", "inspect", Fixture("torch_2-4-1.safetensors"), "--json");
            Assert.Equal(0, r.ExitCode);
            JsonElement json = r.Json;
            Assert.Equal("safetensors", json.GetProperty("format").GetString());
            // PyTorch's nn.Sequential(Linear(2, 4), Tanh, Linear(4, 1)) state dict in float32 (tools/fixtures/make_weights_fixtures.py).
            string[] tensors = json.GetProperty("tensors").EnumerateArray()
                .Select(t => $"{t.GetProperty("name").GetString()} {t.GetProperty("dtype").GetString()} {t.GetProperty("shape").GetRawText()}").ToArray();
            Assert.Equal(new[] { "0.bias F32 [4]", "0.weight F32 [4,2]", "2.bias F32 [1]", "2.weight F32 [1,4]" }, tensors.OrderBy(t => t, StringComparer.Ordinal).ToArray());
            Assert.Equal("none", json.GetProperty("checksum").GetString());
            Assert.False(json.GetProperty("metadata").TryGetProperty("planargen.checksum", out _));
        }

        [Fact]
        public void InspectTheNumPyFixture()
        {
            CliResult r = CliHarness.Run("weights", "inspect", Fixture("notebook_2-4-1.npz"));
            Assert.Equal(0, r.ExitCode);
            Assert.Equal("Format: NumPy npz", r.OutLines[1]);
            Assert.Equal(new[] { "  W1  F64  [4, 2]", "  b1  F64  [4, 1]", "  W2  F64  [1, 4]", "  b2  F64  [1, 1]" }, r.OutLines.Skip(3).Take(4).ToArray());
            Assert.Equal("Metadata: none", r.OutLines[7]);
            Assert.StartsWith("Checksum: none: foreign file", r.OutLines[8], StringComparison.Ordinal);
        }

        [Fact]
        public void InspectADamagedFileSaysTheChecksumDoesNotMatch()
        {
            string folder = CliHarness.NewFolder("weights-damaged");
            string file = Path.Combine(folder, "w.safetensors");
            Assert.Equal(0, CliHarness.Run("flower", "--save", file, "--iterations", "10", "--out", folder).ExitCode);
            byte[] bytes = File.ReadAllBytes(file);
            bytes[^1] ^= 1; // the last byte of b2
            File.WriteAllBytes(file, bytes);
            CliResult r = CliHarness.Run("weights", "inspect", file);
            Assert.Equal(0, r.ExitCode);
            Assert.StartsWith("Checksum: does not match (stored xxh64:", r.OutLines[^1], StringComparison.Ordinal);

            CliResult convert = CliHarness.Run("weights", "convert", file, Path.Combine(folder, "w.json"));
            Assert.Equal(1, convert.ExitCode);
            Assert.EndsWith("but the tensor data gives \"" + r.OutLines[^1].Split("data gives ")[1].Split(")")[0] + "\": the data was altered or damaged.", Assert.Single(convert.ErrorLines), StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "w.json")));
        }

        [Theory]
        [InlineData("garbage")]
        [InlineData("")]
        public void InspectOfABadFileGivesOneErrorLine(string content)
        {
            string file = Path.Combine(CliHarness.NewFolder("weights-bad"), "bad.json");
            File.WriteAllText(file, content);
            CliResult r = CliHarness.Run("weights", "inspect", file);
            Assert.Equal(1, r.ExitCode);
            Assert.StartsWith($"error: Weights file '{file}': ", Assert.Single(r.ErrorLines), StringComparison.Ordinal);
            Assert.Equal("", r.Out);
        }

        [Fact]
        public void InspectOfAMissingFileGivesOneErrorLine()
        {
            CliResult r = CliHarness.Run("weights", "inspect", Path.Combine(CliHarness.NewFolder("weights-missing"), "none.safetensors"));
            Assert.Equal(1, r.ExitCode);
            Assert.Single(r.ErrorLines);
        }

        [Theory]
        [InlineData("double")]
        [InlineData("single")]
        public void ConvertRoundTripsAPlanarGenFileBitForBit(string precision)
        {
            string folder = CliHarness.NewFolder("weights-convert");
            string original = Path.Combine(folder, "w.safetensors"), json = Path.Combine(folder, "w.json"), back = Path.Combine(folder, "back.safetensors"), json2 = Path.Combine(folder, "w2.json");
            Assert.Equal(0, CliHarness.Run("flower", "--precision", precision, "--save", original, "--iterations", "500", "--out", folder).ExitCode);
            Assert.Equal(0, CliHarness.Run("weights", "convert", original, json).ExitCode);
            CliResult r = CliHarness.Run("weights", "convert", json, back);
            Assert.Equal(0, r.ExitCode);
            Assert.StartsWith($"Converted {json} to {back} (safetensors, matches (xxh64:", Assert.Single(r.OutLines), StringComparison.Ordinal);
            Assert.Equal(File.ReadAllBytes(original), File.ReadAllBytes(back));
            Assert.Equal(0, CliHarness.Run("weights", "convert", back, json2).ExitCode);
            Assert.Equal(File.ReadAllBytes(json), File.ReadAllBytes(json2));
            // The converted JSON loads and gives what the original gives.
            Assert.Equal(AccuracyLine(CliHarness.Run("flower", "--precision", precision, "--load", original, "--out", folder)),
                AccuracyLine(CliHarness.Run("flower", "--precision", precision, "--load", json, "--out", folder)));
        }

        [Theory]
        [InlineData("torch_2-4-1.safetensors", "single")]
        [InlineData("notebook_2-4-1.npz", "double")]
        public void ConvertKeepsAForeignFilesTensorsBitForBit(string fixture, string precision)
        {
            string folder = CliHarness.NewFolder("weights-convert-foreign");
            string json = Path.Combine(folder, "f.json"), st = Path.Combine(folder, "f.safetensors"), json2 = Path.Combine(folder, "f2.json");
            Assert.Equal(0, CliHarness.Run("weights", "convert", Fixture(fixture), json).ExitCode);
            Assert.Equal(0, CliHarness.Run("weights", "convert", json, st).ExitCode);
            Assert.Equal(0, CliHarness.Run("weights", "convert", st, json2).ExitCode);
            Assert.Equal(File.ReadAllBytes(json), File.ReadAllBytes(json2));
            JsonElement info = CliHarness.Run("weights", "inspect", st, "--json").Json;
            Assert.Equal("none", info.GetProperty("checksum").GetString());
            Assert.Equal(CliHarness.Run("weights", "inspect", Fixture(fixture), "--json").Json.GetProperty("computedChecksum").GetString(),
                info.GetProperty("computedChecksum").GetString());
            CliResult original = CliHarness.Run("flower", "--precision", precision, "--load", Fixture(fixture), "--json", "--out", folder);
            CliResult converted = CliHarness.Run("flower", "--precision", precision, "--load", st, "--json", "--out", folder);
            Assert.Equal(original.Json.GetProperty("parameters").GetRawText(), converted.Json.GetProperty("parameters").GetRawText());
        }

        [Fact]
        public void ConvertToNpzIsRefused()
        {
            CliResult r = CliHarness.Run("weights", "convert", Fixture("notebook_2-4-1.npz"), Path.Combine(CliHarness.NewFolder("weights-npz-out"), "x.npz"));
            Assert.Equal(1, r.ExitCode);
            Assert.Contains(".npz is read only", Assert.Single(r.ErrorLines));
        }
    
        [Fact]
        public void SweepSavesOneFilePerNetworkThatLoadsToTheSameAccuracy()
        {
            string folder = CliHarness.NewFolder("weights-sweep");
            string weights = Path.Combine(folder, "weights");
            CliResult sweep = CliHarness.Run("sweep", "--sizes", "1,4", "--iterations", "1000", "--save", weights, "--json", "--out", folder);
            Assert.Equal(0, sweep.ExitCode);
            JsonElement[] results = sweep.Json.GetProperty("results").EnumerateArray().ToArray();
            Assert.Equal(new[] { "2-1-1-tanh-single.safetensors", "2-4-1-tanh-single.safetensors" },
                Directory.GetFiles(weights).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray());
            for (int i = 0; i < results.Length; i++)
            {
                int hidden = results[i].GetProperty("hidden").GetInt32();
                string file = results[i].GetProperty("savedTo").GetString()!;
                Assert.Equal(Path.Combine(weights, $"2-{hidden}-1-tanh-single.safetensors"), file);
                CliResult loaded = CliHarness.Run("flower", "--hidden", hidden.ToString(System.Globalization.CultureInfo.InvariantCulture), "--precision", "single",
                    "--load", file, "--json", "--out", folder);
                Assert.Equal(0, loaded.ExitCode);
                Assert.Equal(results[i].GetProperty("accuracy").GetDouble(), loaded.Json.GetProperty("accuracy").GetDouble());
            }
        }

        [Fact]
        public void SweepExactRefusesSave()
        {
            CliResult r = CliHarness.Run("sweep", "--exact", "--save", "w", "--out", CliHarness.NewFolder("weights-sweep-exact"));
            Assert.Equal(1, r.ExitCode);
            Assert.Equal("error: --save is not supported with --exact: weights files are saved from the generated networks (drop --exact).", Assert.Single(r.ErrorLines));
        }

        [Fact]
        public void FlowerLoadThenSaveGivesAForeignFilePlanarGenMetadata()
        {
            string folder = CliHarness.NewFolder("weights-load-save");
            string file = Path.Combine(folder, "from-torch.safetensors");
            CliResult r = CliHarness.Run("flower", "--precision", "single", "--load", Fixture("torch_2-4-1.safetensors"), "--save", file, "--out", folder);
            Assert.Equal(0, r.ExitCode);
            Assert.Contains(r.OutLines, l => l.StartsWith("Saved weights to " + file, StringComparison.Ordinal));
            CliResult inspect = CliHarness.Run("weights", "inspect", file);
            Assert.Contains("  planargen.precision = single", inspect.OutLines);
            Assert.StartsWith("Checksum: matches", inspect.OutLines[^1], StringComparison.Ordinal);
        }
}
}
