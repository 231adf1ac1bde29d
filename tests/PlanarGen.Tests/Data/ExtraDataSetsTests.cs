using System;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Xunit;

namespace PlanarGen.Tests.Data
{
    /// <summary>
    /// The notebook's extra data sets: bit-exact against scikit-learn 1.2.1 (hashes of its output), then their
    /// distributions by statistics. Tolerances are four standard errors (noise / √n) unless said otherwise.
    /// </summary>
    public class ExtraDataSetsTests
    {
        private const int M = PlanarDataSets.ExtraSampleCount;

        // SHA-256 of X (2 x 200, row-major, little-endian float64) and of Y (float64) as scikit-learn 1.2.1 makes them
        // with random_state=np.random.RandomState(seed) (blobs: random_state=5, Y % 2), on numpy 1.24.2 with glibc maths.
        [Theory]
        [InlineData("noisy_circles", 0u, "d8fba22d2216554698f38b460550b02758e11af841b396ef9e0c1e5f7e301045", "2975d596057f7a66879de284e83327400d14ddb3bbf896c433aada32d20af0a7")]
        [InlineData("noisy_circles", 1u, "0c280d07a3f8d08ba5c0f5ae40ccb1915c7eb592bb4f19d85afa30deb27b384c", "adbe7395694a74d0773aaf30c0ea36c0755f5637be7543c8645613c41f94b76a")]
        [InlineData("noisy_circles", 5u, "514cb08b2f2c37f46fa20453c65a0b3c874d505d3f9c559b171b2b6e7097b7c6", "ac3d08b6b647141e8a0a8de66a5c2f3280acefa4b3b1b2e7706ab3bce25bcb43")]
        [InlineData("noisy_moons", 1u, "4f493b60319173352154eaba0e25c636911a7a9ef315dbb8f31f50fd8458a327", "adbe7395694a74d0773aaf30c0ea36c0755f5637be7543c8645613c41f94b76a")]
        [InlineData("noisy_moons", 5u, "b149e3ca03372277162e4b6b7ede72e0d4e607f7c8070dd6df608954bb715d1e", "ac3d08b6b647141e8a0a8de66a5c2f3280acefa4b3b1b2e7706ab3bce25bcb43")]
        [InlineData("blobs", 1u, "69af9fab710a2d5bfb093c06b657c7058ec6d724528b6fd36f362c33b6781066", "4a4b50f6fe8bb5796a4decac047b8050dc064d9d7bab2c52d19fe5232fc94e95")]
        [InlineData("blobs", 5u, "c9d8e96f877b168f6c300eb8536ec5951c13927f8c04b78b21c2ae99706660f4", "77ad6ecab72e7d7c4aa13d91fdf0773bdaac96d74266b51842110bdc6a4a934c")]
        [InlineData("gaussian_quantiles", 1u, "25557962686261bcd2a5b887b3ed1856076be9ea657d6c958a5a483f5687dd3c", "44f53ea8717feba7c8a5fe19d673cf499a98a0002cac48c87a0c530c81c98cbf")]
        [InlineData("gaussian_quantiles", 2u, "5f930b60e4e6f1e2e955d5047c768bed141242888e205d293e42ef04b3681e4d", "fd7472e8d05e84efcc83c3a34af8a95046fa51cbc2c1483e7306f9d7c096b38c")]
        [InlineData("gaussian_quantiles", 5u, "ed8f45c377196b494bdf6ce88cca39da61d5a43551fb303b12c91c6a3f098548", "5840b28b8333741ea98ec63b26c3b66d50bba8883bfc0a2901f236a872390095")]
        [InlineData("no_structure", 1u, "bcee674f9dc3ea48e1df7e896f85a53851e7c24f97e17a725a84d551a8886efb", "fb26d509799ab10557559204d75650a2e4dc2ca57bff55e1080ca79ac4d1f7cd")]
        public void DataSetMatchesScikitLearnBitForBit(string name, uint seed, string xHash, string yHash)
        {
            PlanarData<double> data = Make(name, seed);
            Assert.Equal(xHash, Sha256(data.X));
            Assert.Equal(yHash, Sha256(data.Y));
        }

        [Fact]
        public void FirstNoisyCircleSampleMatchesScikitLearn()
        {
            // make_circles(200, factor=0.5, noise=0.3, random_state=RandomState(1)): X[0] = (-0.9477598904183309, -0.5840021590623449), y[0] = 0.
            PlanarData<double> data = PlanarDataSets.NoisyCircles(1);
            Assert.Equal(-0.9477598904183309, data.Feature(0, 0));
            Assert.Equal(-0.5840021590623449, data.Feature(1, 0));
            Assert.Equal(0.0, data.Label(0, 0));
        }

        [Theory]
        [MemberData(nameof(ExtraNames))]
        public void ExtraDataSetsHaveTheNotebookShapes(string name)
        {
            PlanarData<double> data = PlanarDataSets.ByName(name);
            Assert.Equal(2, data.FeatureCount);
            Assert.Equal(1, data.OutputCount);
            Assert.Equal(M, data.SampleCount);
            Assert.Equal(2 * M, data.X.Length);
            Assert.Equal(M, data.Y.Length);
        }

        [Theory]
        [InlineData("noisy_circles")]
        [InlineData("noisy_moons")]
        [InlineData("blobs")]
        [InlineData("gaussian_quantiles")]
        public void GeneratorsWithEqualClassSizesGiveExactly100OfEach(string name)
        {
            for (uint seed = 0; seed < 4; seed++)
                Assert.Equal(100, Make(name, seed).Y.Count(v => v == 1.0));
        }

        [Theory]
        [MemberData(nameof(ExtraNames))]
        public void SameSeedGivesTheSameBitsAndDifferentSeedsDiffer(string name)
        {
            PlanarData<double> a = Make(name, 7), b = Make(name, 7), c = Make(name, 8);
            Assert.Equal(Sha256(a.X), Sha256(b.X));
            Assert.Equal(Sha256(a.Y), Sha256(b.Y));
            Assert.NotEqual(Sha256(a.X), Sha256(c.X));
        }

        [Fact]
        public void DefaultSeedsAreTheDocumentedOnes()
        {
            Assert.Equal(Sha256(PlanarDataSets.NoisyCircles(0).X), Sha256(PlanarDataSets.NoisyCircles().X));
            Assert.Equal(Sha256(PlanarDataSets.NoisyMoons(1).X), Sha256(PlanarDataSets.NoisyMoons().X));
            Assert.Equal(Sha256(PlanarDataSets.Blobs(5).X), Sha256(PlanarDataSets.Blobs().X));
            Assert.Equal(Sha256(PlanarDataSets.GaussianQuantiles(2).X), Sha256(PlanarDataSets.GaussianQuantiles().X));
            Assert.Equal(Sha256(PlanarDataSets.NoStructure(1).X), Sha256(PlanarDataSets.NoStructure().X));
        }

        [Fact]
        public void CircleMeanSquaredRadiiAreRadiusSquaredPlusTwiceTheNoiseVariance()
        {
            // E|c + n|² = r² + 2σ², and Var|c + n|² = 4r²σ² + 4σ⁴ for n ~ N(0, σ² I).
            const double sigma = 0.3;
            foreach (uint seed in new uint[] { 0, 1, 2 })
            {
                PlanarData<double> data = PlanarDataSets.NoisyCircles(seed);
                foreach ((double label, double r) in new[] { (0.0, 1.0), (1.0, 0.5) })
                {
                    double[] squares = Enumerable.Range(0, M).Where(i => data.Label(0, i) == label)
                        .Select(i => Square(data.Feature(0, i)) + Square(data.Feature(1, i))).ToArray();
                    double expected = r * r + 2 * sigma * sigma;
                    double standardError = Math.Sqrt(4 * r * r * sigma * sigma + 4 * Math.Pow(sigma, 4)) / Math.Sqrt(squares.Length);
                    Assert.InRange(squares.Average(), expected - 4 * standardError, expected + 4 * standardError);
                }
            }
        }

        [Fact]
        public void NoiselessCirclesHaveRadiiOneAndAHalfAtEvenlySpacedAngles()
        {
            PlanarData<double> data = PlanarDataSets.Circles(3, 0.0);
            var angles0 = new System.Collections.Generic.List<double>();
            for (int i = 0; i < M; i++)
            {
                double r = Math.Sqrt(Square(data.Feature(0, i)) + Square(data.Feature(1, i)));
                Assert.Equal(data.Label(0, i) == 0 ? 1.0 : 0.5, r, 12);
                if (data.Label(0, i) == 0) angles0.Add(Math.Atan2(data.Feature(1, i), data.Feature(0, i)));
            }

            double[] sorted = angles0.OrderBy(a => a).ToArray();
            for (int k = 1; k < sorted.Length; k++) Assert.Equal(2 * Math.PI / 100, sorted[k] - sorted[k - 1], 9);
        }

        [Theory]
        [InlineData("noisy_circles", 0.3)]
        [InlineData("noisy_moons", 0.2)]
        public void NoiseHasTheRequestedStandardDeviation(string name, double sigma)
        {
            // Same seed, same shuffle: the difference from the noiseless set is the noise itself (400 draws).
            foreach (uint seed in new uint[] { 0, 1, 2 })
            {
                PlanarData<double> noisy = Make(name, seed);
                PlanarData<double> clean = name == "noisy_circles" ? PlanarDataSets.Circles(seed, 0) : PlanarDataSets.Moons(seed, 0);
                Assert.Equal(clean.Y, noisy.Y);
                double[] noise = noisy.X.Zip(clean.X, (a, b) => a - b).ToArray();
                double mean = noise.Average();
                double std = Math.Sqrt(noise.Select(v => Square(v - mean)).Sum() / (noise.Length - 1));
                Assert.InRange(mean, -4 * sigma / Math.Sqrt(noise.Length), 4 * sigma / Math.Sqrt(noise.Length));
                double stdError = sigma / Math.Sqrt(2.0 * noise.Length); // standard error of a normal sample's std
                Assert.InRange(std, sigma - 4 * stdError, sigma + 4 * stdError);
            }
        }

        [Fact]
        public void NoiselessMoonsLieOnTheirHalfCircles()
        {
            PlanarData<double> data = PlanarDataSets.Moons(2, 0.0);
            for (int i = 0; i < M; i++)
            {
                double x = data.Feature(0, i), y = data.Feature(1, i);
                if (data.Label(0, i) == 0)
                {
                    Assert.Equal(1.0, x * x + y * y, 12); // outer moon: (cos t, sin t), upper half
                    Assert.True(y >= 0);
                }
                else
                {
                    Assert.Equal(1.0, Square(x - 1) + Square(y - 0.5), 12); // inner moon: (1 - cos t, 0.5 - sin t), lower half
                    Assert.True(y <= 0.5 + 1e-15);
                }
            }
        }

        [Fact]
        public void NoisyMoonClassMeansAreNearTheMoonsCentroids()
        {
            // Centroids of t = linspace(0, π, 100): outer (0, 0.63020068...), inner (1, -0.13020068...).
            const double sigma = 0.2, meanSinT = 0.6302006849910226;
            double tolerance = 4 * sigma / Math.Sqrt(100);
            foreach (uint seed in new uint[] { 0, 1, 2 })
            {
                PlanarData<double> data = PlanarDataSets.NoisyMoons(seed);
                AssertClassMean(data, 0, 0.0, meanSinT, tolerance);
                AssertClassMean(data, 1, 1.0, 0.5 - meanSinT, tolerance);
            }
        }

        [Fact]
        public void BlobCentresAreScikitLearnsForRandomState5()
        {
            var centres = new double[12];
            var centreOf = new int[M];
            PlanarDataSets.BlobsWithCentres(5, centres, centreOf);
            double[] expected =
            {
                -5.56013657820521, 7.414646123547527, -5.865616893211472, 8.372218158758432, -0.2317762241034167, 2.234877258052915,
                5.318157129606311, 0.3683597574588653, -4.0639899684755605, -6.245575426774968, -8.385174624702502, 4.7688059239794,
            };
            Assert.Equal(expected, centres);
            Assert.Equal(new[] { 34, 34, 33, 33, 33, 33 }, Enumerable.Range(0, 6).Select(k => centreOf.Count(c => c == k)).ToArray());
        }

        [Fact]
        public void BlobPointsAreNearTheirCentresInsideTheBoxAndLabelledByCentreParity()
        {
            foreach (uint seed in new uint[] { 1, 5, 9 })
            {
                var centres = new double[12];
                var centreOf = new int[M];
                PlanarData<double> data = PlanarDataSets.BlobsWithCentres(seed, centres, centreOf);
                Assert.All(centres, c => Assert.InRange(c, -10.0, 10.0));
                double sumSquares = 0;
                for (int i = 0; i < M; i++)
                {
                    int k = centreOf[i];
                    double dx = data.Feature(0, i) - centres[2 * k], dy = data.Feature(1, i) - centres[2 * k + 1];
                    Assert.InRange(Math.Abs(dx), 0, 5.0); // cluster_std 1: beyond 5σ has probability ~6e-7 per draw
                    Assert.InRange(Math.Abs(dy), 0, 5.0);
                    sumSquares += dx * dx + dy * dy;
                    Assert.Equal(k % 2, data.Label(0, i));
                }

                // |d|² ~ χ²₂: mean 2, variance 4, so the mean over 200 has standard error 2/√200.
                Assert.InRange(sumSquares / M, 2 - 4 * 2 / Math.Sqrt(M), 2 + 4 * 2 / Math.Sqrt(M));
                Assert.Equal(Sha256(PlanarDataSets.Blobs(seed).X), Sha256(data.X));
            }
        }

        [Fact]
        public void GaussianQuantileClassesSplitAtTheMedianRadius()
        {
            foreach (uint seed in new uint[] { 1, 2, 3 })
            {
                PlanarData<double> data = PlanarDataSets.GaussianQuantiles(seed);
                double[] r2 = Enumerable.Range(0, M).Select(i => Square(data.Feature(0, i)) + Square(data.Feature(1, i))).ToArray();
                double innerMax = Enumerable.Range(0, M).Where(i => data.Label(0, i) == 0).Max(i => r2[i]);
                double outerMin = Enumerable.Range(0, M).Where(i => data.Label(0, i) == 1).Min(i => r2[i]);
                Assert.True(innerMax < outerMin, $"seed {seed}: inner max {innerMax} >= outer min {outerMin}");

                // N(0, 0.5 I): |x|² / 0.5 ~ χ²₂, whose median is 2 ln 2, so the split radius² is near ln 2.
                double split = (innerMax + outerMin) / 2;
                Assert.InRange(split, Math.Log(2) * 0.7, Math.Log(2) * 1.3);
                foreach (int f in new[] { 0, 1 })
                {
                    double[] v = Enumerable.Range(0, M).Select(i => data.Feature(f, i)).ToArray();
                    double mean = v.Average(), variance = v.Select(a => Square(a - mean)).Sum() / (M - 1);
                    Assert.InRange(mean, -4 * Math.Sqrt(0.5 / M), 4 * Math.Sqrt(0.5 / M));
                    Assert.InRange(variance, 0.5 - 4 * 0.5 * Math.Sqrt(2.0 / M), 0.5 + 4 * 0.5 * Math.Sqrt(2.0 / M));
                }
            }
        }

        [Fact]
        public void NoStructureIsUniformFeaturesAndCoinFlipLabels()
        {
            foreach (uint seed in new uint[] { 1, 2, 3 })
            {
                PlanarData<double> data = PlanarDataSets.NoStructure(seed);
                Assert.All(data.X, v => Assert.InRange(v, 0.0, 1.0 - 1e-17));
                double tolerance = 4 * Math.Sqrt(1.0 / 12 / M);
                Assert.InRange(Enumerable.Range(0, M).Average(i => data.Feature(0, i)), 0.5 - tolerance, 0.5 + tolerance);
                Assert.InRange(Enumerable.Range(0, M).Average(i => data.Feature(1, i)), 0.5 - tolerance, 0.5 + tolerance);
                int ones = data.Y.Count(v => v == 1.0);
                Assert.InRange(ones, 100 - 4 * Math.Sqrt(50), 100 + 4 * Math.Sqrt(50));
            }
        }

        [Fact]
        public void NamesListsTheNotebookDataSetsInOrder()
        {
            Assert.Equal(new[] { "flower", "noisy_circles", "noisy_moons", "blobs", "gaussian_quantiles", "no_structure" },
                PlanarDataSets.Names.ToArray());
        }

        [Fact]
        public void ByNameReturnsTheDefaultSeededSets()
        {
            Assert.Equal(Sha256(PlanarDataSets.Flower().X), Sha256(PlanarDataSets.ByName("flower").X));
            Assert.Equal(400, PlanarDataSets.ByName("flower").SampleCount);
            Assert.Equal(Sha256(PlanarDataSets.NoisyCircles().X), Sha256(PlanarDataSets.ByName("noisy_circles").X));
            Assert.Equal(Sha256(PlanarDataSets.NoisyMoons().X), Sha256(PlanarDataSets.ByName("noisy_moons").X));
            Assert.Equal(Sha256(PlanarDataSets.Blobs().X), Sha256(PlanarDataSets.ByName("blobs").X));
            Assert.Equal(Sha256(PlanarDataSets.GaussianQuantiles().X), Sha256(PlanarDataSets.ByName("gaussian_quantiles").X));
            Assert.Equal(Sha256(PlanarDataSets.NoStructure().Y), Sha256(PlanarDataSets.ByName("no_structure").Y));
        }

        [Theory]
        [InlineData("moons")]
        [InlineData("Flower")]
        [InlineData("")]
        public void ByNameRejectsUnknownNamesListingTheValidOnes(string name)
        {
            var e = Assert.Throws<ArgumentException>(() => PlanarDataSets.ByName(name));
            Assert.Equal("name", e.ParamName);
            Assert.StartsWith(
                $"Expected one of flower, noisy_circles, noisy_moons, blobs, gaussian_quantiles, no_structure, but got '{name}'.",
                e.Message);
        }

        [Fact]
        public void ByNameRejectsNull() => Assert.Throws<ArgumentNullException>(() => PlanarDataSets.ByName(null!));

        public static TheoryData<string> ExtraNames() =>
            new TheoryData<string> { "noisy_circles", "noisy_moons", "blobs", "gaussian_quantiles", "no_structure" };

        internal static PlanarData<double> Make(string name, uint seed) => name switch
        {
            "noisy_circles" => PlanarDataSets.NoisyCircles(seed),
            "noisy_moons" => PlanarDataSets.NoisyMoons(seed),
            "blobs" => PlanarDataSets.Blobs(seed),
            "gaussian_quantiles" => PlanarDataSets.GaussianQuantiles(seed),
            "no_structure" => PlanarDataSets.NoStructure(seed),
            _ => throw new ArgumentException($"Unknown data set {name}.", nameof(name)),
        };

        private static void AssertClassMean(PlanarData<double> data, double label, double x, double y, double tolerance)
        {
            int[] members = Enumerable.Range(0, M).Where(i => data.Label(0, i) == label).ToArray();
            Assert.InRange(members.Average(i => data.Feature(0, i)), x - tolerance, x + tolerance);
            Assert.InRange(members.Average(i => data.Feature(1, i)), y - tolerance, y + tolerance);
        }

        private static double Square(double v) => v * v;

        private static string Sha256(double[] values) =>
            Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(values.AsSpan()))).ToLowerInvariant();
    }
}
