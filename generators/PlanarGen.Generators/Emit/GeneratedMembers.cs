namespace PlanarGen.Generators.Emit
{
    /// <summary>
    /// The member names the emitter declares besides the parameter fields (W1_h_i, B1_h, W2_o_h, B2_o): kept beside the emitter
    /// and read by PGEN009 (<see cref="Parsing.NetworkRules.IsGeneratedMemberName"/>), which reports a user member that would
    /// clash. GeneratedMemberNamesTests checks both directions against the emitted text of every form: each declared name is
    /// here, and each name here is declared by some form.
    /// </summary>
    internal static class GeneratedMembers
    {
        public static readonly string[] FixedNames =
        {
            // Every network.
            "InputCount", "HiddenCount", "OutputCount", "ParameterCount", "NetworkName", "Initialize", "InitializeZeros",
            "CopyParametersTo", "LoadParameters", "Predict", "PredictBatch", "Cost", "Accuracy", "TrainStep", "Train",
            "StepCore", "CostCore", "PredictBatchCore", "AccuracyCore", "RequireData", "Precompile",
            "SaveWeights", "LoadWeights", "Fingerprint", "Clone",
            // Optimizers and mini-batches (NetworkEmitter.Optimizers): the state, its storage and the stateful training loop.
            "TrainFor", "TrainStateful", "TrainStateful512", "ResetOptimizer", "TrainingState", "_training", "_moments",
            "OptimizerMoments", "MomentsOf", "GradientSums", "GradientSums512", "GradientCore", "GradientCore512", "StoreParameters",
            // The loop form's gradient range for PlanarGen.GradientSplit (TrainingOptions.Threads).
            "GradientRange", "GradientRange512",
            "SaveCheckpoint", "RestoreTrainingState",
            // Input scaling (every form): the inline offsets and scales and their members.
            "_inputScaling", "_hasInputScaling", "InputScalingStorage", "InputScalingBlock", "InputScalingOf", "HasInputScaling", "TryGetInputScaling",
            "SetInputScaling", "ClearInputScaling", "ScaleInputs", "ScaleFeatures",
            // The unrolled form's scalar tail of a training step.
            "StepTail",
            // The Vector512 twins (compiled on .NET 8 and later, but declared in the same type).
            "StepCore512", "CostCore512", "PredictBatchCore512", "AccuracyCore512", "TrainStep512", "TrainLoop512",
            // The loop form: the parameters (inline storage in a struct, an array in a class), the per-thread scratch and the
            // forward passes.
            "_parameters", "ParameterStorage", "ParametersOf", "_threadScratch", "ThreadScratch",
            "ForwardBlock", "ForwardBlock512", "ForwardSample",
        };

        /// <summary>Names declared only by some declarations but reserved on every network, so adding the option later never
        /// breaks a build: <c>Pretrained</c> (a network with Weights = "..."; BakedWeightsDiagnosticsTests checks both).</summary>
        public static readonly string[] ReservedNames = { "Pretrained" };
    }
}
