using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace PlanarGen.Tests.RandomNumbers
{
    /// <summary>Reads the committed NumPy reference numbers (TestData/README.md says how they were made).</summary>
    internal static class ReferenceData
    {
        public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

        /// <summary>Non-comment lines of a TestData file.</summary>
        public static IEnumerable<string> Lines(string name) =>
            File.ReadLines(PathOf(name)).Where(l => l.Length > 0 && l[0] != '#');

        /// <summary>One double per line.</summary>
        public static double[] Doubles(string name) => Lines(name).Select(Parse).ToArray();

        public static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

        public static double[] ParseAll(string line) =>
            line.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToArray();

        /// <summary>A named row of notebook_test_cases.txt.</summary>
        public static double[] TestCase(string name)
        {
            foreach (string line in Lines("notebook_test_cases.txt"))
            {
                int space = line.IndexOf(' ');
                if (line.Substring(0, space) == name) return ParseAll(line.Substring(space + 1));
            }

            throw new InvalidOperationException($"No test case '{name}' in notebook_test_cases.txt.");
        }

        /// <summary>Asserts two doubles are the same bits, with a readable message.</summary>
        public static void BitExact(double expected, double actual, string what)
        {
            if (BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(actual))
                Assert.Fail($"{what}: expected {expected:R} but got {actual:R} (differs by {actual - expected:R}).");
        }

        public static void BitExact(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
        {
            Assert.Equal(expected.Count, actual.Count);
            for (int i = 0; i < expected.Count; i++) BitExact(expected[i], actual[i], $"{what}[{i}]");
        }

        /// <summary>
        /// Asserts <paramref name="actual"/> prints as <paramref name="printed"/>: within half a unit of the last
        /// printed digit (works for "0.00104", "-1.3076660128" and "8.32996807e-07").
        /// </summary>
        public static void Printed(string printed, double actual, string what = "value")
        {
            string mantissa = printed;
            int exponent = 0;
            int e = printed.IndexOfAny(new[] { 'e', 'E' });
            if (e >= 0)
            {
                mantissa = printed.Substring(0, e);
                exponent = int.Parse(printed.Substring(e + 1), CultureInfo.InvariantCulture);
            }

            int dot = mantissa.IndexOf('.');
            int decimals = dot < 0 ? 0 : mantissa.Length - dot - 1;
            double halfUnit = 0.5 * Math.Pow(10, exponent - decimals);
            double expected = Parse(printed);
            // A hair of slack for the decimal-to-binary rounding of the bound itself.
            if (!(Math.Abs(actual - expected) <= halfUnit * (1 + 1e-9)))
                Assert.Fail($"{what}: expected {printed} (±{halfUnit:G3}) but got {actual:R}.");
        }
    }
}
