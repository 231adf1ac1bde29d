using System;
using System.Runtime.CompilerServices;
using Xunit;

namespace PlanarGen.Tests.Replay
{
    /// <summary>What a game does every frame with a replay buffer allocates nothing: Add (while filling, after a view
    /// packed the rows, and when full), AsDataSet, SampleBatch, and training on either.</summary>
    public class ReplayBufferAllocationTests
    {
        private const int Capacity = 300;

        private static long AllocatedSince(long before) => GC.GetAllocatedBytesForCurrentThread() - before;

        /// <summary>Runs <paramref name="frames"/> once to warm up, then measures a second run; a one-time runtime event in
        /// the first measured window (tiered JIT) is excluded by measuring once more, as AllocationTests does.</summary>
        private static long Steady(Action<int> frames, int count)
        {
            frames(count);
            long before = GC.GetAllocatedBytesForCurrentThread();
            frames(count);
            long first = AllocatedSince(before);
            if (first == 0) return 0;
            before = GC.GetAllocatedBytesForCurrentThread();
            frames(count);
            return AllocatedSince(before);
        }

        [Fact]
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void AddViewSampleAndTrainDoNotAllocate()
        {
            var buffer = new ReplayBuffer<float>(FlowerNet.InputCount, FlowerNet.OutputCount, Capacity, 32);
            var random = new NumPyRandom(4);
            var features = new float[2];
            var labels = new float[1];
            var net = new FlowerNet();
            net.Initialize(new NumPyRandom(2), 0.5);
            var options = new TrainingOptions(3, 0.1);
            int k = 0;

            void Frame(int frames)
            {
                for (int f = 0; f < frames; f++)
                {
                    // Clear now and then, so both layouts (filling with views in between, and full) run in every window.
                    if (k % (2 * Capacity) == 0) buffer.Clear();
                    for (int a = 0; a < 8; a++, k++)
                    {
                        features[0] = k % 7 - 3;
                        features[1] = k % 5 - 2;
                        labels[0] = features[0] > features[1] ? 1 : 0;
                        buffer.Add(features, labels);
                    }

                    net.TrainStep(buffer.AsDataSet(), 0.1f);
                    net.Train(buffer.SampleBatch(32, random), options);
                }
            }

            long allocated = Steady(Frame, 200);
            Assert.True(allocated == 0, $"a frame of Add, AsDataSet, SampleBatch and training allocated {allocated} bytes over 200 frames.");
        }

        [Fact]
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void DoubleBufferDoesNotAllocate()
        {
            var buffer = new ReplayBuffer<double>(FlowerNet64.InputCount, FlowerNet64.OutputCount, 50, 16);
            var random = new NumPyRandom(4);
            var features = new double[2];
            var labels = new double[1];
            var net = new FlowerNet64();
            net.Initialize(new NumPyRandom(2), 0.5);
            int k = 0;

            void Frame(int frames)
            {
                for (int f = 0; f < frames; f++, k++)
                {
                    features[0] = k % 3;
                    features[1] = -k % 4;
                    labels[0] = k % 2;
                    buffer.Add(features, labels);
                    net.TrainStep(buffer.SampleBatch(16, random), 0.1);
                    net.TrainStep(buffer.AsDataSet(), 0.1);
                }
            }

            long allocated = Steady(Frame, 100);
            Assert.True(allocated == 0, $"Add, SampleBatch, AsDataSet and TrainStep allocated {allocated} bytes over 100 frames.");
        }
    }
}
