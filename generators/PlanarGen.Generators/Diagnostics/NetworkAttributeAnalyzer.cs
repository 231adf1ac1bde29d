using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PlanarGen.Generators.Parsing;

namespace PlanarGen.Generators.Diagnostics
{
    /// <summary>Reports why a [Network] declaration is invalid (or, as Info, emitted as loops). The checks themselves are
    /// <see cref="NetworkRules.Diagnose"/>, which the generator's parser also calls: the generator emits nothing for a
    /// type exactly when this analyzer reports an error on it.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NetworkAttributeAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(DiagnosticDescriptors.All);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSymbolAction(static symbolContext =>
            {
                if (symbolContext.Symbol is not INamedTypeSymbol type) return;
                foreach (Diagnostic diagnostic in NetworkRules.Diagnose(type, symbolContext.CancellationToken))
                    symbolContext.ReportDiagnostic(diagnostic);
            }, SymbolKind.NamedType);
        }
    }
}
