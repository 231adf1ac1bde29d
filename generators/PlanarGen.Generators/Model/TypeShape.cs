namespace PlanarGen.Generators.Model
{
    /// <summary>Where the [Network] struct sits: its namespace, its containing types and its name.</summary>
    /// <remarks>Part of the cached model: only strings and <see cref="EquatableArray{T}"/>. Never add a symbol,
    /// syntax node or location here; that would silently defeat incremental caching.</remarks>
    /// <param name="Namespace">Containing namespace, empty for the global namespace.</param>
    /// <param name="Containers">Declarations of the containing types, outermost first, e.g. "partial class Outer".</param>
    /// <param name="Name">The struct's name.</param>
    /// <param name="HintName">The generated file's name: {Namespace}.{Outer+Inner}.{Type}.Network.g.cs.</param>
    internal sealed record TypeShape(string Namespace, EquatableArray<string> Containers, string Name, string HintName);
}
