using System;

namespace PlanarGen
{
    /// <summary>The linear solve of <see cref="LogisticRegression"/>'s Newton steps.</summary>
    internal static class Cholesky
    {
        /// <summary>Solves <c>A x = b</c> for a symmetric positive definite p x p matrix (row-major), in place: A becomes
        /// its lower Cholesky factor and b the solution.</summary>
        /// <returns>False when A is not (numerically) positive definite; A and b are then partly overwritten.</returns>
        public static bool TrySolve(double[] a, double[] b, int p)
        {
            // In-place lower Cholesky factor, then forward and back substitution.
            for (int j = 0; j < p; j++)
            {
                double d = a[j * p + j];
                for (int k = 0; k < j; k++) d -= a[j * p + k] * a[j * p + k];
                if (!(d > 0)) return false;
                d = Math.Sqrt(d);
                a[j * p + j] = d;
                for (int i = j + 1; i < p; i++)
                {
                    double s = a[i * p + j];
                    for (int k = 0; k < j; k++) s -= a[i * p + k] * a[j * p + k];
                    a[i * p + j] = s / d;
                }
            }

            for (int i = 0; i < p; i++)
            {
                double s = b[i];
                for (int k = 0; k < i; k++) s -= a[i * p + k] * b[k];
                b[i] = s / a[i * p + i];
            }

            for (int i = p - 1; i >= 0; i--)
            {
                double s = b[i];
                for (int k = i + 1; k < p; k++) s -= a[k * p + i] * b[k];
                b[i] = s / a[i * p + i];
            }

            return true;
        }
    }
}
