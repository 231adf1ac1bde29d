using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PlanarGen.Generators.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace PlanarGen.Generators.Tests.Diagnostics
{
    /// <summary>Runs the generator and the analyzer over several hundred malformed and odd declarations. For each: nothing
    /// throws; the analyzer reports exactly the expected ids; the generator emits nothing exactly when one of them is an
    /// error, and otherwise emits code whose compilation adds no error or warning.</summary>
    public class FuzzTests
    {
        private readonly ITestOutputHelper _output;

        public FuzzTests(ITestOutputHelper output) => _output = output;

        /// <summary>One fuzzed declaration (one or more files).</summary>
        /// <param name="Hints">The files expected when the analyzer reports no error.</param>
        /// <param name="InputHasErrors">The user's own code has compiler errors (syntax errors, CS0592...): then the
        /// generated files must add no diagnostic, rather than the whole output compiling cleanly.</param>
        public sealed record FuzzCase(string Name, string[] Sources, string[] ExpectedIds, string[] Hints,
            LanguageVersion Version = LanguageVersion.CSharp9, bool InputHasErrors = false);

        [Fact]
        public void FuzzedDeclarationsNeverThrowAndAnalyzerAgreesWithGenerator()
        {
            List<FuzzCase> cases = FuzzCases.All();
            var failures = new ConcurrentBag<string>();
            Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, c =>
            {
                try
                {
                    string? failure = Run(c);
                    if (failure is not null) failures.Add($"{c.Name}: {failure}");
                }
                catch (Exception e)
                {
                    failures.Add($"{c.Name}: test threw {e.GetType().Name}: {e.Message}");
                }
            });
            _output.WriteLine($"Fuzzed {cases.Count} declarations ({cases.Count(c => c.ExpectedIds.Length == 0)} expected valid), {failures.Count} failures");
            Assert.True(cases.Count >= 200, $"only {cases.Count} cases");
            Assert.Equal(cases.Count, cases.Select(c => c.Name).Distinct().Count());
            Assert.True(failures.IsEmpty, $"{failures.Count} of {cases.Count} fuzzed declarations failed:\n" +
                string.Join("\n", failures.OrderBy(f => f, StringComparer.Ordinal)));
        }

        private static string? Run(FuzzCase c)
        {
            Checked r = AnalyzerHarness.Check(c.Version, c.Sources, analyzeOutput: true);
            if (r.Run.Result.Exception is not null) return "generator threw " + r.Run.Result.Exception;
            if (r.Run.GeneratorDiagnostics.Length > 0) return "generator reported " + string.Join("; ", r.Run.GeneratorDiagnostics);
            if (!r.AnalyzerExceptions.IsEmpty) return "analyzer threw " + r.AnalyzerExceptions[0];

            string[] ids = r.Ids;
            string[] expected = c.ExpectedIds.Distinct().OrderBy(i => i, StringComparer.Ordinal).ToArray();
            if (!ids.SequenceEqual(expected))
                return $"ids [{string.Join(", ", ids)}], expected [{string.Join(", ", expected)}]: "
                    + string.Join(" | ", r.Diagnostics.Select(AnalyzerHarness.Format));

            string[] generated = r.Run.Sources.Select(s => s.HintName).OrderBy(h => h, StringComparer.Ordinal).ToArray();
            string[] wanted = r.HasError ? Array.Empty<string>() : c.Hints.OrderBy(h => h, StringComparer.Ordinal).ToArray();
            if (!generated.SequenceEqual(wanted))
                return $"generated [{string.Join(", ", generated)}], expected [{string.Join(", ", wanted)}]";

            if (!c.InputHasErrors)
            {
                if (r.CompilerProblems.Length > 0) return "output has " + string.Join("; ", r.CompilerProblems.Take(5));
                return null;
            }
            if (!r.Input.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
                return "the case says the input has errors, but it has none";
            Diagnostic? inGenerated = r.CompilerProblems.FirstOrDefault(d => d.Location.SourceTree is { } t && !r.Input.SyntaxTrees.Contains(t));
            if (inGenerated is not null) return "generated code has " + inGenerated;
            string[] before = Keys(r.Input.GetDiagnostics()), after = Keys(r.CompilerProblems);
            if (!after.SequenceEqual(before))
                return $"generated code changed the errors: [{string.Join("; ", before)}] -> [{string.Join("; ", after)}]";
            return null;

            static string[] Keys(IEnumerable<Diagnostic> diagnostics) => diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => d.Id + d.Location.GetLineSpan().StartLinePosition).OrderBy(k => k, StringComparer.Ordinal).ToArray();
        }
    }
}
