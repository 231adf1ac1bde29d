extern alias runtime;

using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PlanarGen.Generators;

namespace PlanarGen.Generators.Tests.Infrastructure
{
    /// <summary>Builds compilations of test sources and runs the PlanarGen generator over them.</summary>
    public static class GeneratorHarness
    {
        /// <summary>.NET 10 reference assemblies plus the PlanarGen runtime (net10.0 build).</summary>
        public static readonly ImmutableArray<MetadataReference> References =
            Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
                .Append(MetadataReference.CreateFromFile(typeof(runtime::PlanarGen.NetworkAttribute).Assembly.Location))
                .ToImmutableArray();

        /// <summary>The symbols the SDK defines for a net10.0 project (the references above), so generated code compiles its
        /// .NET 8+ parts (the Vector512 kernels) as in a real build.</summary>
        public static readonly ImmutableArray<string> Net10Symbols = ImmutableArray.Create(
            "NET", "NET10_0", "NETCOREAPP", "NETCOREAPP3_0_OR_GREATER", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER",
            "NET7_0_OR_GREATER", "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NET10_0_OR_GREATER", "RELEASE");

        /// <summary>Parse options of a net10.0 project.</summary>
        public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.CSharp9) =>
            new CSharpParseOptions(version, preprocessorSymbols: Net10Symbols);

        /// <summary>Parse options of a netstandard2.1 project (Unity): none of the .NET symbols.</summary>
        public static CSharpParseOptions NetStandardParseOptions(LanguageVersion version = LanguageVersion.CSharp9) =>
            new CSharpParseOptions(version, preprocessorSymbols: new[] { "NETSTANDARD", "NETSTANDARD2_1", "RELEASE" });

        public static CSharpCompilation Compilation(LanguageVersion version, params string[] sources) =>
            CSharpCompilation.Create("Consumer",
                sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions(version), path: $"Source{i}.cs")),
                References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                    optimizationLevel: OptimizationLevel.Release, deterministic: true));

        public static CSharpCompilation Compilation(params string[] sources) => Compilation(LanguageVersion.CSharp9, sources);

        public static GeneratorDriver CreateDriver(LanguageVersion version = LanguageVersion.CSharp9) => CreateDriver(ParseOptions(version));

        /// <summary>A driver whose generated trees are parsed like the user's (language version and preprocessor symbols).</summary>
        public static GeneratorDriver CreateDriver(CSharpParseOptions parseOptions) =>
            CSharpGeneratorDriver.Create(
                new[] { new NetworkGenerator().AsSourceGenerator() },
                parseOptions: parseOptions,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        /// <summary>Runs the generator; returns the driver (for incremental re-runs), the output compilation and the
        /// generator's own diagnostics.</summary>
        public static GeneratorRun Run(Compilation input, GeneratorDriver? driver = null)
        {
            driver ??= CreateDriver((CSharpParseOptions)input.SyntaxTrees.First().Options);
            driver = driver.RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
            return new GeneratorRun(driver, output, diagnostics);
        }

        public static GeneratorRun Run(params string[] sources) => Run(Compilation(sources));
    }

    /// <summary>One generator run.</summary>
    public sealed record GeneratorRun(GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
    {
        public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();

        public ImmutableArray<GeneratedSourceResult> Sources => Result.GeneratedSources;

        /// <summary>Compiler diagnostics of the output compilation at warning level or above.</summary>
        public ImmutableArray<Diagnostic> Problems =>
            Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

        public string SourceText(string hintName) =>
            Sources.Single(s => s.HintName == hintName).SourceText.ToString();
    }
}
