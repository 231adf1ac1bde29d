using System;
using Xunit;
using Xunit.Abstractions;
using PlanarGen.Tests.RandomNumbers;

namespace PlanarGen.Tests.Deterministic
{
    /// <summary>[Network(Deterministic = true)] against independent facts: NumPy's cost trajectory of the notebook run, the fast
    /// mode, finite differences, the divergence rule, and no allocation. Cross-host equality is tests/determinism.sh's job.</summary>
    public class DeterministicNetworkTests
    {
        private readonly ITestOutputHelper _output;

        public DeterministicNetworkTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void DoubleNetworkFollowsTheNotebooksNumPyCostsThroughIteration7000()
        {
            double[] exact = ReferenceData.Doubles("flower_costs.txt");   // numpy with glibc maths, every iteration
            var net = new DetFlower64();
            net.Initialize(new NumPyRandom(2));
            DataSet<double> data = PlanarDataSets.Flower().AsDataSet();
            double worst = 0;
            int worstAt = -1;
            for (int i = 0; i <= 7000; i++)
            {
                double error = Math.Abs(net.TrainStep(data, 1.2) - exact[i]);
                if (error > worst) (worst, worstAt) = (error, i);
            }
            _output.WriteLine($"max |cost - numpy| through 7000: {worst:R} at {worstAt}");
            // 16 virtual lanes instead of NumPy's pairwise order and PlanarGen's own exp/tanh (2 ulp): the same 1e-9 as fast mode.
            Assert.True(worst <= 1e-9, $"max |cost - numpy| through iteration 7000 is {worst:R} at iteration {worstAt}");
        }

        [Fact]
        public void FloatNetworkTracksTheFastModeAndReachesTheNotebooksAccuracy()
        {
            DataSet<float> data = PlanarDataSets.Flower().ToSingle().AsDataSet();
            var fast = new FlowerNet();
            var det = new DetFlower();
            fast.Initialize(new NumPyRandom(2));
            det.Initialize(new NumPyRandom(2));
            double worst = 0;
            for (int i = 0; i < 10_000; i++)
            {
                float a = fast.TrainStep(data, 1.2f), b = det.TrainStep(data, 1.2f);
                if (i <= 7000) worst = Math.Max(worst, Math.Abs(a - b));
            }
            // Through iteration 7000 (the notebook run turns chaotic near 7840, where any rounding difference grows).
            _output.WriteLine($"max |cost fast - cost deterministic| through float iteration 7000: {worst:R}");
            Assert.True(worst <= 1e-5, $"float costs differ by up to {worst:R}");
            Assert.InRange(det.Accuracy(data), 0.90, 0.91);
        }

        /// <summary>The gradient a step applies, (P - P') / learningRate, against central differences of Cost.</summary>
        [Fact]
        public void GradientMatchesFiniteDifferences()
        {
            var random = new Random(5);
            int m = 37;   // two blocks of 16 and a tail of 5
            var x = new double[3 * m];
            var y = new double[2 * m];
            for (int k = 0; k < x.Length; k++) x[k] = random.NextDouble() * 4 - 2;
            for (int k = 0; k < y.Length; k++) y[k] = random.Next(2);
            var data = new DataSet<double>(x, y, m);
            CheckGradient(new DetLeaky352Double(), data);
            CheckGradient(new DetSigmoid352Double(), data);
        }

        private void CheckGradient<TNet>(TNet net, DataSet<double> data) where TNet : INetwork<double>
        {
            net.Initialize(new NumPyRandom(4), 0.7);
            int count = net.Shape.ParameterCount;
            var before = new double[count];
            var after = new double[count];
            net.CopyParametersTo(before);
            const double rate = 0.001;
            net.TrainStep(data, rate);
            net.CopyParametersTo(after);
            double worst = 0;
            var probe = new double[count];
            for (int k = 0; k < count; k++)
            {
                const double h = 1e-6;
                before.CopyTo(probe, 0);
                probe[k] = before[k] + h;
                net.LoadParameters(probe);
                double up = net.Cost(data);
                probe[k] = before[k] - h;
                net.LoadParameters(probe);
                double down = net.Cost(data);
                double numeric = (up - down) / (2 * h);
                double applied = (before[k] - after[k]) / rate;
                worst = Math.Max(worst, Math.Abs(numeric - applied) / Math.Max(1e-3, Math.Abs(numeric)));
            }
            _output.WriteLine($"{typeof(TNet).Name}: worst relative gradient error {worst:R}");
            Assert.True(worst < 1e-5, $"{typeof(TNet).Name}: gradient differs from finite differences by {worst:R} (relative)");
        }

        [Fact]
        public void PredictEqualsItsColumnOfPredictBatchBitForBit()
        {
            PlanarData<float> flower = PlanarDataSets.Flower().ToSingle();
            var net = new DetRelu2501();
            net.Initialize(new NumPyRandom(1), 0.5);
            net.Train(flower.AsDataSet(), new TrainingOptions(50, 0.5));
            var batch = new float[flower.SampleCount];
            net.PredictBatch(flower.AsDataSet(), batch);
            var one = new float[1];
            for (int s = 0; s < flower.SampleCount; s++)
            {
                net.Predict(new[] { flower.Feature(0, s), flower.Feature(1, s) }, one);
                Assert.Equal(BitConverter.SingleToInt32Bits(batch[s]), BitConverter.SingleToInt32Bits(one[0]));
            }
        }

        [Fact]
        public void StructAndTrainLoopGiveTheSameBitsAsRepeatedSteps()
        {
            DataSet<float> data = PlanarDataSets.Flower().ToSingle().AsDataSet();
            var a = new DetFlower();
            a.Initialize(new NumPyRandom(2));
            var b = a;
            a.Train(data, new TrainingOptions(200, 1.2));
            for (int i = 0; i < 200; i++) b.TrainStep(data, 1.2f);
            Assert.Equal(a.Fingerprint(), b.Fingerprint());
        }

        [Fact]
        public void DivergingStepThrowsAndLeavesTheParametersUnchanged()
        {
            PlanarData<double> flower = PlanarDataSets.Flower();
            DataSet<double> data = flower.AsDataSet();
            var net = new DetFlower64();
            net.Initialize(new NumPyRandom(2), 1.0);
            net.TrainStep(data, 1e300);   // parameters near 1e299: finite, so this step passes; the next one's Z1 is far past 1e20
            ulong before = net.Fingerprint();
            Assert.Throws<TrainingDivergedException>(() => net.TrainStep(flower.AsDataSet(), 1e300));
            Assert.Equal(before, net.Fingerprint());
            TrainingResult result = net.Train(data, new TrainingOptions(5, 1e300));
            Assert.True(result.Diverged);
            Assert.Equal(before, net.Fingerprint());
        }

        [Fact]
        public void HotMethodsAllocateNothing()
        {
            PlanarData<float> f32 = PlanarDataSets.Flower().ToSingle();
            PlanarData<double> f64 = PlanarDataSets.Flower();
            var small = new DetFlower();
            var wide = new DetRelu2501();
            var dbl = new DetFlower64();
            small.Initialize(new NumPyRandom(2));
            wide.Initialize(new NumPyRandom(2));
            dbl.Initialize(new NumPyRandom(2));
            var p32 = new float[f32.SampleCount];
            var p64 = new double[f64.SampleCount];
            var one32 = new float[1];
            var one64 = new double[1];
            var in32 = new[] { 0.5f, -0.5f };
            var in64 = new[] { 0.5, -0.5 };
            var options = new TrainingOptions(3, 1.2, 1);
            Run();   // warm-up: JIT, per-thread scratch
            Run();
            long start = GC.GetAllocatedBytesForCurrentThread();
            for (int k = 0; k < 5; k++) Run();
            Assert.Equal(0L, GC.GetAllocatedBytesForCurrentThread() - start);

            void Run()
            {
                DataSet<float> d32 = f32.AsDataSet();
                DataSet<double> d64 = f64.AsDataSet();
                small.Train(d32, options); wide.Train(d32, options); dbl.Train(d64, options);
                var adam = options with { Optimizer = Optimizer.Adam, BatchSize = 50, LearningRate = 0.01 };
                small.Train(d32, adam); wide.Train(d32, adam); dbl.Train(d64, adam);
                var momentum = options with { Optimizer = Optimizer.Momentum, LearningRate = 0.01 };
                small.TrainFor(d32, momentum, TimeSpan.FromMilliseconds(1)); dbl.TrainFor(d64, momentum, TimeSpan.FromMilliseconds(1));
                small.TrainStep(d32, 1.2f); wide.TrainStep(d32, 1.2f); dbl.TrainStep(d64, 1.2);
                small.PredictBatch(d32, p32); wide.PredictBatch(d32, p32); dbl.PredictBatch(d64, p64);
                small.Predict(in32, one32); wide.Predict(in32, one32); dbl.Predict(in64, one64);
                small.Cost(d32); wide.Cost(d32); dbl.Cost(d64);
                small.Accuracy(d32); wide.Accuracy(d32); dbl.Accuracy(d64);
            }
        }
    }
}
