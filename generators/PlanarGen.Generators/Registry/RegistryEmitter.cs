using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using PlanarGen.Generators.Emit;

namespace PlanarGen.Generators.Registry
{
    /// <summary>Writes <c>PlanarGen.Generated.NetworkRegistry</c>: one <c>Visit</c> call per network, sorted by name so the
    /// text does not depend on file order.</summary>
    internal static class RegistryEmitter
    {
        public const string HintName = "PlanarGen.Generated.NetworkRegistry.g.cs";

        public static SourceText Emit(ImmutableArray<RegistryEntry> entries)
        {
            var sorted = new RegistryEntry[entries.Length];
            entries.CopyTo(sorted);
            Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            string generatedCode = $"[global::System.CodeDom.Compiler.GeneratedCode(\"{KnownNames.GeneratorName}\", \"{NetworkEmitter.Version}\")]";

            var text = new StringBuilder(NetworkEmitter.Header);
            text.Append('\n')
                .Append("namespace PlanarGen.Generated\n")
                .Append("{\n")
                .Append("    /// <summary>The [Network] types of this assembly (asked for by [assembly: PlanarGen.NetworkRegistry]).</summary>\n")
                .Append("    ").Append(generatedCode).Append('\n')
                .Append("    internal static class NetworkRegistry\n")
                .Append("    {\n")
                .Append("        /// <summary>Number of registered networks.</summary>\n")
                .Append("        public const int Count = ").Append(sorted.Length.ToString(CultureInfo.InvariantCulture)).Append(";\n")
                .Append('\n')
                .Append("        /// <summary>Calls <paramref name=\"visitor\"/> once per network, in the order of their full names.</summary>\n")
                .Append("        public static void Accept<TVisitor>(ref TVisitor visitor) where TVisitor : global::PlanarGen.INetworkVisitor\n")
                .Append("        {\n");
            foreach (RegistryEntry e in sorted)
            {
                string element = e.Precision == Precision.Double ? "double" : "float";
                text.Append("            visitor.Visit<").Append(e.TypeName).Append(", ").Append(element).Append(">(\"").Append(e.Name)
                    .Append("\", ").Append(e.Shape).Append(");\n");
            }

            text.Append("        }\n")
                .Append("    }\n")
                .Append("}\n");
            return SourceText.From(text.ToString(), Encoding.UTF8);
        }
    }
}
