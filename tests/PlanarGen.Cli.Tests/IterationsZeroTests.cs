using Xunit;

namespace PlanarGen.Cli.Tests
{
    /// <summary>Issue 15, finding 7: --iterations 0 (train nothing) is accepted by every command, text and JSON.</summary>
    public sealed class IterationsZeroTests
    {
        [Theory]
        [InlineData("flower")]
        [InlineData("sweep")]
        [InlineData("datasets")]
        [InlineData("activations")]
        [InlineData("learning-rates")]
        [InlineData("zero-init")]
        public void EveryCommandAcceptsZeroIterations(string command)
        {
            foreach (bool exact in new[] { false, true })
            {
                foreach (bool json in new[] { false, true })
                {
                    var args = new System.Collections.Generic.List<string> { command, "--iterations", "0", "--out", CliHarness.NewFolder("zero-" + command) };
                    if (exact) args.Add("--exact");
                    if (json) args.Add("--json");

                    CliResult result = CliHarness.Run(args.ToArray());

                    Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}: exit {result.ExitCode}, {result.Error}");
                    Assert.Equal("", result.Error);
                    if (json) Assert.Equal(System.Text.Json.JsonValueKind.Object, result.Json.ValueKind);
                }
            }
        }

        [Fact]
        public void LearningRatesSaysNoIterationsRan()
        {
            CliResult result = CliHarness.Run("learning-rates", "--iterations", "0", "--rates", "0.5,1.2", "--out", CliHarness.NewFolder("zero-rates"));

            Assert.Equal(0, result.ExitCode);
            Assert.Contains(result.OutLines, l => l.StartsWith("Learning rate 0.5: no iterations, accuracy ", System.StringComparison.Ordinal));
            Assert.Contains(result.OutLines, l => l.StartsWith("Learning rate 1.2: no iterations, accuracy ", System.StringComparison.Ordinal));
        }
    }
}
