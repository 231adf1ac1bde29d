extern alias runtime;

using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PlanarGen.Generators.Diagnostics;
using PlanarGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PlanarGen.Generators.Tests.Weights
{
    /// <summary>Runs the generator and the analyzer with additional files, as a build with
    /// <c>&lt;AdditionalFiles Include="..." /&gt;</c> does, and compiles and loads the result.</summary>
    internal static class BakeHarness
    {
        /// <summary>An additional file in memory; a null text is a file that cannot be read.</summary>
        public sealed class File : AdditionalText
        {
            private readonly string? _text;

            public File(string path, string? text)
            {
                Path = path;
                _text = text;
            }

            public override string Path { get; }

            public override SourceText? GetText(CancellationToken cancellationToken = default) =>
                _text is null ? null : SourceText.From(_text, Encoding.UTF8);
        }

        public sealed record Result(GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Diagnostics,
            ImmutableArray<Diagnostic> CompilerProblems)
        {
            public GeneratorRunResult Run => Driver.GetRunResult().Results.Single();

            /// <summary>Every PlanarGen diagnostic but PGEN006 (Info: emitted as loops), formatted.</summary>
            public string[] Formatted => Diagnostics.Where(d => d.Id != "PGEN006").Select(AnalyzerHarness.Format).ToArray();

            public string Source(string hintName) => Run.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();
        }

        public static GeneratorDriver Driver(params AdditionalText[] files) =>
            CSharpGeneratorDriver.Create(new[] { new NetworkGenerator().AsSourceGenerator() }, files,
                GeneratorHarness.ParseOptions(), null,
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        /// <summary>Generator, then analyzer over the output (as a build), with <paramref name="files"/> as additional files.</summary>
        public static Result Run(string source, params AdditionalText[] files)
        {
            CSharpCompilation input = GeneratorHarness.Compilation(source);
            input = input.WithOptions(input.Options.WithWarningLevel(9999));
            GeneratorDriver driver = Driver(files).RunGeneratorsAndUpdateCompilation(input, out Compilation output, out var generatorDiagnostics);
            Assert.Empty(generatorDiagnostics.Select(d => d.ToString()));
            Assert.Null(driver.GetRunResult().Results.Single().Exception);
            var exceptions = new ConcurrentBag<Exception>();
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(files.ToImmutableArray()),
                onAnalyzerException: (e, _, _) => exceptions.Add(e), concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            ImmutableArray<Diagnostic> all = output
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new NetworkAttributeAnalyzer()), options)
                .GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            Assert.Empty(exceptions.Select(e => e.ToString()));
            Assert.DoesNotContain(all, d => d.Id == "AD0001");
            return new Result(driver, output,
                all.Where(d => d.Id.StartsWith("PGEN", StringComparison.Ordinal)).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray(),
                all.Where(d => !d.Id.StartsWith("PGEN", StringComparison.Ordinal) && d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray());
        }

        /// <summary>Emits <paramref name="output"/> (asserting success) and loads it beside the test's PlanarGen runtime.</summary>
        public static Assembly Load(Compilation output)
        {
            using var pe = new MemoryStream();
            var emitted = output.Emit(pe);
            Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
            pe.Position = 0;
            return new Context().LoadFromStream(pe);
        }

        public static object? Call(Assembly assembly, string type, string method, params object?[] args)
        {
            try
            {
                return assembly.GetType(type, throwOnError: true)!.GetMethod(method)!.Invoke(null, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw new InvalidOperationException($"{type}.{method} threw: {e.InnerException}", e.InnerException);
            }
        }

        /// <summary>A collectible context that takes the PlanarGen runtime from the default context.</summary>
        private sealed class Context : AssemblyLoadContext
        {
            private static readonly Assembly Runtime = typeof(runtime::PlanarGen.NetworkAttribute).Assembly;

            public Context() : base("PlanarGen.Generators.Tests.BakeHarness", isCollectible: true) { }

            protected override Assembly? Load(AssemblyName name) => name.Name == Runtime.GetName().Name ? Runtime : null;
        }
    }
}
