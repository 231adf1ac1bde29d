using System;
using System.Numerics;
using PlanarGen.Tests.LargeNetworks;
using Xunit;
using Xunit.Abstractions;
using static PlanarGen.Tests.Networks.TestData;
using PlanarGen.Testing;

namespace PlanarGen.Tests.Networks
{
    /// <summary>
    /// PlanarGen.DivergenceRule on every path: both precisions, both forms (unrolled, loop), with and without reporting. The
    /// vector paths (Vector&lt;T&gt;, the Vector512 twins, the scalar tail, the scalar path) are covered by CI's re-runs of this
    /// project under PLANARGEN_VECTOR512=1, DOTNET_MaxVectorTBitWidth=512 and DOTNET_EnableHWIntrinsic=0; 37 samples leave a
    /// scalar tail at every vector width, and sample 36 is always in it.
    /// </summary>
    public class DivergenceRuleTests
    {
        private readonly ITestOutputHelper _output;

        public DivergenceRuleTests(ITestOutputHelper output) => _output = output;

        private const int M = 37;
        private const int MaxIterations = 300;

        /// <summary>One network per precision and form: unrolled float, unrolled double, loop float, loop double.</summary>
        private static readonly Type[] Forms = { typeof(FlowerNet), typeof(FlowerNet64), typeof(WideSigmoidNet), typeof(WideTanhNet64) };

        public static TheoryData<string, double, int> Matrix()
        {
            var data = new TheoryData<string, double, int>();
            foreach (Type net in Forms)
            {
                bool single = NetworkShape.Of(net).IsSingle;
                // Two rates that cross the bound after one or two finite updates: the failing iteration is a report iteration
                // for reportEvery 1 (and 2 where it fails at 2), and not for 0 and 7.
                foreach (double rate in single ? new[] { 1e37, 1e19 } : new[] { 1e306, 1e150 })
                    foreach (int reportEvery in new[] { 0, 1, 2, 7 }) data.Add(net.Name, rate, reportEvery);
            }
            return data;
        }

        private static Type Named(string name) => Array.Find(Forms, t => t.Name == name)!;

        [Theory]
        [MemberData(nameof(Matrix))]
        public void TrainStopsWhereTrainStepThrowsAndKeepsTheParametersFromBeforeThatUpdate(string network, double learningRate, int reportEvery)
        {
            var log = new string[1];
            NetworkCatalog.Run(typeof(DivergenceRuleTests), nameof(MatrixCore), Named(network), learningRate, reportEvery, log);
            _output.WriteLine(log[0]);
        }

        /// <summary>TrainStep one iteration at a time (each throws or not by the rule), then Train from the same start with the
        /// given report interval: both stop at the same iteration, with the parameters from before that iteration's update.</summary>
        private static void MatrixCore<TNet, T>(double learningRate, int reportEvery, string[] log)
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            NetworkShape shape = NetworkShape.Of(typeof(TNet));
            (T[] x, T[] y) = Samples<T>(shape, M, seed: 21);
            T[] start = Parameters<T>(shape, seed: 22);

            // Loop-form copies share their parameter array, so every run loads its own network.
            TNet stepper = Load<TNet, T>(start);
            T[] before = start;
            int failedAt = -1;
            for (int i = 0; i < MaxIterations && failedAt < 0; i++)
            {
                before = ParametersOf<TNet, T>(stepper, shape.ParameterCount);
                try
                {
                    stepper.TrainStep(new DataSet<T>(x, y, M), C<T>(learningRate));
                }
                catch (TrainingDivergedException)
                {
                    failedAt = i;
                }
            }
            Assert.True(failedAt >= 0, $"{shape.Name}: TrainStep at rate {learningRate:E0} did not diverge in {MaxIterations} iterations.");
            Assert.True(failedAt > 0, $"{shape.Name}: the first step already diverged; the test needs finite updates first.");
            Assert.Equal(before, ParametersOf<TNet, T>(stepper, shape.ParameterCount));

            TNet trained = Load<TNet, T>(start);
            var observer = new RecordingObserver(MaxIterations + 1);
            TrainingResult result = trained.Train(new DataSet<T>(x, y, M), new TrainingOptions(MaxIterations, learningRate, reportEvery), ref observer);
            log[0] = $"{shape.Name}, rate {learningRate:E0}, reportEvery {reportEvery}: TrainStep threw at {failedAt}; Train: {result}";
            Assert.Equal(failedAt, result.DivergedAtIteration);
            Assert.Equal(failedAt, result.IterationsCompleted);
            Assert.Equal(before, ParametersOf<TNet, T>(trained, shape.ParameterCount));
            // Every report before the failing iteration, each with a finite cost, none for it.
            int reports = reportEvery == 0 ? 0 : (failedAt + reportEvery - 1) / reportEvery;
            Assert.Equal(reports, observer.Count);
            for (int k = 0; k < observer.Count; k++) Assert.True(double.IsFinite(observer.Costs[k]));
        }

        /// <summary>Issue 15's case: the notebook's 2-4-1 double network on the flower data, learning rates from 1e306 to
        /// 1.7e308 and no reporting: the parameters stay finite (about 1e305) while every pre-activation overflows, so only
        /// the pre-activation bound can stop it (it used to run all 20,000 iterations and report no divergence).</summary>
        [Theory]
        [InlineData(1e306)]
        [InlineData(1e308)]
        [InlineData(1.7e308)]
        public void DoubleFlowerNetworkStopsWithoutReporting(double learningRate)
        {
            PlanarData<double> flower = PlanarDataSets.Flower();
            var net = new FlowerNet64();
            net.Initialize(new NumPyRandom(2));
            FlowerNet64 stepper = net;
            TrainingResult result = net.Train(flower.AsDataSet(), new TrainingOptions(20_000, learningRate, reportEvery: 0));
            _output.WriteLine(result.ToString());
            Assert.True(result.Diverged, result.ToString());
            Assert.Equal(result.DivergedAtIteration, result.IterationsCompleted);

            for (int i = 0; i < result.DivergedAtIteration; i++) stepper.TrainStep(flower.AsDataSet(), learningRate);
            var kept = new double[FlowerNet64.ParameterCount];
            var replayed = new double[FlowerNet64.ParameterCount];
            net.CopyParametersTo(kept);
            stepper.CopyParametersTo(replayed);
            Assert.Equal(replayed, kept);
            Assert.Throws<TrainingDivergedException>(() => stepper.TrainStep(flower.AsDataSet(), learningRate));
        }

        public static TheoryData<string, int, double> BoundCases()
        {
            var data = new TheoryData<string, int, double>();
            foreach (Type net in Forms)
                foreach (int sample in new[] { 0, M - 1, -1 })    // -1: every sample, through the output bias
                    foreach (double factor in new[] { 1.01, 0.99 }) data.Add(net.Name, sample, factor);
            return data;
        }

        /// <summary>
        /// The bound itself, one pre-activation at a time: all parameters zero except W1[0,0] = 1e10, and sample
        /// <paramref name="sample"/>'s first feature -factor x 1e10, so that only that sample's Z1[0] is -factor x 1e20
        /// (0 is in a SIMD chunk, 36 in the scalar tail); or (sample -1) b2 = factor x 1e20, every sample's Z2. Just beyond the
        /// bound, TrainStep throws and Train stops at iteration 0 even without reporting, leaving the parameters as they were;
        /// just within it, both run.
        /// </summary>
        [Theory]
        [MemberData(nameof(BoundCases))]
        public void APreActivationBeyondTheBoundStopsTrainingAtOnce(string network, int sample, double factor) =>
            NetworkCatalog.Run(typeof(DivergenceRuleTests), nameof(BoundCore), Named(network), sample, factor);

        private static void BoundCore<TNet, T>(int sample, double factor)
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            NetworkShape shape = NetworkShape.Of(typeof(TNet));
            ReferenceNetwork layout = shape.NewReference();
            (T[] x, T[] y) = Samples<T>(shape, M, seed: 23);
            var p = new T[shape.ParameterCount];
            if (sample >= 0)
            {
                p[layout.W1Index(0, 0)] = C<T>(1e10);
                x[sample] = C<T>(-factor * 1e10);
            }
            else p[layout.B2Index(0)] = C<T>(factor * DivergenceRule.PreActivationBound);

            TNet net = Load<TNet, T>(p);
            TrainingResult result = net.Train(new DataSet<T>(x, y, M), new TrainingOptions(1, 0.1));
            bool beyond = factor > 1;
            Assert.Equal(beyond ? 0 : -1, result.DivergedAtIteration);
            if (beyond)
            {
                Assert.Equal(p, ParametersOf<TNet, T>(net, shape.ParameterCount));
                TNet stepper = Load<TNet, T>(p);
                var error = Assert.Throws<TrainingDivergedException>(() => stepper.TrainStep(new DataSet<T>(x, y, M), C<T>(0.1)));
                Assert.Contains(shape.Name, error.Message);
                Assert.Equal(p, ParametersOf<TNet, T>(stepper, shape.ParameterCount));
            }
            else
            {
                TNet stepper = Load<TNet, T>(p);
                T cost = stepper.TrainStep(new DataSet<T>(x, y, M), C<T>(0.1));
                Assert.True(T.IsFinite(cost));
            }
        }
    }
}
