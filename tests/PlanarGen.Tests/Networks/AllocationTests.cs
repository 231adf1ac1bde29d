using System.Runtime.CompilerServices;
using System;
using System.Numerics;
using Xunit;
using static PlanarGen.Tests.Networks.TestData;

namespace PlanarGen.Tests.Networks
{
    /// <summary>
    /// Every hot-path entry point allocates nothing after warm-up. Arrays and data are created before the measured region;
    /// the generic test bodies are constrained to structs, so the calls are direct (no boxing).
    /// </summary>
    public class AllocationTests
    {
        public static TheoryData<string> Networks => NetworkCatalog.Names();

        [Theory]
        [MemberData(nameof(Networks))]
        public void PredictDoesNotAllocate(string network) => Run(nameof(PredictCore), network);

        [Theory]
        [MemberData(nameof(Networks))]
        public void PredictBatchDoesNotAllocate(string network) => Run(nameof(PredictBatchCore), network);

        [Theory]
        [MemberData(nameof(Networks))]
        public void CostAndAccuracyDoNotAllocate(string network) => Run(nameof(CostCore), network);

        [Theory]
        [MemberData(nameof(Networks))]
        public void TrainStepDoesNotAllocate(string network) => Run(nameof(TrainStepCore), network);

        [Theory]
        [MemberData(nameof(Networks))]
        public void TrainDoesNotAllocateWithOrWithoutObserver(string network) => Run(nameof(TrainCore), network);

        public static TheoryData<string, string> OtherOutputCases()
        {
            var data = new TheoryData<string, string>();
            foreach (Type t in NetworkCatalog.OtherOutputs)
                foreach (string core in new[] { nameof(PredictCore), nameof(PredictBatchCore), nameof(CostCore), nameof(TrainStepCore), nameof(TrainCore) })
                    data.Add(core, t.Name);
            return data;
        }

        /// <summary>Softmax and linear networks (every form, Deterministic too): predict, cost (and softmax accuracy) and
        /// training allocate nothing either.</summary>
        [Theory]
        [MemberData(nameof(OtherOutputCases))]
        public void SoftmaxAndLinearHotPathsDoNotAllocate(string core, string network) => Run(core, network);
        [Theory]
        [MemberData(nameof(Networks))]
        public void OptimizersMiniBatchesAndTrainForDoNotAllocate(string network) => Run(nameof(OptimizerCore), network);

        private static void Run(string core, string network) => NetworkCatalog.Run(typeof(AllocationTests), core, network);

        private const int M = 37;

        private static (NetworkShape, T[], T[], T[]) Arrange<TNet, T>() where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            NetworkShape shape = NetworkShape.Of(typeof(TNet));
            (T[] x, T[] y) = Samples<T>(shape, M, seed: 8);
            return (shape, x, y, Parameters<T>(shape, seed: 9, scale: 0.1));
        }

        // The measuring methods are compiled fully optimised at once, so their own loops never pass through on-stack
        // replacement mid-measurement.

        /// <summary>Reads the counter first: the caller's message must be built after the measurement, not as an argument.</summary>
        private static long AllocatedSince(long before) => GC.GetAllocatedBytesForCurrentThread() - before;

        private static void AssertNone(long allocated, string what) => Assert.True(allocated == 0, $"{what} allocated {allocated} bytes.");

        private delegate void Batch();

        /// <summary>Bytes a batch of calls allocates in steady state. A one-time runtime event (the tiered JIT promoting a
        /// callee, seen as 1-5 KB on this thread under load) can land in the first window only; an allocation per call shows
        /// in every window, so a non-zero first window is measured once more and that figure is the result.</summary>
        private static long SteadyStateAllocation(Batch batch)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            batch();
            long first = AllocatedSince(before);
            if (first == 0) return 0;
            before = GC.GetAllocatedBytesForCurrentThread();
            batch();
            return AllocatedSince(before);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void PredictCore<TNet, T>()
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            (NetworkShape shape, T[] x, _, T[] p) = Arrange<TNet, T>();
            TNet net = Load<TNet, T>(p);
            T[] input = Column(x, shape.Inputs, M, 0);
            var probabilities = new T[shape.Outputs];
            for (int i = 0; i < 100; i++) net.Predict(input, probabilities);
            AssertNone(SteadyStateAllocation(() => { for (int i = 0; i < 10_000; i++) net.Predict(input, probabilities); }), $"{shape.Name}.Predict");
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void PredictBatchCore<TNet, T>()
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            (NetworkShape shape, T[] x, T[] y, T[] p) = Arrange<TNet, T>();
            TNet net = Load<TNet, T>(p);
            var probabilities = new T[shape.Outputs * M];
            for (int i = 0; i < 100; i++) net.PredictBatch(new DataSet<T>(x, y, M), probabilities);
            AssertNone(SteadyStateAllocation(() => { for (int i = 0; i < 2_000; i++) net.PredictBatch(new DataSet<T>(x, y, M), probabilities); }), $"{shape.Name}.PredictBatch");
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void CostCore<TNet, T>()
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            (NetworkShape shape, T[] x, T[] y, T[] p) = Arrange<TNet, T>();
            TNet net = Load<TNet, T>(p);
            T sink = T.Zero;
            double accuracy = 0;
            for (int i = 0; i < 100; i++) sink += net.Cost(new DataSet<T>(x, y, M));
            AssertNone(SteadyStateAllocation(() => { for (int i = 0; i < 2_000; i++) sink += net.Cost(new DataSet<T>(x, y, M)); }), $"{shape.Name}.Cost");
            // A linear output has no accuracy (it throws, OutputActivationTests).
            if (shape.OutputActivation == Activation.Linear)
            {
                Assert.True(T.IsFinite(sink));
                return;
            }
            for (int i = 0; i < 100; i++) accuracy += net.Accuracy(new DataSet<T>(x, y, M));
            AssertNone(SteadyStateAllocation(() => { for (int i = 0; i < 2_000; i++) accuracy += net.Accuracy(new DataSet<T>(x, y, M)); }), $"{shape.Name}.Accuracy");
            Assert.True(T.IsFinite(sink) && accuracy > 0);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void TrainStepCore<TNet, T>()
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            (NetworkShape shape, T[] x, T[] y, T[] p) = Arrange<TNet, T>();
            TNet net = Load<TNet, T>(p);
            T learningRate = C<T>(0.01);
            for (int i = 0; i < 100; i++) net.TrainStep(new DataSet<T>(x, y, M), learningRate);
            AssertNone(SteadyStateAllocation(() => { for (int i = 0; i < 2_000; i++) net.TrainStep(new DataSet<T>(x, y, M), learningRate); }), $"{shape.Name}.TrainStep");
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void OptimizerCore<TNet, T>()
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            (NetworkShape shape, T[] x, T[] y, T[] p) = Arrange<TNet, T>();
            TNet net = Load<TNet, T>(p);
            var adam = new TrainingOptions(10, 0.001, 3) { Optimizer = Optimizer.Adam };
            var momentum = new TrainingOptions(10, 0.001) { Optimizer = Optimizer.Momentum, BatchSize = 8, Seed = 3 };
            var adamBatches = new TrainingOptions(10, 0.001) { Optimizer = Optimizer.Adam, BatchSize = 5, Seed = 4 };
            var budget = TimeSpan.FromMilliseconds(0.2);
            var observer = new CountingObserver();
            for (int i = 0; i < 20; i++)
            {
                net.Train(new DataSet<T>(x, y, M), adam);
                net.Train(new DataSet<T>(x, y, M), momentum, ref observer);
                net.TrainFor(new DataSet<T>(x, y, M), adamBatches, budget);
            }

            AssertNone(SteadyStateAllocation(() => { for (int i = 0; i < 100; i++) net.Train(new DataSet<T>(x, y, M), adam); }), $"{shape.Name}.Train with Adam");
            AssertNone(SteadyStateAllocation(() => { for (int i = 0; i < 100; i++) net.Train(new DataSet<T>(x, y, M), momentum, ref observer); }), $"{shape.Name}.Train with momentum and mini-batches");
            AssertNone(SteadyStateAllocation(() => { for (int i = 0; i < 100; i++) net.TrainFor(new DataSet<T>(x, y, M), adamBatches, budget); }), $"{shape.Name}.TrainFor with Adam and mini-batches");
            Assert.True(net.TrainingState.Steps > 0);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void TrainCore<TNet, T>()
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            (NetworkShape shape, T[] x, T[] y, T[] p) = Arrange<TNet, T>();
            TNet net = Load<TNet, T>(p);
            var silent = new TrainingOptions(20, 0.01);
            var reporting = new TrainingOptions(20, 0.01, 3);
            var observer = new CountingObserver();
            for (int i = 0; i < 20; i++)
            {
                net.Train(new DataSet<T>(x, y, M), silent);
                net.Train(new DataSet<T>(x, y, M), reporting);
                net.Train(new DataSet<T>(x, y, M), reporting, ref observer);
            }

            AssertNone(SteadyStateAllocation(() => { for (int i = 0; i < 200; i++) net.Train(new DataSet<T>(x, y, M), silent); }), $"{shape.Name}.Train without observer");
            AssertNone(SteadyStateAllocation(() => { for (int i = 0; i < 200; i++) net.Train(new DataSet<T>(x, y, M), reporting); }), $"{shape.Name}.Train without observer, reporting");
            observer = default;
            AssertNone(SteadyStateAllocation(() => { for (int i = 0; i < 200; i++) net.Train(new DataSet<T>(x, y, M), reporting, ref observer); }), $"{shape.Name}.Train with observer");
            Assert.True(observer.Count == 200 * 7 || observer.Count == 2 * 200 * 7, $"observer saw {observer.Count} costs");
        }
    }
}
