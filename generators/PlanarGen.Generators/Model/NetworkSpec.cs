namespace PlanarGen.Generators.Model
{
    /// <summary>Everything the emitter needs for one valid [Network] struct.</summary>
    /// <remarks>Cached by Roslyn between edits, so it must stay value-equal: only strings, numbers, enums and
    /// <see cref="EquatableArray{T}"/>. Adding a symbol or location here silently disables incremental caching.
    /// How the code is written (form, arithmetic, twins) is not here: <see cref="Plan.EmitPlan"/> derives it.</remarks>
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
        /// <summary>Where each parameter block starts, and how many parameters there are.</summary>
        public ParameterLayout Layout => ParameterLayout.Of(Inputs, Hidden, Outputs);

        public int ParameterCount => Layout.Count;

        /// <summary>The attribute's Weights file name (null: nothing to bake), as parsed; <see cref="Baked"/> is filled in
        /// once the additional files are read.</summary>
        public string? WeightsFile { get; init; }

        /// <summary>The parameters baked from <see cref="WeightsFile"/>; the emitter writes <c>Pretrained</c> when set.</summary>
        public BakedWeights? Baked { get; init; }

        /// <summary>[Network(Deterministic = true)]: the loop form's storage, with every training and prediction member a call of
        /// the runtime's PlanarGen.DeterministicNetwork kernels (NetworkEmitter.Deterministic.cs). Never unrolled.</summary>
        public bool Deterministic { get; init; }

        /// <summary>Shape text used in docs and messages, e.g. "2-4-1".</summary>
        public string ShapeText => $"{Inputs}-{Hidden}-{Outputs}";
    }
}
