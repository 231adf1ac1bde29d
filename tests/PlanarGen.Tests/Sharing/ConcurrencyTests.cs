using System;
using System.Collections.Generic;
using System.Threading;
using Xunit;

namespace PlanarGen.Tests.Sharing
{
    /// <summary>
    /// The documented contract: Predict, PredictBatch, Cost and Accuracy may run on one network from several threads at once,
    /// for every form (unrolled or loop, struct or class). Eight threads call them over and over, half on the one shared
    /// instance and half on a copy taken per thread (<c>var local = net;</c>), and every result must equal, bit for bit, the
    /// result of a sequential run before the threads started. On the loop form before issue 15 the copies and the instance
    /// shared their scratch memory and about 60% of the results were wrong.
    /// </summary>
    public class ConcurrencyTests
    {
        private const int Threads = 8;
        private const int Rounds = 40;

        [Fact]
        public void UnrolledStructPredictsFromEightThreads() => Check<UnrolledStruct, float>(Initialized<UnrolledStruct, float>());

        [Fact]
        public void UnrolledStructDoublePredictsFromEightThreads() => Check<UnrolledStructDouble, double>(Initialized<UnrolledStructDouble, double>());

        [Fact]
        public void UnrolledClassPredictsFromEightThreads() => Check<UnrolledClass, float>(Initialized<UnrolledClass, float>());

        [Fact]
        public void LoopStructPredictsFromEightThreads() => Check<LoopStruct, float>(Initialized<LoopStruct, float>());

        [Fact]
        public void LoopStructDoublePredictsFromEightThreads() => Check<LoopStructDouble, double>(Initialized<LoopStructDouble, double>());

        [Fact]
        public void LoopClassPredictsFromEightThreads() => Check<LoopClass, float>(Initialized<LoopClass, float>());

        [Fact]
        public void LoopClassDoublePredictsFromEightThreads() => Check<LoopClassDouble, double>(Initialized<LoopClassDouble, double>());

        private static TNet Initialized<TNet, T>() where TNet : INetwork<T>, new() where T : unmanaged
        {
            var net = new TNet();
            net.Initialize(new NumPyRandom(3), 0.8);
            return net;
        }

        private sealed class Expected<T>
        {
            public T[][] Probabilities = null!;
            public T[] Costs = null!;
            public double[] Accuracies = null!;
            public T[][] Samples = null!;
        }

        private static void Check<TNet, T>(TNet net) where TNet : INetwork<T> where T : unmanaged
        {
            NetworkShape shape = net.Shape;
            var data = new SharingData<T>(shape.Inputs, shape.Outputs);
            var expected = Run(ref net, data);

            // One instance that every even thread calls in place (an array element is called by reference, never copied).
            var shared = new[] { net };
            int wrong = 0, calls = 0;
            var failures = new List<Exception>();
            using var start = new Barrier(Threads);
            var threads = new Thread[Threads];
            for (int t = 0; t < Threads; t++)
            {
                bool own = (t & 1) == 1;
                threads[t] = new Thread(() =>
                {
                    try
                    {
                        TNet local = shared[0]; // the pattern: a copy per thread
                        start.SignalAndWait();
                        for (int round = 0; round < Rounds; round++)
                        {
                            var got = own ? Run(ref local, data) : Run(ref shared[0], data);
                            Interlocked.Add(ref wrong, Differences(expected, got));
                            Interlocked.Increment(ref calls);
                        }
                    }
                    catch (Exception e)
                    {
                        lock (failures) failures.Add(e);
                    }
                });
                threads[t].Start();
            }
            foreach (Thread thread in threads) thread.Join();
            Assert.Empty(failures);
            Assert.Equal(Threads * Rounds, calls);
            Assert.Equal(0, wrong);
        }

        /// <summary>Every read-only method on every data set, and Predict on a few samples of each.</summary>
        private static Expected<T> Run<TNet, T>(ref TNet net, SharingData<T> data) where TNet : INetwork<T> where T : unmanaged
        {
            int sets = SharingData<T>.Sizes.Length;
            var result = new Expected<T>
            {
                Probabilities = new T[sets][], Costs = new T[sets], Accuracies = new double[sets], Samples = new T[sets][],
            };
            var input = new T[data.Inputs];
            var one = new T[data.Outputs];
            for (int k = 0; k < sets; k++)
            {
                int m = SharingData<T>.Sizes[k];
                result.Probabilities[k] = new T[data.Outputs * m];
                net.PredictBatch(data.Set(k), result.Probabilities[k]);
                result.Costs[k] = net.Cost(data.Set(k));
                result.Accuracies[k] = net.Accuracy(data.Set(k));
                var samples = new List<T>();
                for (int s = 0; s < m; s += 9)
                {
                    for (int i = 0; i < data.Inputs; i++) input[i] = data.X[k][i * m + s];
                    net.Predict(input, one);
                    samples.AddRange(one);
                }
                result.Samples[k] = samples.ToArray();
            }
            return result;
        }

        private static int Differences<T>(Expected<T> expected, Expected<T> got)
        {
            var equal = EqualityComparer<T>.Default;
            int wrong = 0;
            for (int k = 0; k < expected.Costs.Length; k++)
            {
                for (int j = 0; j < expected.Probabilities[k].Length; j++)
                    if (!equal.Equals(expected.Probabilities[k][j], got.Probabilities[k][j])) wrong++;
                for (int j = 0; j < expected.Samples[k].Length; j++)
                    if (!equal.Equals(expected.Samples[k][j], got.Samples[k][j])) wrong++;
                if (!equal.Equals(expected.Costs[k], got.Costs[k])) wrong++;
                if (expected.Accuracies[k] != got.Accuracies[k]) wrong++;
            }
            return wrong;
        }
    }
}
