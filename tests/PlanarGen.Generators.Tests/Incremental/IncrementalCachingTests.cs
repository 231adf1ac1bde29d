using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PlanarGen.Generators.Tests.Infrastructure;
using Xunit;
using static Microsoft.CodeAnalysis.IncrementalStepRunReason;

namespace PlanarGen.Generators.Tests.Incremental
{
    /// <summary>
    /// What the generator recomputes after each kind of edit. Each scenario runs the driver once (tracked), applies an
    /// edit, runs it again and compares the reasons of every output of every step in <see cref="TrackingNames"/> and of
    /// the source output with a table. Every run also walks the step values for Roslyn objects.
    /// </summary>
    /// <remarks>
    /// Reasons per output, in the order of the networks in the file. <c>Parse</c> is the ForAttributeWithMetadataName
    /// transform: with Roslyn 4.14 as host it re-runs whenever the compilation changes (even for an unrelated new file)
    /// and reports Unchanged when the model is equal, which stops the work there: ValidNetworks and the source output
    /// stay Cached. It is Cached only when the very same compilation is run again.
    /// </remarks>
    public class IncrementalCachingTests
    {
        private sealed record Expected(IncrementalStepRunReason[] Parse, IncrementalStepRunReason[] ValidNetworks, IncrementalStepRunReason[] Output);

        [Fact]
        public void SameCompilationTwiceIsAllCached()
        {
            var (first, compilation) = Start(Sources.Flower);
            GeneratorRunResult run = Rerun(first, compilation);
            AssertReasons(run, new Expected(new[] { Cached }, new[] { Cached }, new[] { Cached }));
        }

        [Fact]
        public void AddingUnrelatedFileKeepsNetworkCached()
        {
            var (driver, compilation) = Start(Sources.Flower);
            GeneratorRunResult run = Rerun(driver, compilation.AddSyntaxTrees(Parse(Sources.Unrelated, "Unrelated.cs")));
            // A new compilation re-runs the transform (it needs the new semantic model); the equal model stops it there.
            AssertReasons(run, new Expected(new[] { Unchanged }, new[] { Cached }, new[] { Cached }));
        }

        [Fact]
        public void EditingUnrelatedMethodBodyInSameFileKeepsOutputCached()
        {
            var (driver, compilation) = Start(Sources.Flower);
            GeneratorRunResult run = Rerun(driver, Replace(compilation, Sources.FlowerEditedMethodBody));
            // The file changed, so the attribute's target is re-parsed; the model is equal, so nothing downstream runs.
            AssertReasons(run, new Expected(new[] { Unchanged }, new[] { Cached }, new[] { Cached }));
        }

        [Fact]
        public void AddingSecondNetworkKeepsFirstCachedAndAddsNew()
        {
            var (driver, compilation) = Start(Sources.Flower);
            GeneratorRunResult run = Rerun(driver, Replace(compilation, Sources.FlowerAndMoons));
            AssertReasons(run, new Expected(new[] { Unchanged, New }, new[] { Cached, New }, new[] { Cached, New }));
            Assert.Equal(new[] { "Demo.FlowerNet.Network.g.cs", "Demo.MoonsNet.Network.g.cs" },
                run.GeneratedSources.Select(s => s.HintName).OrderBy(h => h, System.StringComparer.Ordinal));
        }

        [Fact]
        public void ChangingHiddenOfOneNetworkModifiesOnlyThatNetwork()
        {
            var (driver, compilation) = Start(Sources.FlowerAndMoons);
            GeneratorRunResult run = Rerun(driver, Replace(compilation, Sources.FlowerAndWiderMoons));
            AssertReasons(run, new Expected(new[] { Unchanged, Modified }, new[] { Cached, Modified }, new[] { Cached, Modified }));
            Assert.Contains("public const int HiddenCount = 8;",
                run.GeneratedSources.Single(s => s.HintName == "Demo.MoonsNet.Network.g.cs").SourceText.ToString());
        }

        [Fact]
        public void StepValuesHoldNoRoslynObjects()
        {
            // A first run (every value New) over several shapes, including nested types with container chains.
            var (driver, _) = Start(Sources.FlowerAndMoons, Sources.NestedInPartialClass, Sources.TwoNetworksInOneFile);
            AssertNoRoslynObjects(driver.GetRunResult().Results.Single());
        }

        private static SyntaxTree Parse(string source, string path) =>
            CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions(), path: path);

        private static (GeneratorDriver Driver, Compilation Compilation) Start(params string[] sources)
        {
            CSharpCompilation compilation = GeneratorHarness.Compilation(sources);
            GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
            GeneratorRunResult first = driver.GetRunResult().Results.Single();
            Assert.Null(first.Exception);
            foreach (string step in TrackingNames.All)
                Assert.All(first.TrackedSteps[step].SelectMany(s => s.Outputs), o => Assert.Equal(New, o.Reason));
            AssertNoRoslynObjects(first);
            return (driver, compilation);
        }

        private static GeneratorRunResult Rerun(GeneratorDriver driver, Compilation next)
        {
            GeneratorRunResult run = driver.RunGenerators(next).GetRunResult().Results.Single();
            Assert.Null(run.Exception);
            Assert.Empty(run.Diagnostics);
            AssertNoRoslynObjects(run);
            return run;
        }

        private static Compilation Replace(Compilation compilation, string newSource)
        {
            SyntaxTree old = compilation.SyntaxTrees.First();
            return compilation.ReplaceSyntaxTree(old, Parse(newSource, old.FilePath));
        }

        private static void AssertReasons(GeneratorRunResult run, Expected expected)
        {
            Assert.Equal(expected.Parse, Reasons(run.TrackedSteps, TrackingNames.Parse));
            Assert.Equal(expected.ValidNetworks, Reasons(run.TrackedSteps, TrackingNames.ValidNetworks));
            // The network sources only (the opt-in registry's output has its own test, NetworkRegistryTests).
            Assert.Equal(expected.Output, run.TrackedOutputSteps.SelectMany(kv => kv.Value)
                .Where(s => s.Inputs.Any(i => i.Source.Name == TrackingNames.NetworkSources))
                .SelectMany(s => s.Outputs).Select(o => o.Reason));
        }

        private static IEnumerable<IncrementalStepRunReason> Reasons(
            System.Collections.Immutable.ImmutableDictionary<string, System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep>> steps, string name)
        {
            Assert.True(steps.ContainsKey(name), $"step {name} was not tracked");
            return steps[name].SelectMany(s => s.Outputs).Select(o => o.Reason);
        }

        /// <summary>Walks every output value of every tracked step named in <see cref="TrackingNames"/>, and the values
        /// the source output consumed.</summary>
        private static void AssertNoRoslynObjects(GeneratorRunResult run)
        {
            var found = new List<string>();
            foreach (string step in TrackingNames.All)
            {
                if (!run.TrackedSteps.TryGetValue(step, out var runs)) continue;
                for (int r = 0; r < runs.Length; r++)
                    for (int o = 0; o < runs[r].Outputs.Length; o++)
                        found.AddRange(RoslynObjectWalker.Find(runs[r].Outputs[o].Value, $"{step}[{r}].Outputs[{o}]"));
            }
            foreach (var output in run.TrackedOutputSteps)
                foreach (IncrementalGeneratorRunStep step in output.Value)
                    foreach (var (source, _) in step.Inputs)
                        foreach (var (value, _) in source.Outputs)
                            found.AddRange(RoslynObjectWalker.Find(value, $"{output.Key} input {source.Name}"));
            Assert.Empty(found);
        }
    }
}
