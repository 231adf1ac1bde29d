using System.Diagnostics;
using PlanarGen.Cli.Commands;
using PlanarGen.Cli.Networks;

namespace PlanarGen.Cli.Running
{
    /// <summary>Picks the exact path or a generated network and trains it.</summary>
    internal static class Trainer
    {
        public static IRunner Runner(bool exact, int hidden, Activation activation, Precision precision)
        {
            CliOptions.RequireHidden(hidden);
            if (exact) return new ExactRunner();
            return NetworkCatalog.Find(hidden, activation, precision)
                ?? throw new CliException(
                    $"No generated network with {hidden} hidden units; the fast path has {string.Join(", ", NetworkCatalog.HiddenSizes)}. Use --exact for any size.");
        }

        public static RunReport Train(PlanarData<double> data, RunSettings settings, Common common) =>
            Runner(common.Exact, settings.Hidden, settings.Activation, common.Precision).Run(data, settings);

        /// <summary>Runs <paramref name="settings"/> and returns the report with the wall-clock seconds it took.</summary>
        public static (RunReport Report, double Seconds) Timed(PlanarData<double> data, RunSettings settings, Common common)
        {
            IRunner runner = Runner(common.Exact, settings.Hidden, settings.Activation, common.Precision);
            var clock = Stopwatch.StartNew();
            RunReport report = runner.Run(data, settings);
            return (report, clock.Elapsed.TotalSeconds);
        }
    }
}
