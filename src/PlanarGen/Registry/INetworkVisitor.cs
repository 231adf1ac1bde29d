namespace PlanarGen
{
    /// <summary>
    /// Receives the networks of a generated registry (see <see cref="NetworkRegistryAttribute"/>) one at a time, as type
    /// arguments: a visitor can create, train or describe each network through <see cref="INetwork{T}"/> with no
    /// reflection (AOT-safe) and, written as a struct passed by <c>ref</c>, with no allocation.
    /// </summary>
    public interface INetworkVisitor
    {
        /// <summary>Called once per registered network.</summary>
        /// <typeparam name="TNetwork">The generated network type (a struct, or a class with a public parameterless
        /// constructor).</typeparam>
        /// <typeparam name="T">Its element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
        /// <param name="name">The type's full name, e.g. <c>MyGame.Models.FlowerNet</c>.</param>
        /// <param name="shape">Its sizes, hidden activation, leaky slope and precision.</param>
        void Visit<TNetwork, T>(string name, NetworkShape shape)
            where TNetwork : INetwork<T>, new()
            where T : unmanaged;
    }
}
