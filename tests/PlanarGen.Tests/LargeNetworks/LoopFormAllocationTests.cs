using System;
using Xunit;

namespace PlanarGen.Tests.LargeNetworks
{
    /// <summary>After warm-up (the parameter array exists, the methods are compiled) the loop form allocates nothing.</summary>
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
            for (int warm = 0; warm < 3; warm++) Run(ref net, fx, fy, probabilities, one, options, ref observer);

            long before = GC.GetAllocatedBytesForCurrentThread();
            Run(ref net, fx, fy, probabilities, one, options, ref observer);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
            Assert.True(observer.Count > 0);
        }

        private static void Run(ref DigitNet net, float[] fx, float[] fy, float[] probabilities, float[] one,
            TrainingOptions options, ref CountingObserver observer)
        {
            var data = new DataSet<float>(fx, fy, 45);
            net.Predict(fx.AsSpan(0, 784), one);
            net.PredictBatch(data, probabilities);
            net.Cost(data);
            net.Accuracy(data);
            net.TrainStep(data, 0.1f);
            net.Train(data, options);
            net.Train(data, options, ref observer);
        }

        private struct CountingObserver : ITrainingObserver
        {
            public int Count;

            public void OnCost(int iteration, double cost) => Count++;
        }
    }
}
