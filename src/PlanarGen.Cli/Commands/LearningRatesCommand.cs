using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using PlanarGen.Cli.Output;
using PlanarGen.Cli.Pictures;
using PlanarGen.Cli.Running;

namespace PlanarGen.Cli.Commands
{
    /// <summary><c>planargen learning-rates</c>: the notebook's optional question "Play with the learning_rate".</summary>
    internal static class LearningRatesCommand
    {
        public static Command Create(CliContext context)
        {
            var common = new CommonOptions();
            var rates = new Option<string>("--rates")
            {
                Description = "Comma-separated learning rates (default 0.01,0.1,0.5,1.2,5).",
                DefaultValueFactory = _ => "0.01,0.1,0.5,1.2,5",
            };
            var hidden = CliOptions.Hidden();
            var activation = CliOptions.ActivationOption();
            var iterations = CliOptions.Iterations(10_000);
            var command = new Command("learning-rates",
                "Train the flower network with several learning rates: cost curves in one picture and the accuracy of each; a rate that diverges is reported as such "
                + "(the exit code stays 0: diverging is a result here).")
            {
                rates, hidden, activation, iterations,
            };
            common.AddTo(command);
            command.SetAction(result => CliRun.Guarded(context, () =>
            {
                Common c = common.Read(result);
                double[] values = CliOptions.ParseList<double>("--rates", result.GetValue(rates)!, NumberText.TryDouble);
                foreach (double v in values) CliOptions.RequireLearningRate(v, "--rates");
                int iters = result.GetValue(iterations);
                var settings = values.Select(r => new RunSettings(result.GetValue(hidden), CliOptions.ParseActivation(result.GetValue(activation)!),
                    NetworkLimits.DefaultLeakySlope, iters, r, ActivationsCommand.CurveInterval(iters), c.Seed)).ToArray();
                FlowerCommand.Validate(settings[0], c.Exact);
                IRunner runner = Trainer.Runner(c.Exact, settings[0].Hidden, settings[0].Activation, c.Precision);
                c.PrepareOut();

                PlanarData<double> data = PlanarDataSets.Flower();
                RunReport[] reports = Progress.Run(context, c.Json, "Learning rates", values.Select(v => $"rate {Text.Number(v)}").ToArray(),
                    i => runner.Run(data, settings[i]),
                    (i, r) => r.Diverged
                        ? $"Learning rate {Text.Number(values[i])}: diverged at iteration {r.DivergedAtIteration} ({r.DivergenceReason}); accuracy {Text.Percent2(r.Accuracy)} %"
                        : r.Costs.Count == 0
                            ? $"Learning rate {Text.Number(values[i])}: no iterations, accuracy {Text.Percent2(r.Accuracy)} %"
                            : $"Learning rate {Text.Number(values[i])}: cost {Text.Cost(r.Costs[0].Cost)} -> {Text.Cost(Text.LastFiniteCost(r))}, accuracy {Text.Percent2(r.Accuracy)} %");

                string picture = Picture.SaveCostCurves(c.OutDir, "learning-rates.png", $"Cost on the flower for several learning rates ({settings[0].Hidden} hidden units)",
                    reports.Select((r, i) => new Picture.Curve(
                        $"rate {Text.Number(values[i])}" + (r.Diverged ? $" (diverged at {r.DivergedAtIteration})" : $" ({Text.Percent2(r.Accuracy)} %)"),
                        r.Costs)).ToList());

                if (c.Json)
                {
                    ReportWriter.WriteJson(context.Out, json =>
                    {
                        json.WriteStartArray("results");
                        for (int i = 0; i < reports.Length; i++)
                        {
                            json.WriteStartObject();
                            ReportWriter.WriteNumber(json, "learningRate", values[i]);
                            json.WriteBoolean("diverged", reports[i].Diverged);
                            ReportWriter.WriteRun(json, reports[i]);
                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                        ReportWriter.WriteStrings(json, "pictures", new[] { picture });
                    });
                }
                else
                {
                    Text.WritePictures(context.Out, new[] { picture });
                }

                return 0;
            }));
            return command;
        }
    }
}
