using System.Numerics;
using Xunit;
using static PlanarGen.Tests.Networks.TestData;

namespace PlanarGen.Tests.Networks
{
    /// <summary>
    /// TrainStep, Train with a report at every iteration, and the optimizer path compute the cost in the gradient pass (issue
    /// 14). It must be exactly the value Cost returns for the parameters before the update: the same terms in the same
    /// order, so bit for bit, on every network (sigmoid, softmax and linear outputs; unrolled fused, plain, loop form and
    /// Deterministic; both precisions) and sample count (scalar tail only, chunks plus a tail).
    /// </summary>
    public class CostInStepTests
    {
        public static TheoryData<string, int> Cases => NetworkCatalog.NamesAndSampleCounts();

        public static TheoryData<string, int> OtherOutputCases => NetworkCatalog.OtherOutputNamesAndSampleCounts();

        [Theory]
        [MemberData(nameof(Cases))]
        public void StepCostIsTheCostBeforeTheUpdate(string network, int m) =>
            NetworkCatalog.Run(typeof(CostInStepTests), nameof(Check), network, m);

        [Theory]
        [MemberData(nameof(OtherOutputCases))]
        public void SoftmaxAndLinearStepCostIsTheCostBeforeTheUpdate(string network, int m) =>
            NetworkCatalog.Run(typeof(CostInStepTests), nameof(Check), network, m);

        [Theory]
        [InlineData(1)]
        [InlineData(37)]
        [InlineData(400)]
        public void LoopFormStepCostIsTheCostBeforeTheUpdate(int m) =>
            NetworkCatalog.Run(typeof(CostInStepTests), nameof(Check), typeof(LargeNetworks.WideSigmoidNet), m);

        private static void Check<TNet, T>(int m)
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            NetworkShape shape = NetworkShape.Of(typeof(TNet));
            (T[] x, T[] y) = Samples<T>(shape, m, seed: 7001 + m);
            T[] p = Parameters<T>(shape, seed: 7002 + m);
            var data = new DataSet<T>(x, y, m);
            T rate = C<T>(0.05);

            // TrainStep, three steps in a row: each returns the cost of the parameters it started from.
            TNet net = Load<TNet, T>(p);
            var observed = new T[3];
            var expected = new T[3];
            for (int k = 0; k < 3; k++)
            {
                expected[k] = net.Cost(data);
                observed[k] = net.TrainStep(data, rate);
            }
            AssertSameBits(expected, observed, "TrainStep");

            // Train reporting every iteration (gradient descent), and with Adam (the optimizer path).
            foreach (Optimizer optimizer in new[] { Optimizer.GradientDescent, Optimizer.Adam })
            {
                TNet trained = Load<TNet, T>(p);
                TNet shadow = Load<TNet, T>(p);
                var options = new TrainingOptions(3, 0.05, reportEvery: 1) { Optimizer = optimizer };
                var recorder = new RecordingObserver(3);
                trained.Train(data, options, ref recorder);
                for (int k = 0; k < 3; k++)
                {
                    expected[k] = shadow.Cost(data);
                    shadow.Train(data, new TrainingOptions(1, 0.05) { Optimizer = optimizer });
                    observed[k] = C<T>(recorder.Costs[k]);
                }
                AssertSameBits(expected, observed, $"Train with {optimizer}");
            }
        }

        private static void AssertSameBits<T>(T[] expected, T[] observed, string path)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            for (int k = 0; k < expected.Length; k++)
                Assert.True(expected[k].Equals(observed[k]), $"{path}, step {k}: cost {D(observed[k]):R}, Cost() before the step {D(expected[k]):R}");
        }
    }
}
