namespace PlanarGen.Generators.Model
{
    /// <summary>Everything the emitter needs for one valid [Network] struct.</summary>
    /// <remarks>Cached by Roslyn between edits, so it must stay value-equal: only strings, numbers, enums and
    /// <see cref="EquatableArray{T}"/>. Adding a symbol or location here silently disables incremental caching.</remarks>
    internal sealed record NetworkSpec(
        TypeShape Target,
        int Inputs,
        int Hidden,
        int Outputs,
        Activation HiddenActivation,
        double LeakySlope,
        Activation OutputActivation,
        Precision Precision)
    {
        public int ParameterCount => Hidden * Inputs + Hidden + Outputs * Hidden + Outputs;

        /// <summary>Forces the unrolled (true) or loop (false) form; null lets <see cref="Unrolled"/> follow the budget.
        /// Internal override for tests and measurements; the parser never sets it. Part of value equality.</summary>
        public bool? UnrolledOverride { get; init; }

        /// <summary>The attribute's Weights file name (null: nothing to bake), as parsed; <see cref="Baked"/> is filled in
        /// once the additional files are read.</summary>
        public string? WeightsFile { get; init; }

        /// <summary>The parameters baked from <see cref="WeightsFile"/>; the emitter writes <c>Pretrained</c> when set.</summary>
        public BakedWeights? Baked { get; init; }

        /// <summary>Whether the emitter writes the unrolled form (one field and one local per parameter) rather than
        /// loops over one parameter array; <see cref="Parsing.NetworkRules.IsUnrolled"/> decides unless overridden.</summary>
        public bool Unrolled => UnrolledOverride ?? Parsing.NetworkRules.IsUnrolled(Inputs, Hidden, Outputs);

        /// <summary>Shape text used in docs and messages, e.g. "2-4-1".</summary>
        public string ShapeText => $"{Inputs}-{Hidden}-{Outputs}";
    }
}
