using System;

namespace PlanarGen
{
    /// <summary>
    /// NumPy operations whose rounding order matters for reproducing the notebook bit for bit.
    /// </summary>
    public static class NumPy
    {
        /// <summary>
        /// <c>np.linspace(start, stop, num)</c> (endpoint included): <c>step = (stop - start) / (num - 1)</c>,
        /// <c>y[i] = i * step + start</c>, and the last element is exactly <paramref name="stop"/>.
        /// </summary>
        /// <param name="start">The first value.</param>
        /// <param name="stop">The last value.</param>
        /// <param name="num">How many values, 0 or more; 1 gives just <paramref name="start"/>.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="num"/> is negative.</exception>
        public static double[] Linspace(double start, double stop, int num)
        {
            if (num < 0)
                throw new ArgumentOutOfRangeException(nameof(num), num, $"Expected num >= 0, but num is {num}.");
            var y = new double[num];
            if (num == 0) return y;
            if (num == 1)
            {
                y[0] = start;
                return y;
            }

            double div = num - 1;
            double delta = stop - start;
            double step = delta / div;
            if (step == 0)
            {
                // NumPy divides first when the step underflows to zero.
                for (int i = 0; i < num; i++) y[i] = i / div * delta + start;
            }
            else
            {
                for (int i = 0; i < num; i++) y[i] = i * step + start;
            }

            y[num - 1] = stop;
            return y;
        }

        /// <summary>
        /// <c>np.sum</c> of a contiguous float64 run, in NumPy's pairwise order: fewer than 8 values left to right;
        /// up to 128 values as eight strided partial sums combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then the
        /// leftovers left to right; more than 128 values split at half the length rounded down to a multiple of 8,
        /// each half summed recursively.
        /// </summary>
        /// <param name="values">The values to add.</param>
        /// <returns>The sum, rounded exactly as NumPy rounds it.</returns>
        public static double PairwiseSum(ReadOnlySpan<double> values)
        {
            int n = values.Length;
            if (n < 8)
            {
                double res = 0.0;
                for (int i = 0; i < n; i++) res += values[i];
                return res;
            }

            if (n <= 128)
            {
                double r0 = values[0], r1 = values[1], r2 = values[2], r3 = values[3];
                double r4 = values[4], r5 = values[5], r6 = values[6], r7 = values[7];
                int i;
                int blocks = n - n % 8;
                for (i = 8; i < blocks; i += 8)
                {
                    r0 += values[i];
                    r1 += values[i + 1];
                    r2 += values[i + 2];
                    r3 += values[i + 3];
                    r4 += values[i + 4];
                    r5 += values[i + 5];
                    r6 += values[i + 6];
                    r7 += values[i + 7];
                }

                double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
                for (; i < n; i++) res += values[i];
                return res;
            }

            int n2 = n / 2;
            n2 -= n2 % 8;
            return PairwiseSum(values.Slice(0, n2)) + PairwiseSum(values.Slice(n2));
        }
    }
}
