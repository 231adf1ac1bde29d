namespace PlanarGen.Generators.Parsing
{
    /// <summary>The raw values of a [Network] attribute, defaults filled in, before validation.</summary>
    internal readonly struct NetworkArguments
    {
        public NetworkArguments(int inputs, int hidden, int outputs, int hiddenActivation, double leakySlope, int outputActivation, int precision)
        {
            Inputs = inputs;
            Hidden = hidden;
            Outputs = outputs;
            HiddenActivation = hiddenActivation;
            LeakySlope = leakySlope;
            OutputActivation = outputActivation;
            Precision = precision;
        }

        public int Inputs { get; }
        public int Hidden { get; }
        public int Outputs { get; }
        public int HiddenActivation { get; }
        public double LeakySlope { get; }
        public int OutputActivation { get; }
        public int Precision { get; }

        /// <summary>The Weights file name to bake (docs/weights.md), null when none.</summary>
        public string? Weights { get; init; }

        /// <summary>[Network(Deterministic = true)]: the same bits on every host (docs/determinism.md).</summary>
        public bool Deterministic { get; init; }
    }
}
