namespace PlanarGen.Cli.Running
{
    /// <summary>Runs the exact NumPy-order path (pending).</summary>
    internal sealed class ExactRunner : IRunner
    {
        public RunReport Run(PlanarData<double> data, RunSettings settings) =>
            throw new System.NotSupportedException("The exact path is not merged yet.");
    }
}
