namespace PlanarGen.Testing
{
    /// <summary>The activations <see cref="ReferenceNetwork"/> knows (hidden: the first four; output: Sigmoid, Softmax, Linear), by the names of PlanarGen's <c>Activation</c>
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

        /// <summary>Output only: e^z_k / sum_j e^z_j over the outputs of a sample (categorical cross-entropy).</summary>
        Softmax,

        /// <summary>Output only: z itself (mean squared error).</summary>
        Linear,
    }
}
