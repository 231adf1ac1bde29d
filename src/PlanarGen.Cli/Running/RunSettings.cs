namespace PlanarGen.Cli.Running
{
    /// <summary>What one training run is asked to do.</summary>
    internal sealed record RunSettings(
        int Hidden,
        Activation Activation,
        double LeakySlope,
        int Iterations,
        double LearningRate,
        int PrintEvery,
        uint Seed);
}
