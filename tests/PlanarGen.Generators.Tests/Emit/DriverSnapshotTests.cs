using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using PlanarGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PlanarGen.Generators.Tests.Emit
{
    /// <summary>End to end: C# source through the generator driver to files. Each output is snapshotted under its hint
    /// name, and the output compilation must have no errors and no warnings.</summary>
    public class DriverSnapshotTests
    {
        /// <summary>Every snapshot this class writes (test, hint-name variant); read by the orphan check.</summary>
        public static readonly (string Test, string Variant)[] ExpectedSnapshots =
        {
            (nameof(GlobalNamespace), "GlobalNet.Network"),
            (nameof(NestedInPartialClass), "Demo.Models.Outer+Inner+NestedNet.Network"),
            (nameof(TwoNetworksInOneFile), "Demo.FirstNet.Network"),
            (nameof(TwoNetworksInOneFile), "Demo.SecondNet.Network"),
            (nameof(FileScopedNamespace), "Demo.FileScoped.ScopedNet.Network"),
            (nameof(ClassesAndLoopStruct), "Demo.LoopClassNet.Network"),
            (nameof(ClassesAndLoopStruct), "Demo.LoopStructNet.Network"),
            (nameof(ClassesAndLoopStruct), "Demo.SmallClassNet.Network"),
        };

        [Fact]
        public void GlobalNamespace() => Verify(nameof(GlobalNamespace), Sources.GlobalNamespace);

        [Fact]
        public void NestedInPartialClass() => Verify(nameof(NestedInPartialClass), Sources.NestedInPartialClass);

        [Fact]
        public void TwoNetworksInOneFile() => Verify(nameof(TwoNetworksInOneFile), Sources.TwoNetworksInOneFile);

        [Fact]
        public void FileScopedNamespace() =>
            Verify(nameof(FileScopedNamespace), Sources.FileScopedNamespace, LanguageVersion.CSharp10);

        [Fact]
        public void ClassesAndLoopStruct() => Verify(nameof(ClassesAndLoopStruct), Sources.ClassesAndLoopStruct);

        private static void Verify(string test, string source, LanguageVersion version = LanguageVersion.CSharp9)
        {
            GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Compilation(version, source));
            Assert.Empty(run.GeneratorDiagnostics);
            Assert.Empty(run.Problems.Select(d => d.ToString()));
            string[] expected = ExpectedSnapshots.Where(e => e.Test == test).Select(e => e.Variant + ".g.cs").ToArray();
            Assert.Equal(expected, run.Sources.Select(s => s.HintName).OrderBy(h => h, System.StringComparer.Ordinal).ToArray());
            // Check every file before failing, so one run writes every .received.cs.
            var failures = new System.Collections.Generic.List<string>();
            foreach (var generated in run.Sources)
            {
                try
                {
                    Snapshot.Match(generated.SourceText.ToString(), generated.HintName.Substring(0, generated.HintName.Length - ".g.cs".Length),
                        nameof(DriverSnapshotTests), test: test);
                }
                catch (Xunit.Sdk.XunitException e)
                {
                    failures.Add(e.Message);
                }
            }
            Assert.Empty(failures);
        }
    }
}
