namespace PlanarGen.Generators.Model
{
    /// <summary>Where each parameter block starts in the notebook's order, W1 (Hidden x Inputs, row-major), b1, W2 (Outputs x
    /// Hidden, row-major), b2, and how many parameters there are: the one place the generator states the formula.</summary>
    internal readonly struct ParameterLayout
    {
        private ParameterLayout(int inputs, int hidden, int outputs)
        {
            B1 = hidden * inputs;
            W2 = B1 + hidden;
            B2 = W2 + outputs * hidden;
            Count = B2 + outputs;
        }

        public static ParameterLayout Of(int inputs, int hidden, int outputs) => new ParameterLayout(inputs, hidden, outputs);

        /// <summary>Index of b1's first value (W1 starts at 0).</summary>
        public int B1 { get; }

        /// <summary>Index of W2's first value.</summary>
        public int W2 { get; }

        /// <summary>Index of b2's first value.</summary>
        public int B2 { get; }

        /// <summary>Number of parameters.</summary>
        public int Count { get; }
    }
}
