namespace PlanarGen.Cli.Running
{
    /// <summary>What one training run is asked to do.</summary>
    /// <param name="PrintEvery">Record the cost every N iterations (0: never); text output prints the multiples of 1000 among them.</param>
    /// <param name="ZeroInit">Start from all-zero parameters instead of the notebook's <c>randn * 0.01</c>.</param>
    /// <param name="LoadFrom">A weights file to load instead of training (fast path only), or null.</param>
    /// <param name="SaveTo">Where to save the trained weights (.safetensors or .json; fast path only), or null.</param>
    internal sealed record RunSettings(
        int Hidden,
        Activation Activation,
        double LeakySlope,
        int Iterations,
        double LearningRate,
        int PrintEvery,
        uint Seed,
        bool ZeroInit = false,
        string? LoadFrom = null,
        string? SaveTo = null);
}
