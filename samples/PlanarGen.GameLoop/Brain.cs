namespace PlanarGen.GameLoop
{
    // The agents' network and how it learns each frame (docs/game-loop.md): softmax outputs (the action is the argmax), and
    // a fixed number of Adam steps on batches drawn from the replay buffer, so a run is deterministic given its seed. A game
    // that prefers a time budget calls brain.TrainFor(batch, options, budget) instead (docs/training.md); the step count
    // then depends on the machine.
    [Network(Inputs = World.FeatureCount, Hidden = 16, Outputs = World.ActionCount, OutputActivation = Activation.Softmax)]
    internal partial struct Brain { }

    /// <summary>The per-frame training budget.</summary>
    internal static class BrainTraining
    {
        /// <summary>Adam steps per frame, each on a fresh batch (the optimizer's moments live in the network and carry over).</summary>
        public const int StepsPerFrame = 4;

        /// <summary>Samples per batch.</summary>
        public const int BatchSize = 128;

        public const double LearningRate = 0.01;

        /// <summary>One step (the options are a value: nothing is allocated per frame).</summary>
        private static readonly TrainingOptions OneStep = new TrainingOptions(iterations: 1, learningRate: LearningRate) { Optimizer = Optimizer.Adam };

        public static string Describe =>
            $"{StepsPerFrame} Adam steps a frame, each on {BatchSize} samples drawn from the replay buffer (learning rate {LearningRate})";

        /// <summary>Learns from the buffer for this frame.</summary>
        public static void TrainFrame(ref Brain brain, ReplayBuffer<float> buffer, NumPyRandom random)
        {
            for (int step = 0; step < StepsPerFrame; step++) brain.Train(buffer.SampleBatch(BatchSize, random), OneStep);
        }
    }
}
