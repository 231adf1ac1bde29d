using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace PlanarGen.Benchmarks
{
    /// <summary>The notebook's workload: 10,000 full-batch iterations on the flower (400 samples), 2-4-1, learning rate 1.2.</summary>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class FlowerTrainingBenchmarks
    {
        private const int Iterations = 10_000;
        private PlanarData<float> _f32 = null!;
        private PlanarData<double> _f64 = null!;
        private Flower32 _initial32;
        private Flower64 _initial64;

        [GlobalSetup]
        public void Setup()
        {
            _f64 = PlanarDataSets.Flower();
            _f32 = _f64.ToSingle();
            _initial32.Initialize(new NumPyRandom(2));   // copied per run: the struct is the whole network
            _initial64.Initialize(new NumPyRandom(2));
        }

        [Benchmark(Baseline = true), BenchmarkCategory("float")]
        public float PlainLoopsFloat()
        {
            var net = new PlainNetwork<float>(2, 4, 1, 400, new NumPyRandom(2));
            for (int i = 0; i < Iterations; i++) net.TrainStep(_f32.X, _f32.Y, 1.2f);
            return net.Predict(new float[] { 1f, 1f });
        }

        [Benchmark, BenchmarkCategory("float")]
        public double GeneratedFloat()
        {
            Flower32 net = _initial32;
            return net.Train(_f32.AsDataSet(), new TrainingOptions(Iterations, 1.2)).IterationsCompleted;
        }

        [Benchmark(Baseline = true), BenchmarkCategory("double")]
        public double PlainLoopsDouble()
        {
            var net = new PlainNetwork<double>(2, 4, 1, 400, new NumPyRandom(2));
            for (int i = 0; i < Iterations; i++) net.TrainStep(_f64.X, _f64.Y, 1.2);
            return net.Predict(new double[] { 1, 1 });
        }

        [Benchmark, BenchmarkCategory("double")]
        public double GeneratedDouble()
        {
            Flower64 net = _initial64;
            return net.Train(_f64.AsDataSet(), new TrainingOptions(Iterations, 1.2)).IterationsCompleted;
        }

        [Benchmark, BenchmarkCategory("double")]
        public double ExactNotebookPath() => NotebookModel.NnModel(_f64, 4, Iterations).Costs[Iterations - 1];
    }

    /// <summary>The sweep's largest network: 2-50-1, 5,000 iterations on the flower.</summary>
    [MemoryDiagnoser]
    public class SweepTrainingBenchmarks
    {
        private const int Iterations = 5_000;
        private PlanarData<float> _f32 = null!;
        private Sweep50x32 _initial;

        [GlobalSetup]
        public void Setup()
        {
            _f32 = PlanarDataSets.Flower().ToSingle();
            _initial.Initialize(new NumPyRandom(2));
        }

        [Benchmark(Baseline = true)]
        public float PlainLoopsFloat()
        {
            var net = new PlainNetwork<float>(2, 50, 1, 400, new NumPyRandom(2));
            for (int i = 0; i < Iterations; i++) net.TrainStep(_f32.X, _f32.Y, 1.2f);
            return net.Predict(new float[] { 1f, 1f });
        }

        [Benchmark]
        public double GeneratedFloat()
        {
            Sweep50x32 net = _initial;
            return net.Train(_f32.AsDataSet(), new TrainingOptions(Iterations, 1.2)).IterationsCompleted;
        }
    }

    /// <summary>A wider network on synthetic data: 16-64-4, 1,000 samples, 200 iterations.</summary>
    [MemoryDiagnoser]
    public class WideTrainingBenchmarks
    {
        private const int Iterations = 200, Samples = 1_000;
        private PlanarData<float> _data = null!;
        private Wide16x64x4 _initial;

        [GlobalSetup]
        public void Setup()
        {
            _data = SyntheticData.Make(16, 4, Samples, seed: 7);
            _initial.Initialize(new NumPyRandom(2), 0.1);
        }

        [Benchmark(Baseline = true)]
        public float PlainLoopsFloat()
        {
            var net = new PlainNetwork<float>(16, 64, 4, Samples, new NumPyRandom(2));
            for (int i = 0; i < Iterations; i++) net.TrainStep(_data.X, _data.Y, 0.5f);
            return net.Predict(new float[16]);
        }

        [Benchmark]
        public double GeneratedFloat()
        {
            Wide16x64x4 net = _initial;
            return net.Train(_data.AsDataSet(), new TrainingOptions(Iterations, 0.5)).IterationsCompleted;
        }
    }
}
