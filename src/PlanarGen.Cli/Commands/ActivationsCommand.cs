using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using PlanarGen.Cli.Output;
using PlanarGen.Cli.Pictures;
using PlanarGen.Cli.Running;

namespace PlanarGen.Cli.Commands
{
    /// <summary><c>planargen activations</c>: the notebook's optional question "tanh vs sigmoid vs ReLU".</summary>
    internal static class ActivationsCommand
    {
        private static readonly Activation[] All = { Activation.Tanh, Activation.Sigmoid, Activation.ReLU, Activation.LeakyReLU };

        public static Command Create(CliContext context)
        {
            var common = new CommonOptions();
            var hidden = CliOptions.Hidden();
            var iterations = CliOptions.Iterations(10_000);
            var learningRate = CliOptions.LearningRate();
            var command = new Command("activations",
                "Train the flower network with tanh, sigmoid, ReLU and leaky ReLU hidden layers: accuracies side by side, cost curves in one picture and the decision boundaries.")
            {
                hidden, iterations, learningRate,
            };
            common.AddTo(command);
            command.SetAction(result => CliRun.Guarded(context, () =>
            {
                Common c = common.Read(result);
                int iters = result.GetValue(iterations);
                int every = CurveInterval(iters);
                var settings = All.Select(a => new RunSettings(result.GetValue(hidden), a, NetworkLimits.DefaultLeakySlope, iters,
                    result.GetValue(learningRate), every, c.Seed)).ToArray();
                FlowerCommand.Validate(settings[0], c.Exact);
                IRunner[] runners = settings.Select(s => Trainer.Runner(c.Exact, s.Hidden, s.Activation, c.Precision)).ToArray();
                c.PrepareOut();

                PlanarData<double> data = PlanarDataSets.Flower();
                RunReport[] reports = Progress.Run(context, c.Json, "Activations", All.Select(CliOptions.Name).ToArray(),
                    i => runners[i].Run(data, settings[i]),
                    (i, r) => string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0,-10} accuracy {1,6} %   cost {2} -> {3}{4}",
                        CliOptions.Name(All[i]), Text.Percent2(r.Accuracy), Text.Cost(r.Costs.Count > 0 ? r.Costs[0].Cost : double.NaN),
                        Text.Cost(Text.LastFiniteCost(r)), r.Diverged ? $" ({Text.DivergedLine(r, "training")})" : ""));

                var pictures = new List<string>
                {
                    Picture.SaveCostCurves(c.OutDir, "activations.png", $"Cost on the flower, {settings[0].Hidden} hidden units, learning rate {Text.Number(settings[0].LearningRate)}",
                        reports.Select((r, i) => new Picture.Curve($"{CliOptions.Name(All[i])} ({Text.Percent2(r.Accuracy)} %)", r.Costs)).ToList()),
                    Picture.SavePanels(c.OutDir, "activations-boundaries.png",
                        reports.Select((r, i) => new Picture.Panel($"{CliOptions.Name(All[i])}: {Text.Percent2(r.Accuracy)} %", data, r.Predictor)).ToList(),
                        columns: 4, step: 0.02),
                };

                if (c.Json)
                {
                    ReportWriter.WriteJson(context.Out, json =>
                    {
                        json.WriteStartArray("results");
                        for (int i = 0; i < reports.Length; i++)
                        {
                            json.WriteStartObject();
                            json.WriteString("activation", CliOptions.Name(All[i]));
                            ReportWriter.WriteRun(json, reports[i]);
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

                return reports.Any(r => r.Diverged) ? Cli.Diverged : 0;
            }));
            return command;
        }

        /// <summary>About 500 points per curve, and always a divisor of 1000 so the notebook's lines stay available.</summary>
        public static int CurveInterval(int iterations)
        {
            foreach (int every in new[] { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 })
                if (iterations / every <= 500) return every;
            return 1000;
        }
    }
}
