using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PlanarGen.Generators.Model;
using PlanarGen.Generators.Parsing;
using PlanarGen.Generators.Weights;

namespace PlanarGen.Generators.Diagnostics
{
    /// <summary>The analyzer's side of baked weights: for a valid [Network] with a Weights argument, runs
    /// <see cref="WeightsBaker"/> over the additional files exactly as the generator does and reports its problem
    /// (PGEN020-024) on the Weights argument. The generator emits nothing for such a network.</summary>
    internal static class WeightsDiagnostics
    {
        /// <summary>As the other diagnostics name the type: "Outer.Net".</summary>
        private static readonly SymbolDisplayFormat TypeFormat = new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
            genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

        public static IEnumerable<Diagnostic> Diagnose(INamedTypeSymbol type, ImmutableArray<AdditionalText> additionalFiles, CancellationToken ct)
        {
            AttributeData? attribute = type.GetAttributes().FirstOrDefault(NetworkRules.IsNetworkAttribute);
            if (attribute is null || attribute.AttributeConstructor is null) yield break;
            NetworkArguments args = NetworkParser.ReadArguments(attribute);
            if (args.Weights is null || !NetworkRules.AreValid(args) || NetworkRules.HasErrors(type, ct)) yield break;

            var files = new List<WeightsFileText>();
            foreach (AdditionalText file in additionalFiles)
            {
                string name = WeightsFileMatch.FileName(file.Path);
                if (WeightsFileMatch.IsCandidate(name) && WeightsFileMatch.Find(args.Weights, new[] { name }).Count > 0)
                    files.Add(new WeightsFileText(name, file.GetText(ct)?.ToString()));
            }
            (_, BakeProblem? problem) = WeightsBaker.Bake(args.Weights, files, BakeTargets.Of(args));
            if (problem is null) yield break;

            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(ct) as AttributeSyntax;
            Location location = syntax?.ArgumentList?.Arguments.LastOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Weights")?.GetLocation()
                ?? syntax?.GetLocation() ?? type.Locations.FirstOrDefault() ?? Location.None;
            DiagnosticDescriptor descriptor = problem.Kind switch
            {
                BakeProblemKind.NotFound => DiagnosticDescriptors.WeightsFileNotFound,
                BakeProblemKind.Ambiguous => DiagnosticDescriptors.WeightsFileAmbiguous,
                BakeProblemKind.Invalid => DiagnosticDescriptors.WeightsFileInvalid,
                BakeProblemKind.Mismatch => DiagnosticDescriptors.WeightsMismatch,
                _ => DiagnosticDescriptors.WeightsChecksum,
            };
            yield return Diagnostic.Create(descriptor, location, type.ToDisplayString(TypeFormat), args.Weights, problem.Detail);
        }
    }
}
