using System;
using System.Diagnostics;

namespace PlanarGen.Benchmarks
{
    /// <summary>The big-network workload of benchmarks/side-by-side-large.sh: 784-128-10 float, inputs uniform in [0, 1), one-hot
    /// labels, one full-batch gradient-descent iteration (no cost) and one PredictBatch, at 128 and 1024 samples, best of
    /// several timed loops; printed as <c>name ms</c> lines.</summary>
    public static class LargeWorkload
    {
        public static PlanarData<float> Data(int samples)
        {
            var random = new NumPyRandom(7);
            var x = new float[784 * samples];
            var y = new float[10 * samples];
            for (int k = 0; k < x.Length; k++) x[k] = (float)random.Rand();
            for (int s = 0; s < samples; s++) y[(s % 10) * samples + s] = 1f;
            return new PlanarData<float>(x, y, samples);
        }

        public static int Run(int runs)
        {
            Console.WriteLine($"matrix-kernel {MatrixKernel.Describe()}");
            foreach (int samples in new[] { 128, 1024 })
            {
                PlanarData<float> data = Data(samples);
                var net = new Digit784();
                net.Initialize(new NumPyRandom(2), 0.05);
                int iterations = samples == 128 ? 200 : 40;
                var options = new TrainingOptions(iterations, 0.1);
                var probabilities = new float[10 * samples];
                net.Train(data.AsDataSet(), options); // warm-up: JIT, thread scratch
                net.PredictBatch(data.AsDataSet(), probabilities);
                double train = double.MaxValue, predict = double.MaxValue;
                for (int r = 0; r < runs; r++)
                {
                    var clock = Stopwatch.StartNew();
                    net.Train(data.AsDataSet(), options);
                    train = Math.Min(train, clock.Elapsed.TotalMilliseconds / iterations);
                    clock.Restart();
                    for (int i = 0; i < iterations; i++) net.PredictBatch(data.AsDataSet(), probabilities);
                    predict = Math.Min(predict, clock.Elapsed.TotalMilliseconds / iterations);
                }
                Console.WriteLine(FormattableString.Invariant($"planargen-train-{samples} {train:F3}"));
                Console.WriteLine(FormattableString.Invariant($"planargen-predict-{samples} {predict:F3}"));
            }
            return 0;
        }
    }
}
