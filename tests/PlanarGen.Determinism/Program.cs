using System;
using System.Globalization;
using System.Numerics;

namespace PlanarGen.Determinism
{
    /// <summary>
    /// Trains and evaluates Deterministic networks on the flower (400 samples, and its first 397 so that a tail of samples
    /// after the last block of 16 is used) and prints one line per network: the fingerprint of the trained parameters, of the
    /// batch predictions, the bits of the final cost and the accuracy. tests/determinism.sh compares those lines across hosts.
    /// Lines starting "det " must be equal everywhere; "fast " lines are printed for contrast.
    /// </summary>
    public static class Program
    {
        private const int Iterations = 600;

        public static int Main(string[] args)
        {
#if !NETSTANDARD_RUNTIME
            if (args.Length > 0 && args[0] == "--time") return Time();
#endif
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"host: {(System.Runtime.JitInfo.GetCompiledMethodCount() > 0 ? "JIT" : "Native AOT")}, runtime build {typeof(INetwork<>).Assembly.GetName().Name} " +
                $"{RuntimeTarget()}, Vector<float> {Vector<float>.Count} lanes, accelerated {Vector.IsHardwareAccelerated}"));
            PlanarData<double> f64 = PlanarDataSets.Flower();
            PlanarData<float> f32 = f64.ToSingle();
            Run<Tanh241, float>(f32);
            Run<Tanh241Double, double>(f64);
            Run<Relu241, float>(f32);
            Run<Leaky252, float>(Twice(f32));
            Run<Sigmoid252Double, double>(Twice(f64));
            Run<Tanh2501, float>(f32);
            Run<Relu2501Double, double>(f64);
            Run<Softmax252, float>(Twice(f32));
            Run<Softmax252Double, double>(Twice(f64));
            Run<Linear252, float>(Twice(f32));
            Run<Linear252Double, double>(Twice(f64));
#if !NETSTANDARD_RUNTIME
            Run<FastTanh241, float>(f32, prefix: "fast");
#endif
            return 0;
        }

        /// <summary>The flower with two label rows (the label and its complement), for the 2-output networks.</summary>
        private static PlanarData<T> Twice<T>(PlanarData<T> data) where T : unmanaged
        {
            int m = data.SampleCount;
            var y = new T[2 * m];
            data.Y.AsSpan().CopyTo(y);
            for (int s = 0; s < m; s++) y[m + s] = data.Y[s].Equals(default(T)) ? One<T>() : default;
            return new PlanarData<T>((T[])data.X.Clone(), y, m);
        }

        private static T One<T>() where T : unmanaged => typeof(T) == typeof(float) ? (T)(object)1f : (T)(object)1.0;

        private static string RuntimeTarget()
        {
            foreach (object a in typeof(INetwork<>).Assembly.GetCustomAttributes(false))
                if (a is System.Runtime.Versioning.TargetFrameworkAttribute t) return t.FrameworkName;
            return "?";
        }

        private static void Run<TNet, T>(PlanarData<T> data, string prefix = "det") where TNet : INetwork<T>, new() where T : unmanaged
        {
            foreach (int m in new[] { data.SampleCount, data.SampleCount - 3 })
            {
                int outputs = data.Y.Length / data.SampleCount;
                var x = new T[2 * m];
                var y = new T[outputs * m];
                for (int i = 0; i < 2; i++) data.X.AsSpan(i * data.SampleCount, m).CopyTo(x.AsSpan(i * m));
                for (int o = 0; o < outputs; o++) data.Y.AsSpan(o * data.SampleCount, m).CopyTo(y.AsSpan(o * m));
                var set = new DataSet<T>(x, y, m);
                var net = new TNet();
                net.Initialize(new NumPyRandom(3), 0.5);
                TrainingResult result = net.Train(set, new TrainingOptions(Iterations, 1.2, 100));
                var probabilities = new T[outputs * m];
                net.PredictBatch(set, probabilities);
                var one = new T[outputs];
                net.Predict(new[] { x[0], x[m] }, one);
                T cost = net.Cost(set);
                T step = net.TrainStep(set, ToT<T>(0.5));
                // A linear output has no accuracy.
                string accuracy = net.Shape.OutputActivation == Activation.Linear ? "none" : net.Accuracy(set).ToString("R", CultureInfo.InvariantCulture);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{prefix} {typeof(TNet).Name} m={m}: parameters {net.Fingerprint():X16} predictions {Hash(probabilities)} one {Hash(one)} " +
                    $"cost {Bits(cost)} step {Bits(step)} last {result.LastCost:R} accuracy {accuracy}"));
                // The optimizers (the runtime's OptimizerKernel) and the mini-batch shuffle: the same bits on every host too.
                var adam = new TNet();
                adam.Initialize(new NumPyRandom(3), 0.5);
                adam.Train(set, new TrainingOptions(150, 0.01) { Optimizer = Optimizer.Adam, BatchSize = 50, Seed = 1 });
                var momentum = new TNet();
                momentum.Initialize(new NumPyRandom(3), 0.5);
                momentum.Train(set, new TrainingOptions(150, 0.05) { Optimizer = Optimizer.Momentum });
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{prefix} {typeof(TNet).Name} m={m}: adam mini-batches {adam.Fingerprint():X16} momentum {momentum.Fingerprint():X16}"));
            }
        }

#if !NETSTANDARD_RUNTIME
        /// <summary>--time: the flower (2-4-1 float, 10,000 iterations, learning rate 1.2), fast mode against Deterministic, best
        /// of 5 each, alternating; plus the process CPU time, which is less disturbed by other load than the wall clock.</summary>
        private static int Time()
        {
            DataSet<float> data = PlanarDataSets.Flower().ToSingle().AsDataSet();
            var options = new TrainingOptions(10_000, 1.2);
            double bestFast = double.MaxValue, bestDet = double.MaxValue;
            for (int run = 0; run < 5; run++)
            {
                bestFast = Math.Min(bestFast, Measure<FastTanh241>(data, options));
                bestDet = Math.Min(bestDet, Measure<Tanh241>(data, options));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"flower 2-4-1 float, 10,000 iterations: fast {bestFast:F1} ms, deterministic {bestDet:F1} ms, ratio {bestDet / bestFast:F2}"));
            return 0;
        }

        private static double Measure<TNet>(DataSet<float> data, TrainingOptions options) where TNet : INetwork<float>, new()
        {
            var net = new TNet();
            net.Initialize(new NumPyRandom(2));
            net.Train(data, new TrainingOptions(10, 1.2));
            net.Initialize(new NumPyRandom(2));
            TimeSpan cpu = System.Diagnostics.Process.GetCurrentProcess().UserProcessorTime;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            net.Train(data, options);
            double wall = clock.Elapsed.TotalMilliseconds;
            double used = (System.Diagnostics.Process.GetCurrentProcess().UserProcessorTime - cpu).TotalMilliseconds;
            return Math.Max(wall, used);
        }
#endif

        private static T ToT<T>(double value) where T : unmanaged => typeof(T) == typeof(float) ? (T)(object)(float)value : (T)(object)value;

        private static string Hash<T>(T[] values) where T : unmanaged =>
            (values is float[] f ? NetworkFingerprint.Compute(f) : NetworkFingerprint.Compute((double[])(object)values)).ToString("X16", CultureInfo.InvariantCulture);

        private static string Bits<T>(T value) where T : unmanaged =>
            value is float f ? BitConverter.SingleToInt32Bits(f).ToString("X8", CultureInfo.InvariantCulture)
                : BitConverter.DoubleToInt64Bits((double)(object)value).ToString("X16", CultureInfo.InvariantCulture);
    }
}
