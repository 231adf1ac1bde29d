using System;
using System.Globalization;
using Xunit;

namespace PlanarGen.Cli.Tests
{
    /// <summary>Issue 15, finding 3: numbers are read with the invariant culture, as a whole, with no group separators.</summary>
    public sealed class NumberParsingTests
    {
        [Theory]
        [InlineData("flower", "--learning-rate", "1,2")] // was read as 12 (the comma taken for a thousands separator)
        [InlineData("flower", "--learning-rate", "1,200.5")]
        [InlineData("flower", "--learning-rate", "1.2x")]
        [InlineData("flower", "--learning-rate", "1.2 ")]
        [InlineData("flower", "--learning-rate", "")]
        [InlineData("flower", "--iterations", "1,000")]
        [InlineData("flower", "--iterations", "1.000")]
        [InlineData("flower", "--iterations", "1e3")]
        [InlineData("flower", "--iterations", "10 000")]
        [InlineData("flower", "--iterations", "1_000")]
        [InlineData("flower", "--hidden", "4abc")]
        [InlineData("flower", "--hidden", "4.0")]
        [InlineData("flower", "--print-every", "1,000")]
        [InlineData("flower", "--seed", "2,0")]
        [InlineData("flower", "--seed", "-1")]
        [InlineData("flower", "--seed", "4294967296")]
        [InlineData("datasets", "--learning-rate", "1,2")]
        [InlineData("activations", "--iterations", "1,000")]
        [InlineData("zero-init", "--hidden", "4,0")]
        [InlineData("learning-rates", "--iterations", "1,000")]
        [InlineData("sweep", "--sizes", "1,2.5")]
        [InlineData("sweep", "--sizes", "1,,2")]
        [InlineData("sweep", "--sizes", "1,2x")]
        [InlineData("learning-rates", "--rates", "0.1,1e")]
        [InlineData("learning-rates", "--rates", "0.5x")]
        [InlineData("learning-rates", "--rates", "0.1,,0.5")]
        public void AnythingNotWhollyANumberIsRejectedNamingTheOption(string command, string option, string value)
        {
            CliResult result = CliHarness.Run(command, option, value, "--out", CliHarness.NewFolder("numbers"));

            Assert.Equal(1, result.ExitCode);
            Assert.Equal("", result.Out);
            string line = Assert.Single(result.ErrorLines);
            Assert.StartsWith($"error: {option}", line);
            Assert.Contains(value.Trim().Length > 0 ? value.Trim() : "''", line);
        }

        [Fact]
        public void ACommaInTheLearningRateIsAnErrorUnderEveryCulture()
        {
            foreach (CultureInfo culture in Cultures())
            {
                CliResult result = UnderCulture(culture, () => CliHarness.Run("flower", "--learning-rate", "1,2", "--iterations", "10", "--out", CliHarness.NewFolder("comma")));

                Assert.Equal(1, result.ExitCode);
                Assert.Equal("error: --learning-rate: '1,2' is not a number; write it with a dot for decimals and without group separators (e.g. 1.2).",
                    Assert.Single(result.ErrorLines));
            }
        }

        [Fact]
        public void NumbersMeanTheSameUnderEveryCulture()
        {
            string[] args = { "flower", "--learning-rate", "0.5", "--iterations", "1000", "--seed", "3", "--json", "--out", CliHarness.NewFolder("culture") };
            CliResult invariant = CliHarness.Run(args);
            Assert.Equal(0, invariant.ExitCode);
            foreach (CultureInfo culture in Cultures())
            {
                CliResult other = UnderCulture(culture, () => CliHarness.Run(args));

                Assert.Equal(0, other.ExitCode);
                Assert.Equal(invariant.Json.GetProperty("costs").ToString(), other.Json.GetProperty("costs").ToString());
                Assert.Equal(invariant.Json.GetProperty("parameters").ToString(), other.Json.GetProperty("parameters").ToString());
            }
        }

        [Fact]
        public void ListsAreReadTheSameUnderEveryCulture()
        {
            foreach (CultureInfo culture in Cultures())
            {
                CliResult result = UnderCulture(culture, () =>
                    CliHarness.Run("learning-rates", "--rates", "0.5, 1.2", "--iterations", "10", "--json", "--out", CliHarness.NewFolder("rates")));

                Assert.Equal(0, result.ExitCode);
                var rates = result.Json.GetProperty("results");
                Assert.Equal(2, rates.GetArrayLength());
                Assert.Equal(0.5, rates[0].GetProperty("learningRate").GetDouble());
                Assert.Equal(1.2, rates[1].GetProperty("learningRate").GetDouble());
            }
        }

        [Fact]
        public void OutOfRangeWholeNumbersSaySo()
        {
            CliResult result = CliHarness.Run("flower", "--iterations", "99999999999", "--out", CliHarness.NewFolder("range"));

            Assert.Equal(1, result.ExitCode);
            Assert.Equal("error: --iterations: '99999999999' is out of range (at most 2147483647).", Assert.Single(result.ErrorLines));
        }

        /// <summary>The number formats of de-DE (decimal comma, dot groups) and fr-FR (decimal comma, narrow no-break
        /// space groups). The test process runs with invariant globalization, which has no culture data, so the
        /// cultures are the invariant one with those separators: exactly what number parsing reads.</summary>
        private static CultureInfo[] Cultures() => new[] { Like(",", "."), Like(",", "\u202F"), Like(".", ",") };

        private static CultureInfo Like(string decimalSeparator, string groupSeparator)
        {
            var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            culture.NumberFormat.NumberDecimalSeparator = decimalSeparator;
            culture.NumberFormat.NumberGroupSeparator = groupSeparator;
            culture.NumberFormat.CurrencyDecimalSeparator = decimalSeparator;
            culture.NumberFormat.CurrencyGroupSeparator = groupSeparator;
            return culture;
        }

        private static T UnderCulture<T>(CultureInfo culture, Func<T> action)
        {
            CultureInfo saved = CultureInfo.CurrentCulture, savedUi = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
                return action();
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
                CultureInfo.CurrentUICulture = savedUi;
            }
        }
    }
}
