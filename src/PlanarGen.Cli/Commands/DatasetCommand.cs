using System;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PlanarGen.Cli.Output;

namespace PlanarGen.Cli.Commands
{
    /// <summary><c>planargen dataset flower</c>: prints a data set (text table or JSON).</summary>
    internal static class DatasetCommand
    {
        public static Command Create()
        {
            var name = new Argument<string>("name") { Description = "The data set: flower." };
            var json = CliOptions.Json();
            var command = new Command("dataset", "Print a data set: X (features x samples) and Y (labels).") { name, json };
            command.SetAction(result => CliRun.Guarded(() =>
            {
                string which = result.GetValue(name)!;
                PlanarData<double> data = which.ToLowerInvariant() switch
                {
                    "flower" => PlanarDataSets.Flower(),
                    _ => throw new CliException($"Unknown data set '{which}'; expected flower."),
                };
                if (result.GetValue(json)) WriteJson(data);
                else WriteText(data);
                return 0;
            }));
            return command;
        }

        private static void WriteText(PlanarData<double> data)
        {
            Console.WriteLine($"The shape of X is: ({data.FeatureCount}, {data.SampleCount})");
            Console.WriteLine($"The shape of Y is: ({data.OutputCount}, {data.SampleCount})");
            Console.WriteLine($"I have m = {data.SampleCount} training examples!");
            Console.Write("sample");
            for (int f = 0; f < data.FeatureCount; f++) Console.Write($"\tx{f + 1}");
            Console.WriteLine("\ty");
            for (int s = 0; s < data.SampleCount; s++)
            {
                Console.Write(s.ToString(CultureInfo.InvariantCulture));
                for (int f = 0; f < data.FeatureCount; f++) Console.Write("\t" + data.Feature(f, s).ToString("R", CultureInfo.InvariantCulture));
                for (int o = 0; o < data.OutputCount; o++) Console.Write("\t" + data.Label(o, s).ToString("R", CultureInfo.InvariantCulture));
                Console.WriteLine();
            }
        }

        private static void WriteJson(PlanarData<double> data)
        {
            var stream = Console.OpenStandardOutput();
            using (var json = new Utf8JsonWriter(stream))
            {
                json.WriteStartObject();
                ReportWriter.WriteMatrix(json, "X", data.X, data.FeatureCount, data.SampleCount);
                ReportWriter.WriteMatrix(json, "Y", data.Y, data.OutputCount, data.SampleCount);
                json.WriteEndObject();
            }
            stream.WriteByte((byte)'\n');
        }
    }
}
