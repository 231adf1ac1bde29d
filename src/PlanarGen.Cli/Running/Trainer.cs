using System;
using System.Diagnostics;
using PlanarGen.Cli.Commands;
using PlanarGen.Cli.Networks;

namespace PlanarGen.Cli.Running
{
    /// <summary>Picks the exact path or a generated network, and times a run (the CLI's one timing path).</summary>
    internal static class Trainer
    {
        /// <param name="option">The option the hidden size came from, for messages: --hidden, or --sizes for the sweep.</param>
        public static IRunner Runner(bool exact, int hidden, Activation activation, Precision precision, string option = "--hidden")
        {
            CliOptions.RequireHidden(hidden, exact, option);
            if (exact) return new ExactRunner();
            return NetworkCatalog.Find(hidden, activation, precision)
                ?? throw new CliException(
                    $"{option} {hidden}: no generated network with {hidden} hidden units; the fast path has {string.Join(", ", NetworkCatalog.HiddenSizes)}. "
                    + $"Use --exact for any size up to {ExactLimits.MaxHidden}.");
        }

        /// <summary>Runs <paramref name="runner"/> and measures the wall-clock seconds it took (what `Training time` prints).</summary>
        public static (RunReport Report, double Seconds) RunTimed(IRunner runner, PlanarData<double> data, RunSettings settings,
            Action<int, double>? onCost = null)
        {
            var clock = Stopwatch.StartNew();
            RunReport report = runner.Run(data, settings, onCost);
            return (report, clock.Elapsed.TotalSeconds);
        }
    }
}
