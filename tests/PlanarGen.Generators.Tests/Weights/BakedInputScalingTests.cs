using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace PlanarGen.Generators.Tests.Weights
{
    /// <summary>
    /// A weights file with input scaling (input_offset, input_scale), saved by the runtime and baked: <c>Pretrained</c>
    /// carries the same offsets and scales, bit for bit, as LoadWeights gives from the file; a file with only one of the two
    /// tensors, or a zero scale, is PGEN022 and nothing is generated.
    /// </summary>
    public class BakedInputScalingTests
    {
        private static string WriterSource(string arguments, string t, string kind) => $$"""
            using PlanarGen;

            namespace Written
            {
                [Network({{arguments}})]
                public partial {{kind}} Net { }

                public static class Writer
                {
                    public static void Save({{t}}[] parameters, {{t}}[] offsets, {{t}}[] scales, string path)
                    {
                        var net = new Net();
                        net.LoadParameters(parameters);
                        net.SetInputScaling(offsets, scales);
                        net.SaveWeights(path);
                    }
                }
            }
            """;

        private static string BakedSource(string arguments, string t, string kind) => $$"""
            using PlanarGen;

            namespace Baked
            {
                [Network({{arguments}}, Weights = "net.weights.json")]
                public partial {{kind}} Net { }

                public static class Reader
                {
                    public static {{t}}[] Scaling()
                    {
                        var offsets = new {{t}}[Net.InputCount];
                        var scales = new {{t}}[Net.InputCount];
                        if (!Net.Pretrained.TryGetInputScaling(offsets, scales)) return new {{t}}[0];
                        var all = new {{t}}[2 * Net.InputCount];
                        offsets.CopyTo(all, 0);
                        scales.CopyTo(all, Net.InputCount);
                        return all;
                    }
                }
            }
            """;

        private static string Save(string arguments, string kind, Array parameters, Array offsets, Array scales)
        {
            string t = parameters is float[] ? "float" : "double";
            var run = BakeHarness.Run(WriterSource(arguments, t, kind));
            Assert.Empty(run.Formatted);
            string path = Path.Combine(Path.GetTempPath(), "planargen-bake-scaling-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                BakeHarness.Call(BakeHarness.Load(run.Output), "Written.Writer", "Save", parameters, offsets, scales, path);
                return File.ReadAllText(path);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void PretrainedCarriesTheScalingOfAFloatStruct()
        {
            const string Arguments = "Inputs = 2, Hidden = 4, Outputs = 1";
            float[] offsets = { -0.0f, 40.123456f }, scales = { float.Epsilon, -1f / 3 };
            string json = Save(Arguments, "struct", new float[17], offsets, scales);
            Assert.Contains("\"input_scale\"", json, StringComparison.Ordinal);
            var run = BakeHarness.Run(BakedSource(Arguments, "float", "struct"), new BakeHarness.File("net.weights.json", json));
            Assert.Empty(run.Formatted);
            Assert.Empty(run.CompilerProblems.Select(d => d.ToString()));
            var scaling = (float[])BakeHarness.Call(BakeHarness.Load(run.Output), "Baked.Reader", "Scaling")!;
            Assert.Equal(offsets.Concat(scales).Select(BitConverter.SingleToInt32Bits), scaling.Select(BitConverter.SingleToInt32Bits));
            Assert.Contains("network.SetInputScaling(inputScaling.Slice(0, 2), inputScaling.Slice(2));", run.Source("Baked.Net.Network.g.cs"), StringComparison.Ordinal);
        }

        [Fact]
        public void PretrainedCarriesTheScalingOfADoubleLoopClass()
        {
            const string Arguments = "Inputs = 3, Hidden = 80, Outputs = 2, Precision = Precision.Double";
            double[] offsets = { 0.1, -1e-310, 123456.789 }, scales = { 1.0 / 3, -double.MaxValue, 2 };
            int count = BakedWeightsRunTests.ParameterCount(Arguments);
            string json = Save(Arguments, "class", Enumerable.Range(0, count).Select(k => k * 0.25).ToArray(), offsets, scales);
            var run = BakeHarness.Run(BakedSource(Arguments, "double", "class"), new BakeHarness.File("net.weights.json", json));
            Assert.Empty(run.Formatted);
            var scaling = (double[])BakeHarness.Call(BakeHarness.Load(run.Output), "Baked.Reader", "Scaling")!;
            Assert.Equal(offsets.Concat(scales).Select(BitConverter.DoubleToInt64Bits), scaling.Select(BitConverter.DoubleToInt64Bits));
        }

        [Fact]
        public void AFileWithoutScalingBakesNone()
        {
            const string Arguments = "Inputs = 2, Hidden = 4, Outputs = 1";
            (string json, _) = BakedWeightsRunTests.SaveWithRuntime(Arguments, new float[17]);
            var run = BakeHarness.Run(BakedSource(Arguments, "float", "struct"), new BakeHarness.File("net.weights.json", json));
            Assert.Empty(run.Formatted);
            Assert.Empty((float[])BakeHarness.Call(BakeHarness.Load(run.Output), "Baked.Reader", "Scaling")!);
            Assert.DoesNotContain("network.SetInputScaling", run.Source("Baked.Net.Network.g.cs"), StringComparison.Ordinal);
        }

        private const string Foreign =
            "{\"tensors\": {\"W1\": {\"dtype\": \"F32\", \"shape\": [4, 2], \"data\": [1, 2, 3, 4, 5, 6, 7, 8]}, \"b1\": {\"dtype\": \"F32\", \"shape\": [4], \"data\": [1, 2, 3, 4]}, " +
            "\"W2\": {\"dtype\": \"F32\", \"shape\": [1, 4], \"data\": [1, 2, 3, 4]}, \"b2\": {\"dtype\": \"F32\", \"shape\": [1], \"data\": [1]}";

        [Theory]
        [InlineData(", \"input_offset\": {\"dtype\": \"F32\", \"shape\": [2], \"data\": [1, 2]}}}",
            "the file has the tensor \"input_offset\" without \"input_scale\"; expected both input_offset and input_scale, or neither")]
        [InlineData(", \"input_offset\": {\"dtype\": \"F32\", \"shape\": [2], \"data\": [1, 2]}, \"input_scale\": {\"dtype\": \"F64\", \"shape\": [2], \"data\": [1e-60, 2]}}}",
            "tensor \"input_scale\" element 0 is 1e-60, which is 0 in the network's precision; expected a non-zero scale")]
        [InlineData(", \"input_offset\": {\"dtype\": \"F32\", \"shape\": [3], \"data\": [1, 2, 3]}, \"input_scale\": {\"dtype\": \"F32\", \"shape\": [2], \"data\": [1, 2]}}}",
            "tensor \"input_offset\" has shape [3], but a 2-4-1 network needs [2] (one value per input)")]
        public void BadScalingIsADiagnosticOnTheWeightsArgument(string scaling, string detail)
        {
            var run = BakeHarness.Run(BakedSource("Inputs = 2, Hidden = 4, Outputs = 1", "float", "struct"), new BakeHarness.File("net.weights.json", Foreign + scaling));
            string diagnostic = Assert.Single(run.Formatted);
            Assert.Contains(detail, diagnostic, StringComparison.Ordinal);
            Assert.Matches("PGEN02[23]", diagnostic);
        }
    }
}
