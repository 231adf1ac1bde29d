using System;

namespace PlanarGen.Cli.Running
{
    /// <summary>Trains one network on a data set and reports what happened.</summary>
    internal interface IRunner
    {
        /// <param name="onCost">Called with each recorded cost as soon as it is computed (text output streams the cost lines), or null.</param>
        RunReport Run(PlanarData<double> data, RunSettings settings, Action<int, double>? onCost = null);
    }
}
