using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace PlanarGen.GameLoop
{
    /// <summary>
    /// A headless game loop at a fixed 60 Hz step: every frame the agents sense, one network predicts all of them at once,
    /// they move, some of them add (state, teacher's action) to a replay buffer, and the network trains on batches of it.
    /// Prints frame-time percentiles, GC collections after warm-up (0: nothing is allocated per frame), how well the
    /// agents do over time, and writes a PNG. Deterministic given the seed (on one machine: float sums follow the SIMD width).
    /// </summary>
    internal static class Program
    {
        private const int WarmUpFrames = 60;
        private const int TrailAgents = 6;
        private const int TrailFrames = 600;    // the last 10 s

        private static int Main(string[] args)
        {
            Options options;
            try
            {
                options = Options.Parse(args);
            }
            catch (UsageException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }

            if (options.Help)
            {
                Console.WriteLine(Options.Usage);
                return 0;
            }

            Run run = Simulate(options, Policy.Network);
            Run teacher = Simulate(options, Policy.Teacher);
            Report(options, run, teacher);
            Directory.CreateDirectory(options.OutDir);
            string picture = Picture.Save(Path.Combine(options.OutDir, "game-loop.png"), options, run, teacher);
            Console.WriteLine($"Picture: {picture}");
            return run.TotalCollections == 0 ? 0 : 3;
        }

        /// <summary>Runs the whole simulation; everything the loop touches is allocated before it starts.</summary>
        private static Run Simulate(Options options, Policy policy)
        {
            int frames = options.Frames;
            var world = new World(options.Agents, options.Seed);
            var brain = new Brain();
            brain.Initialize(new NumPyRandom(options.Seed + 1), scale: 0.5);
            var buffer = new ReplayBuffer<float>(World.FeatureCount, World.ActionCount, options.BufferCapacity, BrainTraining.BatchSize);
            var batchRandom = new NumPyRandom(options.Seed + 2);
            var run = new Run(frames, TrailAgents, Math.Min(TrailFrames, frames));
            Brain.Precompile();

            int gen0 = 0, gen1 = 0, gen2 = 0;
            long allocatedBefore = 0;
            for (int frame = 0; frame < frames; frame++)
            {
                if (frame == Math.Min(WarmUpFrames, frames - 1))
                {
                    (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                    allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                }

                long start = Stopwatch.GetTimestamp();
                long cpuStart = ThreadCpu.Nanoseconds();
                FrameOutcome outcome = world.Step(ref brain, policy, policy == Policy.Network ? buffer : null, options.LearnersPerFrame);
                if (policy == Policy.Network) BrainTraining.TrainFrame(ref brain, buffer, batchRandom);
                run.FrameCpuNanoseconds[frame] = ThreadCpu.Nanoseconds() - cpuStart;
                run.FrameTicks[frame] = Stopwatch.GetTimestamp() - start;
                run.Record(frame, outcome, world);
            }

            run.Collections = (GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2);
            run.AllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            run.MeasuredFrames = frames - Math.Min(WarmUpFrames, frames - 1);
            run.FinalWorld = world;
            return run;
        }

        private static string Vectors() =>
            SimdPath.UsesVector512 ? "Vector512 kernels"
            : System.Numerics.Vector.IsHardwareAccelerated ? $"{System.Numerics.Vector<float>.Count * 32}-bit Vector<T>" : "scalar";

        private static void Report(Options options, Run run, Run teacher)
        {
            var o = Console.Out;
            var inv = CultureInfo.InvariantCulture;
            o.WriteLine($"PlanarGen game loop: {options.Agents} agents, {options.Frames} frames at 60 Hz ({options.Frames / 60.0:F1} s simulated), seed {options.Seed}");
            o.WriteLine($"Brain: {World.FeatureCount}-16-{World.ActionCount} tanh, softmax outputs (the move is the argmax), float, {Vectors()}");
            o.WriteLine($"Learning: {options.LearnersPerFrame} samples a frame into a replay buffer of {options.BufferCapacity}; {BrainTraining.Describe}");
            o.Write("Agreement with the teacher in the first frames:");
            foreach (int f in new[] { 1, 5, 10, 20, 30, 60 })
                if (f <= options.Frames) o.Write(string.Format(inv, " frame {0}: {1:F1} %{2}", f, 100 * run.AgreementPerFrame[f - 1], f == 60 || f == options.Frames ? "" : ","));
            o.WriteLine();
            o.WriteLine("second  agreement  food/s  hazard hits/s");
            int seconds = run.Seconds;
            foreach (int s in ReportedSeconds(seconds))
                o.WriteLine(string.Format(inv, "{0,6}  {1,7:F1} %  {2,6:F0}  {3,13:F1}", s + 1, 100.0 * run.AgreementPerSecond[s], run.FoodPerSecond[s], run.HazardsPerSecond[s]));

            double[] ms = run.FrameMilliseconds(WarmUpFrames, cpu: false);
            o.WriteLine(string.Format(inv,
                "Frame time (sense + predict + move + learn), {0} frames after {1} warm-up: p50 {2:F3} ms, p99 {3:F3} ms, max {4:F3} ms (a 60 Hz frame is 16.667 ms)",
                ms.Length, Math.Min(WarmUpFrames, options.Frames - 1), Percentile(ms, 0.50), Percentile(ms, 0.99), ms[^1]));
            if (ThreadCpu.Available)
            {
                double[] cpu = run.FrameMilliseconds(WarmUpFrames, cpu: true);
                o.WriteLine(string.Format(inv, "Frame CPU time (the game thread's own, without time the scheduler gave to others): p50 {0:F3} ms, p99 {1:F3} ms, max {2:F3} ms",
                    Percentile(cpu, 0.50), Percentile(cpu, 0.99), cpu[^1]));
            }
            o.WriteLine($"GC collections after warm-up: {run.TotalCollections} (gen0 {run.Collections.Gen0}, gen1 {run.Collections.Gen1}, gen2 {run.Collections.Gen2}; "
                + $"bytes allocated on the game thread after warm-up: {run.AllocatedBytes})");
            int tail = Math.Min(10, seconds);
            o.WriteLine(string.Format(inv, "Last {0} s: agreement with the teacher {1:F1} %, food {2:F0}/s, hazard hits {3:F1}/s; the teacher alone: food {4:F0}/s, hazard hits {5:F1}/s",
                tail, 100 * Mean(run.AgreementPerSecond, seconds - tail, seconds), Mean(run.FoodPerSecond, seconds - tail, seconds),
                Mean(run.HazardsPerSecond, seconds - tail, seconds), Mean(teacher.FoodPerSecond, seconds - tail, seconds),
                Mean(teacher.HazardsPerSecond, seconds - tail, seconds)));
        }

        /// <summary>The first 5 seconds, then every 10th, and the last.</summary>
        private static System.Collections.Generic.IEnumerable<int> ReportedSeconds(int seconds)
        {
            for (int s = 0; s < seconds; s++)
                if (s < 5 || (s + 1) % 10 == 0 || s == seconds - 1) yield return s;
        }

        /// <summary>Nearest-rank percentile of sorted values.</summary>
        internal static double Percentile(double[] sorted, double p) =>
            sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

        private static double Mean(double[] values, int from, int to)
        {
            double sum = 0;
            for (int i = from; i < to; i++) sum += values[i];
            return to > from ? sum / (to - from) : double.NaN;
        }
    }
}
