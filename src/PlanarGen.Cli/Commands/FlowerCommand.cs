using System;
using System.Collections.Generic;
using System.CommandLine;
using PlanarGen.Cli.Output;
using PlanarGen.Cli.Pictures;
using PlanarGen.Cli.Running;

namespace PlanarGen.Cli.Commands
{
    /// <summary><c>planargen flower</c>: the notebook's parts 2-4 on the flower data set.</summary>
    internal static class FlowerCommand
    {
        public static Command Create(CliContext context)
        {
            var common = new CommonOptions();
            var hidden = CliOptions.Hidden();
            var activation = CliOptions.ActivationOption();
            var iterations = CliOptions.Iterations(10_000);
            var learningRate = CliOptions.LearningRate();
            var printEvery = CliOptions.PrintEvery();
            var save = new Option<string>("--save")
            {
                Description = "After training, save the network's weights to this file (.safetensors or .json); fast path only.",
            };
            var load = new Option<string>("--load")
            {
                Description = "Skip training: load the weights (safetensors, JSON or NumPy .npz) into the network of --hidden, --activation and --precision; fast path only.",
            };
            var command = new Command("flower",
                "The notebook on the flower data set: data shape, the logistic-regression baseline, the network's cost every 1000 iterations and accuracy, "
                + "and pictures of the data and of both decision boundaries.")
            {
                hidden, activation, iterations, learningRate, printEvery, save, load,
            };
            common.AddTo(command);
            command.SetAction(result => CliRun.Guarded(context, () =>
            {
                Common c = common.Read(result);
                var settings = new RunSettings(
                    Hidden: result.GetValue(hidden),
                    Activation: CliOptions.ParseActivation(result.GetValue(activation)!),
                    LeakySlope: NetworkLimits.DefaultLeakySlope,
                    Iterations: result.GetValue(iterations),
                    LearningRate: result.GetValue(learningRate),
                    PrintEvery: result.GetValue(printEvery),
                    Seed: c.Seed,
                    LoadFrom: result.GetValue(load),
                    SaveTo: result.GetValue(save));
                Validate(settings, c.Exact);
                IRunner runner = Trainer.Runner(c.Exact, settings.Hidden, settings.Activation, c.Precision);
                c.PrepareOut();

                PlanarData<double> data = PlanarDataSets.Flower();
                Baseline baseline = Baseline.Fit(data);
                Action<int, double>? streamCost = null;
                if (!c.Json && settings.LoadFrom == null)
                {
                    Text.WriteShapes(context.Out, data);
                    Text.WriteLogistic(context.Out, baseline.Accuracy);
                    context.Out.Flush();
                    // Each cost line is printed when it is reached, so a long run shows its progress.
                    streamCost = (iteration, cost) =>
                    {
                        if (Text.CostLine(iteration, cost, settings.PrintEvery) is string line)
                        {
                            context.Out.WriteLine(line);
                            context.Out.Flush();
                        }
                    };
                }

                (RunReport report, double seconds) = Trainer.RunTimed(runner, data, settings, streamCost);
                if (!c.Json)
                {
                    if (report.LoadedFrom != null) context.Out.WriteLine($"Loaded weights from {report.LoadedFrom} ({report.Checksum}) into {report.Method}{(report.InputScaling ? ", with input scaling (applied to every point)" : "")}.");
                    ReportWriter.WriteOutcome(context.Out, report);
                    if (report.LoadedFrom == null)
                        context.Out.WriteLine($"Training time: {report.IterationsRun} iterations in {Text.Seconds(seconds)} s ({report.Method}).");
                    if (report.SavedTo != null) context.Out.WriteLine($"Saved weights to {report.SavedTo} ({report.Checksum}).");
                    else if (settings.SaveTo != null) context.Out.WriteLine($"Weights not saved to {settings.SaveTo}: training diverged.");
                    context.Out.Flush();
                }

                var pictures = new List<string>
                {
                    Picture.SaveData(c.OutDir, "flower-data.png", data, "Flower data (red: y = 0, blue: y = 1)"),
                    Picture.SaveBoundary(c.OutDir, "flower-logistic.png",
                        new Picture.Panel("Logistic Regression", data, baseline)),
                    Picture.SaveBoundary(c.OutDir, "flower-boundary.png",
                        new Picture.Panel($"Decision Boundary for hidden layer size {settings.Hidden}", data, report.Predictor)),
                };

                if (c.Json)
                {
                    ReportWriter.WriteJson(context.Out, json =>
                    {
                        ReportWriter.WriteRun(json, report);
                        ReportWriter.WriteNumber(json, "logisticAccuracy", baseline.Accuracy);
                        ReportWriter.WriteNumber(json, "seconds", seconds);
                        if (report.LoadedFrom != null) json.WriteString("loadedFrom", report.LoadedFrom);
                        if (report.LoadedFrom != null) json.WriteBoolean("inputScaling", report.InputScaling);
                        if (report.SavedTo != null) json.WriteString("savedTo", report.SavedTo);
                        if (report.Checksum != null) json.WriteString("checksum", report.Checksum);
                        ReportWriter.WriteStrings(json, "pictures", pictures);
                    });
                }
                else
                {
                    Text.WritePictures(context.Out, pictures);
                }

                return report.Diverged ? Cli.Diverged : 0;
            }));
            return command;
        }

        public static void Validate(RunSettings s, bool exact)
        {
            CliOptions.RequireHidden(s.Hidden, exact);
            CliOptions.RequireIterations(s.Iterations);
            CliOptions.RequireLearningRate(s.LearningRate);
            if (s.PrintEvery < 0) throw new CliException($"--print-every must be at least 0 (0: never), but got {s.PrintEvery}.");
            // The exact path has no generated network to save from or load into (docs/weights.md, CLI).
            if (exact && (s.SaveTo != null || s.LoadFrom != null))
                throw new CliException($"{(s.SaveTo != null ? "--save" : "--load")} is not supported with --exact: weights files are saved from and loaded into the generated networks (drop --exact).");
            if (s.SaveTo != null) NetworkWeights.FormatOfPath(s.SaveTo);
        }
    }
}
