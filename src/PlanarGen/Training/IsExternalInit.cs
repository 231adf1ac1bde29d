#if !NET5_0_OR_GREATER
namespace System.Runtime.CompilerServices
{
    /// <summary>Lets netstandard2.1 declare <c>init</c> accessors (the type the compiler names in their signatures; .NET 5
    /// and later declare it). Internal: a consumer setting an init-only property needs no type of its own.</summary>
    internal static class IsExternalInit
    {
    }
}
#endif
