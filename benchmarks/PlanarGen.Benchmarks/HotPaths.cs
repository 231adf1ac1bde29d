using System;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;

namespace PlanarGen.Benchmarks
{
    /// <summary>The flower float network's hot paths timed with a stopwatch (best of <c>runs</c> after a warm-up), for quick
    /// A/B runs while changing the emitter: <c>hot-paths 7</c>. The BenchmarkDotNet classes measure the same rows.</summary>
    public static class HotPaths
    {
        private const int Steps = 10_000;

        public static int Run(int runs)
        {
            PlanarData<float> flower = PlanarDataSets.Flower().ToSingle();
            var trained = new Flower32();
            trained.Initialize(new NumPyRandom(2));
            trained.Train(flower.AsDataSet(), new TrainingOptions(1_000, 1.2));
            Console.WriteLine($"kernels {(SimdPath.UsesVector512 ? "Vector512" : $"Vector<float> of {Vector<float>.Count * 32} bits")}");
            var probabilities = new float[400];
            var one = new float[1];
            float[] input = { 1.25f, -0.5f };

            double train = Best(runs, () =>
            {
                var net = new Flower32();
                net.Initialize(new NumPyRandom(2));
                net.Train(flower.AsDataSet(), new TrainingOptions(Steps, 1.2));
            });
            double trainStep = Best(runs, () =>
            {
                var net = new Flower32();
                net.Initialize(new NumPyRandom(2));
                DataSet<float> data = flower.AsDataSet();
                for (int i = 0; i < Steps; i++) net.TrainStep(data, 1.2f);
            });
            double reportEvery = Best(runs, () =>
            {
                var net = new Flower32();
                net.Initialize(new NumPyRandom(2));
                net.Train(flower.AsDataSet(), new TrainingOptions(Steps, 1.2, reportEvery: 1));
            });
            const int Calls = 20_000;
            double cost = Best(runs, () =>
            {
                DataSet<float> data = flower.AsDataSet();
                for (int i = 0; i < Calls; i++) trained.Cost(data);
            }) * 1e6 / Calls;
            double batch = Best(runs, () =>
            {
                DataSet<float> data = flower.AsDataSet();
                for (int i = 0; i < Calls; i++) trained.PredictBatch(data, probabilities);
            }) * 1e6 / Calls;
            const int Predictions = 10_000_000;
            double throughput = Best(runs, () =>
            {
                for (int i = 0; i < Predictions; i++) trained.Predict(input, one);
            }) * 1e6 / Predictions;
            double chain = Best(runs, () =>
            {
                float[] x = { 1.25f, -0.5f };
                for (int i = 0; i < Predictions; i++)
                {
                    trained.Predict(x, one);
                    x[0] = one[0];
                }
            }) * 1e6 / Predictions;
            Print("train-10k-no-cost-ms", train);
            Print("trainstep-10k-ms", trainStep);
            Print("train-10k-report-every-ms", reportEvery);
            Print("trainstep-over-train", trainStep / train);
            Print("report-every-over-train", reportEvery / train);
            Print("cost-400-ns", cost);
            Print("predictbatch-400-ns", batch);
            Print("cost-over-predictbatch", cost / batch);
            Print("predict-one-throughput-ns", throughput);
            Print("predict-one-chain-ns", chain);
            return 0;
        }

        private static void Print(string name, double value) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {value:F3}"));

        private static double Best(int runs, Action work)
        {
            work();
            double best = double.MaxValue;
            for (int k = 0; k < runs; k++)
            {
                var watch = Stopwatch.StartNew();
                work();
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            }
            return best;
        }
    }
}
