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

        /// <summary>Whether the emitter writes the unrolled form (one field and one local per parameter) rather than
        /// loops over one parameter array; <see cref="Parsing.NetworkRules.IsUnrolled"/> decides unless overridden.</summary>
        public bool Unrolled => UnrolledOverride ?? (!Deterministic && Parsing.NetworkRules.IsUnrolled(Inputs, Hidden, Outputs));

        /// <summary>[Network(Deterministic = true)]: the loop form's storage, with every training and prediction member a call of
        /// the runtime's PlanarGen.DeterministicNetwork kernels (NetworkEmitter.Deterministic.cs). Never unrolled.</summary>
        public bool Deterministic { get; init; }

        /// <summary>Shape text used in docs and messages, e.g. "2-4-1".</summary>
        public string ShapeText => $"{Inputs}-{Hidden}-{Outputs}";
    }
}
