using System.Linq;
using Xunit;

namespace PlanarGen.Generators.Tests.Weights
{
    /// <summary>The emitted Pretrained text, the file-name rule (exact and Unity's form) and one test per diagnostic
    /// PGEN020-024, each on the Weights argument, with nothing generated for the network.</summary>
    public class BakedWeightsDiagnosticsTests
    {
        private const string Declaration = """
            using PlanarGen;
            [Network(Inputs = 1, Hidden = 1, Outputs = 1, Weights = "tiny.weights.json")]
            public partial struct Tiny { }
            """;

        /// <summary>A foreign file (no planargen metadata) for a 1-1-1 network: W1 = 1, b1 = -0, W2 = 0.5, b2 = 2.</summary>
        private const string Tiny = """
            {"tensors": {
              "W1": {"dtype": "F32", "shape": [1, 1], "data": [1]},
              "b1": {"dtype": "F32", "shape": [1], "data": [-0]},
              "W2": {"dtype": "F32", "shape": [1, 1], "data": [0.5]},
              "b2": {"dtype": "F32", "shape": [1, 1], "data": [2e0]}}}
            """;

        private static BakeHarness.Result Run(string declaration, params (string Path, string? Text)[] files) =>
            BakeHarness.Run(declaration, files.Select(f => (Microsoft.CodeAnalysis.AdditionalText)new BakeHarness.File(f.Path, f.Text)).ToArray());

        private static void AssertReports(BakeHarness.Result run, params string[] expected)
        {
            Assert.Equal(string.Join("\n", expected), string.Join("\n", run.Formatted));
            Assert.Empty(run.Run.GeneratedSources);
        }

        [Fact]
        public void EmitsPretrainedAsExactBits()
        {
            var run = Run(Declaration, ("/src/tiny.weights.json", Tiny));
            Assert.Empty(run.Formatted);
            Assert.Empty(run.CompilerProblems.Select(d => d.ToString()));
            string text = run.Source("Tiny.Network.g.cs");
            int start = text.IndexOf("    /// <summary>\n    /// A network holding the parameters baked", System.StringComparison.Ordinal);
            Assert.True(start > 0);
            Assert.Equal(ExpectedTiny, text.Substring(start));
        }

        private const string ExpectedTiny = """
                /// <summary>
                /// A network holding the parameters baked in at compile time from 'tiny.weights.json' (<see cref="Fingerprint"/>:
                /// xxh64:8950824857b91cf0), exactly, with no file read at run time. Each call returns a new copy.
                /// </summary>
                [global::System.CodeDom.Compiler.GeneratedCode("PlanarGen.Generators", "0.2.0")]
                public static Tiny Pretrained
                {
                    get
                    {
                        global::System.ReadOnlySpan<float> parameters = stackalloc float[4]
                        {
                            // W1 [1, 1]
                            global::System.BitConverter.Int32BitsToSingle(unchecked((int)0x3F800000)),
                            // b1 [1]
                            global::System.BitConverter.Int32BitsToSingle(unchecked((int)0x80000000)),
                            // W2 [1, 1]
                            global::System.BitConverter.Int32BitsToSingle(unchecked((int)0x3F000000)),
                            // b2 [1]
                            global::System.BitConverter.Int32BitsToSingle(unchecked((int)0x40000000))
                        };
                        var network = new Tiny();
                        network.LoadParameters(parameters);
                        return network;
                    }
                }
            }

            """;

        [Fact]
        public void PretrainedIsAReservedMemberName()
        {
            // Reserved on every network (PGEN009), with or without Weights, so adding Weights later cannot break a build.
            var run = Run("using PlanarGen;\n[Network(Inputs = 1, Hidden = 1, Outputs = 1)]\npublic partial struct Tiny { public static int Pretrained => 1; }\n");
            AssertReports(run, "PGEN009 Error (3,48): 'Pretrained' in 'Tiny' clashes with a member the generator declares");
        }

        [Theory]
        [InlineData("tiny.PlanarGen.Generators.additionalfile")]
        [InlineData("Assets/Networks/tiny.PlanarGen.Generators.additionalfile")]
        [InlineData(@"C:\Unity\Assets\tiny.PlanarGen.Generators.additionalfile")]
        public void UnityFileNameFormMatches(string path)
        {
            var run = Run(Declaration, (path, Tiny));
            Assert.Empty(run.Formatted);
            Assert.Contains("BitConverter.Int32BitsToSingle(unchecked((int)0x3F000000))", run.Source("Tiny.Network.g.cs"));
        }

        [Fact]
        public void ExactNameWinsOverUnityForm()
        {
            string other = Tiny.Replace("[0.5]", "[0.25]");
            var run = Run(Declaration, ("tiny.PlanarGen.Generators.additionalfile", other), ("x/tiny.weights.json", Tiny));
            Assert.Empty(run.Formatted);
            Assert.Contains("unchecked((int)0x3F000000)", run.Source("Tiny.Network.g.cs"));
            Assert.DoesNotContain("unchecked((int)0x3E800000)", run.Source("Tiny.Network.g.cs"));
        }

        [Theory]
        [InlineData("tiny.json")]                                       // another name
        [InlineData("TINY.weights.json")]                               // names are compared exactly
        [InlineData("tiny.weights.json.txt")]
        [InlineData("tiny.Other.Analyzer.additionalfile")]              // Unity form for another analyzer
        [InlineData("tiny.weights.PlanarGen.Generators.additionalfile")] // Unity forbids a period in the stem
        public void PGEN020WhenNoAdditionalFileHasTheName(string path) =>
            AssertReports(Run(Declaration, (path, Tiny)),
                "PGEN020 Error (2,47): 'Tiny' bakes weights from 'tiny.weights.json', but no additional file is named 'tiny.weights.json' " +
                "(or, for Unity, 'tiny.PlanarGen.Generators.additionalfile'); add <AdditionalFiles Include=\"tiny.weights.json\" /> to the project");

        [Fact]
        public void PGEN021WhenTwoFilesHaveTheName() =>
            AssertReports(Run(Declaration, ("a/tiny.weights.json", Tiny), ("b/tiny.weights.json", Tiny)),
                "PGEN021 Error (2,47): 'Tiny' bakes weights from 'tiny.weights.json', but 2 additional files are named 'tiny.weights.json'; " +
                "keep one, or give each network its own file name");

        [Theory]
        [InlineData(null, "the file could not be read")]
        [InlineData("", "not PlanarGen JSON weights: line 1, column 1: expected the top-level object, found the end of the text")]
        [InlineData("{\"tensors\": {}, }", "not PlanarGen JSON weights: line 1, column 17: expected a key in the top-level object, found '}'")]
        [InlineData("{\"tensors\": {\"W1\": {\"dtype\": \"F32\", \"shape\": [1, 1], \"data\": [NaN]}}}",
            "not PlanarGen JSON weights: line 1, column 63: expected a number in tensor \"W1\" data, found 'N'")]
        [InlineData("{\"tensors\": {\"W1\": {\"dtype\": \"F16\", \"shape\": [1, 1], \"data\": [1]}}}",
            "tensor \"W1\" has dtype \"F16\"; expected \"F32\" or \"F64\"")]
        [InlineData("{\"tensors\": {\"W1\": {\"dtype\": \"F32\", \"shape\": [1, 2], \"data\": [1]}}}",
            "tensor \"W1\" has shape [1, 2], so 2 numbers, but its data has 1")]
        [InlineData("{\"tensors\": {\"W1\": {\"dtype\": \"F32\", \"shape\": [1], \"data\": [1e39]}}}",
            "tensor \"W1\" element 0 is 1e39, which overflows F32; expected a finite value")]
        [InlineData("{\"metadata\": {\"planargen.shape\": \"1-1-1\"}, \"tensors\": {}}",
            "metadata lacks \"planargen.format_version\" (the file has other planargen.* keys)")]
        public void PGEN022WhenTheFileIsNotValidWeights(string? text, string detail) =>
            AssertReports(Run(Declaration, ("tiny.weights.json", text)),
                $"PGEN022 Error (2,47): 'Tiny' cannot bake weights from 'tiny.weights.json': {detail}");

        [Fact]
        public void PGEN023WhenShapesOrNamesDoNotMatch()
        {
            AssertReports(Run(Declaration.Replace("Hidden = 1", "Hidden = 2"), ("tiny.weights.json", Tiny)),
                "PGEN023 Error (2,47): 'Tiny' cannot bake weights from 'tiny.weights.json': tensor \"W1\" has shape [1, 1], " +
                "but a 1-2-1 network needs [2, 1] (Hidden x Inputs)");
            AssertReports(Run(Declaration, ("tiny.weights.json", Tiny.Replace("\"b2\"", "\"bias\""))),
                "PGEN023 Error (2,47): 'Tiny' cannot bake weights from 'tiny.weights.json': the tensors are \"W1\", \"b1\", \"W2\", \"bias\"; " +
                "expected W1, b1, W2, b2, or 0.weight, 0.bias, 2.weight, 2.bias (a PyTorch nn.Sequential state dict) behind one optional prefix, and no others");
        }

        [Fact]
        public void PyTorchNamesBehindAPrefixAreAccepted()
        {
            string torch = Tiny.Replace("\"W1\"", "\"model.0.weight\"").Replace("\"b1\"", "\"model.0.bias\"")
                .Replace("\"W2\"", "\"model.2.weight\"").Replace("\"b2\"", "\"model.2.bias\"");
            var run = Run(Declaration, ("tiny.weights.json", torch));
            Assert.Empty(run.Formatted);
            Assert.Contains("unchecked((int)0x40000000)", run.Source("Tiny.Network.g.cs"));
        }

        [Fact]
        public void PGEN023AndPGEN024OnAFileTheRuntimeSaved()
        {
            const string Arguments = "Inputs = 2, Hidden = 4, Outputs = 1";
            var values = Enumerable.Range(0, 17).Select(k => (float)(k * 0.37 - 3)).ToArray();
            (string json, _) = BakedWeightsRunTests.SaveWithRuntime(Arguments, values);
            string declaration = $"using PlanarGen;\n[Network({Arguments}, Weights = \"flower.weights.json\")]\npublic partial struct Flower {{ }}\n";
            string prefix = "'Flower' cannot bake weights from 'flower.weights.json': ";

            // The declaration differs from the file's metadata: activation, then precision (a double network reading a single file
            // is a conversion, not a mismatch), then slope.
            AssertReports(Run(declaration.Replace("Outputs = 1", "Outputs = 1, HiddenActivation = Activation.ReLU"), ("flower.weights.json", json)),
                "PGEN023 Error (2,83): " + prefix + "planargen.hidden_activation is \"tanh\", but the declaration (2-4-1, hidden relu, output sigmoid, single) needs \"relu\"");
            Assert.Empty(Run(declaration.Replace("Outputs = 1", "Outputs = 1, Precision = Precision.Double"), ("flower.weights.json", json)).Formatted);
            // A sigmoid file does not bake into a linear network of the same sizes.
            AssertReports(Run(declaration.Replace("Outputs = 1", "Outputs = 1, OutputActivation = Activation.Linear"), ("flower.weights.json", json)),
                "PGEN023 Error (2,85): " + prefix + "planargen.output_activation is \"sigmoid\", but the declaration (2-4-1, hidden tanh, output linear, single) needs \"linear\"");

            // One digit of the data changed: the checksum no longer matches.
            int at = json.IndexOf("\"data\": [", System.StringComparison.Ordinal) + 9;
            while (!char.IsDigit(json[at]) || json[at] == '0') at++;
            string altered = json.Substring(0, at) + (json[at] == '9' ? '8' : (char)(json[at] + 1)) + json.Substring(at + 1);
            var run = Run(declaration, ("flower.weights.json", altered));
            Assert.Equal(new[] { "PGEN024" }, run.Diagnostics.Select(d => d.Id));
            Assert.Contains("the tensor data gives", run.Formatted[0]);
            Assert.Empty(run.Run.GeneratedSources);
        }

        [Fact]
        public void ASoftmaxFileBakesIntoSoftmaxOnly()
        {
            const string Arguments = "Inputs = 2, Hidden = 4, Outputs = 3, OutputActivation = Activation.Softmax";
            var values = Enumerable.Range(0, 27).Select(k => (float)(k * 0.11 - 1)).ToArray();
            (string json, _) = BakedWeightsRunTests.SaveWithRuntime(Arguments, values);
            Assert.Contains("\"planargen.output_activation\": \"softmax\"", json);
            Assert.Empty(Run($"using PlanarGen;\n[Network({Arguments}, Weights = \"s.weights.json\")]\npublic partial struct S {{ }}\n", ("s.weights.json", json)).Formatted);
            var run = Run("using PlanarGen;\n[Network(Inputs = 2, Hidden = 4, Outputs = 3, Weights = \"s.weights.json\")]\npublic partial struct S { }\n", ("s.weights.json", json));
            Assert.Equal(new[] { "PGEN023" }, run.Diagnostics.Select(d => d.Id));
            Assert.Contains("planargen.output_activation is \"softmax\", but the declaration (2-4-3, hidden tanh, output sigmoid, single) needs \"sigmoid\"", run.Formatted[0]);
        }
    }
}
