using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace PlanarGen.Cli.Tests
{
    /// <summary>Input scaling and the ONNX export on the command line: flower --load applies a file's scaling, weights inspect
    /// shows it (text and JSON), convert keeps it, weights export-onnx writes a model.</summary>
    public sealed class InputScalingCliTests
    {
        private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "Weights", name);

        /// <summary>The NumPy fixture's scaling (tools/fixtures/make_scaling_fixtures.py): the training mean and 1 / std.</summary>
        private static (double[] Offsets, double[] Scales) FixtureScaling()
        {
            WeightsInfo info = WeightsFile.Inspect(Fixture("notebook_2-4-1_scaled.npz"));
            return (info.InputOffsets!.ToArray(), info.InputScales!.ToArray());
        }

        [Fact]
        public void InspectShowsTheScalingAsText()
        {
            (double[] offsets, double[] scales) = FixtureScaling();
            CliResult r = CliHarness.Run("weights", "inspect", Fixture("notebook_2-4-1_scaled.npz"));
            Assert.Equal(0, r.ExitCode);
            Assert.Equal(new[]
            {
                "Input scaling: x' = (x - offset) * scale, 2 inputs",
                $"  input 0: offset {offsets[0]:R}, scale {scales[0]:R}",
                $"  input 1: offset {offsets[1]:R}, scale {scales[1]:R}",
            }, r.OutLines.TakeLast(3).ToArray());
            Assert.Contains("  input_offset  F64  [2]", r.OutLines);
        }

        [Fact]
        public void InspectShowsTheScalingAsJson()
        {
            (double[] offsets, double[] scales) = FixtureScaling();
            CliResult r = CliHarness.Run("weights", "inspect", Fixture("notebook_2-4-1_scaled.npz"), "--json");
            JsonElement scaling = r.Json.GetProperty("inputScaling");
            Assert.Equal(offsets, scaling.GetProperty("offsets").EnumerateArray().Select(e => e.GetDouble()).ToArray());
            Assert.Equal(scales, scaling.GetProperty("scales").EnumerateArray().Select(e => e.GetDouble()).ToArray());

            CliResult plain = CliHarness.Run("weights", "inspect", Fixture("notebook_2-4-1.npz"), "--json");
            Assert.Equal(JsonValueKind.Null, plain.Json.GetProperty("inputScaling").ValueKind);
        }

        [Fact]
        public void FlowerLoadAppliesTheScalingAndConvertKeepsIt()
        {
            string folder = CliHarness.NewFolder("weights-scaled");
            // A foreign copy of a trained network's tensors (no metadata, so no checksum to keep), with input scaling added.
            string trained = Path.Combine(folder, "trained.json");
            Assert.Equal(0, CliHarness.Run("flower", "--precision", "single", "--save", trained, "--out", folder).ExitCode);
            System.Text.Json.Nodes.JsonObject document = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(trained))!.AsObject();
            document.Remove("metadata");
            System.Text.Json.Nodes.JsonObject tensors = document["tensors"]!.AsObject();
            tensors["input_offset"] = System.Text.Json.Nodes.JsonNode.Parse("{\"dtype\": \"F32\", \"shape\": [2], \"data\": [0, 0]}");
            tensors["input_scale"] = System.Text.Json.Nodes.JsonNode.Parse("{\"dtype\": \"F32\", \"shape\": [2], \"data\": [1, 1]}");
            string scaled = document.ToJsonString();
            string scaledFile = Path.Combine(folder, "scaled.json");
            File.WriteAllText(scaledFile, scaled);

            CliResult plain = CliHarness.Run("flower", "--precision", "single", "--load", trained, "--json", "--out", folder);
            // The identity scaling: the same accuracy, and the report says the scaling was applied.
            CliResult identity = CliHarness.Run("flower", "--precision", "single", "--load", scaledFile, "--json", "--out", folder);
            Assert.Equal(0, identity.ExitCode);
            Assert.True(identity.Json.GetProperty("inputScaling").GetBoolean());
            Assert.False(plain.Json.GetProperty("inputScaling").GetBoolean());
            Assert.Equal(plain.Json.GetProperty("accuracy").GetDouble(), identity.Json.GetProperty("accuracy").GetDouble());

            // Scaling by 1000 around 0 wrecks the accuracy: --load really applies it.
            File.WriteAllText(scaledFile, scaled.Replace("\"data\":[1,1]", "\"data\":[1000,-1000]", StringComparison.Ordinal));
            CliResult wrecked = CliHarness.Run("flower", "--precision", "single", "--load", scaledFile, "--json", "--out", folder);
            Assert.True(wrecked.Json.GetProperty("accuracy").GetDouble() < plain.Json.GetProperty("accuracy").GetDouble() - 0.25,
                $"{wrecked.Json.GetProperty("accuracy").GetDouble()} vs {plain.Json.GetProperty("accuracy").GetDouble()}");
            CliResult text2 = CliHarness.Run("flower", "--precision", "single", "--load", scaledFile, "--out", folder);
            Assert.EndsWith(", with input scaling (applied to every point).", text2.OutLines.Single(l => l.StartsWith("Loaded weights from", StringComparison.Ordinal)), StringComparison.Ordinal);

            string converted = Path.Combine(folder, "converted.safetensors");
            Assert.Equal(0, CliHarness.Run("weights", "convert", scaledFile, converted).ExitCode);
            CliResult inspect = CliHarness.Run("weights", "inspect", converted);
            Assert.Equal("  input 1: offset 0, scale -1000", inspect.OutLines[^1]);
        }

        [Fact]
        public void ExportOnnxWritesAModel()
        {
            string folder = CliHarness.NewFolder("weights-onnx");
            string model = Path.Combine(folder, "flower.onnx");
            CliResult r = CliHarness.Run("weights", "export-onnx", Fixture("notebook_2-4-1_scaled.npz"), model, "--activation", "tanh");
            Assert.Equal(0, r.ExitCode);
            Assert.StartsWith($"Exported {Fixture("notebook_2-4-1_scaled.npz")} to {model} (ONNX IR 8, opset 13, float32, ", r.OutLines.Single(), StringComparison.Ordinal);
            Assert.True(File.ReadAllBytes(model).Length > 100);

            CliResult foreign = CliHarness.Run("weights", "export-onnx", Fixture("notebook_2-4-1.npz"), Path.Combine(folder, "x.onnx"));
            Assert.Equal(1, foreign.ExitCode);
            Assert.EndsWith("this is a foreign file, so give its hidden activation (weights export-onnx --activation NAME).", Assert.Single(foreign.ErrorLines), StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "x.onnx")));
        }
    }
}
