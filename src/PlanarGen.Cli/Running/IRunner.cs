namespace PlanarGen.Cli.Running
{
    /// <summary>Trains one network on a data set and reports what happened.</summary>
    internal interface IRunner
    {
        RunReport Run(PlanarData<double> data, RunSettings settings);
    }
}
