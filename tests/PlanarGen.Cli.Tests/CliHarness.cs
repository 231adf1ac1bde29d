using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace PlanarGen.Cli.Tests
{
    /// <summary>One in-process run of the command line.</summary>
    public sealed record CliResult(int ExitCode, string Out, string Error)
    {
        public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        public JsonElement Json => JsonDocument.Parse(Out).RootElement;
    }

    public static class CliHarness
    {
        public static CliResult Run(params string[] args)
        {
            var stdout = new StringWriter(CultureInfo.InvariantCulture);
            var stderr = new StringWriter(CultureInfo.InvariantCulture);
            int code = PlanarGen.Cli.Cli.Run(args, stdout, stderr);
            return new CliResult(code, stdout.ToString(), stderr.ToString());
        }

        /// <summary>A fresh folder for pictures, under the test output folder.</summary>
        public static string NewFolder(string name)
        {
            string path = Path.Combine(AppContext.BaseDirectory, "pictures", name + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(path);
            return path;
        }
    }

    /// <summary>The numpy reference numbers in ../PlanarGen.Tests/TestData (copied next to the test assembly).</summary>
    public static class ReferenceData
    {
        public static double[] Read(string fileName) =>
            File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", fileName))
                .Where(l => l.Length > 0 && !l.StartsWith('#'))
                .Select(l => double.Parse(l, CultureInfo.InvariantCulture))
                .ToArray();
    }
}
