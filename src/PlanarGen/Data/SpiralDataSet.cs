using System;

namespace PlanarGen
{
    public static partial class PlanarDataSets
    {
        /// <summary>Default seed of <see cref="Spiral"/>.</summary>
        public const uint DefaultSpiralSeed = 0;

        /// <summary>Default points per arm of <see cref="Spiral"/> (100, so 300 samples for 3 classes).</summary>
        public const int DefaultSpiralPointsPerClass = 100;

        /// <summary>Default number of arms (classes) of <see cref="Spiral"/>.</summary>
        public const int DefaultSpiralClasses = 3;

        /// <summary>
        /// The classic multi-class spiral (Stanford CS231n's "Putting it together: minimal neural network case study"):
        /// for arm <c>j</c>, <c>r = linspace(0, 1, N)</c>, <c>t = linspace(4j, 4(j + 1), N) + 0.2 randn(N)</c>, points
        /// <c>(r sin t, r cos t)</c>, label <c>j</c>; arms drawn in order, one <c>randn(N)</c> each, after
        /// <c>np.random.seed(seed)</c>. No linear boundary separates the arms.
        /// </summary>
        /// <param name="pointsPerClass">Points per arm, at least 1.</param>
        /// <param name="classes">Arms (classes), 2 to <see cref="NetworkLimits.MaxOutputs"/>.</param>
        /// <param name="seed">The <see cref="NumPyRandom"/> seed.</param>
        /// <returns>X is 2 x (pointsPerClass x classes) and Y is classes x samples, row-major, samples ordered arm by
        /// arm; each column of Y is one-hot (row j is 1 for the samples of arm j).</returns>
        /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
        public static PlanarData<double> Spiral(int pointsPerClass = DefaultSpiralPointsPerClass, int classes = DefaultSpiralClasses,
            uint seed = DefaultSpiralSeed)
        {
            if (pointsPerClass < 1 || pointsPerClass > int.MaxValue / NetworkLimits.MaxOutputs / NetworkLimits.MaxOutputs)
                throw new ArgumentOutOfRangeException(nameof(pointsPerClass), pointsPerClass,
                    $"Expected at least 1 point per class (and at most {int.MaxValue / NetworkLimits.MaxOutputs / NetworkLimits.MaxOutputs}), but got {pointsPerClass}.");
            if (classes < 2 || classes > NetworkLimits.MaxOutputs)
                throw new ArgumentOutOfRangeException(nameof(classes), classes,
                    $"Expected 2 to {NetworkLimits.MaxOutputs} classes, but got {classes}.");
            int m = pointsPerClass * classes;
            var x = new double[2 * m];
            var y = new double[classes * m];
            var random = new NumPyRandom(seed);
            double[] r = NumPy.Linspace(0.0, 1.0, pointsPerClass);
            for (int j = 0; j < classes; j++)
            {
                double[] t = NumPy.Linspace(j * 4.0, (j + 1) * 4.0, pointsPerClass);
                for (int i = 0; i < pointsPerClass; i++)
                {
                    double angle = t[i] + random.Randn() * 0.2;
                    int sample = j * pointsPerClass + i;
                    x[sample] = r[i] * Math.Sin(angle);
                    x[m + sample] = r[i] * Math.Cos(angle);
                    y[j * m + sample] = 1;
                }
            }

            return new PlanarData<double>(x, y, m);
        }
    }
}
