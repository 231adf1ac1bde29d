using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using static PlanarGen.Tests.RandomNumbers.ReferenceData;

namespace PlanarGen.Tests.Notebook
{
    public class NumPyTests
    {
        public static IEnumerable<object[]> LinspaceCases()
        {
            string[] lines = Lines("linspace.txt").ToArray();
            for (int i = 0; i < lines.Length; i += 2) yield return new object[] { lines[i], lines[i + 1] };
        }

        [Theory]
        [MemberData(nameof(LinspaceCases))]
        public void LinspaceMatchesNumPy(string arguments, string values)
        {
            string[] parts = arguments.Split(' ');
            double[] actual = NumPy.Linspace(Parse(parts[0]), Parse(parts[1]), int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
            BitExact(ParseAll(values), actual, $"linspace({arguments})");
        }

        [Fact]
        public void LinspaceEndsExactlyAtStop()
        {
            double[] y = NumPy.Linspace(0, 3.12, 200);
            Assert.Equal(3.12, y[199]);
            Assert.Equal(0.0, y[0]);
        }

        [Fact]
        public void LinspaceRejectsNegativeCount()
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => NumPy.Linspace(0, 1, -1));
            Assert.Contains("num is -1", e.Message);
        }

        public static IEnumerable<object[]> SumLengths() =>
            Lines("pairwise_sum.txt").Select(l => new object[] { int.Parse(l.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) });

        [Theory]
        [MemberData(nameof(SumLengths))]
        public void PairwiseSumMatchesNpSum(int n)
        {
            double[] input = Doubles("pairwise_input.txt");
            string line = Lines("pairwise_sum.txt").Single(l => l.Split(' ')[0] == n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            double expected = ParseAll(line)[1];
            BitExact(expected, NumPy.PairwiseSum(input.AsSpan(0, n)), $"np.sum(v[:{n}])");
        }

        [Fact]
        public void ReferenceSumsDistinguishPairwiseFromLeftToRight()
        {
            // Guards the test above: the committed inputs are chosen so that the summation order shows.
            int differing = Lines("pairwise_sum.txt").Select(ParseAll).Count(r => r[1] != r[2]);
            Assert.True(differing >= 10, $"only {differing} lengths differ");
        }

        [Fact]
        public void PairwiseSumOfNothingIsZero() => Assert.Equal(0.0, NumPy.PairwiseSum(ReadOnlySpan<double>.Empty));
    }
}
