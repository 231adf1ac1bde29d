using System.Threading;
using Microsoft.CodeAnalysis;
using PlanarGen.Generators.Emit;
using PlanarGen.Generators.Model;
using PlanarGen.Generators.Parsing;

namespace PlanarGen.Generators.Registry
{
    /// <summary>One network of the registry: a valid [Network] type that code elsewhere in the assembly can name and
    /// create. Cached by Roslyn, so only strings, numbers and enums.</summary>
    /// <param name="TypeName">The type as code, e.g. <c>global::Demo.Outer.FlowerNet</c>.</param>
    /// <param name="Name">The type's full name for people, e.g. <c>Demo.Outer.FlowerNet</c>.</param>
    internal sealed record RegistryEntry(
        string TypeName,
        string Name,
        string Shape,
        Precision Precision)
    {
        private static readonly SymbolDisplayFormat PlainName = SymbolDisplayFormat.FullyQualifiedFormat
            .WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted)
            .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.None);

        /// <summary>The entry of a [Network] type, or null when the generator emits nothing for it (the analyzer reports
        /// why) or when the registry could not name or create it: a private or protected type (or container), or no
        /// public parameterless constructor (the visitor's <c>new()</c> constraint).</summary>
        public static RegistryEntry? TryRead(GeneratorAttributeSyntaxContext context, CancellationToken ct)
        {
            NetworkSpec? spec = NetworkParser.TryParse(context, ct);
            if (spec is null || context.TargetSymbol is not INamedTypeSymbol type) return null;
            if (!IsVisibleInAssembly(type) || !HasPublicParameterlessConstructor(type)) return null;
            return new RegistryEntry(
                type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), type.ToDisplayString(PlainName),
                NetworkEmitter.ShapeExpression(spec), spec.Precision);
        }

        private static bool IsVisibleInAssembly(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
            {
                if (t.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
                    return false;
            }

            return true;
        }

        private static bool HasPublicParameterlessConstructor(INamedTypeSymbol type)
        {
            foreach (IMethodSymbol constructor in type.InstanceConstructors)
            {
                if (constructor.Parameters.Length == 0) return constructor.DeclaredAccessibility == Accessibility.Public;
            }

            return type.TypeKind == TypeKind.Struct; // a struct always has the implicit public one
        }
    }
}
