namespace PlanarGen.Testing
{
    /// <summary>The hidden activations <see cref="ReferenceNetwork"/> knows, by the names of PlanarGen's <c>Activation</c>
    /// (the oracle does not reference PlanarGen; tests convert by name with <see cref="ReferenceNetwork.ActivationNamed"/>).</summary>
    public enum ReferenceActivation
    {
        /// <summary>tanh(z).</summary>
        Tanh,

        /// <summary>1 / (1 + e^-z).</summary>
        Sigmoid,

        /// <summary>max(0, z).</summary>
        ReLU,

        /// <summary>z for z &gt; 0, slope * z otherwise.</summary>
        LeakyReLU,
    }
}
