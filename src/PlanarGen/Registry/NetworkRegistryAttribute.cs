using System;

namespace PlanarGen
{
    /// <summary>
    /// Asks the PlanarGen generator for a registry of this assembly's networks: with
    /// <c>[assembly: PlanarGen.NetworkRegistry]</c> the generator writes <c>internal static class
    /// PlanarGen.Generated.NetworkRegistry</c>, whose <c>Accept</c> calls an <see cref="INetworkVisitor"/> once per
    /// <c>[Network]</c> type (shape, activation, precision and the type itself), without reflection. Opt-in, so an
    /// assembly that does not ask gets no extra type. See docs/api.md.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
    public sealed class NetworkRegistryAttribute : Attribute
    {
    }
}
