using BenchmarkDotNet.Attributes;

namespace PlanarGen.Benchmarks
{
    /// <summary>The 784-128-10 float network (loop form, MatrixKernel products): one full-batch gradient-descent iteration
    /// (Train with one iteration, no cost) and one PredictBatch, at 128 and 1024 samples. benchmarks/side-by-side-large.sh
    /// times the same workload against NumPy with OpenBLAS.</summary>
    [MemoryDiagnoser]
    public class LargeNetworkBenchmarks
    {
        private PlanarData<float> _data = null!;
        private float[] _probabilities = null!;
        private Digit784 _net = null!;
        private TrainingOptions _oneIteration;

        [Params(128, 1024)]
        public int Samples { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _data = LargeWorkload.Data(Samples);
            _probabilities = new float[10 * Samples];
            _net = new Digit784();
            _net.Initialize(new NumPyRandom(2), 0.05);
            _oneIteration = new TrainingOptions(1, 0.1);
        }

        [Benchmark]
        public int TrainOneIteration() => _net.Train(_data.AsDataSet(), _oneIteration).IterationsCompleted;

        [Benchmark]
        public float TrainStep() => _net.TrainStep(_data.AsDataSet(), 0.1f);

        [Benchmark]
        public float PredictBatch()
        {
            _net.PredictBatch(_data.AsDataSet(), _probabilities);
            return _probabilities[0];
        }
    }
}
