using System;
using System.Numerics;
using Xunit;
using static PlanarGen.Tests.Networks.TestData;
using PlanarGen.Testing;

namespace PlanarGen.Tests.Networks
{
    /// <summary>
    /// The generated Predict, PredictBatch, Cost, Accuracy and TrainStep against <see cref="ReferenceNetwork"/> for the
    /// same parameters and data.
    /// </summary>
    /// <remarks>
    /// Tolerances, relative to max(|reference value|, largest magnitude in the compared vector):
    /// double 1e-12: both sides evaluate the same formulas in double. They differ only in summation order (SIMD lanes then
    /// a horizontal sum, against one sequential sum), in the cost's stable softplus(z) - y z form against the log form,
    /// and in the tanh/exp kernels (a few ulp each). Each is a few 1e-16 relative, summed over at most 37 samples and
    /// 50 hidden units and amplified little because parameters and inputs are O(1): ~1e-14 at worst, so 1e-12 leaves
    /// a factor of 100 and still rejects any formula error (which shows at 1e-3 or more).
    /// float 1e-5: the generated network rounds every operation to float (ulp 6e-8 near 1); a dot product of up to 50
    /// terms followed by an activation and a second dot product accumulates ~10-50 ulp, ~3e-6 at worst, against a reference
    /// that does not round at all.
    /// </remarks>
    public class ReferenceAgreementTests
    {
        public static TheoryData<string, int> Cases => NetworkCatalog.NamesAndSampleCounts();

        [Theory]
        [MemberData(nameof(Cases))]
        public void PredictMatchesReferenceNetwork(string network, int m) =>
            NetworkCatalog.Run(typeof(ReferenceAgreementTests), nameof(PredictCore), network, m);

        [Theory]
        [MemberData(nameof(Cases))]
        public void PredictBatchEqualsPredictForEverySample(string network, int m) =>
            NetworkCatalog.Run(typeof(ReferenceAgreementTests), nameof(PredictBatchCore), network, m);

        [Theory]
        [MemberData(nameof(Cases))]
        public void CostAndAccuracyMatchReferenceNetwork(string network, int m) =>
            NetworkCatalog.Run(typeof(ReferenceAgreementTests), nameof(CostCore), network, m);

        [Theory]
        [MemberData(nameof(Cases))]
        public void TrainStepMatchesReferenceUpdate(string network, int m) =>
            NetworkCatalog.Run(typeof(ReferenceAgreementTests), nameof(TrainStepCore), network, m);

        private static double Tolerance<T>() => typeof(T) == typeof(float) ? 1e-5 : 1e-12;

        private static (NetworkShape Shape, T[] X, T[] Y, T[] P, ReferenceNetwork Reference) Arrange<T>(Type net, int m)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            NetworkShape shape = NetworkShape.Of(net);
            (T[] x, T[] y) = Samples<T>(shape, m, seed: 777 + m);
            T[] p = Parameters<T>(shape, seed: 31 + m);
            ReferenceNetwork reference = shape.NewReference();
            reference.Load(ToDouble<T>(p));
            return (shape, x, y, p, reference);
        }

        private static void PredictCore<TNet, T>(int m)
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            (NetworkShape shape, T[] x, _, T[] p, ReferenceNetwork reference) = Arrange<T>(typeof(TNet), m);
            TNet net = Load<TNet, T>(p);
            var probabilities = new T[shape.Outputs];
            for (int s = 0; s < m; s++)
            {
                T[] sample = Column(x, shape.Inputs, m, s);
                net.Predict(sample, probabilities);
                double[] expected = reference.Predict(ToDouble<T>(sample));
                Check.Close(expected, ToDouble<T>(probabilities), Tolerance<T>(), $"{shape.Name} Predict, sample {s}");
            }
        }

        private static void PredictBatchCore<TNet, T>(int m)
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            (NetworkShape shape, T[] x, _, T[] p, ReferenceNetwork reference) = Arrange<T>(typeof(TNet), m);
            TNet net = Load<TNet, T>(p);
            var batch = new T[shape.Outputs * m];
            // Unlabelled data: PredictBatch needs no labels.
            net.PredictBatch(new DataSet<T>(x, m), batch);
            Check.Close(reference.Forward(ToDouble<T>(x), m).A2, ToDouble<T>(batch), Tolerance<T>(), $"{shape.Name} PredictBatch");

            // Per sample: samples in the scalar tail (all of them without hardware SIMD) run the very code Predict runs,
            // so they must be bit-identical. Samples in SIMD lanes go through the vector sigmoid, which may differ from
            // its scalar twin by its stated few ulp: 1e-6 (float) / 1e-14 (double) relative.
            int laneSamples = Vector.IsHardwareAccelerated ? m / Vector<T>.Count * Vector<T>.Count : 0;
            double laneTolerance = typeof(T) == typeof(float) ? 1e-6 : 1e-14;
            var single = new T[shape.Outputs];
            for (int s = 0; s < m; s++)
            {
                net.Predict(Column(x, shape.Inputs, m, s), single);
                for (int o = 0; o < shape.Outputs; o++)
                {
                    T fromBatch = batch[o * m + s];
                    if (s >= laneSamples)
                        Assert.True(single[o] == fromBatch, $"{shape.Name}: sample {s} (scalar tail), output {o}: PredictBatch {fromBatch} != Predict {single[o]}.");
                    else
                        Assert.True(Math.Abs(D(single[o]) - D(fromBatch)) <= laneTolerance * Math.Abs(D(single[o])),
                            $"{shape.Name}: sample {s} (SIMD lane), output {o}: PredictBatch {fromBatch} vs Predict {single[o]}.");
                }
            }
        }

        private static void CostCore<TNet, T>(int m)
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            (NetworkShape shape, T[] x, T[] y, T[] p, ReferenceNetwork reference) = Arrange<T>(typeof(TNet), m);
            TNet net = Load<TNet, T>(p);
            var data = new DataSet<T>(x, y, m);
            double[] xd = ToDouble<T>(x), yd = ToDouble<T>(y);

            double expectedCost = reference.Cost(xd, yd, m);
            double cost = D(net.Cost(data));
            Assert.True(Math.Abs(cost - expectedCost) <= Tolerance<T>() * expectedCost,
                $"{shape.Name}: Cost {cost:R} vs reference {expectedCost:R} (relative {Math.Abs(cost - expectedCost) / expectedCost:E2}).");

            // Accuracy counts (a > 0.5) == label; no probability here lies within the tolerance of 0.5, so it must be exact.
            double[] a2 = reference.Forward(xd, m).A2;
            foreach (double a in a2) Assert.True(Math.Abs(a - 0.5) > 1e-4, $"{shape.Name}: a probability {a} is too close to 0.5 for an exact comparison.");
            Assert.Equal(reference.Accuracy(xd, yd, m), net.Accuracy(data));
        }

        private static void TrainStepCore<TNet, T>(int m)
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            (NetworkShape shape, T[] x, T[] y, T[] p, ReferenceNetwork reference) = Arrange<T>(typeof(TNet), m);
            TNet net = Load<TNet, T>(p);
            var data = new DataSet<T>(x, y, m);
            double[] xd = ToDouble<T>(x), yd = ToDouble<T>(y);
            const double learningRate = 0.75;

            double expectedCost = reference.Cost(xd, yd, m);
            double[] gradients = reference.Gradients(xd, yd, m);
            reference.Update(gradients, learningRate);

            double cost = D(net.TrainStep(data, C<T>(learningRate)));
            Assert.True(Math.Abs(cost - expectedCost) <= Tolerance<T>() * expectedCost,
                $"{shape.Name}: TrainStep returned cost {cost:R}, reference {expectedCost:R} (the cost before the update).");
            var after = new T[p.Length];
            net.CopyParametersTo(after);
            Check.Close(reference.Parameters, ToDouble<T>(after), Tolerance<T>(), $"{shape.Name} parameters after TrainStep");

            // The comparison can fail: the step moved some parameter by far more than the tolerance, so a wrong sign or
            // factor in the gradient would show.
            double largestMove = 0;
            for (int k = 0; k < p.Length; k++) largestMove = Math.Max(largestMove, learningRate * Math.Abs(gradients[k]));
            Assert.True(largestMove > 1e3 * Tolerance<T>() * Check.MaxAbs(reference.Parameters), $"{shape.Name}: the step is too small to test ({largestMove:E2}).");
        }
    }
}
