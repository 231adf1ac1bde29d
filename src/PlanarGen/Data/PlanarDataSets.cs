using System;

namespace PlanarGen
{
    /// <summary>The course's data sets, generated exactly as the notebook generates them.</summary>
    public static partial class PlanarDataSets
    {
        /// <summary>Samples in the flower data set.</summary>
        public const int FlowerSampleCount = 400;

        /// <summary>
        /// The notebook's "flower" (<c>load_planar_dataset()</c>), bit-identical to NumPy on Linux/glibc:
        /// <c>np.random.seed(1)</c>; for class j in 0, 1: <c>t = linspace(3.12 j, 3.12 (j + 1), 200) + 0.2 randn(200)</c>,
        /// <c>r = 4 sin(4 t) + 0.2 randn(200)</c>, samples 200 j .. 200 j + 199 are <c>(r sin t, r cos t)</c> with label j.
        /// </summary>
        /// <returns>X is 2 x 400 and Y is 1 x 400, row-major.</returns>
        public static PlanarData<double> Flower()
        {
            const int m = FlowerSampleCount;
            const int n = m / 2;
            const double a = 4;
            var random = new NumPyRandom(1);
            var x = new double[2 * m];
            var y = new double[m];
            var noise = new double[n];
            var t = new double[n];
            for (int j = 0; j < 2; j++)
            {
                double[] line = NumPy.Linspace(j * 3.12, (j + 1) * 3.12, n);
                random.Randn(noise);
                for (int i = 0; i < n; i++) t[i] = line[i] + noise[i] * 0.2;
                random.Randn(noise);
                for (int i = 0; i < n; i++)
                {
                    double r = a * Math.Sin(4 * t[i]) + noise[i] * 0.2;
                    int sample = n * j + i;
                    x[sample] = r * Math.Sin(t[i]);
                    x[m + sample] = r * Math.Cos(t[i]);
                    y[sample] = j;
                }
            }

            return new PlanarData<double>(x, y, m);
        }
    }
}
