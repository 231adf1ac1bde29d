using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace PlanarGen.Benchmarks
{
    /// <summary>Inference on the trained flower network: one sample, a batch of 400, and the cost over 400.</summary>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class PredictBenchmarks
    {
        private PlanarData<float> _f32 = null!;
        private PlainNetwork<float> _plain = null!;
        private Flower32 _net;
        private readonly float[] _input = { 1.25f, -0.5f };
        private readonly float[] _probability = new float[1];
        private float[] _batch = null!;

        [GlobalSetup]
        public void Setup()
        {
            _f32 = PlanarDataSets.Flower().ToSingle();
            _plain = new PlainNetwork<float>(2, 4, 1, 400, new NumPyRandom(2));
            for (int i = 0; i < 1000; i++) _plain.TrainStep(_f32.X, _f32.Y, 1.2f);
            _net.Initialize(new NumPyRandom(2));
            _net.Train(_f32.AsDataSet(), new TrainingOptions(1000, 1.2));
            _batch = new float[400];
        }

        [Benchmark(Baseline = true), BenchmarkCategory("one sample")]
        public float PlainPredictOne() => _plain.Predict(_input);

        [Benchmark, BenchmarkCategory("one sample")]
        public float GeneratedPredictOne()
        {
            _net.Predict(_input, _probability);
            return _probability[0];
        }

        [Benchmark(Baseline = true), BenchmarkCategory("400 samples")]
        public float PlainPredictBatch()
        {
            _plain.Forward(_f32.X);
            return 0;
        }

        [Benchmark, BenchmarkCategory("400 samples")]
        public float GeneratedPredictBatch()
        {
            _net.PredictBatch(_f32.AsDataSet(), _batch);
            return _batch[0];
        }

        [Benchmark(Baseline = true), BenchmarkCategory("cost")]
        public float PlainCost()
        {
            _plain.Forward(_f32.X);
            return _plain.Cost(_f32.Y);
        }

        [Benchmark, BenchmarkCategory("cost")]
        public float GeneratedCost() => _net.Cost(_f32.AsDataSet());
    }
}
