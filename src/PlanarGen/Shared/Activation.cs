namespace PlanarGen
{
    /// <summary>An activation function of a network layer.</summary>
    /// <remarks>Compiled into the runtime and, as a linked file, into the generator, so both agree on the values.</remarks>
    public enum Activation
    {
        /// <summary>Hyperbolic tangent; the notebook's hidden layer. Derivative 1 - a^2.</summary>
        Tanh = 0,

        /// <summary>Logistic sigmoid 1 / (1 + e^-z). Derivative a (1 - a).</summary>
        Sigmoid = 1,

        /// <summary>Rectified linear unit max(0, z). Derivative 1 for z &gt; 0, else 0.</summary>
        ReLU = 2,

        /// <summary>Leaky ReLU: z for z &gt; 0, else slope * z. Derivative 1 for z &gt; 0, else slope.</summary>
        LeakyReLU = 3,

        /// <summary>Softmax over the outputs, e^z_k / sum_j e^z_j; output layer only, at least 2 outputs. Trained with the
        /// categorical cross-entropy (labels one-hot columns), so dZ2 = A2 - Y.</summary>
        Softmax = 4,

        /// <summary>The identity a = z; output layer only. Trained with the mean squared error (labels any finite values),
        /// so dZ2 = 2 (A2 - Y) / Outputs.</summary>
        Linear = 5,
    }
}
