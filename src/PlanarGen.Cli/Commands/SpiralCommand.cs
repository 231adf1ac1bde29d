using System;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using PlanarGen.Cli.Output;
using PlanarGen.Cli.Pictures;
using PlanarGen.Cli.Spiral;

namespace PlanarGen.Cli.Commands
{
    /// <summary><c>planargen spiral</c>: the notebook's natural next cell, three classes that no line separates.</summary>
    internal static class SpiralCommand
    {
        public static Command Create(CliContext context)
        {
            var hidden = new Option<int>("--hidden")
            {
                Description = $"Hidden units: {string.Join(", ", SpiralModel.HiddenSizes)} (default 100).",
                DefaultValueFactory = _ => 100,
                CustomParser = result => Whole("--hidden", result),
            };
            var iterations = CliOptions.Iterations(10_000);
            var learningRate = new Option<double>("--learning-rate")
            {
                Description = "Adam step size (default 0.01).",
                DefaultValueFactory = _ => SpiralModel.DefaultLearningRate,
                CustomParser = result =>
                {
                    if (NumberText.TryDouble("--learning-rate", result.Tokens[0].Value, out double value, out string error)) return value;
                    result.AddError(error);
                    return 0;
                },
            };
            var printEvery = CliOptions.PrintEvery();
            var seed = CliOptions.Seed();
            var dataSeed = new Option<uint>("--data-seed")
            {
                Description = $"NumPy seed of the spiral's noise (default {PlanarDataSets.DefaultSpiralSeed}).",
                DefaultValueFactory = _ => PlanarDataSets.DefaultSpiralSeed,
                CustomParser = result =>
                {
                    if (NumberText.TryUInt("--data-seed", result.Tokens[0].Value, out uint value, out string error)) return value;
                    result.AddError(error);
                    return 0;
                },
            };
            var outDir = CliOptions.Out();
            var json = CliOptions.Json();
            var command = new Command("spiral",
                "Train a 3-class network on the CS231n spiral (3 arms of 100 points): the cost curve, the accuracy (argmax of the outputs) and a picture of the decision regions.")
            {
                hidden, iterations, learningRate, printEvery, seed, dataSeed, outDir, json,
            };
            command.SetAction(result => CliRun.Guarded(context, () =>
            {
                int h = result.GetValue(hidden);
                if (!SpiralModel.HiddenSizes.Contains(h))
                    throw new CliException($"--hidden must be one of {string.Join(", ", SpiralModel.HiddenSizes)} (the spiral's generated networks), but got {h}.");
                int iters = result.GetValue(iterations);
                CliOptions.RequireIterations(iters);
                double rate = result.GetValue(learningRate);
                CliOptions.RequireLearningRate(rate);
                int every = result.GetValue(printEvery);
                if (every < 0) throw new CliException($"--print-every must be at least 0, but got {every}.");
                bool asJson = result.GetValue(json);
                string folder = result.GetValue(outDir)!;
                OutputFolder.Prepare(folder);

                uint noiseSeed = result.GetValue(dataSeed);
                PlanarData<double> data = PlanarDataSets.Spiral(seed: noiseSeed);
                var o = context.Out;
                if (!asJson)
                {
                    o.WriteLine($"Spiral: {SpiralModel.Classes} classes x {PlanarDataSets.DefaultSpiralPointsPerClass} points (data seed {noiseSeed}); "
                        + $"X is ({data.FeatureCount}, {data.SampleCount}), Y is ({data.OutputCount}, {data.SampleCount}) one-hot");
                    o.WriteLine($"Network: {SpiralModel.Describe(h)}; {iters} iterations at learning rate {Text.Number(rate)}, weights seed {result.GetValue(seed)}");
                }

                // The cost is computed at every multiple of the print interval and at the curve's own points.
                int curveEvery = ActivationsCommand.CurveInterval(iters);
                int reportEvery = every > 0 ? Gcd(every, curveEvery) : curveEvery;
                SpiralReport report = SpiralModel.Train(h, data, iters, rate, reportEvery, result.GetValue(seed), (i, cost) =>
                {
                    if (asJson) return;
                    string? line = Text.CostLine(i, cost, every);
                    if (line != null)
                    {
                        o.WriteLine(line);
                        o.Flush();
                    }
                });

                string accuracy = Text.Percent2(report.Accuracy);
                string regions = ClassRegions.Save(folder, "spiral.png", $"Spiral, {h} hidden units: {accuracy} %", data, report.Classifier, 0.01);
                string curve = Picture.SaveCostCurves(folder, "spiral-cost.png", $"Cost on the spiral ({h} hidden units)",
                    new[] { new Picture.Curve($"learning rate {Text.Number(rate)} ({accuracy} %)", report.Costs) });
                var pictures = new[] { regions, curve };

                if (asJson)
                {
                    ReportWriter.WriteJson(o, j =>
                    {
                        j.WriteNumber("classes", SpiralModel.Classes);
                        j.WriteNumber("samples", data.SampleCount);
                        j.WriteNumber("hidden", h);
                        j.WriteNumber("iterations", iters);
                        ReportWriter.WriteNumber(j, "learningRate", rate);
                        ReportWriter.WriteCosts(j, "costs", report.Costs);
                        ReportWriter.WriteNumber(j, "accuracy", report.Accuracy);
                        if (report.Diverged) j.WriteNumber("divergedAtIteration", report.DivergedAtIteration);
                        NetworkShape shape = report.Shape;
                        double[] p = report.Parameters;
                        j.WritePropertyName("parameters");
                        j.WriteStartObject();
                        ReportWriter.WriteMatrix(j, "W1", p.AsSpan(0, shape.B1Offset), shape.Hidden, shape.Inputs);
                        ReportWriter.WriteVector(j, "b1", p[shape.B1Offset..shape.W2Offset]);
                        ReportWriter.WriteMatrix(j, "W2", p.AsSpan(shape.W2Offset, shape.B2Offset - shape.W2Offset), shape.Outputs, shape.Hidden);
                        ReportWriter.WriteVector(j, "b2", p[shape.B2Offset..]);
                        j.WriteEndObject();
                        ReportWriter.WriteStrings(j, "pictures", pictures);
                    });
                }
                else
                {
                    if (report.Diverged)
                        o.WriteLine($"Training diverged at iteration {report.DivergedAtIteration}. Try a smaller --learning-rate.");
                    o.WriteLine(string.Format(CultureInfo.InvariantCulture, "Accuracy: {0} % (argmax of the {1} outputs)", accuracy, SpiralModel.Classes));
                    Text.WritePictures(o, pictures);
                }

                return report.Diverged ? Cli.Diverged : 0;
            }));
            return command;
        }

        private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

        private static int Whole(string option, System.CommandLine.Parsing.ArgumentResult result)
        {
            if (NumberText.TryInt(option, result.Tokens[0].Value, out int value, out string error)) return value;
            result.AddError(error);
            return 0;
        }
    }
}
