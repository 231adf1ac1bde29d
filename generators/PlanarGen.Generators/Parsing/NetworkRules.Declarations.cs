using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PlanarGen.Generators.Diagnostics;

using PlanarGen.Generators.Plan;

namespace PlanarGen.Generators.Parsing
{
    /// <summary>The declaration-level rules: the type's kind, modifiers, containers, the attribute's arguments and member
    /// names. <see cref="Diagnose"/> is what the analyzer reports; the parser generates nothing when it yields an error.</summary>
    internal static partial class NetworkRules
    {
        /// <summary>The named arguments [Network] accepts.</summary>
        public static readonly string[] ArgumentNames =
            { "Inputs", "Hidden", "Outputs", "HiddenActivation", "LeakySlope", "OutputActivation", "Precision", "Weights", "Deterministic" };

        private static readonly SymbolDisplayFormat TypeFormat = new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
            genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

        /// <summary>Whether <paramref name="attribute"/> is <c>PlanarGen.NetworkAttribute</c> (matched by name, as the generator does).</summary>
        public static bool IsNetworkAttribute(AttributeData attribute) =>
            attribute.AttributeClass is { Name: "NetworkAttribute", ContainingType: null } type
            && type.TypeKind != TypeKind.Error
            && type.ContainingNamespace is { Name: "PlanarGen" } ns
            && ns.ContainingNamespace is { IsGlobalNamespace: true };

        /// <summary>True when <see cref="Diagnose"/> reports at least one error: the generator then emits nothing.</summary>
        public static bool HasErrors(INamedTypeSymbol type, CancellationToken ct) =>
            Diagnose(type, ct).Any(static d => d.Severity == DiagnosticSeverity.Error);

        /// <summary>Every problem with <paramref name="type"/> as a [Network] declaration, in a fixed order; empty when the
        /// type has no [Network] attribute.</summary>
        public static IEnumerable<Diagnostic> Diagnose(INamedTypeSymbol type, CancellationToken ct)
        {
            var attributes = new List<AttributeData>();
            foreach (AttributeData candidate in type.GetAttributes())
                if (IsNetworkAttribute(candidate)) attributes.Add(candidate);
            if (attributes.Count == 0) yield break;

            AttributeData attribute = attributes[0];
            string display = type.ToDisplayString(TypeFormat);
            Location typeLocation = IdentifierLocation(attribute, type, ct);

            string? kind = KindText(type);
            if (kind is not null)
            {
                yield return Diagnostic.Create(DiagnosticDescriptors.NotAStructOrClass, typeLocation, display, kind);
                yield break;
            }

            for (int k = 1; k < attributes.Count; k++)
                yield return Diagnostic.Create(DiagnosticDescriptors.DuplicateAttribute,
                    attributes[k].ApplicationSyntaxReference?.GetSyntax(ct).GetLocation() ?? typeLocation, display);

            foreach (string modifier in UnsupportedModifiers(type, ct))
                yield return Diagnostic.Create(DiagnosticDescriptors.UnsupportedModifier, typeLocation, display, modifier);

            if (!IsDeclaredPartial(type, ct))
                yield return Diagnostic.Create(DiagnosticDescriptors.NotPartial, typeLocation, display);

            for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
            {
                if (t.TypeParameters.Length == 0) continue;
                yield return Diagnostic.Create(DiagnosticDescriptors.Generic, typeLocation, display, t.ToDisplayString(TypeFormat));
                break;
            }

            for (INamedTypeSymbol? container = type.ContainingType; container is not null; container = container.ContainingType)
            {
                ct.ThrowIfCancellationRequested();
                if (!IsDeclaredPartial(container, ct))
                    yield return Diagnostic.Create(DiagnosticDescriptors.ContainerNotPartial, typeLocation, display,
                        container.ToDisplayString(TypeFormat));
            }

            List<Diagnostic> argumentProblems = DiagnoseArguments(attribute, display, typeLocation, ct, out NetworkArguments? args);
            foreach (Diagnostic diagnostic in argumentProblems)
                yield return diagnostic;
            if (args is not NetworkArguments a) yield break;

            if (IsSizeValid(a.Inputs, NetworkLimits.MaxInputs) && IsSizeValid(a.Hidden, NetworkLimits.MaxHidden)
                && IsSizeValid(a.Outputs, NetworkLimits.MaxOutputs))
            {
                int count = ParameterCount(a.Inputs, a.Hidden, a.Outputs);
                if (!EmitPlan.IsUnrolled(count))
                    yield return Diagnostic.Create(DiagnosticDescriptors.AboveUnrollingBudget, typeLocation, display,
                        count.ToString(CultureInfo.InvariantCulture), EmitPlan.UnrolledParameterBudget.ToString(CultureInfo.InvariantCulture));
                if (type.TypeKind == TypeKind.Struct && !FitsInStruct(a.Inputs, a.Hidden, a.Outputs))
                    yield return Diagnostic.Create(DiagnosticDescriptors.StructTooLarge, typeLocation, display,
                        Text(count), Text(NetworkLimits.MaxStructParameters));
            }

            if (IsGeneratedMemberName(type.Name, a.Inputs, a.Hidden, a.Outputs))
                yield return Diagnostic.Create(DiagnosticDescriptors.MemberNameClash, typeLocation, display, type.Name);
            foreach (ISymbol member in type.GetMembers())
            {
                ct.ThrowIfCancellationRequested();
                if (member.IsImplicitlyDeclared || !IsGeneratedMemberName(member.Name, a.Inputs, a.Hidden, a.Outputs)) continue;
                Location? location = member.Locations.FirstOrDefault(static l => l.IsInSource && !IsGeneratedByPlanarGen(l.SourceTree));
                if (location is not null)
                    yield return Diagnostic.Create(DiagnosticDescriptors.MemberNameClash, location, display, member.Name);
            }
        }

        /// <summary>Checks the attribute's arguments; <paramref name="args"/> is null when the attribute could not be bound
        /// at all (its values are then unknown and no value rule runs).</summary>
        private static List<Diagnostic> DiagnoseArguments(AttributeData attribute, string display, Location typeLocation,
            CancellationToken ct, out NetworkArguments? args)
        {
            var found = new List<Diagnostic>();
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(ct) as AttributeSyntax;
            Location attributeLocation = syntax?.GetLocation() ?? typeLocation;

            // Arguments the compiler could not read: positional, unknown, repeated or not a constant of the right type.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var broken = new HashSet<string>(StringComparer.Ordinal);
            bool anyBroken = false;
            foreach (AttributeArgumentSyntax argument in syntax?.ArgumentList?.Arguments ?? default)
            {
                string? name = argument.NameEquals?.Name.Identifier.ValueText;
                bool known = name is not null && Array.IndexOf(ArgumentNames, name) >= 0;
                bool bad = !known || !seen.Add(name!) || IsErrorConstant(attribute, name!);
                if (!bad) continue;
                anyBroken = true;
                if (known) broken.Add(name!);
                found.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidArgument, argument.GetLocation(), display, argument.ToString()));
            }
            if (attribute.AttributeConstructor is null)
            {
                if (!anyBroken)
                    found.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidArgument, attributeLocation, display,
                        syntax?.ToString() ?? "Network"));
                args = null;
                return found;
            }

            NetworkArguments a = NetworkParser.ReadArguments(attribute);
            args = a;
            Size(found, "Inputs", a.Inputs, NetworkLimits.MaxInputs);
            Size(found, "Hidden", a.Hidden, NetworkLimits.MaxHidden);
            Size(found, "Outputs", a.Outputs, NetworkLimits.MaxOutputs);
            if (!broken.Contains("HiddenActivation") && !IsActivationDefined(a.HiddenActivation))
                found.Add(Diagnostic.Create(DiagnosticDescriptors.UndefinedEnumValue, ArgumentLocation("HiddenActivation"), display,
                    "HiddenActivation", Text(a.HiddenActivation), nameof(Activation)));
            else if (!broken.Contains("HiddenActivation") && !IsHiddenActivationSupported(a.HiddenActivation))
                found.Add(Diagnostic.Create(DiagnosticDescriptors.OutputOnlyActivation, ArgumentLocation("HiddenActivation"), display,
                    ((Activation)a.HiddenActivation).ToString()));
            if (!broken.Contains("LeakySlope") && !IsLeakySlopeValid(a.LeakySlope))
                found.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidLeakySlope, ArgumentLocation("LeakySlope"), display,
                    a.LeakySlope.ToString("R", CultureInfo.InvariantCulture)));
            if (!broken.Contains("OutputActivation") && !IsActivationDefined(a.OutputActivation))
                found.Add(Diagnostic.Create(DiagnosticDescriptors.UndefinedEnumValue, ArgumentLocation("OutputActivation"), display,
                    "OutputActivation", Text(a.OutputActivation), nameof(Activation)));
            else if (!broken.Contains("OutputActivation") && !IsOutputActivationSupported(a.OutputActivation))
                found.Add(Diagnostic.Create(DiagnosticDescriptors.UnsupportedOutputActivation, ArgumentLocation("OutputActivation"),
                    display, ((Activation)a.OutputActivation).ToString()));
            else if (!broken.Contains("OutputActivation") && !broken.Contains("Outputs") && IsSizeValid(a.Outputs, NetworkLimits.MaxOutputs)
                && !HasEnoughOutputs(a.OutputActivation, a.Outputs))
                found.Add(Diagnostic.Create(DiagnosticDescriptors.SoftmaxNeedsTwoOutputs, ArgumentLocation("OutputActivation"), display, Text(a.Outputs)));
            if (!broken.Contains("Precision") && !IsPrecisionDefined(a.Precision))
                found.Add(Diagnostic.Create(DiagnosticDescriptors.UndefinedEnumValue, ArgumentLocation("Precision"), display,
                    "Precision", Text(a.Precision), nameof(Precision)));
            return found;

            void Size(List<Diagnostic> into, string name, int value, int max)
            {
                if (broken.Contains(name)) return;
                if (!attribute.NamedArguments.Any(p => p.Key == name))
                    into.Add(Diagnostic.Create(DiagnosticDescriptors.SizeNotSet, attributeLocation, display, name,
                        Text(NetworkLimits.MinUnits), Text(max)));
                else if (!IsSizeValid(value, max))
                    into.Add(Diagnostic.Create(DiagnosticDescriptors.SizeOutOfRange, ArgumentLocation(name), display, name,
                        Text(value), Text(NetworkLimits.MinUnits), Text(max)));
            }

            Location ArgumentLocation(string name) =>
                syntax?.ArgumentList?.Arguments.LastOrDefault(arg => arg.NameEquals?.Name.Identifier.ValueText == name)?.GetLocation()
                ?? attributeLocation;
        }

        private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static bool IsErrorConstant(AttributeData attribute, string name) =>
            attribute.NamedArguments.Any(p => p.Key == name && p.Value.Kind == TypedConstantKind.Error);

        /// <summary>What the type is when it is not a plain struct or class, e.g. "record struct"; null for a struct or class.</summary>
        private static string? KindText(INamedTypeSymbol type) => type.TypeKind switch
        {
            TypeKind.Struct => type.IsRecord ? "record struct" : null,
            TypeKind.Class => type.IsRecord ? "record class" : null,
            TypeKind.Interface => "interface",
            TypeKind.Enum => "enum",
            TypeKind.Delegate => "delegate",
            _ => type.TypeKind.ToString().ToLowerInvariant(),
        };

        private static IEnumerable<string> UnsupportedModifiers(INamedTypeSymbol type, CancellationToken ct)
        {
            if (type.IsReadOnly) yield return "readonly";
            if (type.IsRefLikeType) yield return "ref";
            // A static class has no instances and an abstract one none of its own; both are rejected so 'new' always works.
            if (type.TypeKind == TypeKind.Class && type.IsStatic) yield return "static";
            else if (type.TypeKind == TypeKind.Class && type.IsAbstract) yield return "abstract";
            // 'file' is a keyword only from Roslyn 4.4, above the generator's 4.3 floor, so it is matched by text.
            foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
                if (reference.GetSyntax(ct) is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(static m => m.ValueText == "file"))
                {
                    yield return "file";
                    yield break;
                }
        }

        /// <summary>True when every declaration of <paramref name="type"/> carries the <c>partial</c> modifier.</summary>
        public static bool IsDeclaredPartial(INamedTypeSymbol type, CancellationToken ct) =>
            type.DeclaringSyntaxReferences.Length > 0
            && type.DeclaringSyntaxReferences.All(r => r.GetSyntax(ct) is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword));

        /// <summary>The identifier of the declaration that carries <paramref name="attribute"/>.</summary>
        private static Location IdentifierLocation(AttributeData attribute, INamedTypeSymbol type, CancellationToken ct)
        {
            SyntaxNode? owner = attribute.ApplicationSyntaxReference?.GetSyntax(ct).Parent?.Parent;
            return owner switch
            {
                BaseTypeDeclarationSyntax t => t.Identifier.GetLocation(),
                DelegateDeclarationSyntax d => d.Identifier.GetLocation(),
                _ => type.Locations.FirstOrDefault() ?? Location.None,
            };
        }

        /// <summary>Whether <paramref name="tree"/> is a file this generator emitted (seen when the analyzer runs on a
        /// compilation that already contains the generated code).</summary>
        private static bool IsGeneratedByPlanarGen(SyntaxTree? tree) =>
            tree is not null
            && tree.FilePath.EndsWith(Model.TypeShape.HintSuffix, StringComparison.Ordinal)
            && tree.FilePath.IndexOf(KnownNames.GeneratorName, StringComparison.Ordinal) >= 0;
    }
}
