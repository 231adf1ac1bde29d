using System;
using System.Numerics;
using Xunit;
using static PlanarGen.Tests.Networks.TestData;

namespace PlanarGen.Tests.Networks
{
    /// <summary>Train's report schedule, its costs, and that reporting does not change the updates.</summary>
    public class TrainingLoopTests
    {
        public static TheoryData<string> Networks => NetworkCatalog.Names();

        [Theory]
        [MemberData(nameof(Networks))]
        public void TrainReportsEveryKIterationsWithTheCostsTrainStepReturns(string network) =>
            NetworkCatalog.Run(typeof(TrainingLoopTests), nameof(ReportCore), network);

        [Theory]
        [MemberData(nameof(Networks))]
        public void TrainWithoutReportingEndsWithBitIdenticalParameters(string network) =>
            NetworkCatalog.Run(typeof(TrainingLoopTests), nameof(NoReportCore), network);

        [Theory]
        [MemberData(nameof(Networks))]
        public void TrainWithZeroIterationsChangesNothing(string network) =>
            NetworkCatalog.Run(typeof(TrainingLoopTests), nameof(ZeroIterationsCore), network);

        private const int Samples = 37;
        private const double LearningRate = 0.5;

        private static (T[] X, T[] Y, T[] P) Arrange<TNet, T>() where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            NetworkShape shape = NetworkShape.Of(typeof(TNet));
            (T[] x, T[] y) = Samples<T>(shape, Samples, seed: 99);
            return (x, y, Parameters<T>(shape, seed: 5));
        }

        private static void ReportCore<TNet, T>()
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            NetworkShape shape = NetworkShape.Of(typeof(TNet));
            (T[] x, T[] y, T[] p) = Arrange<TNet, T>();
            var data = new DataSet<T>(x, y, Samples);
            foreach ((int iterations, int every) in new[] { (25, 4), (24, 4), (10, 1), (7, 10), (12, 12) })
            {
                TNet trained = Load<TNet, T>(p);
                TNet replay = trained;   // a struct: this copies the parameters
                var observer = new RecordingObserver(64);
                TrainingResult result = trained.Train(data, new TrainingOptions(iterations, LearningRate, every), ref observer);

                int expectedReports = (iterations - 1) / every + 1;
                Assert.Equal(expectedReports, observer.Count);
                var stepCosts = new double[iterations];
                for (int i = 0; i < iterations; i++) stepCosts[i] = D(replay.TrainStep(data, C<T>(LearningRate)));
                for (int r = 0; r < observer.Count; r++)
                {
                    Assert.Equal(r * every, observer.Iterations[r]);
                    // Bit-exact: both come from the same fused step on the same parameters.
                    Assert.True(stepCosts[r * every] == observer.Costs[r],
                        $"{shape.Name} ({iterations}, every {every}): report {r} at iteration {r * every} is {observer.Costs[r]:R}, TrainStep returned {stepCosts[r * every]:R}.");
                }
                // The costs change from report to report, so a stale or repeated cost would be caught.
                if (observer.Count > 1) Assert.NotEqual(observer.Costs[0], observer.Costs[1]);

                Assert.False(result.Diverged);
                Assert.Equal(-1, result.DivergedAtIteration);
                Assert.Equal(iterations, result.IterationsCompleted);
                Assert.Equal((expectedReports - 1) * every, result.LastCostIteration);
                Assert.Equal(observer.Costs[observer.Count - 1], result.LastCost);
                Assert.Equal(ParametersOf<TNet, T>(replay, shape.ParameterCount), ParametersOf<TNet, T>(trained, shape.ParameterCount));
            }
        }

        private static void NoReportCore<TNet, T>()
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            NetworkShape shape = NetworkShape.Of(typeof(TNet));
            (T[] x, T[] y, T[] p) = Arrange<TNet, T>();
            var data = new DataSet<T>(x, y, Samples);
            const int iterations = 30;

            TNet reporting = Load<TNet, T>(p);
            var observer = new RecordingObserver(64);
            reporting.Train(data, new TrainingOptions(iterations, LearningRate, 1), ref observer);
            Assert.Equal(iterations, observer.Count);

            TNet silent = Load<TNet, T>(p);
            TrainingResult result = silent.Train(data, new TrainingOptions(iterations, LearningRate));
            Assert.Equal(iterations, result.IterationsCompleted);
            Assert.Equal(-1, result.LastCostIteration);
            Assert.True(double.IsNaN(result.LastCost));

            TNet silentWithObserver = Load<TNet, T>(p);
            var unused = new RecordingObserver(1);
            silentWithObserver.Train(data, new TrainingOptions(iterations, LearningRate, 0), ref unused);
            Assert.Equal(0, unused.Count);

            T[] expected = ParametersOf<TNet, T>(reporting, shape.ParameterCount);
            Assert.Equal(expected, ParametersOf<TNet, T>(silent, shape.ParameterCount));
            Assert.Equal(expected, ParametersOf<TNet, T>(silentWithObserver, shape.ParameterCount));
            // Training moved the parameters, so an ignored update would be caught.
            Assert.NotEqual(p, expected);
        }

        private static void ZeroIterationsCore<TNet, T>()
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            NetworkShape shape = NetworkShape.Of(typeof(TNet));
            (T[] x, T[] y, T[] p) = Arrange<TNet, T>();
            TNet net = Load<TNet, T>(p);
            var observer = new RecordingObserver(4);
            TrainingResult result = net.Train(new DataSet<T>(x, y, Samples), new TrainingOptions(0, LearningRate, 1), ref observer);
            Assert.Equal(0, observer.Count);
            Assert.Equal(0, result.IterationsCompleted);
            Assert.Equal(-1, result.LastCostIteration);
            Assert.False(result.Diverged);
            Assert.Equal(p, ParametersOf<TNet, T>(net, shape.ParameterCount));
        }
    }
}
