using System;
using System.IO;
using System.Linq;
using Xunit;

namespace PlanarGen.Cli.Tests
{
    /// <summary>Issue 15, findings 5 and 11: --out is checked before any work, and its errors name --out.</summary>
    public sealed class OutFolderTests
    {
        // Each command with a run that allocates hundreds of megabytes when it trains (the exact path allocates its
        // arrays every iteration): a check made before training allocates almost nothing. Work, not time, is measured.
        public static TheoryData<string[]> TrainingCommands() => new()
        {
            new[] { "flower", "--exact", "--hidden", "100", "--iterations", "300" },
            new[] { "sweep", "--exact", "--sizes", "100", "--iterations", "300" },
            new[] { "datasets", "--exact", "--hidden", "100", "--iterations", "300", "--sets", "blobs" },
            new[] { "activations", "--exact", "--hidden", "100", "--iterations", "300" },
            new[] { "learning-rates", "--exact", "--hidden", "100", "--iterations", "300", "--rates", "1.2" },
            new[] { "zero-init", "--exact", "--hidden", "100", "--iterations", "300" },
        };

        private const long MostBytesWithoutTraining = 16_000_000;

        [Theory]
        [MemberData(nameof(TrainingCommands))]
        public void AFileWhereTheFolderShouldBeFailsBeforeTraining(string[] args)
        {
            string file = Path.Combine(CliHarness.NewFolder("out-file"), "not-a-folder.txt");
            File.WriteAllText(file, "keep me");

            (CliResult result, long bytes) = Measured(args.Concat(new[] { "--out", file }).ToArray());

            Assert.Equal(1, result.ExitCode);
            Assert.Equal("", result.Out);
            Assert.Equal($"error: --out '{file}' is a file; it must be a folder (created if missing).", Assert.Single(result.ErrorLines));
            Assert.True(bytes < MostBytesWithoutTraining, $"{bytes} bytes allocated: the command trained before checking --out");
            Assert.Equal("keep me", File.ReadAllText(file));
        }

        [Theory]
        [MemberData(nameof(TrainingCommands))]
        public void AFolderThatCannotBeCreatedFailsBeforeTraining(string[] args)
        {
            // /proc takes no new folders, even for root.
            (CliResult result, long bytes) = Measured(args.Concat(new[] { "--out", "/proc/planargen-test" }).ToArray());

            Assert.Equal(1, result.ExitCode);
            Assert.Equal("", result.Out);
            string line = Assert.Single(result.ErrorLines);
            Assert.StartsWith("error: --out '/proc/planargen-test': the folder cannot be created (", line);
            Assert.True(bytes < MostBytesWithoutTraining, $"{bytes} bytes allocated: the command trained before checking --out");
        }

        [Fact]
        public void AFileInThePathFailsBeforeTraining()
        {
            string file = Path.Combine(CliHarness.NewFolder("out-parent"), "file.txt");
            File.WriteAllText(file, "x");

            CliResult result = CliHarness.Run("flower", "--iterations", "10", "--out", Path.Combine(file, "pictures"));

            Assert.Equal(1, result.ExitCode);
            Assert.Equal("", result.Out);
            Assert.StartsWith($"error: --out '{Path.Combine(file, "pictures")}': the folder cannot be created (", Assert.Single(result.ErrorLines));
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        public void AnEmptyOutSaysSo(string value)
        {
            CliResult result = CliHarness.Run("flower", "--iterations", "10", "--out", value);

            Assert.Equal(1, result.ExitCode);
            Assert.Equal("", result.Out);
            string expected = value.Length == 0 ? "an empty string" : $"'{value}'";
            Assert.Equal($"error: --out must name a folder for the pictures, but got {expected}.", Assert.Single(result.ErrorLines));
        }

        [Fact]
        public void AMissingFolderIsCreatedAndHoldsOnlyThePictures()
        {
            string folder = Path.Combine(CliHarness.NewFolder("out-new"), "a", "b");

            CliResult result = CliHarness.Run("flower", "--iterations", "10", "--out", folder);

            Assert.Equal(0, result.ExitCode);
            // No probe file and no temporary picture is left behind.
            Assert.Equal(new[] { "flower-boundary.png", "flower-data.png", "flower-logistic.png" },
                Directory.GetFiles(folder).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray());
        }

        private static (CliResult Result, long Bytes) Measured(string[] args)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            CliResult result = CliHarness.Run(args);
            return (result, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }
}
