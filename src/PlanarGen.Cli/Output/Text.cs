using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using PlanarGen.Cli.Running;

namespace PlanarGen.Cli.Output
{
    /// <summary>Number formats the notebook prints.</summary>
    internal static class Text
    {
        /// <summary>Python's <c>str(float)</c>: shortest round-trip, with ".0" on whole numbers (90.0, 67.25).</summary>
        public static string PythonFloat(double value)
        {
            string s = value.ToString("R", CultureInfo.InvariantCulture);
            return s.Contains('.') || s.Contains('E') || s.Contains('N') || s.Contains('I') ? s : s + ".0";
        }

        public static string Percent2(double fraction) => (fraction * 100).ToString("F2", CultureInfo.InvariantCulture);

        public static string Cost(double cost) => cost.ToString("F6", CultureInfo.InvariantCulture);

        public static string Seconds(double seconds) => seconds.ToString("F3", CultureInfo.InvariantCulture);

        public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        /// <summary>The notebook's shape lines.</summary>
        public static void WriteShapes(TextWriter output, PlanarData<double> data)
        {
            output.WriteLine($"The shape of X is: ({data.FeatureCount}, {data.SampleCount})");
            output.WriteLine($"The shape of Y is: ({data.OutputCount}, {data.SampleCount})");
            output.WriteLine($"I have m = {data.SampleCount} training examples!");
        }

        /// <summary>"Accuracy of logistic regression: 47 % ..." with the notebook's <c>%d</c> (truncating) format.</summary>
        public static void WriteLogistic(TextWriter output, double accuracy) =>
            output.WriteLine($"Accuracy of logistic regression: {(int)(accuracy * 100)} % (percentage of correctly labelled datapoints)");

        /// <summary>The notebook's "Cost after iteration N: 0.xxxxxx" for a finite cost at a multiple of <paramref name="every"/>; else null.</summary>
        public static string? CostLine(int iteration, double cost, int every) =>
            every > 0 && iteration % every == 0 && double.IsFinite(cost)
                ? string.Format(CultureInfo.InvariantCulture, "Cost after iteration {0}: {1:F6}", iteration, cost)
                : null;

        public static string DivergedLine(RunReport report, string what = "Training") =>
            $"{what} diverged at iteration {report.DivergedAtIteration}: {report.DivergenceReason}. Try a smaller --learning-rate.";

        public static void WritePictures(TextWriter output, IEnumerable<string> paths) =>
            output.WriteLine("Pictures: " + string.Join(", ", paths));

        /// <summary>The last finite recorded cost, or NaN.</summary>
        public static double LastFiniteCost(RunReport report) =>
            report.Costs.Where(c => double.IsFinite(c.Cost)).Select(c => c.Cost).DefaultIfEmpty(double.NaN).Last();
    }
}
