using System;
using Xunit;

namespace PlanarGen.Cli.Tests
{
    public sealed class BadInputTests
    {
        [Theory]
        [InlineData("flower", "--activation", "swish")]
        [InlineData("flower", "--hidden", "0")]
        [InlineData("flower", "--hidden", "-3")]
        [InlineData("flower", "--learning-rate", "0")]
        [InlineData("flower", "--learning-rate", "-1")]
        [InlineData("flower", "--learning-rate", "nan")]
        [InlineData("flower", "--learning-rate", "NaN")]
        [InlineData("flower", "--learning-rate", "Infinity")]
        [InlineData("flower", "--iterations", "-1")]
        [InlineData("flower", "--hidden", "7")] // the fast path has no generated 2-7-1 network
        [InlineData("flower", "--precision", "half")]
        [InlineData("flower", "--print-every", "-5")]
        [InlineData("flower", "--hidden", "four")]
        [InlineData("flower", "--no-such-option")]
        [InlineData("dataset", "petals")]
        [InlineData("dataset", "petals", "--json")]
        [InlineData("datasets", "--sets", "noisy_circles,petals")]
        [InlineData("datasets", "--hidden", "0")]
        [InlineData("sweep", "--sizes", "1,7")]
        [InlineData("sweep", "--sizes", "1,x")]
        [InlineData("sweep", "--sizes", "0", "--exact")]
        [InlineData("sweep", "--iterations", "-1")]
        [InlineData("activations", "--learning-rate", "-1")]
        [InlineData("learning-rates", "--rates", "0.1,-2")]
        [InlineData("learning-rates", "--rates", "0.1,abc")]
        [InlineData("zero-init", "--activation", "swish")]
        [InlineData("no-such-command")]
        public void BadInputGivesOneLineOnStderrAndExitCode1(params string[] args)
        {
            CliResult result = CliHarness.Run(args);

            Assert.Equal(1, result.ExitCode);
            Assert.Equal("", result.Out);
            string line = Assert.Single(result.ErrorLines);
            Assert.StartsWith("error: ", line);
            Assert.DoesNotContain(" at PlanarGen", result.Error, StringComparison.Ordinal);
        }

        [Fact]
        public void DivergenceGivesExitCode2AndSaysSo()
        {
            CliResult result = CliHarness.Run("flower", "--learning-rate", "1000", "--iterations", "2000", "--out", CliHarness.NewFolder("diverge"));

            Assert.Equal(2, result.ExitCode);
            Assert.Contains(result.OutLines, l => l.Contains("diverged at iteration", StringComparison.Ordinal));
        }

        [Fact]
        public void ExactDivergenceStopsAtTheFirstNonFiniteCost()
        {
            CliResult result = CliHarness.Run("flower", "--exact", "--learning-rate", "1000", "--out", CliHarness.NewFolder("diverge-exact"));

            Assert.Equal(2, result.ExitCode);
            Assert.Contains(result.OutLines, l => l.StartsWith("Training diverged at iteration 2: the cost or an update became non-finite", StringComparison.Ordinal));
            Assert.Contains(result.OutLines, l => l.StartsWith("Training time: 2 iterations in ", StringComparison.Ordinal));
        }

        [Fact]
        public void DivergenceInJsonStaysValidJson()
        {
            CliResult result = CliHarness.Run("flower", "--exact", "--learning-rate", "1000", "--iterations", "500", "--json", "--out", CliHarness.NewFolder("diverge-json"));

            Assert.Equal(2, result.ExitCode);
            Assert.True(result.Json.GetProperty("divergedAtIteration").GetInt32() >= 0);
        }

        [Theory]
        [InlineData("flower")]
        [InlineData("dataset")]
        [InlineData("sweep")]
        [InlineData("datasets")]
        [InlineData("activations")]
        [InlineData("learning-rates")]
        [InlineData("zero-init")]
        public void EveryCommandHasHelp(string command)
        {
            CliResult result = CliHarness.Run(command, "--help");

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("Usage:", result.Out);
            if (command != "dataset")
            {
                foreach (string option in new[] { "--exact", "--precision", "--seed", "--out", "--json" })
                    Assert.Contains(option, result.Out);
            }
        }
    }
}
