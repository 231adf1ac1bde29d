namespace PlanarGen.Generators.Model
{
    /// <summary>Parameters baked into a network from its weights file: the IEEE bits of each parameter in the notebook
    /// order (W1 row-major, b1, W2 row-major, b2), as <c>int</c> bits widened to <c>long</c> for a float network and
    /// <c>long</c> bits for a double one. Part of <see cref="NetworkSpec"/>, so value-equal: editing the file changes
    /// this network's model only.</summary>
    /// <param name="FileName">The Weights argument, as written in the attribute.</param>
    /// <param name="Fingerprint">"xxh64:..." of the parameters in the network's precision: what <c>Fingerprint()</c> gives.</param>
    /// <param name="Bits">One entry per parameter.</param>
    /// <param name="InputScalingBits">The input offsets then the input scales (2 x Inputs entries, same encoding), or empty
    /// when the file has no input scaling.</param>
    internal sealed record BakedWeights(string FileName, string Fingerprint, EquatableArray<long> Bits, EquatableArray<long> InputScalingBits);
}
