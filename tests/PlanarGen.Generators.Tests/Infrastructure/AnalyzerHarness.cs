using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PlanarGen.Generators.Diagnostics;
using Xunit;

namespace PlanarGen.Generators.Tests.Infrastructure
{
    /// <summary>Runs the generator and then <see cref="NetworkAttributeAnalyzer"/> (through <see cref="CompilationWithAnalyzers"/>)
    /// over the generator's output compilation, as a build does, and formats what they report.</summary>
    public static class AnalyzerHarness
    {
        /// <summary>Generator run plus analyzer diagnostics for <paramref name="sources"/>. With
        /// <paramref name="analyzeOutput"/> the analyzer runs over the generator's output compilation (as in a build) and the
        /// compiler's own diagnostics of that output come back in the same pass; without it, over the input only.</summary>
        public static Checked Check(LanguageVersion version, string[] sources, bool analyzeOutput = true)
        {
            CSharpCompilation input = GeneratorHarness.Compilation(version, sources);
            GeneratorRun run = GeneratorHarness.Run(input);
            var exceptions = new ConcurrentBag<Exception>();
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (e, _, _) => exceptions.Add(e), concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            ImmutableArray<Diagnostic> all = (analyzeOutput ? run.Output : input)
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new NetworkAttributeAnalyzer()), options)
                .GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            bool IsOurs(Diagnostic d) => d.Id.StartsWith("PGEN", StringComparison.Ordinal) || d.Id == "AD0001";
            ImmutableArray<Diagnostic> diagnostics = all.Where(IsOurs)
                .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToImmutableArray();
            ImmutableArray<Diagnostic> compiler = all.Where(d => !IsOurs(d) && d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
            return new Checked(input, run, diagnostics, analyzeOutput ? compiler : default, exceptions.ToImmutableArray());
        }

        public static Checked Check(LanguageVersion version, params string[] sources) => Check(version, sources, true);

        /// <summary>Generator run plus analyzer diagnostics, C# 9.</summary>
        public static Checked Check(params string[] sources) => Check(LanguageVersion.CSharp9, sources);

        /// <summary>"PGEN005 Error (2,22): message", with a 1-based line and column.</summary>
        public static string Format(Diagnostic d)
        {
            LinePosition start = d.Location.GetLineSpan().StartLinePosition;
            return $"{d.Id} {d.Severity} ({start.Line + 1},{start.Character + 1}): {d.GetMessage(CultureInfo.InvariantCulture)}";
        }

        /// <summary>Asserts the analyzer reports exactly <paramref name="expected"/> (formatted by <see cref="Format"/>), that
        /// nothing threw, and that the generator emitted no source when an error is among them.</summary>
        public static Checked AssertReports(string source, params string[] expected) =>
            AssertReports(LanguageVersion.CSharp9, source, expected);

        public static Checked AssertReports(LanguageVersion version, string source, params string[] expected) =>
            AssertReports(version, analyzeOutput: true, source, expected);

        public static Checked AssertReports(LanguageVersion version, bool analyzeOutput, string source, params string[] expected)
        {
            Checked result = Check(version, new[] { source }, analyzeOutput);
            result.AssertNothingThrew();
            Assert.Equal(string.Join("\n", expected), string.Join("\n", result.Diagnostics.Select(Format)));
            if (result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
                Assert.Empty(result.Run.Sources.Select(s => s.HintName));
            return result;
        }

        /// <summary>Asserts no PlanarGen diagnostic, the expected generated file, and an output free of errors and warnings.</summary>
        public static Checked AssertClean(string source, string hintName, LanguageVersion version = LanguageVersion.CSharp9)
        {
            Checked result = Check(version, source);
            result.AssertNothingThrew();
            Assert.Empty(result.Diagnostics.Select(Format));
            Assert.Equal(new[] { hintName }, result.Run.Sources.Select(s => s.HintName).ToArray());
            Assert.Equal("", string.Join("\n", result.CompilerProblems.Select(d => d.ToString())));
            return result;
        }
    }

    /// <summary>What one generator + analyzer pass produced.</summary>
    /// <param name="CompilerProblems">Compiler warnings and errors of the output compilation (default when only the input was analyzed).</param>
    public sealed record Checked(Compilation Input, GeneratorRun Run, ImmutableArray<Diagnostic> Diagnostics,
        ImmutableArray<Diagnostic> CompilerProblems, ImmutableArray<Exception> AnalyzerExceptions)
    {
        /// <summary>Distinct PlanarGen ids, sorted.</summary>
        public string[] Ids => Diagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToArray();

        public bool HasError => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

        /// <summary>The generator threw nothing (no exception on the run result, no CS8784/CS8785) and the analyzer neither.</summary>
        public void AssertNothingThrew()
        {
            Assert.Null(Run.Result.Exception);
            Assert.Empty(Run.GeneratorDiagnostics.Select(d => d.ToString()));
            Assert.Empty(AnalyzerExceptions.Select(e => e.ToString()));
            Assert.DoesNotContain(Diagnostics, d => d.Id == "AD0001");
        }
    }
}
