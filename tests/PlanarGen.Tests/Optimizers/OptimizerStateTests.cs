using System;
using System.Linq;
using System.Numerics;
using PlanarGen.Tests.Deterministic;
using PlanarGen.Tests.LargeNetworks;
using PlanarGen.Tests.Networks;
using Xunit;
using static PlanarGen.Tests.Networks.TestData;
using TestShape = PlanarGen.Tests.Networks.NetworkShape;

namespace PlanarGen.Tests.Optimizers
{
    /// <summary>
    /// The optimizer and shuffle state lives in the network: one step at a time equals one call, bit for bit, in every form;
    /// the stateful path with gradient descent equals the classic loop; resets, copies, early stop, TrainFor, validation.
    /// </summary>
    public class OptimizerStateTests
    {
        /// <summary>Every catalog network plus the loop form (struct, class, float with Vector512 twins) and Deterministic ones.</summary>
        public static readonly Type[] Everything = NetworkCatalog.All.Concat(new[]
        {
            typeof(LoopTanh2401Double), typeof(LoopTanh2401DoubleClass), typeof(LoopTanh2401), typeof(WideTanhNet64),
            typeof(DetFlower), typeof(DetFlower64), typeof(DetSigmoid352Double), typeof(DetRelu2501),
        }).ToArray();

        public static TheoryData<string> Networks()
        {
            var data = new TheoryData<string>();
            foreach (Type t in Everything) data.Add(t.Name);
            return data;
        }

        private static void Run(string method, string network, params object[] args) =>
            NetworkCatalog.Run(typeof(OptimizerStateTests), method, Everything.Single(t => t.Name == network), args);

        private const int M = 37;

        private static TrainingOptions Options(Optimizer optimizer, int batch, int iterations = 1) =>
            new TrainingOptions(iterations, optimizer == Optimizer.Adam ? 0.01 : 0.05) { Optimizer = optimizer, BatchSize = batch, Seed = 4 };

        [Theory]
        [MemberData(nameof(Networks))]
        public void OneIterationAtATimeEqualsOneCallBitForBit(string network) => Run(nameof(StepwiseCore), network);

        private static void StepwiseCore<TNet, T>() where TNet : INetwork<T>, new() where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            var shape = TestShape.Of(typeof(TNet));
            (T[] x, T[] y) = Samples<T>(shape, M, seed: 3);
            T[] p = Parameters<T>(shape, seed: 5, scale: 0.3);
            foreach (Optimizer optimizer in new[] { Optimizer.GradientDescent, Optimizer.Momentum, Optimizer.Adam })
                foreach (int batch in new[] { 0, 5, 16 })
                {
                    const int N = 23;
                    var whole = new TNet();
                    whole.LoadParameters(p);
                    whole.Train(new DataSet<T>(x, y, M), Options(optimizer, batch, N));
                    var stepwise = new TNet();
                    stepwise.LoadParameters(p);
                    for (int i = 0; i < N; i++) stepwise.Train(new DataSet<T>(x, y, M), Options(optimizer, batch));
                    var timed = new TNet();
                    timed.LoadParameters(p);
                    int steps = 0;
                    while (steps < N) steps += timed.TrainFor(new DataSet<T>(x, y, M), Options(optimizer, batch, Math.Min(4, N - steps)), TimeSpan.FromHours(1)).IterationsCompleted;
                    string what = $"{typeof(TNet).Name} {optimizer} batch {batch}";
                    Assert.True(Bits(whole).SequenceEqual(Bits(stepwise)), what + ": Train(1) x N differs from Train(N)");
                    Assert.True(Bits(whole).SequenceEqual(Bits(timed)), what + ": TrainFor in pieces differs from Train(N)");
                    Assert.Equal(optimizer == Optimizer.GradientDescent && batch == 0 ? 0 : N, whole.TrainingState.Steps);
                    Assert.True(!Bits(whole).SequenceEqual(p.Select(v => double.CreateTruncating(v))), what + ": nothing trained");
                }
        }

        [Theory]
        [MemberData(nameof(Networks))]
        public void GradientDescentThroughTheOptimizerPathEqualsTheClassicLoop(string network) => Run(nameof(GradientDescentCore), network);

        private static void GradientDescentCore<TNet, T>() where TNet : INetwork<T>, new() where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            var shape = TestShape.Of(typeof(TNet));
            (T[] x, T[] y) = Samples<T>(shape, M, seed: 6);
            T[] p = Parameters<T>(shape, seed: 7, scale: 0.3);
            var classic = new TNet();
            classic.LoadParameters(p);
            TrainingResult a = classic.Train(new DataSet<T>(x, y, M), new TrainingOptions(30, 0.3, 7));
            var timed = new TNet();
            timed.LoadParameters(p);
            TrainingResult b = timed.TrainFor(new DataSet<T>(x, y, M), new TrainingOptions(30, 0.3, 7), TimeSpan.FromHours(1));
            Assert.True(Bits(classic).SequenceEqual(Bits(timed)), "TrainFor with gradient descent differs from Train");
            Assert.Equal((a.IterationsCompleted, a.LastCostIteration, a.LastCost), (b.IterationsCompleted, b.LastCostIteration, b.LastCost));
            Assert.False(b.OutOfTime);
        }

        [Theory]
        [MemberData(nameof(Networks))]
        public void ResetsAndCopies(string network) => Run(nameof(ResetsCore), network);

        private static void ResetsCore<TNet, T>() where TNet : INetwork<T>, new() where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            var shape = TestShape.Of(typeof(TNet));
            (T[] x, T[] y) = Samples<T>(shape, M, seed: 8);
            T[] p = Parameters<T>(shape, seed: 9, scale: 0.3);
            TrainingOptions adam = Options(Optimizer.Adam, 10, 5);
            var net = new TNet();
            net.LoadParameters(p);
            Assert.True(net.TrainingState.IsEmpty);
            net.Train(new DataSet<T>(x, y, M), adam);
            Assert.Equal((Optimizer.Adam, 5L, 1L, 10), (net.TrainingState.Optimizer, net.TrainingState.Steps, net.TrainingState.Epoch, net.TrainingState.Position));

            // A changed hyper-parameter, optimizer, batch size or seed restarts what it concerns.
            net.Train(new DataSet<T>(x, y, M), adam with { Beta1 = 0.8 });
            Assert.Equal((5L, 2L, 20), (net.TrainingState.Steps, net.TrainingState.Epoch, net.TrainingState.Position));
            net.Train(new DataSet<T>(x, y, M), adam with { Beta1 = 0.8, Seed = 5 });
            Assert.Equal((10L, 1L, 10), (net.TrainingState.Steps, net.TrainingState.Epoch, net.TrainingState.Position));
            net.Train(new DataSet<T>(x, y, M), Options(Optimizer.Momentum, 0, 2));
            Assert.Equal((Optimizer.Momentum, 2L), (net.TrainingState.Optimizer, net.TrainingState.Steps));

            // Every way of setting the parameters, ResetOptimizer and a gradient-descent step clear the state.
            net.ResetOptimizer();
            Assert.True(net.TrainingState.IsEmpty);
            net.Train(new DataSet<T>(x, y, M), adam);
            net.LoadParameters(p);
            Assert.True(net.TrainingState.IsEmpty);
            net.Train(new DataSet<T>(x, y, M), adam);
            net.InitializeZeros();
            Assert.True(net.TrainingState.IsEmpty);
            net.Train(new DataSet<T>(x, y, M), adam);
            net.Initialize(new NumPyRandom(1));
            Assert.True(net.TrainingState.IsEmpty);
            net.Train(new DataSet<T>(x, y, M), adam);
            net.TrainStep(new DataSet<T>(x, y, M), C<T>(0.01));
            Assert.True(net.TrainingState.IsEmpty);
            net.Train(new DataSet<T>(x, y, M), adam);
            net.Train(new DataSet<T>(x, y, M), new TrainingOptions(1, 0.01));
            Assert.True(net.TrainingState.IsEmpty);

            // After a reset the run is the same as on a fresh network: stale moments are never read.
            net.LoadParameters(p);
            net.Train(new DataSet<T>(x, y, M), adam);
            var fresh = new TNet();
            fresh.LoadParameters(p);
            fresh.Train(new DataSet<T>(x, y, M), adam);
            Assert.True(Bits(net).SequenceEqual(Bits(fresh)));

            // A copy (struct assignment or Clone) carries its own state: both continue alike, and training one leaves the other.
            INetwork<T> copy = Copy(net);
            net.Train(new DataSet<T>(x, y, M), adam);
            Assert.Equal(5L, copy.TrainingState.Steps);
            copy.Train(new DataSet<T>(x, y, M), adam);
            Assert.True(Bits(net).SequenceEqual(Bits(copy)), "a copy continued differently");
        }

        private static INetwork<T> Copy<T>(INetwork<T> net) where T : unmanaged =>
            (INetwork<T>)(net.GetType().GetMethod("Clone")!.Invoke(net, null)!);

        [Fact]
        public void TwoNetworksInterleavedOnOneThreadShuffleAsAlone()
        {
            (float[] x, float[] y) = Samples<float>(TestShape.Of(typeof(FlowerNet)), M, seed: 1);
            (float[] x2, float[] y2) = Samples<float>(TestShape.Of(typeof(FlowerNet)), 29, seed: 2);
            float[] p = Parameters<float>(TestShape.Of(typeof(FlowerNet)), seed: 3, scale: 0.3);
            TrainingOptions a = Options(Optimizer.Adam, 6) with { Seed = 1 }, b = Options(Optimizer.Momentum, 4) with { Seed = 2 };
            FlowerNet alone1 = Load<FlowerNet, float>(p), alone2 = Load<FlowerNet, float>(p);
            FlowerNet mixed1 = alone1, mixed2 = alone2;
            for (int i = 0; i < 40; i++) alone1.Train(new DataSet<float>(x, y, M), a);
            for (int i = 0; i < 40; i++) alone2.Train(new DataSet<float>(x2, y2, 29), b);
            for (int i = 0; i < 40; i++)
            {
                mixed1.Train(new DataSet<float>(x, y, M), a);
                mixed2.Train(new DataSet<float>(x2, y2, 29), b);
            }
            Assert.Equal(alone1.Fingerprint(), mixed1.Fingerprint());
            Assert.Equal(alone2.Fingerprint(), mixed2.Fingerprint());
        }

        [Fact]
        public void ShuffleIsNumPysPermutation()
        {
            // numpy 1.24: list(np.random.RandomState(7).permutation(10)), RandomState(0).permutation(37)[:10]
            var order = new int[10];
            new NumPyRandom(7).Permutation(order);
            Assert.Equal(new[] { 8, 5, 0, 2, 1, 9, 7, 3, 6, 4 }, order);
            Assert.Equal(new[] { 22, 20, 16, 10, 31, 28, 15, 11, 2, 25 }, BatchShuffle.Order(0, 37, 0).Slice(0, 10).ToArray());
            Assert.Equal(unchecked(0x9E3779B9U * 3 + 5), BatchShuffle.EpochSeed(5, 3));
        }

        [Fact]
        public void ObserverStopsTrainingAfterThatIteration()
        {
            (float[] x, float[] y) = Samples<float>(TestShape.Of(typeof(FlowerNet)), M, seed: 1);
            float[] p = Parameters<float>(TestShape.Of(typeof(FlowerNet)), seed: 3, scale: 0.3);
            foreach (TrainingOptions options in new[] { new TrainingOptions(100, 0.5, 5), Options(Optimizer.Adam, 8, 100) with { ReportEvery = 5 } })
            {
                FlowerNet net = Load<FlowerNet, float>(p), reference = net;
                var observer = new StopAfter { Reports = 3 };
                TrainingResult result = net.Train(new DataSet<float>(x, y, M), options, ref observer);
                Assert.True(result.StoppedByObserver);
                Assert.False(result.OutOfTime);
                Assert.Equal(11, result.IterationsCompleted);
                Assert.Equal(10, result.LastCostIteration);
                reference.Train(new DataSet<float>(x, y, M), new TrainingOptions(11, options.LearningRate) { Optimizer = options.Optimizer, BatchSize = options.BatchSize, Seed = options.Seed });
                Assert.Equal(reference.Fingerprint(), net.Fingerprint());
                Assert.Contains("stopped by the observer", result.ToString(), StringComparison.Ordinal);
            }
        }

        private struct StopAfter : ITrainingObserver
        {
            public int Reports;

            public bool OnCost(int iteration, double cost) => --Reports > 0;
        }

        [Fact]
        public void TrainForRunsAtLeastOneStepAndStopsAtTheBudget()
        {
            (float[] x, float[] y) = Samples<float>(TestShape.Of(typeof(FlowerNet)), M, seed: 1);
            var net = Load<FlowerNet, float>(Parameters<float>(TestShape.Of(typeof(FlowerNet)), seed: 3, scale: 0.3));
            TrainingOptions adam = Options(Optimizer.Adam, 8, 0);
            TrainingResult zero = net.TrainFor(new DataSet<float>(x, y, M), adam, TimeSpan.Zero);
            Assert.Equal((1, true), (zero.IterationsCompleted, zero.OutOfTime));
            TrainingResult capped = net.TrainFor(new DataSet<float>(x, y, M), adam with { Iterations = 7 }, TimeSpan.FromHours(1));
            Assert.Equal((7, false), (capped.IterationsCompleted, capped.OutOfTime));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            TrainingResult timed = net.TrainFor(new DataSet<float>(x, y, M), adam, TimeSpan.FromMilliseconds(20));
            watch.Stop();
            Assert.True(timed.OutOfTime);
            Assert.True(timed.IterationsCompleted > 1, $"{timed.IterationsCompleted} steps in 20 ms");
            Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(500), $"took {watch.Elapsed}");
            Assert.Equal(1L + 7 + timed.IterationsCompleted, net.TrainingState.Steps);
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => net.TrainFor(new DataSet<float>(x, y, M), adam, TimeSpan.FromTicks(-1)));
            Assert.Contains("Expected a time budget of at least zero, but got -00:00:00.0000001.", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void DefaultOptionsReadTheDocumentedDefaults()
        {
            TrainingOptions d = default;
            Assert.Equal((Optimizer.GradientDescent, 0.9, 0.9, 0.999, 1e-8, 0, 0U), (d.Optimizer, d.Momentum, d.Beta1, d.Beta2, d.Epsilon, d.BatchSize, d.Seed));
            TrainingOptions zero = new TrainingOptions(1, 0.1) { Momentum = 0, Beta1 = 0 };
            Assert.Equal((0.0, 0.0), (zero.Momentum, zero.Beta1));
            zero.Validate();
        }

        [Theory]
        [InlineData("Momentum", 1.0, "Expected momentum in [0, 1), but got 1.")]
        [InlineData("Beta1", -0.1, "Expected Beta1 in [0, 1), but got -0.1.")]
        [InlineData("Beta2", double.NaN, "Expected Beta2 in [0, 1), but got NaN.")]
        [InlineData("Epsilon", 0.0, "Expected Epsilon finite and above 0, but got 0.")]
        [InlineData("BatchSize", -1.0, "Expected a batch size of at least 0 (0 = the whole data set), but got -1.")]
        [InlineData("Optimizer", 7.0, "Expected Optimizer.GradientDescent, Optimizer.Momentum or Optimizer.Adam, but got 7.")]
        public void BadOptionsSayWhatWasExpected(string name, double value, string message)
        {
            var o = new TrainingOptions(1, 0.1);
            o = name switch
            {
                "Momentum" => o with { Momentum = value },
                "Beta1" => o with { Beta1 = value },
                "Beta2" => o with { Beta2 = value },
                "Epsilon" => o with { Epsilon = value },
                "BatchSize" => o with { BatchSize = (int)value },
                _ => o with { Optimizer = (Optimizer)(int)value },
            };
            var error = Assert.Throws<ArgumentOutOfRangeException>(o.Validate);
            Assert.Equal(name, error.ParamName);
            Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
            var net = new FlowerNet();
            (float[] x, float[] y) = Samples<float>(TestShape.Of(typeof(FlowerNet)), 3, seed: 1);
            Assert.Throws<ArgumentOutOfRangeException>(() => net.Train(new DataSet<float>(x, y, 3), o));
        }

        [Fact]
        public void DivergenceKeepsParametersAndStateFromBeforeThatStep()
        {
            (double[] x, double[] y) = Samples<double>(TestShape.Of(typeof(FlowerNet64)), M, seed: 1);
            var net = Load<FlowerNet64, double>(Parameters<double>(TestShape.Of(typeof(FlowerNet64)), seed: 3, scale: 0.3));
            net.Train(new DataSet<double>(x, y, M), Options(Optimizer.Momentum, 8, 3));
            // A huge step lands on finite but huge parameters; the next step's pre-activations break the bound.
            FlowerNet64 oneStep = net;
            TrainingOptions huge = Options(Optimizer.Momentum, 8, 3) with { LearningRate = 1e300 };
            oneStep.Train(new DataSet<double>(x, y, M), huge with { Iterations = 1 });
            TrainingResult result = net.Train(new DataSet<double>(x, y, M), huge);
            Assert.Equal((1, 1), (result.DivergedAtIteration, result.IterationsCompleted));
            Assert.Equal(oneStep.Fingerprint(), net.Fingerprint());
            Assert.Equal((4L, 32), (net.TrainingState.Steps, net.TrainingState.Position));
        }

        private static double[] Bits<T>(INetwork<T> net) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            var p = new T[net.Shape.ParameterCount];
            net.CopyParametersTo(p);
            return p.Select(v => double.CreateTruncating(v)).ToArray();
        }
    }
}
