using System;

namespace PlanarGen
{
    /// <summary>Fitting to convergence: damped Newton iterations on the regularised objective.</summary>
    public sealed partial class LogisticRegression
    {
        /// <summary>
        /// Minimises <see cref="Cost"/> for a given C to convergence by damped Newton iterations (for a handful of
        /// features this is the exact optimum scikit-learn's lbfgs approaches, without its tolerance), starting from
        /// zero. Allocates; not a hot path.
        /// </summary>
        /// <param name="data">A labelled data set with one label row.</param>
        /// <param name="c">Inverse L2 strength, positive (+∞ for none).</param>
        /// <returns>The fitted model.</returns>
        public static LogisticRegression Fit(DataSet<double> data, double c)
        {
            var model = new LogisticRegression(Math.Max(1, data.FeatureCount), c);
            model.RequireData(data, needsLabels: true);
            model.Minimise(data.X, data.Y, data.SampleCount);
            return model;
        }

        private void Minimise(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int m)
        {
            int n = FeatureCount, p = n + 1;
            var hessian = new double[p * p];
            var step = new double[p];
            var saved = new double[p];
            var trialGradient = new double[p];
            double cost = CostUnchecked(x, y, m);
            for (int iteration = 0; iteration < 200; iteration++)
            {
                GradientUnchecked(x, y, m, _gradient);
                double largest = 0;
                for (int j = 0; j < p; j++) largest = Math.Max(largest, Math.Abs(_gradient[j]));
                if (largest < 1e-12) break;

                // Hessian of J: (1/m) Σ a(1-a) x̃ x̃ᵀ + diag(1/(C m)) on the weights, x̃ = (x, 1).
                Array.Clear(hessian, 0, hessian.Length);
                for (int i = 0; i < m; i++)
                {
                    double a = Sigmoid(Z(x, m, i));
                    double s = a * (1 - a) / m;
                    for (int r = 0; r < p; r++)
                    {
                        double xr = r < n ? x[r * m + i] : 1.0;
                        for (int c = 0; c <= r; c++)
                        {
                            double xc = c < n ? x[c * m + i] : 1.0;
                            hessian[r * p + c] += s * xr * xc;
                        }
                    }
                }

                double ridge = double.IsPositiveInfinity(C) ? 0.0 : 1.0 / (C * m);
                for (int r = 0; r < p; r++)
                {
                    if (r < n) hessian[r * p + r] += ridge;
                    hessian[r * p + r] += 1e-12; // keeps a flat (separable) direction solvable
                    for (int c = 0; c < r; c++) hessian[c * p + r] = hessian[r * p + c];
                }

                _gradient.AsSpan().CopyTo(step);
                if (!Cholesky.TrySolve(hessian, step, p)) break;

                for (int j = 0; j < n; j++) saved[j] = _weights[j];
                saved[n] = Bias;
                double t = 1.0;
                double slope = 0;
                for (int j = 0; j < p; j++) slope += _gradient[j] * step[j];
                bool accepted = false;
                for (int halving = 0; halving < 60; halving++, t *= 0.5)
                {
                    for (int j = 0; j < n; j++) _weights[j] = saved[j] - t * step[j];
                    Bias = saved[n] - t * step[n];
                    double next = CostUnchecked(x, y, m);
                    if (next <= cost - 1e-4 * t * slope)
                    {
                        accepted = true;
                        cost = next;
                        break;
                    }

                    // Near the optimum the decrease is below the cost's rounding noise; then a step that shrinks the
                    // gradient is progress (Newton converges quadratically there).
                    GradientUnchecked(x, y, m, trialGradient);
                    double trialLargest = 0;
                    for (int j = 0; j < p; j++) trialLargest = Math.Max(trialLargest, Math.Abs(trialGradient[j]));
                    if (trialLargest < 0.5 * largest)
                    {
                        accepted = true;
                        cost = next;
                        break;
                    }
                }

                if (!accepted)
                {
                    for (int j = 0; j < n; j++) _weights[j] = saved[j];
                    Bias = saved[n];
                    break;
                }
            }
        }
    }
}
