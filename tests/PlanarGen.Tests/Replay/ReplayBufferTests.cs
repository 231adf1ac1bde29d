using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace PlanarGen.Tests.Replay
{
    /// <summary>The ring's contents against a plain list of what was added, NumPy's own <c>randint</c> draws for the
    /// batches, training on a view against training on a copy, and the messages for bad input.</summary>
    public class ReplayBufferTests
    {
        /// <summary>Sample k: features (k, 100 + k, 200 + k, ...), labels alternating 0/1 from k mod 2.</summary>
        private static (float[] Features, float[] Labels) SampleNumber(int k, int inputs, int outputs)
        {
            float[] features = Enumerable.Range(0, inputs).Select(r => (float)(100 * r + k)).ToArray();
            float[] labels = Enumerable.Range(0, outputs).Select(r => (float)((k + r) % 2)).ToArray();
            return (features, labels);
        }

        /// <summary>The view a ring of <paramref name="capacity"/> should show after <paramref name="added"/> samples: in
        /// order while not full, else column c holds the latest sample k with k mod capacity = c.</summary>
        private static int[] ExpectedColumns(int added, int capacity) =>
            added <= capacity
                ? Enumerable.Range(0, added).ToArray()
                : Enumerable.Range(0, capacity).Select(c => added - 1 - ((added - 1 - c) % capacity)).ToArray();

        private static void AssertView(DataSet<float> view, int[] samples, int inputs, int outputs)
        {
            int m = samples.Length;
            Assert.Equal(m, view.SampleCount);
            Assert.Equal(inputs, view.FeatureCount);
            Assert.Equal(outputs, view.OutputCount);
            var x = new float[inputs * m];
            var y = new float[outputs * m];
            for (int c = 0; c < m; c++)
            {
                (float[] f, float[] l) = SampleNumber(samples[c], inputs, outputs);
                for (int r = 0; r < inputs; r++) x[r * m + c] = f[r];
                for (int r = 0; r < outputs; r++) y[r * m + c] = l[r];
            }

            Assert.Equal(x, view.X.ToArray());
            Assert.Equal(y, view.Y.ToArray());
        }

        [Fact]
        public void FullRingOverwritesTheOldestInRingOrder()
        {
            var buffer = new ReplayBuffer<float>(2, 1, 4, 8);
            for (int k = 0; k < 6; k++)
            {
                (float[] f, float[] l) = SampleNumber(k, 2, 1);
                buffer.Add(f, l);
            }

            Assert.Equal(4, buffer.Count);
            Assert.True(buffer.IsFull);
            Assert.Equal(6, buffer.TotalAdded);
            DataSet<float> view = buffer.AsDataSet();
            Assert.Equal(new float[] { 4, 5, 2, 3, 104, 105, 102, 103 }, view.X.ToArray());
            Assert.Equal(new float[] { 0, 1, 0, 1 }, view.Y.ToArray());
        }

        [Fact]
        public void ViewsMatchWhatWasAddedAtEveryStepWithBatchesInBetween()
        {
            const int inputs = 3, outputs = 2, capacity = 5;
            var buffer = new ReplayBuffer<float>(inputs, outputs, capacity, 4);
            var random = new NumPyRandom(1);
            for (int added = 1; added <= 13; added++)
            {
                (float[] f, float[] l) = SampleNumber(added - 1, inputs, outputs);
                buffer.Add(f, l);
                int[] expected = ExpectedColumns(added, capacity);
                Assert.Equal(Math.Min(added, capacity), buffer.Count);
                AssertView(buffer.AsDataSet(), expected, inputs, outputs);
                AssertView(buffer.AsDataSet(), expected, inputs, outputs); // a second view of a packed ring is the same
                if (added % 2 == 0)
                {
                    // A batch holds whole samples that are in the ring, whatever the layout the view left behind.
                    DataSet<float> batch = buffer.SampleBatch(4, random);
                    for (int i = 0; i < 4; i++)
                    {
                        int k = (int)batch.Feature(0)[i];
                        Assert.Contains(k, expected);
                        (float[] f2, float[] l2) = SampleNumber(k, inputs, outputs);
                        for (int r = 0; r < inputs; r++) Assert.Equal(f2[r], batch.Feature(r)[i]);
                        for (int r = 0; r < outputs; r++) Assert.Equal(l2[r], batch.Labels(r)[i]);
                    }
                }
            }
        }

        [Fact]
        public void SampleBatchDrawsLikeNumPyRandint()
        {
            // np.random.RandomState(7).randint(0, 10, size=12) with numpy 1.24.2:
            int[] numpy = { 4, 9, 6, 3, 3, 7, 7, 9, 7, 8, 9, 8 };
            var buffer = new ReplayBuffer<double>(2, 1, 10, 12);
            for (int k = 0; k < 10; k++) buffer.Add(new double[] { k, -k }, new double[] { k % 2 });

            DataSet<double> batch = buffer.SampleBatch(12, new NumPyRandom(7));

            Assert.Equal(numpy.Select(j => (double)j).ToArray(), batch.Feature(0).ToArray());
            Assert.Equal(numpy.Select(j => (double)-j).ToArray(), batch.Feature(1).ToArray());
            Assert.Equal(numpy.Select(j => (double)(j % 2)).ToArray(), batch.Labels(0).ToArray());
        }

        [Fact]
        public void SampleBatchOfOneSampleDrawsNothingAndLargeRingsDrawLikeNumPy()
        {
            // r = np.random.RandomState(3); r.randint(0, 1, size=3) (no draw); r.randint(0, 6, size=8):
            int[] numpy = { 2, 0, 1, 3, 0, 0, 0, 5 };
            var buffer = new ReplayBuffer<float>(1, 1, 6, 8);
            var random = new NumPyRandom(3);
            buffer.Add(new float[] { 0 }, new float[] { 1 });
            Assert.Equal(new float[] { 0, 0, 0 }, buffer.SampleBatch(3, random).X.ToArray());
            for (int k = 1; k < 6; k++) buffer.Add(new float[] { k }, new float[] { 0 });
            Assert.Equal(numpy.Select(j => (float)j).ToArray(), buffer.SampleBatch(8, random).X.ToArray());

            // np.random.RandomState(11).randint(0, 1000, size=8), from a ring that is not full (capacity 4096).
            int[] numpy1000 = { 921, 703, 80, 91, 337, 951, 269, 332 };
            var big = new ReplayBuffer<float>(2, 1, 4096, 8);
            for (int k = 0; k < 1000; k++) big.Add(new float[] { k, 2 * k }, new float[] { 1 });
            DataSet<float> batch = big.SampleBatch(8, new NumPyRandom(11));
            Assert.Equal(numpy1000.Select(j => (float)j).ToArray(), batch.Feature(0).ToArray());
            Assert.Equal(numpy1000.Select(j => (float)(2 * j)).ToArray(), batch.Feature(1).ToArray());
        }

        [Fact]
        public void ClearEmptiesTheRingAndStartsAgainAtColumnZero()
        {
            var buffer = new ReplayBuffer<float>(2, 1, 3, 2);
            for (int k = 0; k < 5; k++)
            {
                (float[] f, float[] l) = SampleNumber(k, 2, 1);
                buffer.Add(f, l);
            }

            buffer.AsDataSet();
            buffer.Clear();
            Assert.Equal(0, buffer.Count);
            Assert.False(buffer.IsFull);
            Assert.Throws<InvalidOperationException>(() => buffer.AsDataSet());
            (float[] f7, float[] l7) = SampleNumber(7, 2, 1);
            buffer.Add(f7, l7);
            AssertView(buffer.AsDataSet(), new[] { 7 }, 2, 1);
        }

        [Fact]
        public void TrainingOnAViewEqualsTrainingOnACopyBitForBit()
        {
            var buffer = new ReplayBuffer<float>(FlowerNet.InputCount, FlowerNet.OutputCount, 64, 16);
            var random = new NumPyRandom(5);
            var samples = new List<(float X0, float X1, float Y)>();
            for (int k = 0; k < 100; k++)
            {
                float x0 = (float)random.Randn(), x1 = (float)random.Randn();
                float y = x0 * x1 > 0 ? 1 : 0;
                samples.Add((x0, x1, y));
                buffer.Add(new[] { x0, x1 }, new[] { y });
            }

            int[] columns = ExpectedColumns(100, 64);
            var x = new float[2 * 64];
            var labels = new float[64];
            for (int c = 0; c < 64; c++)
            {
                x[c] = samples[columns[c]].X0;
                x[64 + c] = samples[columns[c]].X1;
                labels[c] = samples[columns[c]].Y;
            }

            var onView = new FlowerNet();
            onView.Initialize(new NumPyRandom(2), 0.5);
            FlowerNet onCopy = onView;
            for (int i = 0; i < 20; i++)
            {
                float costView = onView.TrainStep(buffer.AsDataSet(), 0.5f);
                float costCopy = onCopy.TrainStep(new DataSet<float>(x, labels, 64), 0.5f);
                Assert.Equal(costCopy, costView);
            }

            Assert.Equal(onCopy.Fingerprint(), onView.Fingerprint());
        }

        [Fact]
        public void ConstructorSaysWhatWasExpected()
        {
            Assert.StartsWith("Expected inputs from 1 to 1024, but got 0.",
                Assert.Throws<ArgumentOutOfRangeException>(() => new ReplayBuffer<float>(0, 1, 4, 4)).Message, StringComparison.Ordinal);
            Assert.StartsWith("Expected outputs from 1 to 64, but got 65.",
                Assert.Throws<ArgumentOutOfRangeException>(() => new ReplayBuffer<float>(2, 65, 4, 4)).Message, StringComparison.Ordinal);
            Assert.StartsWith("Expected capacity from 1 to 1073741823, but got 0.",
                Assert.Throws<ArgumentOutOfRangeException>(() => new ReplayBuffer<float>(2, 1, 0, 4)).Message, StringComparison.Ordinal);
            Assert.StartsWith("Expected a maximum batch size from 1 to 1073741823, but got -1.",
                Assert.Throws<ArgumentOutOfRangeException>(() => new ReplayBuffer<float>(2, 1, 4, -1)).Message, StringComparison.Ordinal);
            Assert.Equal("Expected a data set of float or double, but the element type is Int32.",
                Assert.Throws<NotSupportedException>(() => new ReplayBuffer<int>(2, 1, 4, 4)).Message);
            NetworkShape shape = new NetworkShape(2, 4, 1, Activation.Tanh, NetworkLimits.DefaultLeakySlope, Precision.Double);
            Assert.StartsWith("Expected a ReplayBuffer<Double> for a Double network (2-4-1 Tanh Double), but this is a ReplayBuffer<Single>.",
                Assert.Throws<ArgumentException>(() => new ReplayBuffer<float>(shape, 4, 4)).Message, StringComparison.Ordinal);
            var fromShape = new ReplayBuffer<double>(shape, 4, 2);
            Assert.Equal((2, 1, 4, 2), (fromShape.InputCount, fromShape.OutputCount, fromShape.Capacity, fromShape.MaxBatchSize));
        }

        [Fact]
        public void AddRejectsBadSamplesAndLeavesTheRingUnchanged()
        {
            var buffer = new ReplayBuffer<float>(2, 3, 4, 4);
            buffer.Add(new float[] { 1, 2 }, new float[] { 0, 1, 0 });
            Assert.StartsWith("Expected 2 features (the buffer's shape), but features has 3 values.",
                Assert.Throws<ArgumentException>(() => buffer.Add(new float[] { 1, 2, 3 }, new float[] { 0, 1, 0 })).Message, StringComparison.Ordinal);
            Assert.StartsWith("Expected 3 labels (the buffer's shape), but labels has 1 values.",
                Assert.Throws<ArgumentException>(() => buffer.Add(new float[] { 1, 2 }, new float[] { 1 })).Message, StringComparison.Ordinal);
            Assert.StartsWith("Expected finite values in features, but features[1, 0] (row 1, sample 0) is NaN.",
                Assert.Throws<ArgumentException>(() => buffer.Add(new float[] { 1, float.NaN }, new float[] { 0, 1, 0 })).Message, StringComparison.Ordinal);
            Assert.StartsWith("Expected finite values in labels, but labels[2, 0] (row 2, sample 0) is -Infinity.",
                Assert.Throws<ArgumentException>(() => buffer.Add(new float[] { 1, 2 }, new float[] { 0, 1, float.NegativeInfinity })).Message, StringComparison.Ordinal);
            Assert.Equal(1, buffer.Count);
            Assert.Equal(new float[] { 1, 2 }, buffer.AsDataSet().X.ToArray());
            buffer.Add(new float[] { 3, 4 }, new float[] { 0.25f, 1, 0 }); // any finite label is stored; the network's rules apply when it trains
            Assert.Equal(2, buffer.Count);
        }

        [Fact]
        public void SampleBatchRejectsBadArguments()
        {
            var buffer = new ReplayBuffer<float>(2, 1, 4, 3);
            var random = new NumPyRandom(1);
            Assert.Equal("Expected at least 1 sample in the replay buffer, but it is empty: Add samples first.",
                Assert.Throws<InvalidOperationException>(() => buffer.SampleBatch(2, random)).Message);
            buffer.Add(new float[] { 1, 2 }, new float[] { 1 });
            Assert.StartsWith("Expected batch size from 1 to 3, but got 4.",
                Assert.Throws<ArgumentOutOfRangeException>(() => buffer.SampleBatch(4, random)).Message, StringComparison.Ordinal);
            Assert.StartsWith("Expected batch size from 1 to 3, but got 0.",
                Assert.Throws<ArgumentOutOfRangeException>(() => buffer.SampleBatch(0, random)).Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentNullException>(() => buffer.SampleBatch(1, null!));
        }
    }
}
