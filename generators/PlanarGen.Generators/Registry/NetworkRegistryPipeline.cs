using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PlanarGen.Generators.Registry
{
    /// <summary>The opt-in registry: with <c>[assembly: PlanarGen.NetworkRegistry]</c>, one source listing every valid
    /// network of the compilation (<see cref="RegistryEmitter"/>); without it, nothing.</summary>
    internal static class NetworkRegistryPipeline
    {
        public const string OptInMetadataName = "PlanarGen.NetworkRegistryAttribute";

        /// <summary>Tracking names of the registry's steps, for caching tests.</summary>
        public const string EntriesStep = "RegistryEntries";
        public const string OptInStep = "RegistryOptIn";

        public static void Register(IncrementalGeneratorInitializationContext context)
        {
            // A bool per compilation: equal between edits, so the output below re-runs only when it or an entry changes.
            IncrementalValueProvider<bool> optedIn = context.CompilationProvider
                .Select(static (compilation, _) => HasOptIn(compilation.Assembly))
                .WithTrackingName(OptInStep);

            IncrementalValuesProvider<RegistryEntry> entries = context.SyntaxProvider
                .ForAttributeWithMetadataName(KnownNames.NetworkAttributeMetadataName,
                    static (node, _) => node is StructDeclarationSyntax or ClassDeclarationSyntax,
                    static (ctx, ct) => RegistryEntry.TryRead(ctx, ct))
                .Where(static entry => entry is not null)
                .Select(static (entry, _) => entry!)
                .WithTrackingName(EntriesStep);

            context.RegisterSourceOutput(entries.Collect().Combine(optedIn), static (spc, pair) =>
            {
                if (pair.Right) spc.AddSource(RegistryEmitter.HintName, RegistryEmitter.Emit(pair.Left));
            });
        }

        private static bool HasOptIn(IAssemblySymbol assembly)
        {
            foreach (AttributeData attribute in assembly.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == OptInMetadataName) return true;
            }

            return false;
        }
    }
}
