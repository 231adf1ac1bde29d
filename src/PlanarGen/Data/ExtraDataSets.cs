using System;
using System.Collections.Generic;

namespace PlanarGen
{
    /// <summary>
    /// The notebook's <c>load_extra_datasets()</c>: the five scikit-learn data sets of part 5, re-implemented on
    /// <see cref="NumPyRandom"/> (NumPy's legacy <c>RandomState</c>), so a seed gives the same draws scikit-learn 1.2
    /// makes with <c>random_state=np.random.RandomState(seed)</c>.
    /// </summary>
    public static partial class PlanarDataSets
    {
        /// <summary>Samples in each extra data set (the notebook's <c>N = 200</c>).</summary>
        public const int ExtraSampleCount = 200;

        /// <summary>Default seed of <see cref="NoisyCircles"/>: 0, the first seed for which the notebook's network
        /// (4 tanh units, 10,000 iterations, learning rate 1.2) lands in the notebook's 76-79 % (it gives 78.5 %).</summary>
        public const uint DefaultNoisyCirclesSeed = 0;

        /// <summary>Default seed of <see cref="NoisyMoons"/> (the notebook's network gives 97.5 %).</summary>
        public const uint DefaultNoisyMoonsSeed = 1;

        /// <summary>Default seed of <see cref="Blobs"/>: the notebook's <c>random_state=5</c> (the network gives 83 %).</summary>
        public const uint DefaultBlobsSeed = 5;

        /// <summary>Default seed of <see cref="GaussianQuantiles"/>: 2, the first seed for which the notebook's network
        /// lands near the notebook's 98 % (it gives 98.5 %; seed 1 gives 100 %).</summary>
        public const uint DefaultGaussianQuantilesSeed = 2;

        /// <summary>Default seed of <see cref="NoStructure"/> (the network gives 59 %, about chance plus overfitting).</summary>
        public const uint DefaultNoStructureSeed = 1;

        private static readonly string[] NameList =
            { "flower", "noisy_circles", "noisy_moons", "blobs", "gaussian_quantiles", "no_structure" };

        /// <summary>
        /// The names <see cref="ByName"/> accepts, in the notebook's order: <c>flower</c>, <c>noisy_circles</c>,
        /// <c>noisy_moons</c>, <c>blobs</c>, <c>gaussian_quantiles</c>, <c>no_structure</c>.
        /// </summary>
        public static IReadOnlyList<string> Names => Array.AsReadOnly(NameList);

        /// <summary>
        /// A data set by the notebook's name, with its default seed: <c>flower</c> (400 samples), or one of the extra
        /// sets (200 samples): <c>noisy_circles</c>, <c>noisy_moons</c>, <c>blobs</c>, <c>gaussian_quantiles</c>,
        /// <c>no_structure</c>. Names are matched exactly (ordinal, lower case).
        /// </summary>
        /// <param name="name">The data set's name.</param>
        /// <returns>X is 2 x samples and Y is 1 x samples, row-major.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="name"/> is not one of <see cref="Names"/>.</exception>
        public static PlanarData<double> ByName(string name)
        {
            if (name is null) throw new ArgumentNullException(nameof(name));
            switch (name)
            {
                case "flower": return Flower();
                case "noisy_circles": return NoisyCircles();
                case "noisy_moons": return NoisyMoons();
                case "blobs": return Blobs();
                case "gaussian_quantiles": return GaussianQuantiles();
                case "no_structure": return NoStructure();
                default:
                    throw new ArgumentException(
                        $"Expected one of {string.Join(", ", NameList)}, but got '{name}'.", nameof(name));
            }
        }

        /// <summary>
        /// <c>sklearn.datasets.make_circles(n_samples=200, factor=0.5, noise=0.3)</c>: 100 points on the unit circle
        /// (label 0) and 100 on the circle of radius 0.5 (label 1), each at angles <c>linspace(0, 2π, 100,
        /// endpoint=False)</c>; the samples are shuffled (NumPy's <c>shuffle</c> of the indices), then Gaussian noise
        /// of standard deviation 0.3 is added to each coordinate (<c>normal(scale=0.3, size=(200, 2))</c>, drawn
        /// sample by sample).
        /// </summary>
        /// <param name="seed">The <see cref="NumPyRandom"/> seed (scikit-learn's <c>random_state</c>).</param>
        /// <returns>X is 2 x 200 and Y is 1 x 200, row-major; exactly 100 samples of each class.</returns>
        public static PlanarData<double> NoisyCircles(uint seed = DefaultNoisyCirclesSeed) => Circles(seed, 0.3);

        /// <summary><c>make_circles(n_samples=200, factor=0.5, noise=noise)</c>; noise 0 draws no noise.</summary>
        internal static PlanarData<double> Circles(uint seed, double noise)
        {
            const int m = ExtraSampleCount;
            const int outer = m / 2;
            const int inner = m - outer;
            const double factor = 0.5;
            var x0 = new double[m];
            var x1 = new double[m];
            var labels = new double[m];
            double outerStep = 2 * Math.PI / outer;
            double innerStep = 2 * Math.PI / inner;
            for (int i = 0; i < outer; i++)
            {
                double t = i * outerStep;
                x0[i] = Math.Cos(t);
                x1[i] = Math.Sin(t);
            }

            for (int i = 0; i < inner; i++)
            {
                double t = i * innerStep;
                x0[outer + i] = Math.Cos(t) * factor;
                x1[outer + i] = Math.Sin(t) * factor;
                labels[outer + i] = 1;
            }

            var random = new NumPyRandom(seed);
            return ShuffleThenAddNoise(random, x0, x1, labels, noise);
        }

        /// <summary>
        /// <c>sklearn.datasets.make_moons(n_samples=200, noise=0.2)</c>: the outer moon <c>(cos t, sin t)</c> (label 0)
        /// and the inner moon <c>(1 - cos t, 1 - sin t - 0.5)</c> (label 1), each with <c>t = linspace(0, π, 100)</c>;
        /// shuffled, then Gaussian noise of standard deviation 0.2 is added to each coordinate.
        /// </summary>
        /// <param name="seed">The <see cref="NumPyRandom"/> seed (scikit-learn's <c>random_state</c>).</param>
        /// <returns>X is 2 x 200 and Y is 1 x 200, row-major; exactly 100 samples of each class.</returns>
        public static PlanarData<double> NoisyMoons(uint seed = DefaultNoisyMoonsSeed) => Moons(seed, 0.2);

        /// <summary><c>make_moons(n_samples=200, noise=noise)</c>; noise 0 draws no noise.</summary>
        internal static PlanarData<double> Moons(uint seed, double noise)
        {
            const int m = ExtraSampleCount;
            const int outer = m / 2;
            const int inner = m - outer;
            var x0 = new double[m];
            var x1 = new double[m];
            var labels = new double[m];
            double[] tOuter = NumPy.Linspace(0, Math.PI, outer);
            double[] tInner = NumPy.Linspace(0, Math.PI, inner);
            for (int i = 0; i < outer; i++)
            {
                x0[i] = Math.Cos(tOuter[i]);
                x1[i] = Math.Sin(tOuter[i]);
            }

            for (int i = 0; i < inner; i++)
            {
                x0[outer + i] = 1 - Math.Cos(tInner[i]);
                x1[outer + i] = 1 - Math.Sin(tInner[i]) - 0.5;
                labels[outer + i] = 1;
            }

            var random = new NumPyRandom(seed);
            return ShuffleThenAddNoise(random, x0, x1, labels, noise);
        }

        /// <summary>
        /// <c>sklearn.datasets.make_blobs(n_samples=200, random_state=5, n_features=2, centers=6)</c> followed by the
        /// notebook's <c>Y = Y % 2</c>: six centres drawn uniformly in (-10, 10)² (<c>uniform(-10, 10, (6, 2))</c>),
        /// then 34, 34, 33, 33, 33, 33 points around centres 0 to 5 (<c>normal(loc=centre, scale=1.0)</c>), then
        /// shuffled. The label is the centre's index modulo 2, so centres 0, 2, 4 give 0 and 1, 3, 5 give 1
        /// (100 samples of each label).
        /// </summary>
        /// <param name="seed">The <see cref="NumPyRandom"/> seed; the notebook's is 5.</param>
        /// <returns>X is 2 x 200 and Y is 1 x 200, row-major.</returns>
        public static PlanarData<double> Blobs(uint seed = DefaultBlobsSeed) => BlobsWithCentres(seed, null, null);

        /// <summary>
        /// <see cref="Blobs"/>, also returning the centres (6 x 2, row-major) and each sample's centre index (before
        /// the modulo), for tests and plots.
        /// </summary>
        internal static PlanarData<double> BlobsWithCentres(uint seed, double[]? centres, int[]? centreOfSample)
        {
            const int m = ExtraSampleCount;
            const int centreCount = 6;
            var random = new NumPyRandom(seed);
            var c = new double[centreCount * 2];
            for (int i = 0; i < c.Length; i++) c[i] = -10.0 + 20.0 * random.Rand();

            var x0 = new double[m];
            var x1 = new double[m];
            var index = new int[m];
            int at = 0;
            for (int k = 0; k < centreCount; k++)
            {
                int count = m / centreCount + (k < m % centreCount ? 1 : 0);
                for (int i = 0; i < count; i++, at++)
                {
                    x0[at] = c[2 * k] + 1.0 * random.Randn();
                    x1[at] = c[2 * k + 1] + 1.0 * random.Randn();
                    index[at] = k;
                }
            }

            int[] order = ShuffledIndices(random, m);
            var x = new double[2 * m];
            var y = new double[m];
            for (int i = 0; i < m; i++)
            {
                int j = order[i];
                x[i] = x0[j];
                x[m + i] = x1[j];
                y[i] = index[j] % 2;
                if (centreOfSample != null) centreOfSample[i] = index[j];
            }

            if (centres != null) c.AsSpan().CopyTo(centres);
            return new PlanarData<double>(x, y, m);
        }

        /// <summary>
        /// <c>sklearn.datasets.make_gaussian_quantiles(mean=None, cov=0.5, n_samples=200, n_features=2,
        /// n_classes=2)</c>: 200 points from N(0, 0.5 I) (<c>multivariate_normal</c>, i.e. standard normals drawn
        /// sample by sample and scaled by √0.5), sorted by squared distance from the mean; the nearer 100 get label 0
        /// and the farther 100 label 1 (the split is at the median radius); then shuffled.
        /// </summary>
        /// <param name="seed">The <see cref="NumPyRandom"/> seed (scikit-learn's <c>random_state</c>).</param>
        /// <returns>X is 2 x 200 and Y is 1 x 200, row-major; exactly 100 samples of each class.</returns>
        public static PlanarData<double> GaussianQuantiles(uint seed = DefaultGaussianQuantilesSeed)
        {
            const int m = ExtraSampleCount;
            const int classes = 2;
            var random = new NumPyRandom(seed);
            double scale = Math.Sqrt(0.5);
            var raw0 = new double[m];
            var raw1 = new double[m];
            var distance = new double[m];
            var byDistance = new int[m];
            for (int i = 0; i < m; i++)
            {
                raw0[i] = random.Randn() * scale;
                raw1[i] = random.Randn() * scale;
                distance[i] = raw0[i] * raw0[i] + raw1[i] * raw1[i];
                byDistance[i] = i;
            }

            // np.argsort (quicksort) is not stable, but distances of continuous draws do not tie.
            Array.Sort(distance, byDistance);
            var x0 = new double[m];
            var x1 = new double[m];
            var labels = new double[m];
            const int step = m / classes;
            for (int i = 0; i < m; i++)
            {
                x0[i] = raw0[byDistance[i]];
                x1[i] = raw1[byDistance[i]];
                labels[i] = Math.Min(i / step, classes - 1);
            }

            return ShuffleThenAddNoise(random, x0, x1, labels, 0.0);
        }

        /// <summary>
        /// The notebook's <c>no_structure = np.random.rand(N, 2), np.random.rand(N, 2)</c>: features uniform in
        /// [0, 1)², drawn sample by sample, independent of the labels.
        /// </summary>
        /// <remarks>
        /// Deviation from the notebook: its labels are a 200 x 2 array of uniform values, which neither is 0/1 nor
        /// fits the 1 x 200 label row (the notebook's <c>Y.reshape(1, Y.shape[0])</c> fails on it). Here the second
        /// <c>rand(200, 2)</c> is still drawn, and the label of sample i is 1 when its first column is at least 0.5
        /// and 0 otherwise, so labels are fair coin flips independent of the features.
        /// </remarks>
        /// <param name="seed">The <see cref="NumPyRandom"/> seed.</param>
        /// <returns>X is 2 x 200 and Y is 1 x 200, row-major.</returns>
        public static PlanarData<double> NoStructure(uint seed = DefaultNoStructureSeed)
        {
            const int m = ExtraSampleCount;
            var random = new NumPyRandom(seed);
            var x = new double[2 * m];
            var y = new double[m];
            for (int i = 0; i < m; i++)
            {
                x[i] = random.Rand();
                x[m + i] = random.Rand();
            }

            for (int i = 0; i < m; i++)
            {
                y[i] = random.Rand() >= 0.5 ? 1 : 0;
                random.Rand(); // the unused second column
            }

            return new PlanarData<double>(x, y, m);
        }

        /// <summary>scikit-learn's <c>shuffle(X, y)</c>, then <c>X += normal(scale=noise, size=(m, 2))</c> when noise &gt; 0.</summary>
        private static PlanarData<double> ShuffleThenAddNoise(NumPyRandom random, double[] x0, double[] x1, double[] labels, double noise)
        {
            int m = labels.Length;
            int[] order = ShuffledIndices(random, m);
            var x = new double[2 * m];
            var y = new double[m];
            for (int i = 0; i < m; i++)
            {
                int j = order[i];
                x[i] = x0[j];
                x[m + i] = x1[j];
                y[i] = labels[j];
            }

            if (noise > 0)
            {
                for (int i = 0; i < m; i++)
                {
                    x[i] += noise * random.Randn();
                    x[m + i] += noise * random.Randn();
                }
            }

            return new PlanarData<double>(x, y, m);
        }

        /// <summary><c>indices = np.arange(n); RandomState.shuffle(indices)</c>.</summary>
        internal static int[] ShuffledIndices(NumPyRandom random, int n)
        {
            var indices = new int[n];
            random.Permutation(indices);
            return indices;
        }
    }
}
