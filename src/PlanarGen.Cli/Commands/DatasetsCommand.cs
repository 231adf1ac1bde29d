using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using PlanarGen.Cli.Output;
using PlanarGen.Cli.Pictures;
using PlanarGen.Cli.Running;

namespace PlanarGen.Cli.Commands
{
    /// <summary><c>planargen datasets</c>: the notebook's part 5, "Performance on other datasets".</summary>
    internal static class DatasetsCommand
    {
        private sealed record Outcome(string Name, PlanarData<double> Data, Baseline Baseline, RunReport Network);

        public static Command Create(CliContext context)
        {
            var common = new CommonOptions();
            var sets = new Option<string>("--sets")
            {
                Description = "Comma-separated data sets (default: the notebook's five extra sets).",
                DefaultValueFactory = _ => string.Join(",", DataSets.Extra),
            };
            var hidden = CliOptions.Hidden();
            var activation = CliOptions.ActivationOption();
            var iterations = CliOptions.Iterations(10_000);
            var learningRate = CliOptions.LearningRate();
            var command = new Command("datasets",
                "Logistic regression and the network on noisy circles, noisy moons, blobs, gaussian quantiles and no structure: both accuracies per set and a picture per set.")
            {
                sets, hidden, activation, iterations, learningRate,
            };
            common.AddTo(command);
            command.SetAction(result => CliRun.Guarded(context, () =>
            {
                Common c = common.Read(result);
                string[] names = result.GetValue(sets)!.Split(',', System.StringSplitOptions.TrimEntries | System.StringSplitOptions.RemoveEmptyEntries)
                    .Select(DataSets.Canonical).ToArray();
                if (names.Length == 0) throw new CliException("--sets needs at least one data set.");
                var settings = new RunSettings(result.GetValue(hidden), CliOptions.ParseActivation(result.GetValue(activation)!),
                    NetworkLimits.DefaultLeakySlope, result.GetValue(iterations), result.GetValue(learningRate), 1000, c.Seed);
                FlowerCommand.Validate(settings, c.Exact);
                IRunner runner = Trainer.Runner(c.Exact, settings.Hidden, settings.Activation, c.Precision);
                c.PrepareOut();

                Outcome[] outcomes = Progress.Run(context, c.Json, "Data sets", names.Select(DataSets.Title).ToArray(), i =>
                    {
                        PlanarData<double> data = DataSets.Load(names[i]);
                        return new Outcome(names[i], data, Baseline.Fit(data), runner.Run(data, settings));
                    },
                    (i, o) => $"{DataSets.Title(o.Name)}: logistic regression {Text.Percent2(o.Baseline.Accuracy)} %, "
                        + $"network ({settings.Hidden} hidden, {CliOptions.Name(settings.Activation)}) {Text.Percent2(o.Network.Accuracy)} %"
                        + (o.Network.Diverged ? $" ({Text.DivergedLine(o.Network, "training")})" : ""));

                var pictures = new List<string>();
                foreach (Outcome o in outcomes)
                {
                    string title = DataSets.Title(o.Name);
                    pictures.Add(Picture.SavePanels(c.OutDir, $"datasets-{o.Name.Replace('_', '-')}.png", new[]
                    {
                        new Picture.Panel($"{title}: logistic {Text.Percent2(o.Baseline.Accuracy)} %", o.Data, o.Baseline),
                        new Picture.Panel($"{title}: network {Text.Percent2(o.Network.Accuracy)} %", o.Data, o.Network.Predictor),
                    }, columns: 2, step: 0.01));
                }

                if (c.Json)
                {
                    ReportWriter.WriteJson(context.Out, json =>
                    {
                        json.WriteStartArray("results");
                        foreach (Outcome o in outcomes)
                        {
                            json.WriteStartObject();
                            json.WriteString("name", o.Name);
                            json.WriteNumber("samples", o.Data.SampleCount);
                            ReportWriter.WriteNumber(json, "logisticAccuracy", o.Baseline.Accuracy);
                            ReportWriter.WriteNumber(json, "accuracy", o.Network.Accuracy);
                            if (o.Network.Diverged) json.WriteNumber("divergedAtIteration", o.Network.DivergedAtIteration);
                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                        ReportWriter.WriteStrings(json, "pictures", pictures);
                    });
                }
                else
                {
                    Text.WritePictures(context.Out, pictures);
                }

                return outcomes.Any(o => o.Network.Diverged) ? Cli.Diverged : 0;
            }));
            return command;
        }
    }
}
