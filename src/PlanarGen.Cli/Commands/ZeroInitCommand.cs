using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using PlanarGen.Cli.Output;
using PlanarGen.Cli.Pictures;
using PlanarGen.Cli.Running;

namespace PlanarGen.Cli.Commands
{
    /// <summary><c>planargen zero-init</c>: the lecture's symmetry argument, run: zero weights never break symmetry.</summary>
    internal static class ZeroInitCommand
    {
        public static Command Create(CliContext context)
        {
            var common = new CommonOptions();
            var hidden = CliOptions.Hidden();
            var activation = CliOptions.ActivationOption();
            var iterations = CliOptions.Iterations(10_000);
            var learningRate = CliOptions.LearningRate();
            var command = new Command("zero-init",
                "Train the flower network from all-zero parameters next to the notebook's random initialisation: the rows of W1 stay identical and accuracy stays at chance.")
            {
                hidden, activation, iterations, learningRate,
            };
            common.AddTo(command);
            command.SetAction(result => CliRun.Guarded(context, () =>
            {
                Common c = common.Read(result);
                var random = new RunSettings(result.GetValue(hidden), CliOptions.ParseActivation(result.GetValue(activation)!),
                    NetworkLimits.DefaultLeakySlope, result.GetValue(iterations), result.GetValue(learningRate), 1000, c.Seed);
                FlowerCommand.Validate(random, c.Exact);
                RunSettings zeros = random with { ZeroInit = true };
                IRunner runner = Trainer.Runner(c.Exact, random.Hidden, random.Activation, c.Precision);
                c.PrepareOut();

                PlanarData<double> data = PlanarDataSets.Flower();
                RunReport zeroReport = runner.Run(data, zeros);
                RunReport randomReport = runner.Run(data, random);
                bool identical = RowsIdentical(zeroReport);
                bool randomIdentical = RowsIdentical(randomReport);

                string picture = Picture.SavePanels(c.OutDir, "zero-init.png", new[]
                {
                    new Picture.Panel($"zero init: {Text.Percent2(zeroReport.Accuracy)} %", data, zeroReport.Predictor),
                    new Picture.Panel($"random init: {Text.Percent2(randomReport.Accuracy)} %", data, randomReport.Predictor),
                }, columns: 2, step: 0.02);

                if (c.Json)
                {
                    ReportWriter.WriteJson(context.Out, json =>
                    {
                        json.WritePropertyName("zero");
                        json.WriteStartObject();
                        json.WriteBoolean("rowsOfW1Identical", identical);
                        ReportWriter.WriteRun(json, zeroReport);
                        json.WriteEndObject();
                        json.WritePropertyName("random");
                        json.WriteStartObject();
                        json.WriteBoolean("rowsOfW1Identical", randomIdentical);
                        ReportWriter.WriteRun(json, randomReport);
                        json.WriteEndObject();
                        ReportWriter.WriteStrings(json, "pictures", new[] { picture });
                    });
                }
                else
                {
                    var o = context.Out;
                    o.WriteLine($"Zero initialisation (W1, b1, W2, b2 all 0), {random.Iterations} iterations:");
                    WriteW1(o, zeroReport);
                    o.WriteLine($"  rows of W1 identical: {(identical ? "yes" : "no")} (every hidden unit computes the same function)");
                    o.WriteLine($"  Accuracy: {Text.Percent2(zeroReport.Accuracy)} % (chance)");
                    o.WriteLine($"Random initialisation (randn * 0.01, seed {c.Seed}), {random.Iterations} iterations:");
                    WriteW1(o, randomReport);
                    o.WriteLine($"  rows of W1 identical: {(randomIdentical ? "yes" : "no")}");
                    o.WriteLine($"  Accuracy: {Text.Percent2(randomReport.Accuracy)} %");
                    Text.WritePictures(o, new[] { picture });
                }

                return zeroReport.Diverged || randomReport.Diverged ? Cli.Diverged : 0;
            }));
            return command;
        }

        /// <summary>Whether every row of W1 equals the first, bit for bit.</summary>
        public static bool RowsIdentical(RunReport report)
        {
            double[] w1 = report.W1;
            for (int r = 1; r < report.Hidden; r++)
                for (int k = 0; k < report.Inputs; k++)
                    if (w1[r * report.Inputs + k] != w1[k]) return false;
            return true;
        }

        private static void WriteW1(System.IO.TextWriter output, RunReport report)
        {
            double[] w1 = report.W1;
            for (int r = 0; r < report.Hidden; r++)
            {
                var row = Enumerable.Range(0, report.Inputs).Select(k => w1[r * report.Inputs + k].ToString("G9", System.Globalization.CultureInfo.InvariantCulture));
                output.WriteLine($"  W1[{r}] = [{string.Join(", ", row)}]");
            }
        }
    }
}
