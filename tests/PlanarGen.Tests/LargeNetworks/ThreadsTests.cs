using System;
using PlanarGen.Parallel;
using Xunit;
using Xunit.Abstractions;

namespace PlanarGen.Tests.LargeNetworks
{
    /// <summary>TrainingOptions.Threads on the loop form: the split is real, a thread count gives the same bits every time,
    /// other thread counts agree with one thread within float/double re-association, divergence and exceptions on a worker
    /// surface on the caller, optimizers, mini-batches and TrainFor split each batch.</summary>
    public class ThreadsTests
    {
        private readonly ITestOutputHelper _output;

        public ThreadsTests(ITestOutputHelper output) => _output = output;

        // 9-300-2 float (3602 parameters): 1003 samples split into 2, 3 and 4 ranges (GradientSplit's thresholds), with a
        // scalar tail of 11 samples after the last 16-sample chunk.
        private const int Samples = 1003;

        private static (float[] X, float[] Y) FloatData(int features, int outputs, int samples, uint seed)
        {
            var (x, y) = Synthetic.Make(features, outputs, samples, seed);
            return (Array.ConvertAll(x, v => (float)v), Array.ConvertAll(y, v => (float)v));
        }

        private static float[] TrainSigmoid(int threads, int iterations, float[] x, float[] y, Optimizer optimizer = Optimizer.GradientDescent, int batch = 0)
        {
            var net = new WideSigmoidNet();
            net.Initialize(new NumPyRandom(3), 0.5);
            var options = new TrainingOptions(iterations, optimizer == Optimizer.Adam ? 0.01 : 0.5) { Threads = threads, Optimizer = optimizer, BatchSize = batch, Seed = 4 };
            TrainingResult result = net.Train(new DataSet<float>(x, y, x.Length / WideSigmoidNet.InputCount), options);
            Assert.False(result.Diverged);
            var p = new float[WideSigmoidNet.ParameterCount];
            net.CopyParametersTo(p);
            return p;
        }

        [Fact]
        public void TheBatchIsReallySplit()
        {
            Assert.Equal(1, GradientSplit.RangesFor(1, Samples, WideSigmoidNet.ParameterCount));
            for (int threads = 2; threads <= 4; threads++) Assert.Equal(threads, GradientSplit.RangesFor(threads, Samples, WideSigmoidNet.ParameterCount));
            // Too little work per thread: one range (the flower-sized loop network at the notebook's 400 samples).
            Assert.Equal(1, GradientSplit.RangesFor(2, 400, 201));
            Assert.Equal(0, GradientSplit.RangeStart(0, 3, Samples));
            Assert.Equal(320, GradientSplit.RangeStart(1, 3, Samples));   // 1003/3 = 334, down to a multiple of 16
            Assert.Equal(656, GradientSplit.RangeStart(2, 3, Samples));
            Assert.Equal(Samples, GradientSplit.RangeStart(3, 3, Samples));
        }

        [Fact]
        public void AThreadCountGivesTheSameBitsEveryTime()
        {
            var (x, y) = FloatData(9, 2, Samples, 5);
            for (int threads = 1; threads <= 3; threads++)
                Assert.Equal(TrainSigmoid(threads, 5, x, y), TrainSigmoid(threads, 5, x, y));
        }

        [Fact]
        public void ThreadCountsAgreeWithOneThread()
        {
            var (x, y) = FloatData(9, 2, Samples, 5);
            float[] one = TrainSigmoid(1, 5, x, y);
            for (int threads = 2; threads <= 4; threads++)
            {
                float[] many = TrainSigmoid(threads, 5, x, y);
                double worst = 0;
                for (int k = 0; k < one.Length; k++) worst = Math.Max(worst, Math.Abs(one[k] - many[k]) / (1 + Math.Abs(one[k])));
                _output.WriteLine($"Threads = {threads}: max relative parameter difference after 5 iterations {worst:E2}");
                // Each gradient sum of ~1000 float terms re-associated (ranges added at the end) differs by a few ulps of the sum;
                // five steps of learning rate 0.5 keep that at a few 1e-7 of the parameters; 1e-5 leaves margin, and is far below
                // a step (a real error, e.g. a range summed twice or left out, moves parameters by 1e-2).
                Assert.True(worst <= 1e-5, $"Threads = {threads} differs from 1 thread by {worst:E2}");
            }
        }

        [Fact]
        public void DoubleNetworkAgreesWithOneThread()
        {
            var (x, y) = Synthetic.Make(12, 3, 2003, 6);
            double[] Train(int threads)
            {
                var net = new WideTanhNet64();
                net.Initialize(new NumPyRandom(3), 0.3);
                Assert.False(net.Train(new DataSet<double>(x, y, 2003), new TrainingOptions(5, 0.5) { Threads = threads }).Diverged);
                var p = new double[WideTanhNet64.ParameterCount];
                net.CopyParametersTo(p);
                return p;
            }
            Assert.Equal(3, GradientSplit.RangesFor(3, 2003, WideTanhNet64.ParameterCount));
            double[] one = Train(1);
            for (int threads = 2; threads <= 4; threads++)
            {
                double[] many = Train(threads);
                double worst = 0;
                for (int k = 0; k < one.Length; k++) worst = Math.Max(worst, Math.Abs(one[k] - many[k]) / (1 + Math.Abs(one[k])));
                _output.WriteLine($"double, Threads = {threads}: max relative difference {worst:E2}");
                Assert.True(worst <= 1e-13, $"Threads = {threads} differs from 1 thread by {worst:E2}");
            }
        }

        [Fact]
        public void OptimizersAndMiniBatchesSplitEachBatch()
        {
            var (x, y) = FloatData(9, 2, 4000, 7);
            Assert.Equal(2, GradientSplit.RangesFor(2, 1000, WideSigmoidNet.ParameterCount));
            float[] one = TrainSigmoid(1, 8, x, y, Optimizer.Adam, batch: 1000);
            float[] two = TrainSigmoid(2, 8, x, y, Optimizer.Adam, batch: 1000);
            double worst = 0;
            for (int k = 0; k < one.Length; k++) worst = Math.Max(worst, Math.Abs(one[k] - two[k]));
            _output.WriteLine($"Adam, batches of 1000, 8 steps: max parameter difference {worst:E2}");
            // Adam divides by sqrt(v): a gradient that differs in its last bits moves a parameter by a few ulps of the step (0.01).
            Assert.True(worst <= 1e-5, $"Threads = 2 under Adam differs by {worst:E2}");
            Assert.NotEqual(TrainSigmoid(1, 0, x, y), one);
        }

        [Fact]
        public void TrainForSplitsEachBatch()
        {
            var (x, y) = FloatData(9, 2, 2000, 8);
            float[] Run(int threads)
            {
                var net = new WideSigmoidNet();
                net.Initialize(new NumPyRandom(3), 0.5);
                var options = new TrainingOptions(6, 0.05) { Threads = threads, Optimizer = Optimizer.Momentum, BatchSize = 1000, Seed = 9 };
                TrainingResult result = net.TrainFor(new DataSet<float>(x, y, 2000), options, TimeSpan.FromMinutes(5));
                Assert.Equal(6, result.IterationsCompleted);
                var p = new float[WideSigmoidNet.ParameterCount];
                net.CopyParametersTo(p);
                return p;
            }
            float[] one = Run(1), two = Run(2);
            Assert.Equal(two, Run(2));
            double worst = 0;
            for (int k = 0; k < one.Length; k++) worst = Math.Max(worst, Math.Abs(one[k] - two[k]));
            Assert.True(worst <= 1e-5, $"TrainFor with Threads = 2 differs by {worst:E2}");
        }

        /// <summary>A sample far out in the last range (a worker's) makes a pre-activation exceed the bound: the split step
        /// reports divergence at iteration 0 and leaves the parameters as they were.</summary>
        [Fact]
        public void DivergenceOnAWorkerStopsTrainingAndLeavesTheNetworkUnchanged()
        {
            var (x, y) = FloatData(9, 2, Samples, 5);
            for (int i = 0; i < 9; i++) x[i * Samples + Samples - 20] = 1e30f;
            var net = new WideSigmoidNet();
            net.Initialize(new NumPyRandom(3), 0.5);
            ulong before = net.Fingerprint();
            TrainingResult result = net.Train(new DataSet<float>(x, y, Samples), new TrainingOptions(3, 0.5) { Threads = 3 });
            Assert.True(result.Diverged);
            Assert.Equal(0, result.DivergedAtIteration);
            Assert.Equal(before, net.Fingerprint());
        }

        private struct ThrowingRange : IGradientRange<float>
        {
            public bool Sums(ReadOnlySpan<float> parameters, ReadOnlySpan<float> x, ReadOnlySpan<float> y, int sampleCount, int sampleStart, int sampleEnd,
                Span<float> gradient, bool withCost, out float cost)
            {
                if (sampleStart > 0) throw new InvalidOperationException($"range from {sampleStart} failed");
                gradient.Fill(1);
                cost = 0;
                return true;
            }
        }

        /// <summary>An exception on a worker reaches the caller with its type and message, after every range has finished, and
        /// the pool keeps working.</summary>
        [Fact]
        public void AnExceptionOnAWorkerSurfacesOnTheCaller()
        {
            var parameters = new float[1 << 12];
            var x = new float[2 * 1024];
            var y = new float[1024];
            var gradient = new float[parameters.Length];
            Assert.Equal(2, GradientSplit.RangesFor(2, 1024, parameters.Length));
            var e = Assert.Throws<InvalidOperationException>(() => GradientSplit.Sums<float, ThrowingRange>(parameters, x, y, 1024, gradient, 2, false, out _));
            Assert.Equal("range from 512 failed", e.Message);
            Assert.Contains(nameof(ThrowingRange), e.StackTrace, StringComparison.Ordinal);
            // One thread: no worker, the range starts at 0 and succeeds.
            Assert.True(GradientSplit.Sums<float, ThrowingRange>(parameters, x, y, 1024, gradient, 1, false, out _));
            Assert.Equal(1f, gradient[0]);
            // The pool still runs work after a failure.
            var (fx, fy) = FloatData(9, 2, Samples, 5);
            Assert.Equal(TrainSigmoid(2, 2, fx, fy), TrainSigmoid(2, 2, fx, fy));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-1)]
        [InlineData(65)]
        public void ThreadsOutOfRangeAreRejected(int threads)
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions(1, 0.1) { Threads = threads }.Validate());
            Assert.Equal("Threads", e.ParamName);
            Assert.StartsWith($"Expected a thread count from 1 to 64, but got {threads}.", e.Message, StringComparison.Ordinal);
            var (x, y) = FloatData(9, 2, 40, 5);
            var net = new WideSigmoidNet();
            Assert.Throws<ArgumentOutOfRangeException>(() => net.Train(new DataSet<float>(x, y, 40), new TrainingOptions(1, 0.1) { Threads = threads }));
        }

        [Fact]
        public void ThreadsDefaultsToOne()
        {
            Assert.Equal(1, default(TrainingOptions).Threads);
            Assert.Equal(1, new TrainingOptions(1, 0.1).Threads);
            Assert.Equal(64, new TrainingOptions(1, 0.1) { Threads = 64 }.Threads);
            Assert.Equal(TrainingOptions.MaxThreads, new TrainingOptions(1, 0.1) { Threads = TrainingOptions.MaxThreads }.Threads);
        }
    }

    [CollectionDefinition(nameof(ThreadsAllocationTests), DisableParallelization = true)]
    public class ThreadsAllocationCollection { }

    /// <summary>A split training step allocates nothing on any thread after the first call (the workers, their scratch and the
    /// range buffers exist by then). Measured process-wide, so this class runs alone.</summary>
    [Collection(nameof(ThreadsAllocationTests))]
    public class ThreadsAllocationTests
    {
        [Fact]
        public void SplitTrainingAllocatesNothingAfterTheFirstCall()
        {
            var (x, y) = Synthetic.Make(9, 2, 1003, 2);
            float[] fx = Array.ConvertAll(x, v => (float)v), fy = Array.ConvertAll(y, v => (float)v);
            Assert.Equal(2, GradientSplit.RangesFor(2, 1003, WideSigmoidNet.ParameterCount));
            Assert.Equal(2, GradientSplit.RangesFor(2, 500, WideSigmoidNet.ParameterCount));
            var net = new WideSigmoidNet();
            net.Initialize(new NumPyRandom(2));
            var gd = new TrainingOptions(3, 0.1, 1) { Threads = 2 };
            var adam = new TrainingOptions(3, 0.01) { Threads = 2, Optimizer = Optimizer.Adam, BatchSize = 500 };
            // Warm-up long enough for the tiered JIT to finish with every method the workers run (its own work allocates).
            for (int warm = 0; warm < 40; warm++)
            {
                net.Train(new DataSet<float>(fx, fy, 1003), gd);
                net.Train(new DataSet<float>(fx, fy, 1003), adam);
                net.TrainFor(new DataSet<float>(fx, fy, 1003), adam, TimeSpan.FromMinutes(1));
            }
            // Process-wide counts also see the test runner's own threads now and then: the least of a few rounds is the
            // training's (a real allocation per step would show in every round).
            long least = long.MaxValue;
            for (int round = 0; round < 5; round++)
            {
                long before = GC.GetTotalAllocatedBytes(precise: true);
                long mine = GC.GetAllocatedBytesForCurrentThread();
                net.Train(new DataSet<float>(fx, fy, 1003), gd);
                net.Train(new DataSet<float>(fx, fy, 1003), adam);
                net.TrainFor(new DataSet<float>(fx, fy, 1003), adam, TimeSpan.FromMinutes(1));
                Assert.True(GC.GetAllocatedBytesForCurrentThread() - mine == 0, $"this thread allocated {GC.GetAllocatedBytesForCurrentThread() - mine} bytes");
                least = Math.Min(least, GC.GetTotalAllocatedBytes(precise: true) - before);
            }
            // Known gap (reported in docs/training.md): about 80 bytes per 3 calls appear on the worker threads, not per step
            // of the pool itself (ThePoolAllocatesNothingPerRun) nor on the caller; bounded here so that growth is caught.
            Assert.True(least <= 128, $"the split steps allocated {least} bytes");
        }
    
        private sealed class CountingWork : WorkItem
        {
            public int Runs;

            protected override void Execute(int part) => System.Threading.Interlocked.Increment(ref Runs);
        }

        [Fact]
        public void ThePoolAllocatesNothingPerRun()
        {
            var work = new CountingWork();
            WorkerPool pool = WorkerPool.For(2);
            for (int k = 0; k < 200; k++) pool.Run(work, 3);
            long least = long.MaxValue;
            for (int round = 0; round < 5; round++)
            {
                long before = GC.GetTotalAllocatedBytes(precise: true);
                for (int k = 0; k < 1000; k++) pool.Run(work, 3);
                least = Math.Min(least, GC.GetTotalAllocatedBytes(precise: true) - before);
            }
            Assert.Equal(3 * 5200, work.Runs);
            Assert.True(least == 0, $"1000 runs allocated {least} bytes");
        }
    }
}
