using System;
using System.Diagnostics;
using System.Numerics;
using BenchmarkDotNet.Running;

namespace PlanarGen.Benchmarks
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "first-call") return FirstCall.Run(prepared: args.Length > 1 && args[1] == "prepared");
            if (args.Length > 0 && args[0] == "side-by-side") return SideBySide.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
            if (args.Length > 0 && args[0] == "hot-paths") return HotPaths.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
            if (args.Length > 0 && args[0] == "side-by-side-large") return LargeWorkload.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
            if (args.Length > 0 && args[0] == "threads") return ThreadsTiming.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20);
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }
    }

    /// <summary>Times the very first Train call (JIT included) against warm ones, outside BenchmarkDotNet; with
    /// <c>first-call prepared</c>, after <c>Precompile()</c>.</summary>
    public static class FirstCall
    {
        /// <param name="prepared">Call <c>Flower32.Precompile()</c> first (as a game would at load time) and report its time.</param>
        public static int Run(bool prepared)
        {
            PlanarData<float> flower = PlanarDataSets.Flower().ToSingle();
            var options = new TrainingOptions(10_000, 1.2);
            if (prepared)
            {
                var clock = Stopwatch.StartNew();
                Flower32.Precompile();
                Console.WriteLine($"Precompile: {clock.Elapsed.TotalMilliseconds:F2} ms");
            }
            TimeSpan jitBefore = System.Runtime.JitInfo.GetCompilationTime(currentThread: true);
            var first = Time(flower, options);
            double jit = (System.Runtime.JitInfo.GetCompilationTime(currentThread: true) - jitBefore).TotalMilliseconds;
            double warm = double.MaxValue;
            for (int k = 0; k < 10; k++) warm = Math.Min(warm, Time(flower, options));
            Console.WriteLine($"first Train: {first:F2} ms (of which JIT {jit:F2} ms), best warm Train: {warm:F2} ms, ratio {first / warm:F2}" +
                $" ({(SimdPath.UsesVector512 ? "Vector512" : $"Vector<float> of {Vector<float>.Count} lanes")} kernels)");
            return 0;
        }

        private static double Time(PlanarData<float> flower, TrainingOptions options)
        {
            var net = new Flower32();
            net.Initialize(new NumPyRandom(2));
            var watch = Stopwatch.StartNew();
            net.Train(flower.AsDataSet(), options);
            return watch.Elapsed.TotalMilliseconds;
        }
    }

    /// <summary>The flower workload (10,000 full-batch iterations, 2-4-1, learning rate 1.2, no cost reporting) timed with a
    /// stopwatch, best of <c>runs</c> after a warm-up; printed as <c>name ms</c> lines for benchmarks/side-by-side.sh.</summary>
    public static class SideBySide
    {
        private const int Iterations = 10_000;

        public static int Run(int runs)
        {
            PlanarData<double> f64 = PlanarDataSets.Flower();
            PlanarData<float> f32 = f64.ToSingle();
            var options = new TrainingOptions(Iterations, 1.2);
            // The float networks' kernels: Vector512 where SimdPath chose them, else Vector<T> (width in bits).
            int bits = SimdPath.UsesVector512 ? 512 : Vector<float>.Count * 32;
            Console.WriteLine($"vector-width-bits {bits} accelerated {Vector.IsHardwareAccelerated} vector512-kernels {SimdPath.UsesVector512}");
            Report("plain-float", runs, () =>
            {
                var net = new PlainNetwork<float>(2, 4, 1, 400, new NumPyRandom(2));
                for (int i = 0; i < Iterations; i++) net.TrainStep(f32.X, f32.Y, 1.2f);
            });
            Report("plain-double", runs, () =>
            {
                var net = new PlainNetwork<double>(2, 4, 1, 400, new NumPyRandom(2));
                for (int i = 0; i < Iterations; i++) net.TrainStep(f64.X, f64.Y, 1.2);
            });
            Report("planargen-float", runs, () =>
            {
                var net = new Flower32();
                net.Initialize(new NumPyRandom(2));
                net.Train(f32.AsDataSet(), options);
            });
            Report("planargen-double", runs, () =>
            {
                var net = new Flower64();
                net.Initialize(new NumPyRandom(2));
                net.Train(f64.AsDataSet(), options);
            });
            return 0;
        }

        private static void Report(string name, int runs, Action work)
        {
            work();
            double best = double.MaxValue;
            for (int k = 0; k < runs; k++)
            {
                var watch = Stopwatch.StartNew();
                work();
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine(FormattableString.Invariant($"{name} {best:F2}"));
        }
    }
}
