using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using PlanarGen.Generators.Tests.Infrastructure;
using Xunit;
using static Microsoft.CodeAnalysis.IncrementalStepRunReason;

namespace PlanarGen.Generators.Tests.Weights
{
    /// <summary>What the generator recomputes when a weights file or the code changes (as IncrementalCachingTests does for
    /// declarations): editing one network's JSON re-emits that network only; editing code or an unrelated file keeps both
    /// outputs cached.</summary>
    public class BakedWeightsCachingTests
    {
        private const string Source = """
            using PlanarGen;
            namespace Demo
            {
                [Network(Inputs = 1, Hidden = 1, Outputs = 1, Weights = "a.json")]
                public partial struct A { }

                [Network(Inputs = 1, Hidden = 1, Outputs = 1, Weights = "b.json")]
                public partial struct B { }

                public static class Other { public static int F() => 1; }
            }
            """;

        private static string Weights(string w2) =>
            "{\"tensors\": {\"W1\": {\"dtype\": \"F32\", \"shape\": [1, 1], \"data\": [1]}, \"b1\": {\"dtype\": \"F32\", \"shape\": [1], \"data\": [0]}, " +
            $"\"W2\": {{\"dtype\": \"F32\", \"shape\": [1, 1], \"data\": [{w2}]}}, \"b2\": {{\"dtype\": \"F32\", \"shape\": [1], \"data\": [0]}}}}}}";

        private static readonly AdditionalText FileA = new BakeHarness.File("/p/a.json", Weights("0.5"));
        private static readonly AdditionalText FileB = new BakeHarness.File("/p/b.json", Weights("0.25"));
        private static readonly AdditionalText Unrelated = new BakeHarness.File("/p/settings.json", "{}");

        private static (GeneratorDriver, Compilation) Start()
        {
            Compilation compilation = GeneratorHarness.Compilation(Source);
            GeneratorDriver driver = BakeHarness.Driver(FileA, FileB, Unrelated).RunGenerators(compilation);
            Assert.Equal(2, driver.GetRunResult().Results.Single().GeneratedSources.Length);
            return (driver, compilation);
        }

        private static IncrementalStepRunReason[] Output(GeneratorDriver driver)
        {
            GeneratorRunResult run = driver.GetRunResult().Results.Single();
            Assert.Null(run.Exception);
            // The network sources only (the opt-in registry's output has its own test, NetworkRegistryTests).
            return run.TrackedOutputSteps.SelectMany(kv => kv.Value)
                .Where(s => s.Inputs.Any(i => i.Source.Name == TrackingNames.NetworkSources))
                .SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
        }

        [Fact]
        public void EditingOneWeightsFileReEmitsOnlyThatNetwork()
        {
            var (driver, compilation) = Start();
            driver = driver.ReplaceAdditionalText(FileB, new BakeHarness.File("/p/b.json", Weights("0.75"))).RunGenerators(compilation);
            Assert.Equal(new[] { Cached, Modified }, Output(driver));
            Assert.Contains("unchecked((int)0x3F400000)",
                driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "Demo.B.Network.g.cs").SourceText.ToString());
        }

        [Fact]
        public void EditingAnUnrelatedJsonFileKeepsBothCached()
        {
            var (driver, compilation) = Start();
            driver = driver.ReplaceAdditionalText(Unrelated, new BakeHarness.File("/p/settings.json", "{\"x\": 1}")).RunGenerators(compilation);
            Assert.Equal(new[] { Cached, Cached }, Output(driver));
        }

        [Fact]
        public void EditingCodeKeepsBothCached()
        {
            var (driver, compilation) = Start();
            SyntaxTree old = compilation.SyntaxTrees.First();
            Compilation edited = compilation.ReplaceSyntaxTree(old,
                CSharpSyntaxTree.ParseText(Source.Replace("F() => 1", "F() => 2"), GeneratorHarness.ParseOptions(), path: old.FilePath));
            driver = driver.RunGenerators(edited);
            Assert.Equal(new[] { Cached, Cached }, Output(driver));
        }

        [Fact]
        public void FixingABrokenFileEmitsTheNetwork()
        {
            Compilation compilation = GeneratorHarness.Compilation(Source);
            var broken = new BakeHarness.File("/p/b.json", "{");
            GeneratorDriver driver = BakeHarness.Driver(FileA, broken).RunGenerators(compilation);
            Assert.Equal(new[] { "Demo.A.Network.g.cs" }, driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.HintName));
            driver = driver.ReplaceAdditionalText(broken, FileB).RunGenerators(compilation);
            Assert.Equal(2, driver.GetRunResult().Results.Single().GeneratedSources.Length);
        }
    }
}
