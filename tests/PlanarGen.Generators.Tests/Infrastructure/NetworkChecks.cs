using System;
using System.Collections.Generic;
using PlanarGen.Testing;
using Xunit.Sdk;

namespace PlanarGen.Generators.Tests.Infrastructure
{
    /// <summary>
    /// Checks one compiled network against <see cref="ReferenceNetwork"/> (the shared test oracle) for the same parameters and data:
    /// Predict on single samples, PredictBatch over all samples, Cost, and one TrainStep (cost and every updated parameter).
    /// </summary>
    /// <remarks>
    /// Tolerances, as |actual - expected| &lt;= tol * (1 + |expected|) (relative for large values, absolute near 0):
    /// <list type="bullet">
    /// <item>float: 1e-4. Float has a 24-bit significand (6e-8); the generated code sums up to 8 x 32 products in float and
    /// uses float tanh/exp/log, so a few thousand ulps of worst-case drift (~1e-5) are honest rounding; a wrong formula,
    /// index or sign shows up at 1e-2 or more.</item>
    /// <item>double: 1e-10. The same sums in double round at ~1e-16 per step; 1e-10 leaves 5-6 orders of margin for the
    /// order of summation (lanes then tail) and a few-ulp vector kernels, while still catching any real mistake.</item>
    /// </list>
    /// Sample count 19 exercises both the SIMD chunks and the scalar tail whatever <c>Vector&lt;T&gt;.Count</c> is (4, 8 or
    /// 16), and every sample when hardware SIMD is off. Weights are drawn with scale 1.5/sqrt(fan-in) so pre-activations
    /// stay moderate and the plain log(1 - a) of the reference stays accurate.
    /// </remarks>
    public static class NetworkChecks
    {
        public const double SingleTolerance = 1e-4;
        public const double DoubleTolerance = 1e-10;
        public const int SampleCount = 19;
        public const double LearningRate = 0.5;

        public static double Tolerance(Precision precision) =>
            precision == Precision.Single ? SingleTolerance : DoubleTolerance;

        public static void Check(CompiledNetworks compiled, NetworkCase c, int seed)
        {
            var random = new Random(seed);
            bool single = c.Precision == Precision.Single;
            double Round(double v) => single ? (float)v : v;
            double Uniform(double scale) => Round((random.NextDouble() * 2 - 1) * scale);

            var parameters = new double[c.ParameterCount];
            int k = 0;
            for (int n = 0; n < c.Hidden * c.Inputs; n++) parameters[k++] = Uniform(1.5 / Math.Sqrt(c.Inputs));
            for (int n = 0; n < c.Hidden; n++) parameters[k++] = Uniform(0.5);
            for (int n = 0; n < c.Outputs * c.Hidden; n++) parameters[k++] = Uniform(1.5 / Math.Sqrt(c.Hidden));
            for (int n = 0; n < c.Outputs; n++) parameters[k++] = Uniform(0.5);

            int m = SampleCount;
            var x = new double[c.Inputs * m];
            for (int n = 0; n < x.Length; n++) x[n] = Uniform(2);
            var y = new double[c.Outputs * m];
            for (int n = 0; n < y.Length; n++) y[n] = random.Next(2);

            var reference = new ReferenceNetwork(c.Inputs, c.Hidden, c.Outputs, ReferenceNetwork.ActivationNamed(c.Activation.ToString()));
            reference.Load(parameters);
            double tol = Tolerance(c.Precision);
            var failures = new List<string>();

            // Predict: the first, a middle and the last sample.
            foreach (int s in new[] { 0, m / 2, m - 1 })
            {
                var input = new double[c.Inputs];
                for (int i = 0; i < c.Inputs; i++) input[i] = x[i * m + s];
                Compare(failures, $"Predict(sample {s})", compiled.Predict(c, parameters, input), reference.Predict(input), tol);
            }

            var expectedBatch = new double[c.Outputs * m];
            for (int s = 0; s < m; s++)
            {
                var input = new double[c.Inputs];
                for (int i = 0; i < c.Inputs; i++) input[i] = x[i * m + s];
                double[] a2 = reference.Predict(input);
                for (int o = 0; o < c.Outputs; o++) expectedBatch[o * m + s] = a2[o];
            }
            Compare(failures, "PredictBatch", compiled.PredictBatch(c, parameters, x, m), expectedBatch, tol);

            double expectedCost = reference.Cost(x, y, m);
            Compare(failures, "Cost", new[] { compiled.Cost(c, parameters, x, y, m) }, new[] { expectedCost }, tol);

            var (cost, updated) = compiled.TrainStep(c, parameters, x, y, m, LearningRate);
            // The reference's step: the cost before the update, then P - learningRate * dP.
            double refCost = reference.Cost(x, y, m);
            reference.Update(reference.Gradients(x, y, m), LearningRate);
            double[] refUpdated = reference.Parameters;
            Compare(failures, "TrainStep cost", new[] { cost }, new[] { refCost }, tol);
            Compare(failures, "TrainStep parameters", updated, refUpdated, tol);

            if (failures.Count > 0)
                throw new XunitException($"{c.Name} (seed {seed}) differs from the reference beyond {tol:g}:\n" + string.Join("\n", failures));
        }

        private static void Compare(List<string> failures, string what, double[] actual, double[] expected, double tol)
        {
            if (actual.Length != expected.Length)
            {
                failures.Add($"{what}: length {actual.Length}, expected {expected.Length}");
                return;
            }
            for (int k = 0; k < actual.Length; k++)
            {
                double error = Math.Abs(actual[k] - expected[k]);
                if (!(error <= tol * (1 + Math.Abs(expected[k]))))
                {
                    failures.Add($"{what}[{k}]: {actual[k]:R}, expected {expected[k]:R} (error {error:g3})");
                    if (failures.Count >= 20) return;
                }
            }
        }
    }
}
