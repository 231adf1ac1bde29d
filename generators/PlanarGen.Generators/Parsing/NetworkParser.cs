using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Parsing
{
    /// <summary>Turns a [Network] declaration into a plain <see cref="NetworkSpec"/>, or null when it is invalid
    /// (the analyzer reports why). The only place in the generator that sees Roslyn symbols.</summary>
    internal static class NetworkParser
    {
        public static NetworkSpec? TryParse(GeneratorAttributeSyntaxContext context, CancellationToken ct)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length != 1) return null;
            if (context.TargetNode is not (StructDeclarationSyntax or ClassDeclarationSyntax)) return null;
            ct.ThrowIfCancellationRequested();

            // The analyzer's checks: no source exactly when NetworkAttributeAnalyzer reports an error.
            if (NetworkRules.HasErrors(type, ct)) return null;
            NetworkArguments args = ReadArguments(context.Attributes[0]);
            if (!NetworkRules.AreValid(args)) return null;

            TypeShape? shape = ReadShape(type, ct);
            if (shape is null) return null;
            return new NetworkSpec(shape, args.Inputs, args.Hidden, args.Outputs, (Activation)args.HiddenActivation,
                args.LeakySlope, (Activation)args.OutputActivation, (Precision)args.Precision) { WeightsFile = args.Weights, Deterministic = args.Deterministic };
        }

        public static NetworkArguments ReadArguments(AttributeData attribute)
        {
            int inputs = 0, hidden = 0, outputs = 0;
            int hiddenActivation = (int)Activation.Tanh, outputActivation = (int)Activation.Sigmoid, precision = (int)Precision.Single;
            double slope = NetworkLimits.DefaultLeakySlope;
            string? weights = null;
            bool deterministic = false;
            foreach (KeyValuePair<string, TypedConstant> pair in attribute.NamedArguments)
            {
                object? value = pair.Value.Kind == TypedConstantKind.Error ? null : pair.Value.Value;
                switch (pair.Key)
                {
                    case "Inputs": inputs = value is int i ? i : 0; break;
                    case "Hidden": hidden = value is int h ? h : 0; break;
                    case "Outputs": outputs = value is int o ? o : 0; break;
                    case "HiddenActivation": hiddenActivation = value is int ha ? ha : -1; break;
                    case "OutputActivation": outputActivation = value is int oa ? oa : -1; break;
                    case "Precision": precision = value is int p ? p : -1; break;
                    case "LeakySlope": slope = value is double d ? d : double.NaN; break;
                    case "Weights": weights = value as string; break;
                    case "Deterministic": deterministic = value is bool b && b; break;
                }
            }
            return new NetworkArguments(inputs, hidden, outputs, hiddenActivation, slope, outputActivation, precision) { Weights = weights, Deterministic = deterministic };
        }

        private static TypeShape? ReadShape(INamedTypeSymbol type, CancellationToken ct)
        {
            var containers = new List<string>();
            var names = new List<string>();
            for (INamedTypeSymbol? container = type.ContainingType; container is not null; container = container.ContainingType)
            {
                string? keyword = Keyword(container);
                if (keyword is null) return null;
                containers.Insert(0, $"partial {keyword} {Identifier(container.Name)}");
                names.Insert(0, container.Name);
            }
            ct.ThrowIfCancellationRequested();
            string ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString(PlainNamespace) : "";
            string hint = TypeShape.HintNameFor(ns, names, type.Name);
            string code = type.ContainingNamespace is { IsGlobalNamespace: false } c ? c.ToDisplayString(EscapedNamespace) : "";
            return new TypeShape(code, new EquatableArray<string>(containers.ToArray()), Identifier(type.Name), hint) { IsClass = type.TypeKind == TypeKind.Class };
        }

        // Hint names may not contain '@' (AddSource throws), so they use the unescaped names.
        private static readonly SymbolDisplayFormat PlainNamespace = new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces);

        private static readonly SymbolDisplayFormat EscapedNamespace = new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

        /// <summary>A name as code: a reserved keyword such as <c>@class</c> keeps its '@' (the hint name does not).</summary>
        private static string Identifier(string name) =>
            SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;

        private static string? Keyword(INamedTypeSymbol type) => type.TypeKind switch
        {
            TypeKind.Class => type.IsRecord ? "record" : "class",
            TypeKind.Struct => type.IsRecord ? "record struct" : "struct",
            TypeKind.Interface => "interface",
            _ => null,
        };
    }
}
