using System;
using System.CommandLine;
using PlanarGen.Cli.Networks;
using PlanarGen.Cli.Output;
using PlanarGen.Cli.Running;

namespace PlanarGen.Cli.Commands
{
    /// <summary><c>planargen flower</c>: the notebook's <c>nn_model</c> on the flower data set.</summary>
    internal static class FlowerCommand
    {
        public static Command Create()
        {
            var exact = CliOptions.Exact();
            var precision = CliOptions.Precision();
            var hidden = CliOptions.Hidden();
            var activation = CliOptions.ActivationOption();
            var iterations = CliOptions.Iterations(10_000);
            var learningRate = CliOptions.LearningRate();
            var printEvery = CliOptions.PrintEvery();
            var seed = CliOptions.Seed();
            var json = CliOptions.Json();
            var command = new Command("flower", "Train the notebook's network on the flower data set and print the cost every 1000 iterations and the accuracy.")
            {
                exact, precision, hidden, activation, iterations, learningRate, printEvery, seed, json,
            };
            command.SetAction(result => CliRun.Guarded(() =>
            {
                var settings = new RunSettings(
                    Hidden: result.GetValue(hidden),
                    Activation: CliOptions.ParseActivation(result.GetValue(activation)!),
                    LeakySlope: NetworkLimits.DefaultLeakySlope,
                    Iterations: result.GetValue(iterations),
                    LearningRate: result.GetValue(learningRate),
                    PrintEvery: result.GetValue(printEvery),
                    Seed: result.GetValue(seed));
                Validate(settings);
                IRunner runner = result.GetValue(exact)
                    ? new ExactRunner()
                    : NetworkCatalog.Find(settings.Hidden, settings.Activation, CliOptions.ParsePrecision(result.GetValue(precision)!))
                      ?? throw new CliException(
                          $"No generated network with {settings.Hidden} hidden units; the fast path has {string.Join(", ", NetworkCatalog.HiddenSizes)}. Use --exact for any size.");
                RunReport report = runner.Run(PlanarDataSets.Flower(), settings);
                if (result.GetValue(json)) ReportWriter.WriteJson(Console.OpenStandardOutput(), report);
                else ReportWriter.WriteText(Console.Out, report);
                return report.DivergedAtIteration >= 0 ? 2 : 0;
            }));
            return command;
        }

        public static void Validate(RunSettings s)
        {
            if (s.Hidden < 1) throw new CliException($"--hidden must be at least 1, but got {s.Hidden}.");
            if (s.Iterations < 0) throw new CliException($"--iterations must be at least 0, but got {s.Iterations}.");
            if (!(s.LearningRate > 0) || double.IsInfinity(s.LearningRate))
                throw new CliException($"--learning-rate must be finite and positive, but got {s.LearningRate}.");
            if (s.PrintEvery < 0) throw new CliException($"--print-every must be at least 0 (0: never), but got {s.PrintEvery}.");
        }
    }
}
