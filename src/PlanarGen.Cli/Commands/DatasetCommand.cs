using System.CommandLine;
using System.Globalization;
using PlanarGen.Cli.Output;
using PlanarGen.Cli.Running;

namespace PlanarGen.Cli.Commands
{
    /// <summary><c>planargen dataset NAME</c>: prints a data set (text table or JSON).</summary>
    internal static class DatasetCommand
    {
        public static Command Create(CliContext context)
        {
            var name = new Argument<string>("name") { Description = "The data set: flower, noisy_circles, noisy_moons, blobs, gaussian_quantiles or no_structure." };
            var json = CliOptions.Json();
            var command = new Command("dataset", "Print a data set: X (features x samples) and Y (labels).") { name, json };
            command.SetAction(result => CliRun.Guarded(context, () =>
            {
                PlanarData<double> data = DataSets.Load(result.GetValue(name)!);
                if (result.GetValue(json))
                {
                    ReportWriter.WriteJson(context.Out, w =>
                    {
                        ReportWriter.WriteMatrix(w, "X", data.X, data.FeatureCount, data.SampleCount);
                        ReportWriter.WriteMatrix(w, "Y", data.Y, data.OutputCount, data.SampleCount);
                    });
                }
                else
                {
                    WriteText(context, data);
                }

                return 0;
            }));
            return command;
        }

        private static void WriteText(CliContext context, PlanarData<double> data)
        {
            var output = context.Out;
            Text.WriteShapes(output, data);
            output.Write("sample");
            for (int f = 0; f < data.FeatureCount; f++) output.Write($"\tx{f + 1}");
            output.WriteLine("\ty");
            for (int s = 0; s < data.SampleCount; s++)
            {
                output.Write(s.ToString(CultureInfo.InvariantCulture));
                for (int f = 0; f < data.FeatureCount; f++) output.Write("\t" + data.Feature(f, s).ToString("R", CultureInfo.InvariantCulture));
                for (int o = 0; o < data.OutputCount; o++) output.Write("\t" + data.Label(o, s).ToString("R", CultureInfo.InvariantCulture));
                output.WriteLine();
            }
        }
    }
}
