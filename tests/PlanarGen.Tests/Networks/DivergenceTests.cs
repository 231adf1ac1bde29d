using System;
using System.Numerics;
using Xunit;
using Xunit.Abstractions;
using static PlanarGen.Tests.Networks.TestData;
using PlanarGen.Testing;

namespace PlanarGen.Tests.Networks
{
    /// <summary>What Train and TrainStep do when a step would make the network non-finite.</summary>
    public class DivergenceTests
    {
        private readonly ITestOutputHelper _output;

        public DivergenceTests(ITestOutputHelper output) => _output = output;

        public static TheoryData<string> Networks => NetworkCatalog.Names();

        [Theory]
        [MemberData(nameof(Networks))]
        public void HugeLearningRateStopsTrainingAtTheFirstNonFiniteStep(string network)
        {
            var log = new string[1];
            NetworkCatalog.Run(typeof(DivergenceTests), nameof(HugeLearningRateCore), network, new object[] { log });
            _output.WriteLine(log[0]);
        }

        [Theory]
        [MemberData(nameof(Networks))]
        public void OverflowingCostMakesTrainStepThrowAndTrainStop(string network) =>
            NetworkCatalog.Run(typeof(DivergenceTests), nameof(OverflowingCostCore), network);

        private const int M = 37;

        /// <summary>
        /// Learning rate 1e37 (float) or 1e307 (double): the first update, ~learningRate * gradient with gradients of
        /// order 0.1..1, stays just below the overflow threshold (3.4e38 / 1.8e308), so iteration 0 is finite; after it
        /// the weights are ~1e36 / 1e306, and within a few iterations the cost sum (or, for ReLU, a parameter) overflows.
        /// Saturated tanh and sigmoid networks of the small 2-4-1 and 1-1-1 shapes settle instead (their cost plateaus near
        /// 3e36 / 1e306), so the test takes the first of a few rates, up to 3e38 / 1e308, that diverges after a finite
        /// first step.
        /// </summary>
        private static void HugeLearningRateCore<TNet, T>(string[] log)
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            NetworkShape shape = NetworkShape.Of(typeof(TNet));
            (T[] x, T[] y) = Samples<T>(shape, M, seed: 12);
            T[] p = Parameters<T>(shape, seed: 13);
            var data = new DataSet<T>(x, y, M);

            double[] candidates = typeof(T) == typeof(float) ? new[] { 1e37, 1e38, 3e38 } : new[] { 1e307, 1e308 };
            TNet fresh = Load<TNet, T>(p);
            TNet net = fresh;
            var observer = new RecordingObserver(5000);
            TrainingResult result = default;
            double learningRate = 0;
            foreach (double candidate in candidates)
            {
                // The first rate that diverges after a finite first step (each attempt starts from the same parameters).
                learningRate = candidate;
                net = fresh;
                observer.Reset();
                result = net.Train(data, new TrainingOptions(5000, learningRate, 1), ref observer);
                if (result.DivergedAtIteration > 0) break;
            }
            log[0] = $"{shape.Name}, learning rate {learningRate:E0}: {result}";

            Assert.True(result.Diverged, $"{shape.Name}: expected divergence, got {result}.");
            int k = result.DivergedAtIteration;
            Assert.True(k > 0, $"{shape.Name}: diverged at iteration {k}; the test needs a finite first step.");
            Assert.Equal(k, result.IterationsCompleted);
            // The observer heard every iteration before k, and not the non-finite one.
            Assert.Equal(k, observer.Count);
            for (int i = 0; i < k; i++) Assert.True(double.IsFinite(observer.Costs[i]));

            T[] kept = ParametersOf<TNet, T>(net, shape.ParameterCount);
            Assert.All(kept, v => Assert.True(T.IsFinite(v), $"{shape.Name}: a kept parameter is {v}."));

            // Exactly the parameters of a fresh copy trained for k iterations.
            TNet replay = fresh;
            TrainingResult replayResult = replay.Train(data, new TrainingOptions(k, learningRate));
            Assert.False(replayResult.Diverged);
            Assert.Equal(kept, ParametersOf<TNet, T>(replay, shape.ParameterCount));

            // The same step through TrainStep throws and leaves the parameters as they were.
            var ex = Assert.Throws<TrainingDivergedException>(() => replay.TrainStep(new DataSet<T>(x, y, M), C<T>(learningRate)));
            Assert.Contains(shape.Name, ex.Message);
            Assert.Contains("diverged", ex.Message);
            Assert.Equal(kept, ParametersOf<TNet, T>(replay, shape.ParameterCount));

            // Without reporting no cost is computed, but DivergenceRule does not need it: training stops at the same k and
            // keeps exactly the parameters of k finite updates.
            TNet silent = fresh;
            TrainingResult silentResult = silent.Train(data, new TrainingOptions(k + 20, learningRate));
            log[0] += $"; without reporting: {silentResult}";
            Assert.Equal(k, silentResult.DivergedAtIteration);
            int stoppedAt = silentResult.DivergedAtIteration;
            Assert.Equal(stoppedAt, silentResult.IterationsCompleted);
            TNet silentReplay = fresh;
            for (int i = 0; i < stoppedAt; i++) silentReplay.Train(data, new TrainingOptions(1, learningRate));
            Assert.Equal(ParametersOf<TNet, T>(silentReplay, shape.ParameterCount), ParametersOf<TNet, T>(silent, shape.ParameterCount));
        }

        /// <summary>b2 = MaxValue with all labels 0: every sample's cost term is about MaxValue, so their sum overflows to +inf,
        /// while every gradient and updated parameter stays finite: only the cost shows the problem.</summary>
        private static void OverflowingCostCore<TNet, T>()
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            NetworkShape shape = NetworkShape.Of(typeof(TNet));
            (T[] x, _) = Samples<T>(shape, M, seed: 14);
            var y = new T[shape.Outputs * M];
            var p = new T[shape.ParameterCount];
            ReferenceNetwork layout = shape.NewReference();
            for (int o = 0; o < shape.Outputs; o++) p[layout.B2Index(o)] = typeof(T) == typeof(float) ? C<T>(float.MaxValue) : C<T>(double.MaxValue);
            TNet net = Load<TNet, T>(p);
            var data = new DataSet<T>(x, y, M);

            T cost = net.Cost(data);
            Assert.False(T.IsFinite(cost), $"{shape.Name}: cost {cost} should overflow.");

            var ex = Assert.Throws<TrainingDivergedException>(() => net.TrainStep(new DataSet<T>(x, y, M), C<T>(0.1)));
            Assert.Contains(shape.Name, ex.Message);
            Assert.Contains("the cost is", ex.Message);
            Assert.Equal(p, ParametersOf<TNet, T>(net, shape.ParameterCount));

            var observer = new RecordingObserver(4);
            TrainingResult result = net.Train(data, new TrainingOptions(10, 0.1, 1), ref observer);
            Assert.True(result.Diverged);
            Assert.Equal(0, result.DivergedAtIteration);
            Assert.Equal(0, result.IterationsCompleted);
            Assert.Equal(0, observer.Count);
            Assert.Equal(p, ParametersOf<TNet, T>(net, shape.ParameterCount));
        }
    }
}
