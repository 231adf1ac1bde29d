using System.Collections.Generic;
using System.IO;
using System.CommandLine;
using System.Linq;
using PlanarGen.Cli.Output;
using PlanarGen.Cli.Pictures;
using PlanarGen.Cli.Running;

namespace PlanarGen.Cli.Commands
{
    /// <summary><c>planargen sweep</c>: the notebook's 4.6, "Tuning hidden layer size".</summary>
    internal static class SweepCommand
    {
        public static Command Create(CliContext context)
        {
            // The sweep is the speed showcase: float networks train 7 sizes x 5000 iterations in well under a second.
            var common = new CommonOptions(defaultPrecision: "single");
            var sizes = new Option<string>("--sizes")
            {
                Description = "Comma-separated hidden layer sizes (the notebook: 1,2,3,4,5,20,50; the fast path has 1,2,3,4,5,10,20,50).",
                DefaultValueFactory = _ => "1,2,3,4,5,20,50",
            };
            var iterations = CliOptions.Iterations(5000);
            var activation = CliOptions.ActivationOption();
            var learningRate = CliOptions.LearningRate();
            var save = new Option<string>("--save")
            {
                Description = "Save each trained network to this folder as 2-N-1-ACTIVATION-PRECISION.safetensors (created if missing); fast path only.",
            };
            var command = new Command("sweep",
                "Train the flower network for several hidden layer sizes: accuracy per size, one picture with a decision boundary per size, and the training time.")
            {
                sizes, iterations, activation, learningRate, save,
            };
            common.AddTo(command);
            command.SetAction(result => CliRun.Guarded(context, () =>
            {
                Common c = common.Read(result);
                int[] hiddenSizes = CliOptions.ParseList<int>("--sizes", result.GetValue(sizes)!, NumberText.TryInt);
                Activation act = CliOptions.ParseActivation(result.GetValue(activation)!);
                int iters = result.GetValue(iterations);
                double rate = result.GetValue(learningRate);
                CliOptions.RequireIterations(iters);
                CliOptions.RequireLearningRate(rate);
                // Resolve every runner first, so a bad size fails before any training.
                IRunner[] runners = hiddenSizes.Select(n => Trainer.Runner(c.Exact, n, act, c.Precision, "--sizes")).ToArray();
                string? saveFolder = result.GetValue(save);
                string?[] savePaths = hiddenSizes.Select(n => saveFolder == null ? null : Path.Combine(saveFolder, WeightsFileName(n, act, c.Precision))).ToArray();
                if (saveFolder != null) PrepareSaveFolder(saveFolder, c.Exact);
                c.PrepareOut();

                PlanarData<double> data = PlanarDataSets.Flower();
                var seconds = new double[hiddenSizes.Length];
                string[] labels = hiddenSizes.Select(n => $"{n} hidden units").ToArray();
                RunReport[] reports = Progress.Run(context, c.Json, "Sweep", labels, i =>
                    {
                        (RunReport r, seconds[i]) = Trainer.RunTimed(runners[i], data,
                            new RunSettings(hiddenSizes[i], act, NetworkLimits.DefaultLeakySlope, iters, rate, 0, c.Seed, SaveTo: savePaths[i]));
                        return r;
                    },
                    (i, r) => r.Diverged
                        ? $"Accuracy for {hiddenSizes[i]} hidden units: {Text.PythonFloat(r.Accuracy * 100)} % ({Text.DivergedLine(r, "training")})"
                        : $"Accuracy for {hiddenSizes[i]} hidden units: {Text.PythonFloat(r.Accuracy * 100)} %");
                double total = seconds.Sum();

                var panels = reports.Select((r, i) => new Picture.Panel($"Hidden layer of size {hiddenSizes[i]}", data, r.Predictor)).ToList();
                string picture = Picture.SavePanels(c.OutDir, "sweep.png", panels, columns: 4, step: 0.02);
                bool isFloat = c.Precision == Precision.Single;
                string method = c.Exact ? "exact path" : $"fast path, {(isFloat ? "float" : "double")}, {Running.VectorDescription.For()}";

                if (c.Json)
                {
                    ReportWriter.WriteJson(context.Out, json =>
                    {
                        json.WriteNumber("iterations", iters);
                        json.WriteStartArray("results");
                        for (int i = 0; i < reports.Length; i++)
                        {
                            json.WriteStartObject();
                            json.WriteNumber("hidden", hiddenSizes[i]);
                            ReportWriter.WriteNumber(json, "accuracy", reports[i].Accuracy);
                            if (reports[i].Diverged) json.WriteNumber("divergedAtIteration", reports[i].DivergedAtIteration);
                            ReportWriter.WriteNumber(json, "seconds", seconds[i]);
                            if (reports[i].SavedTo != null) json.WriteString("savedTo", reports[i].SavedTo);
                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                        ReportWriter.WriteNumber(json, "seconds", total);
                        ReportWriter.WriteStrings(json, "pictures", new[] { picture });
                    });
                }
                else
                {
                    context.Out.WriteLine($"Training time: {hiddenSizes.Length} sizes x {iters} iterations in {Text.Seconds(total)} s ({method}).");
                    string[] saved = reports.Where(r => r.SavedTo != null).Select(r => r.SavedTo!).ToArray();
                    if (saved.Length > 0) context.Out.WriteLine($"Weights: {string.Join(", ", saved)}");
                    if (saved.Length < reports.Length && saveFolder != null) context.Out.WriteLine("Weights not saved for the diverged sizes.");
                    Text.WritePictures(context.Out, new[] { picture });
                }

                return reports.Any(r => r.Diverged) ? Cli.Diverged : 0;
            }));
            return command;
        }

        /// <summary>The network's shape, hidden activation and precision, as the metadata spells them: 2-4-1-tanh-single.safetensors.</summary>
        public static string WeightsFileName(int hidden, Activation activation, Precision precision) =>
            $"2-{hidden}-1-{CliOptions.Name(activation)}-{(precision == Precision.Single ? "single" : "double")}.safetensors";

        private static void PrepareSaveFolder(string folder, bool exact)
        {
            if (exact) throw new CliException("--save is not supported with --exact: weights files are saved from the generated networks (drop --exact).");
            if (File.Exists(folder)) throw new CliException($"--save '{folder}' is a file; it must be a folder (created if missing).");
            Directory.CreateDirectory(folder);
        }
    }
}
