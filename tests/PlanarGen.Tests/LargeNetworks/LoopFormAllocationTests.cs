using System;
using Xunit;

namespace PlanarGen.Tests.LargeNetworks
{
    /// <summary>After warm-up (this thread's scratch exists, the methods are compiled) the loop form allocates nothing, as a
    /// class (parameters in an array) and as a struct (parameters inline).</summary>
    public class LoopFormAllocationTests
    {
        [Fact]
        public void LoopFormHotPathsDoNotAllocate()
        {
            var net = new DigitNet();
            net.Initialize(new NumPyRandom(2));
            var (x, y) = Synthetic.Make(784, 10, 45, 2);
            float[] fx = Array.ConvertAll(x, v => (float)v), fy = Array.ConvertAll(y, v => (float)v);
            var probabilities = new float[10 * 45];
            var one = new float[10];
            var options = new TrainingOptions(3, 0.1, 1);
            var observer = new CountingObserver();
            for (int warm = 0; warm < 3; warm++) Run(ref net, fx, fy, probabilities, one, 0.1f, options, ref observer);

            long before = GC.GetAllocatedBytesForCurrentThread();
            Run(ref net, fx, fy, probabilities, one, 0.1f, options, ref observer);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
            Assert.True(observer.Count > 0);
        }

        [Fact]
        public void LoopFormStructHotPathsDoNotAllocate()
        {
            var net = new WideTanhNet64();
            net.Initialize(new NumPyRandom(2));
            var (x, y) = Synthetic.Make(12, 3, 45, 2);
            var probabilities = new double[3 * 45];
            var one = new double[3];
            var options = new TrainingOptions(3, 0.1, 1);
            var observer = new CountingObserver();
            for (int warm = 0; warm < 3; warm++) Run(ref net, x, y, probabilities, one, 0.1, options, ref observer);

            long before = GC.GetAllocatedBytesForCurrentThread();
            Run(ref net, x, y, probabilities, one, 0.1, options, ref observer);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
            Assert.True(observer.Count > 0);
        }

        /// <summary>A batch of several sample blocks (600 samples: two full blocks of 256, a partial block and a scalar tail),
        /// so every MatrixKernel product, its edges and the block loop run, still allocation-free after warm-up.</summary>
        [Fact]
        public void LoopFormMatrixProductsOverSeveralBlocksDoNotAllocate()
        {
            const int samples = 600;
            var net = new DigitNet();
            net.Initialize(new NumPyRandom(2));
            var (x, y) = Synthetic.Make(784, 10, samples, 3);
            float[] fx = Array.ConvertAll(x, v => (float)v), fy = Array.ConvertAll(y, v => (float)v);
            var probabilities = new float[10 * samples];
            var options = new TrainingOptions(2, 0.1);
            for (int warm = 0; warm < 3; warm++) RunBatch();

            long before = GC.GetAllocatedBytesForCurrentThread();
            RunBatch();
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

            void RunBatch()
            {
                var data = new DataSet<float>(fx, fy, samples);
                net.PredictBatch(data, probabilities);
                net.Cost(data);
                net.TrainStep(data, 0.1f);
                net.Train(data, options);
            }
        }

        private static void Run<TNet, T>(ref TNet net, T[] fx, T[] fy, T[] probabilities, T[] one,
            T learningRate, TrainingOptions options, ref CountingObserver observer) where TNet : INetwork<T> where T : unmanaged
        {
            var data = new DataSet<T>(fx, fy, 45);
            net.Predict(fx.AsSpan(0, net.Shape.Inputs), one);
            net.PredictBatch(data, probabilities);
            net.Cost(data);
            net.Accuracy(data);
            net.TrainStep(data, learningRate);
            net.Train(data, options);
            net.Train(data, options, ref observer);
            net.Train(data, options with { Optimizer = Optimizer.Adam, BatchSize = 16 }, ref observer);
            net.TrainFor(data, options with { Optimizer = Optimizer.Momentum }, TimeSpan.FromMilliseconds(1));
        }

        private struct CountingObserver : ITrainingObserver
        {
            public int Count;

            public bool OnCost(int iteration, double cost) => ++Count > 0;
        }
    }
}
