using System;
using System.Linq;
using System.Numerics;
using Xunit;
using Xunit.Abstractions;
using static PlanarGen.Tests.Networks.TestData;
using PlanarGen.Testing;

namespace PlanarGen.Tests.Networks
{
    /// <summary>
    /// The generated TrainStep against central differences of the generated Cost. The step's gradient is read back as
    /// (before - after) / learningRate, so the whole path (fused backward, lane sums, scalar tail, 1/m, update) is checked.
    /// </summary>
    public class GradientCheckTests
    {
        private readonly ITestOutputHelper _output;

        public GradientCheckTests(ITestOutputHelper output) => _output = output;

        public static TheoryData<string, int> Cases => NetworkCatalog.NamesAndSampleCounts();

        public static TheoryData<string, int> OtherOutputCases => NetworkCatalog.OtherOutputNamesAndSampleCounts();

        [Theory]
        [MemberData(nameof(Cases))]
        public void TrainStepMatchesFiniteDifferenceGradients(string network, int m)
        {
            double[] errors = new double[4];
            NetworkCatalog.Run(typeof(GradientCheckTests), nameof(CheckGradients), network, m, errors);
            _output.WriteLine($"{network}, m = {m}: relative errors W1 {errors[0]:E2}, b1 {errors[1]:E2}, W2 {errors[2]:E2}, b2 {errors[3]:E2}");
        }

        /// <summary>The same check for softmax (categorical cross-entropy) and linear (mean squared error) outputs: every hidden
        /// activation, both precisions, unrolled (layer passes and plain), loop form and Deterministic; labels one-hot and
        /// N(0, 1) values (TestData.Samples).</summary>
        [Theory]
        [MemberData(nameof(OtherOutputCases))]
        public void SoftmaxAndLinearTrainStepsMatchFiniteDifferenceGradients(string network, int m)
        {
            double[] errors = new double[4];
            NetworkCatalog.Run(typeof(GradientCheckTests), nameof(CheckGradients), network, m, errors);
            _output.WriteLine($"{network}, m = {m}: relative errors W1 {errors[0]:E2}, b1 {errors[1]:E2}, W2 {errors[2]:E2}, b2 {errors[3]:E2}");
        }

        /// <summary>
        /// Tolerances. Double: eps = 1e-6 gives truncation error ~eps^2 |J'''| ~ 1e-12 and rounding error
        /// ~ulp(J) / eps ~ 1e-10, far below the 1e-6 the design asks for. Float: the cost itself is only good to a few ulp
        /// (~1e-7 absolute for J ~ 0.7, more where softplus(z) - y z cancels), so eps = 2^-7 (~8e-3) keeps the rounding part
        /// of the quotient near 1e-7 / 1.6e-2 ~ 1e-5 absolute against gradient groups of norm ~1e-2..1e-1, while the
        /// truncation part (~eps^2 |J'''| / 6 ~ 1e-5) stays small (measured: 1e-6..1.3e-3 per group; with eps = 2^-10 the
        /// rounding part alone reached 1.5e-2). Entries whose difference crosses a ReLU kink are left out (see
        /// <see cref="StraddlesKink"/>). Reading the gradient back from float parameters loses
        /// ~ulp(0.5) / learningRate ~ 6e-8 per component. A relative error of 1e-2 per group therefore holds with margin,
        /// while a wrong sign in any group gives a relative error of exactly 1 (and a wrong factor such as a missing 1/m
        /// or a wrong leaky slope gives well above 1e-2).
        /// </summary>
        private static void CheckGradients<TNet, T>(int m, double[] errors)
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            NetworkShape shape = NetworkShape.Of(typeof(TNet));
            bool single = typeof(T) == typeof(float);
            double eps = single ? 1.0 / 128 : 1e-6;
            double tolerance = single ? 1e-2 : 1e-6;
            double learningRate = 1.0;

            (T[] x, T[] y) = Samples<T>(shape, m, seed: 20261130 + m);
            T[] p = Parameters<T>(shape, seed: 4242 + m);
            var data = new DataSet<T>(x, y, m);

            // Gradient as the generated step applies it.
            TNet net = Load<TNet, T>(p);
            var before = new T[p.Length];
            var after = new T[p.Length];
            net.CopyParametersTo(before);
            net.TrainStep(data, C<T>(learningRate));
            net.CopyParametersTo(after);
            var analytic = new double[p.Length];
            for (int k = 0; k < p.Length; k++) analytic[k] = (D(before[k]) - D(after[k])) / learningRate;

            // Central differences of the generated Cost, dividing by the step actually taken after rounding to T.
            var numeric = new double[p.Length];
            var probe = (T[])p.Clone();
            for (int k = 0; k < p.Length; k++)
            {
                T plus = C<T>(D(p[k]) + eps), minus = C<T>(D(p[k]) - eps);
                probe[k] = plus;
                double costPlus = D(Load<TNet, T>(probe).Cost(data));
                probe[k] = minus;
                double costMinus = D(Load<TNet, T>(probe).Cost(data));
                probe[k] = p[k];
                numeric[k] = (costPlus - costMinus) / (D(plus) - D(minus));
            }

            bool[] straddles = StraddlesKink(shape, ToDouble<T>(p), ToDouble<T>(x), m, eps);
            (int Start, int Length, string Name)[] groups = shape.Groups;
            for (int g = 0; g < groups.Length; g++)
            {
                (int start, int length, string name) = groups[g];
                int[] kept = Enumerable.Range(start, length).Where(k => !straddles[k]).ToArray();
                Assert.True(2 * kept.Length >= length, $"{shape.Name} {name}: only {kept.Length} of {length} parameters avoid a ReLU kink.");
                double[] a = kept.Select(k => analytic[k]).ToArray();
                double[] n = kept.Select(k => numeric[k]).ToArray();
                double error = RelativeError(a, n);
                errors[g] = error;
                Assert.True(Norm(n) > 1e-4,
                    $"{shape.Name} {name}: the finite-difference gradient (norm {Norm(n):E3}) is too small for the check to mean anything.");
                Assert.True(error < tolerance,
                    $"{shape.Name} (m = {m}) {name}: relative error {error:E3} >= {tolerance:E0}.\nTrainStep:   {Format(a)}\nDifferences: {Format(n)}");
                // The check can fail: the same comparison rejects this group with its sign flipped.
                Assert.True(RelativeError(a.Select(v => -v).ToArray(), n) > 10 * tolerance, $"{shape.Name} {name}: a sign error would pass.");
            }
        }

        /// <summary>
        /// For ReLU and leaky ReLU, marks the W1/b1 entries whose central difference moves some sample's z1 across 0: there
        /// the cost is not differentiable within [p - eps, p + eps] and the quotient mixes both slopes, so such entries say
        /// nothing about the generated gradient. (W2 and b2 do not move z1.) Found with the reference forward pass.
        /// </summary>
        private static bool[] StraddlesKink(NetworkShape shape, double[] p, double[] x, int m, double eps)
        {
            var marks = new bool[p.Length];
            if (shape.HiddenActivation != Activation.ReLU && shape.HiddenActivation != Activation.LeakyReLU) return marks;
            ReferenceNetwork reference = shape.NewReference();
            reference.Load(p);
            double[] z1 = reference.Forward(x, m).Z1;
            for (int h = 0; h < shape.Hidden; h++)
                for (int s = 0; s < m; s++)
                {
                    double z = Math.Abs(z1[h * m + s]);
                    // Slightly wider than eps to cover the rounding of p +- eps to T.
                    if (z <= 1.01 * eps) marks[reference.B1Index(h)] = true;
                    for (int i = 0; i < shape.Inputs; i++)
                        if (z <= 1.01 * eps * Math.Abs(x[i * m + s])) marks[reference.W1Index(h, i)] = true;
                }
            return marks;
        }

        /// <summary>||a - b|| / (||a|| + ||b||): 0 when equal, 1 when opposite.</summary>
        public static double RelativeError(double[] a, double[] b)
        {
            double diff = 0;
            for (int k = 0; k < a.Length; k++) diff += (a[k] - b[k]) * (a[k] - b[k]);
            return Math.Sqrt(diff) / (Norm(a) + Norm(b));
        }

        public static double Norm(double[] a) => Math.Sqrt(a.Sum(v => v * v));

        private static string Format(double[] values) => string.Join(", ", values.Select(v => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
