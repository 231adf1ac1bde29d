namespace PlanarGen.GameLoop
{
    // The agents' network and how it learns each frame: the one place to change when the runtime gains softmax outputs,
    // Adam, mini-batches and TrainFor (docs/game-loop.md, "Moving to softmax and Adam").
    //
    // Today: one-vs-rest sigmoid outputs (the action is the argmax), and a fixed number of gradient-descent steps on
    // batches drawn from the replay buffer, so a run is deterministic given its seed.
    [Network(Inputs = World.FeatureCount, Hidden = 16, Outputs = World.ActionCount)]
    internal partial struct Brain { }

    /// <summary>The per-frame training budget.</summary>
    internal static class BrainTraining
    {
        /// <summary>Gradient-descent steps per frame, each on a fresh batch.</summary>
        public const int StepsPerFrame = 4;

        /// <summary>Samples per batch.</summary>
        public const int BatchSize = 128;

        public const double LearningRate = 1.0;

        /// <summary>One step (the options are a value: nothing is allocated per frame).</summary>
        private static readonly TrainingOptions OneStep = new TrainingOptions(iterations: 1, learningRate: LearningRate);

        public static string Describe =>
            $"{StepsPerFrame} gradient-descent steps a frame, each on {BatchSize} samples drawn from the replay buffer (learning rate {LearningRate})";

        /// <summary>Learns from the buffer for this frame.</summary>
        public static void TrainFrame(ref Brain brain, ReplayBuffer<float> buffer, NumPyRandom random)
        {
            for (int step = 0; step < StepsPerFrame; step++) brain.Train(buffer.SampleBatch(BatchSize, random), OneStep);
        }
    }
}
