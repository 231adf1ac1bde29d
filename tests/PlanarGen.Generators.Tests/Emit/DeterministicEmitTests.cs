using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PlanarGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PlanarGen.Generators.Tests.Emit
{
    /// <summary>[Network(Deterministic = true)]: the plan sends every training and prediction member to the runtime's
    /// DeterministicNetwork kernels over the loop form's storage, with no fused operation and no Vector512 twin, and the text
    /// compiles without warnings on .NET 10 and as C# 9 against the netstandard2.1 runtime (Unity).</summary>
    public class DeterministicEmitTests
    {
        private const string Source = """
            using PlanarGen;
            [Network(Inputs = 2, Hidden = 4, Outputs = 1, Deterministic = true)]
            public partial struct F { }
            [Network(Inputs = 2, Hidden = 4, Outputs = 1, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.125, Precision = Precision.Double, Deterministic = true)]
            public partial class D { }
            """;

        [Fact]
        public void EveryKernelIsTheRuntimesDeterministicOne()
        {
            GeneratorRun run = GeneratorHarness.Run(Source);
            Assert.Empty(run.Problems);
            foreach (string hint in new[] { "F.Network.g.cs", "D.Network.g.cs" })
            {
                string text = run.SourceText(hint);
                foreach (string member in new[] { "Predict", "PredictBatch", "Cost", "Accuracy", "TrainStep" })
                    Assert.Contains($"global::PlanarGen.DeterministicNetwork.{member}(", text);
                Assert.DoesNotContain("MultiplyAdd", text);      // no fused operation in generated text
                Assert.DoesNotContain("Vector512", text);        // no twin whose lanes could sum in another order
                Assert.DoesNotContain("StepTail", text);         // 2-4-1 is written in the loop form's storage, not unrolled
                Assert.DoesNotContain("SimdPath", text);
            }
            // INetwork<T>.Shape and the kernels' shape argument say Deterministic (NetworkShape describes every option).
            Assert.Contains("global::PlanarGen.Precision.Single, deterministic: true)", run.SourceText("F.Network.g.cs"));
            Assert.Contains("0.125, global::PlanarGen.Precision.Double, deterministic: true)", run.SourceText("D.Network.g.cs"));
        }

        [Fact]
        public void CompilesAsCSharp9AgainstNetStandard21()
        {
            string netstandard = Path.Combine(Metadata("NuGetPackageRoot"), "netstandard.library.ref", "2.1.0", "ref", "netstandard2.1", "netstandard.dll");
            MetadataReference[] references = { MetadataReference.CreateFromFile(netstandard), MetadataReference.CreateFromFile(Metadata("RuntimeNetStandard21")) };
            CSharpParseOptions options = GeneratorHarness.NetStandardParseOptions(LanguageVersion.CSharp9);
            var compilation = CSharpCompilation.Create("UnityDeterministic",
                new[] { CSharpSyntaxTree.ParseText(Source, options, path: "Nets.cs") },
                references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));
            GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new NetworkGenerator().AsSourceGenerator() }, parseOptions: options);
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out var diagnostics);
            Assert.Empty(diagnostics);
            Assert.Equal(2, driver.GetRunResult().Results.Single().GeneratedSources.Length);
            string[] problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToArray();
            Assert.True(problems.Length == 0, string.Join("\n", problems));
        }

        private static string Metadata(string key) =>
            typeof(DeterministicEmitTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException($"no assembly metadata {key}");
    }
}
