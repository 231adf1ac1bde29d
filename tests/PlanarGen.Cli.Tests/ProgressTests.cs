using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Spectre.Console.Testing;
using Xunit;

namespace PlanarGen.Cli.Tests
{
    /// <summary>Progress goes to the terminal only; stdout keeps the plain result lines, and --json stays pure.</summary>
    public sealed class ProgressTests
    {
        [Fact]
        public void SweepDrawsProgressOnTheTerminalAndPrintsTheSameLines()
        {
            var terminal = new TestConsole().Interactive();
            var stdout = new StringWriter(CultureInfo.InvariantCulture);
            var stderr = new StringWriter(CultureInfo.InvariantCulture);

            int code = PlanarGen.Cli.Cli.Run(new[] { "sweep", "--sizes", "1,2", "--iterations", "100", "--out", CliHarness.NewFolder("progress") },
                stdout, stderr, terminal);

            Assert.Equal(0, code);
            Assert.Contains("Sweep", terminal.Output, StringComparison.Ordinal);
            string[] lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Count(l => l.StartsWith("Accuracy for ", StringComparison.Ordinal)));
        }

        [Fact]
        public void JsonNeverDrawsProgress()
        {
            var terminal = new TestConsole().Interactive();
            var stdout = new StringWriter(CultureInfo.InvariantCulture);

            int code = PlanarGen.Cli.Cli.Run(new[] { "learning-rates", "--rates", "0.5,1", "--iterations", "50", "--json", "--out", CliHarness.NewFolder("progress-json") },
                stdout, new StringWriter(CultureInfo.InvariantCulture), terminal);

            Assert.Equal(0, code);
            Assert.Equal("", terminal.Output);
            System.Text.Json.JsonDocument.Parse(stdout.ToString());
        }

        [Fact]
        public void RedirectedOutputPrintsPlainLines()
        {
            CliResult result = CliHarness.Run("datasets", "--sets", "noisy_moons,blobs", "--iterations", "100", "--out", CliHarness.NewFolder("progress-plain"));

            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith("noisy moons: logistic regression ", result.OutLines[0]);
            Assert.StartsWith("blobs: logistic regression ", result.OutLines[1]);
            Assert.DoesNotContain('\u001b', result.Out);
        }
    }
}
