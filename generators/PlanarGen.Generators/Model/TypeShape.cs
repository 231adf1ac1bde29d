namespace PlanarGen.Generators.Model
{
    /// <summary>Where the [Network] type sits: its namespace, its containing types and its name.</summary>
    /// <remarks>Part of the cached model: only strings and <see cref="EquatableArray{T}"/>. Never add a symbol,
    /// syntax node or location here; that would silently defeat incremental caching.</remarks>
    /// <param name="Namespace">Containing namespace, empty for the global namespace.</param>
    /// <param name="Containers">Declarations of the containing types, outermost first, e.g. "partial class Outer".</param>
    /// <param name="Name">The type's name.</param>
    /// <param name="HintName">The generated file's name: {Namespace}.{Outer+Inner}.{Type}.Network.g.cs.</param>
    internal sealed record TypeShape(string Namespace, EquatableArray<string> Containers, string Name, string HintName)
    {
        /// <summary>How every generated file's name ends (the analyzer recognises PlanarGen's own output by it).</summary>
        public const string HintSuffix = ".Network.g.cs";

        /// <summary>The generated file's name for a type: {Namespace}.{Outer+Inner}.{Type}.Network.g.cs, with unescaped names
        /// (hint names may not contain '@'); <paramref name="containerNames"/> outermost first.</summary>
        public static string HintNameFor(string ns, System.Collections.Generic.IReadOnlyList<string> containerNames, string name)
        {
            string nested = containerNames.Count == 0 ? name : string.Join("+", containerNames) + "+" + name;
            return (ns.Length == 0 ? nested : ns + "." + nested) + HintSuffix;
        }

        /// <summary>The network is declared as a <c>partial class</c> (reference semantics) rather than a struct.</summary>
        public bool IsClass { get; init; }
    }
}
