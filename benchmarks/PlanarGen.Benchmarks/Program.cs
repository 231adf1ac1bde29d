using System;
using System.Diagnostics;
using BenchmarkDotNet.Running;

namespace PlanarGen.Benchmarks
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "first-call") return FirstCall.Run();
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }
    }

    /// <summary>Times the very first Train call (JIT included) against warm ones, outside BenchmarkDotNet.</summary>
    public static class FirstCall
    {
        public static int Run()
        {
            PlanarData<float> flower = PlanarDataSets.Flower().ToSingle();
            var options = new TrainingOptions(10_000, 1.2);
            var first = Time(flower, options);
            double warm = double.MaxValue;
            for (int k = 0; k < 10; k++) warm = Math.Min(warm, Time(flower, options));
            Console.WriteLine($"first Train: {first:F2} ms, best warm Train: {warm:F2} ms, ratio {first / warm:F2}");
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
}
