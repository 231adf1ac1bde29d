using PlanarGen.Cli.Commands;
using PlanarGen.Cli.Running;
using Xunit;

namespace PlanarGen.Cli.Tests
{
    /// <summary>Issue 15, findings 8 and 11: messages name the real problem and the option.</summary>
    public sealed class MessageTests
    {
        private const string Commands = "flower, dataset, sweep, datasets, activations, learning-rates, zero-init, spiral, weights";

        [Fact]
        public void AnUnknownCommandIsNamedWithTheCommands()
        {
            CliResult result = CliHarness.Run("frobnicate");

            Assert.Equal(1, result.ExitCode);
            Assert.Equal("", result.Out);
            Assert.Equal($"error: unknown command 'frobnicate'; the commands are {Commands} (planargen --help describes them).", Assert.Single(result.ErrorLines));
        }

        [Fact]
        public void NoCommandListsTheCommands()
        {
            CliResult result = CliHarness.Run();

            Assert.Equal(1, result.ExitCode);
            Assert.Equal($"error: no command given; the commands are {Commands} (planargen --help describes them).", Assert.Single(result.ErrorLines));
        }

        [Theory]
        [InlineData("0", "error: --sizes must be at least 1, but got 0.")]
        [InlineData("1,-2", "error: --sizes must be at least 1, but got -2.")]
        [InlineData("1,7", "error: --sizes 7: no generated network with 7 hidden units; the fast path has 1, 2, 3, 4, 5, 10, 20, 50. Use --exact for any size up to 10000.")]
        public void ABadSweepSizeNamesSizes(string sizes, string expected)
        {
            CliResult result = CliHarness.Run("sweep", "--sizes", sizes, "--out", CliHarness.NewFolder("sizes"));

            Assert.Equal(1, result.ExitCode);
            Assert.Equal(expected, Assert.Single(result.ErrorLines));
        }

        [Theory]
        [InlineData("flower", "--hidden", "1500000000")] // was "internal error (OverflowException)"
        [InlineData("flower", "--hidden", "2147483647")]
        [InlineData("zero-init", "--hidden", "1500000000")]
        [InlineData("sweep", "--sizes", "4,1500000000")]
        public void TheExactPathsHiddenLimitIsStatedWithItsReason(string command, string option, string value)
        {
            CliResult result = CliHarness.Run(command, "--exact", option, value, "--iterations", "0", "--out", CliHarness.NewFolder("limit"));

            Assert.Equal(1, result.ExitCode);
            Assert.Equal("", result.Out);
            string n = value.Substring(value.LastIndexOf(',') + 1);
            Assert.Equal($"error: {option} {n} is above the exact path's limit: it takes at most 10000 hidden units, since its NumPy-order arrays make one "
                + "iteration on the flower allocate 3 x 8 bytes x 400 samples x N (96 MB at 10000) and take time in proportion to N.",
                Assert.Single(result.ErrorLines));
        }

        [Fact]
        public void TheLimitItselfIsAccepted()
        {
            Assert.Equal(10000, ExactLimits.MaxHidden);
            CliOptions.RequireHidden(ExactLimits.MaxHidden, exact: true);
            Assert.Throws<CliException>(() => CliOptions.RequireHidden(ExactLimits.MaxHidden + 1, exact: true));
            Assert.Throws<CliException>(() => CliOptions.RequireHidden(0, exact: true));
        }
    }
}
