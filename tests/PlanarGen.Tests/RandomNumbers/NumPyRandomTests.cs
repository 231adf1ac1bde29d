using System;
using System.Linq;
using Xunit;
using static PlanarGen.Tests.RandomNumbers.ReferenceData;

namespace PlanarGen.Tests.RandomNumbers
{
    public class NumPyRandomTests
    {
        [Fact]
        public void RandnAfterSeedOneMatchesDesignCheckValues()
        {
            var random = new NumPyRandom(1);
            BitExact(1.6243453636632417, random.Randn(), "randn #0");
            BitExact(-0.6117564136500754, random.Randn(), "randn #1");
            BitExact(-0.5281717522634557, random.Randn(), "randn #2");
        }

        [Fact]
        public void RandnAfterSeedTwoMatchesDesignCheckValues()
        {
            var random = new NumPyRandom(2);
            BitExact(-0.4167578474054706, random.Randn(), "randn #0");
            BitExact(-0.056266827226329474, random.Randn(), "randn #1");
        }

        [Fact]
        public void RandAfterSeedOneMatchesDesignCheckValues()
        {
            var random = new NumPyRandom(1);
            BitExact(0.417022004702574, random.Rand(), "rand #0");
            BitExact(0.7203244934421581, random.Rand(), "rand #1");
        }

        [Theory]
        [InlineData(0u)]
        [InlineData(1u)]
        [InlineData(2u)]
        [InlineData(3u)]
        [InlineData(42u)]
        public void TwoThousandRandnDrawsMatchNumPy(uint seed)
        {
            double[] expected = Doubles($"randn_seed{seed}.txt");
            Assert.Equal(2000, expected.Length);
            var actual = new double[expected.Length];
            new NumPyRandom(seed).Randn(actual);
            BitExact(expected, actual, $"randn seed {seed}");
        }

        [Theory]
        [InlineData(0u)]
        [InlineData(1u)]
        [InlineData(2u)]
        [InlineData(3u)]
        [InlineData(42u)]
        public void TwoThousandRandDrawsMatchNumPy(uint seed)
        {
            double[] expected = Doubles($"rand_seed{seed}.txt");
            Assert.Equal(2000, expected.Length);
            var actual = new double[expected.Length];
            new NumPyRandom(seed).Rand(actual);
            BitExact(expected, actual, $"rand seed {seed}");
        }

        [Fact]
        public void RawWordsAfterSeedOneMatchNumPy()
        {
            uint[] expected = Lines("uint32_seed1.txt").Select(uint.Parse).ToArray();
            Assert.Equal(2000, expected.Length);
            var random = new NumPyRandom(1);
            for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], random.NextUInt32());
        }

        [Fact]
        public void SeedDropsTheCachedNormal()
        {
            var random = new NumPyRandom(1);
            random.Randn(); // leaves the pair's second value cached
            random.Seed(1);
            BitExact(1.6243453636632417, random.Randn(), "randn after reseed");
        }

        [Fact]
        public void SpanFillsEqualSingleDraws()
        {
            var filled = new double[7];
            new NumPyRandom(5).Randn(filled);
            var single = new NumPyRandom(5);
            for (int i = 0; i < filled.Length; i++) BitExact(single.Randn(), filled[i], $"randn[{i}]");
        }

        [Fact]
        public void InstancesDoNotShareState()
        {
            var a = new NumPyRandom(1);
            var b = new NumPyRandom(1);
            a.Randn();
            a.Randn();
            BitExact(1.6243453636632417, b.Randn(), "second generator's first draw");
        }
    }
}
