using System;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;

namespace PlanarGen.Benchmarks
{
    /// <summary>One full-batch Train iteration of the 784-128-10 loop-form network at m = 1024, with 1 and 2 threads
    /// (TrainingOptions.Threads; docs/training.md, "Threads").</summary>
    [MemoryDiagnoser]
    public class ThreadsBenchmarks
    {
        private PlanarData<float> _data = null!;
        private Digit784 _net = null!;

        [Params(1, 2)]
        public int Threads { get; set; }

        [Params(128, 1024)]
        public int Samples { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _data = SyntheticData.Make(784, 10, Samples, seed: 7);
            _net = new Digit784();
            _net.Initialize(new NumPyRandom(2));
        }

        [Benchmark]
        public int DigitTrainIteration() =>
            _net.Train(_data.AsDataSet(), new TrainingOptions(1, 0.01) { Threads = Threads }).IterationsCompleted;
    }

    /// <summary>Stopwatch timing of Train iterations with 1 and 2 threads for the digit network and two small loop-form
    /// networks at several batch sizes (the break-even of docs/training.md): <c>threads [runs]</c>.</summary>
    public static class ThreadsTiming
    {
        public static int Run(int runs)
        {
            Console.WriteLine($"cores {Environment.ProcessorCount}, vector512 kernels {SimdPath.UsesVector512}");
            foreach (int m in new[] { 64, 128, 256, 512, 1024, 4096 })
            {
                PlanarData<float> data = SyntheticData.Make(784, 10, m, seed: 7);
                var net = new Digit784();
                Compare($"784-128-10 m={m}", runs, 1, threads =>
                {
                    net.Initialize(new NumPyRandom(2));
                    return Time(() => net.Train(data.AsDataSet(), new TrainingOptions(1, 0.01) { Threads = threads }));
                });
            }
            foreach (int m in new[] { 400, 1_000, 4_000, 16_000, 64_000 })
            {
                PlanarData<float> data = SyntheticData.Make(2, 1, m, seed: 7);
                var net = new Sweep50x32();
                int iterations = Math.Max(1, 400_000 / m);
                Compare($"2-50-1 m={m} ({iterations} it.)", runs, iterations, threads =>
                {
                    net.Initialize(new NumPyRandom(2));
                    return Time(() => net.Train(data.AsDataSet(), new TrainingOptions(iterations, 0.5) { Threads = threads }));
                });
            }
            foreach (int m in new[] { 100, 200, 400, 1_000, 4_000 })
            {
                PlanarData<float> data = SyntheticData.Make(16, 4, m, seed: 7);
                var net = new Wide16x64x4();
                int iterations = Math.Max(1, 100_000 / m);
                Compare($"16-64-4 m={m} ({iterations} it.)", runs, iterations, threads =>
                {
                    net.Initialize(new NumPyRandom(2), 0.1);
                    return Time(() => net.Train(data.AsDataSet(), new TrainingOptions(iterations, 0.5) { Threads = threads }));
                });
            }
            return 0;
        }

        /// <summary>Best of <paramref name="runs"/> per thread count, printed per iteration, with the speed-up of 2 threads.</summary>
        private static void Compare(string name, int runs, int iterations, Func<int, double> time)
        {
            double one = double.MaxValue, two = double.MaxValue;
            time(1);
            time(2);
            for (int r = 0; r < runs; r++)
            {
                one = Math.Min(one, time(1));
                two = Math.Min(two, time(2));
            }
            Console.WriteLine($"{name}: Threads=1 {one * 1000 / iterations:F1} us/it, Threads=2 {two * 1000 / iterations:F1} us/it, speed-up {one / two:F2}x");
        }

        private static double Time(Func<TrainingResult> train)
        {
            var watch = Stopwatch.StartNew();
            train();
            return watch.Elapsed.TotalMilliseconds;
        }
    }
}
