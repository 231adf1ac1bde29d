using System;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;

namespace PlanarGen.AotSmoke
{
    /// <summary>
    /// Trains the flower (10,000 iterations, as the notebook) with three generated networks and checks what a game shipped
    /// with Native AOT relies on: every hot method allocates nothing, training reaches the JIT's accuracy, and the trained
    /// parameters' bits (printed as a hash) equal a JIT run at the same instruction level (tests/aot-smoke.sh compares them).
    /// Prints the timings. Exit code 0 when every check holds, 1 otherwise.
    /// </summary>
    public static class Program
    {
        private const int Iterations = 10_000;

        public static int Main()
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"host: {(System.Runtime.JitInfo.GetCompiledMethodCount() > 0 ? "JIT" : "Native AOT")}, Vector<float> {Vector<float>.Count} lanes, accelerated {Vector.IsHardwareAccelerated}, " +
                $"Vector512 kernels {SimdPath.UsesVector512}, fused multiply-add {VectorMath.FusesMultiplyAdd}"));
            PlanarData<double> f64 = PlanarDataSets.Flower();
            PlanarData<float> f32 = f64.ToSingle();
            int failures = 0;
            failures += Check<Flower32, float>("Flower32 (2-4-1 float)", f32, minimumAccuracy: 0.90);
            failures += Check<Flower64, double>("Flower64 (2-4-1 double)", f64, minimumAccuracy: 0.90);
            failures += Check<Wide32, float>("Wide32 (2-80-1 ReLU float, loop form)", f32, minimumAccuracy: 0.80);
            Console.WriteLine(failures == 0 ? "aot-smoke: all checks passed" : $"aot-smoke: {failures} check(s) failed");
            return failures == 0 ? 0 : 1;
        }

        private static int Check<TNet, T>(string name, PlanarData<T> flower, double minimumAccuracy)
            where TNet : struct, INetwork<T> where T : unmanaged
        {
            int failures = 0;
            var options = new TrainingOptions(Iterations, 1.2);
            var net = new TNet();
            net.Initialize(new NumPyRandom(2));
            var clock = Stopwatch.StartNew();
            TrainingResult first = net.Train(flower.AsDataSet(), options);
            double firstMs = clock.Elapsed.TotalMilliseconds;
            double accuracy = net.Accuracy(flower.AsDataSet());
            ulong hash = ParameterHash<TNet, T>(ref net);

            double warmMs = double.MaxValue;
            for (int run = 0; run < 3; run++)
            {
                var again = new TNet();
                again.Initialize(new NumPyRandom(2));
                clock.Restart();
                again.Train(flower.AsDataSet(), options);
                warmMs = Math.Min(warmMs, clock.Elapsed.TotalMilliseconds);
                if (ParameterHash<TNet, T>(ref again) != hash) { Console.WriteLine($"  FAIL {name}: a second training run gave other bits"); failures++; }
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: first Train {firstMs:F2} ms, best warm Train {warmMs:F2} ms, accuracy {accuracy:P2}, parameters {hash:X16}"));
            if (first.Diverged) { Console.WriteLine($"  FAIL {name}: training diverged"); failures++; }
            if (accuracy < minimumAccuracy) { Console.WriteLine($"  FAIL {name}: accuracy below {minimumAccuracy:P0}"); failures++; }
            failures += CheckAllocations<TNet, T>(name, ref net, flower);
            return failures;
        }

        /// <summary>Each hot method runs once to warm up, then again while the thread's allocation counter is read.</summary>
        private static int CheckAllocations<TNet, T>(string name, ref TNet net, PlanarData<T> flower)
            where TNet : struct, INetwork<T> where T : unmanaged
        {
            int failures = 0;
            T[] input = new T[flower.FeatureCount];
            T[] output = new T[flower.OutputCount];
            T[] batch = new T[flower.OutputCount * flower.SampleCount];
            for (int f = 0; f < input.Length; f++) input[f] = flower.Feature(f, 0);
            T rate = (T)Convert.ChangeType(0.01, typeof(T), CultureInfo.InvariantCulture);
            var options = new TrainingOptions(5, 0.01, reportEvery: 1);
            var observer = new CountingObserver();
            for (int pass = 0; pass < 2; pass++)
            {
                bool measure = pass == 1;
                failures += Allocated(name, "Predict", measure, ref net, (ref TNet n) => n.Predict(input, output));
                failures += Allocated(name, "PredictBatch", measure, ref net, (ref TNet n) => n.PredictBatch(flower.AsDataSet(), batch));
                failures += Allocated(name, "Cost", measure, ref net, (ref TNet n) => n.Cost(flower.AsDataSet()));
                failures += Allocated(name, "Accuracy", measure, ref net, (ref TNet n) => n.Accuracy(flower.AsDataSet()));
                failures += Allocated(name, "TrainStep", measure, ref net, (ref TNet n) => n.TrainStep(flower.AsDataSet(), rate));
                failures += Allocated(name, "Train", measure, ref net, (ref TNet n) => n.Train(flower.AsDataSet(), options));
                failures += Allocated(name, "Train with observer", measure, ref net, (ref TNet n) => n.Train(flower.AsDataSet(), options, ref observer));
            }
            return failures;
        }

        private delegate void HotCall<TNet>(ref TNet net);

        private static int Allocated<TNet>(string name, string method, bool measure, ref TNet net, HotCall<TNet> call)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            call(ref net);
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            if (!measure || bytes == 0) return 0;
            Console.WriteLine($"  FAIL {name}: {method} allocated {bytes} B");
            return 1;
        }

        /// <summary>FNV-1a over the parameters' bits in notebook order.</summary>
        private static ulong ParameterHash<TNet, T>(ref TNet net) where TNet : struct, INetwork<T> where T : unmanaged
        {
            NetworkShape shape = net.Shape;
            T[] parameters = new T[shape.ParameterCount];
            net.CopyParametersTo(parameters);
            ulong hash = 14695981039346656037UL;
            foreach (byte b in System.Runtime.InteropServices.MemoryMarshal.AsBytes(parameters.AsSpan()))
                hash = (hash ^ b) * 1099511628211UL;
            return hash;
        }

        private struct CountingObserver : ITrainingObserver
        {
            public int Calls;

            public bool OnCost(int iteration, double cost) => ++Calls > 0;
        }
    }
}
