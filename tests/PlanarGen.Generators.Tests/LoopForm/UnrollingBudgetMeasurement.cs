extern alias runtime;

using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

using runtime::PlanarGen;

namespace PlanarGen.Generators.Tests.LoopForm
{
    /// <summary>
    /// The measurement behind <c>NetworkRules.UnrolledParameterBudget</c> (docs/unrolling-budget.md). Opt-in, because it
    /// takes minutes: set PLANARGEN_MEASURE_BUDGET to an output file and run
    /// <c>dotnet test tests/PlanarGen.Generators.Tests -c Release --filter UnrollingBudgetMeasurement</c>.
    /// For each shape and form it compiles the generated code in memory (C# 9, Release; best of 3), then times the JIT of
    /// the first TrainStep (JitInfo) and full-batch training on 400 synthetic samples (best of 3 runs). The hidden layer is
    /// ReLU so that the timings measure the code shape (unrolled or loops), not the transcendental kernels, which both
    /// forms call equally often.
    /// </summary>
    public class UnrollingBudgetMeasurement
    {
        private static readonly (int I, int H, int O)[] Shapes =
        {
            (2, 4, 1), (2, 16, 1), (2, 32, 1), (2, 50, 1), (2, 64, 1), (2, 100, 1), (2, 128, 1), (2, 200, 1),
            (16, 32, 4), (16, 64, 4),
        };

        /// <summary>CPU time of the calling thread (the machine this was measured on was shared and heavily loaded, so wall
        /// time mostly measured the other tenants).</summary>
        private static double ThreadCpuMilliseconds()
        {
            if (clock_gettime(3 /* CLOCK_THREAD_CPUTIME_ID */, out TimeSpec t) != 0) throw new InvalidOperationException("clock_gettime failed");
            return t.Seconds * 1e3 + t.Nanoseconds / 1e6;
        }

        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        private static extern int clock_gettime(int clock, out TimeSpec time);

        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        /// <summary>IL size and IL locals of the unrolled StepCore (the JIT tracks at most 1024 locals by default and
        /// switches to MinOpts above 20,000 IL instructions / 2,000 locals).</summary>
        [Fact]
        public void MeasureStepCoreSize()
        {
            string? path = Environment.GetEnvironmentVariable("PLANARGEN_MEASURE_BUDGET");
            if (string.IsNullOrEmpty(path)) return;
            var table = new StringBuilder();
            table.AppendLine("| shape | params | StepCore IL bytes | StepCore IL locals | PredictBatch IL locals |");
            table.AppendLine("| --- | ---: | ---: | ---: | ---: |");
            foreach (var (inputs, hidden, outputs) in new[] { (2, 16, 1), (2, 32, 1), (2, 50, 1), (2, 56, 1), (2, 64, 1), (2, 100, 1), (2, 128, 1), (16, 8, 4), (16, 12, 4), (16, 16, 4), (16, 64, 4) })
            {
                string name = $"S{inputs}x{hidden}x{outputs}";
                var spec = LoopFormCompiler.Spec(name, inputs, hidden, outputs, true, LoopFormCompiler.ReLU);
                var (assembly, _, _) = LoopFormCompiler.Compile(spec);
                var flags = System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance;
                var type = assembly.GetType("Measured." + name)!;
                var step = type.GetMethod("StepCore", flags)!.GetMethodBody()!;
                var batch = type.GetMethod("PredictBatch", flags)!.GetMethodBody()!;
                table.AppendLine($"| {inputs}-{hidden}-{outputs} | {spec.ParameterCount} | {step.GetILAsByteArray()!.Length} | {step.LocalVariables.Count} | {batch.LocalVariables.Count} |");
            }
            File.WriteAllText(path + ".il.md", table.ToString());
        }

        [Fact]
        public void Measure()
        {
            string? path = Environment.GetEnvironmentVariable("PLANARGEN_MEASURE_BUDGET");
            if (string.IsNullOrEmpty(path) || !OperatingSystem.IsLinux()) return;
            var table = new StringBuilder();
            table.AppendLine("| shape | params | form | source KB | compile ms | JIT ms (first step) | train µs / iteration | ns / (param x sample) |");
            table.AppendLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |");
            LoopFormCompiler.Compile(LoopFormCompiler.Spec("Warm", 2, 4, 1, true)); // warm Roslyn up
            foreach (var (inputs, hidden, outputs) in Shapes)
                foreach (bool unrolled in new[] { true, false })
                {
                    string name = (unrolled ? "U" : "L") + $"{inputs}x{hidden}x{outputs}";
                    var spec = LoopFormCompiler.Spec(name, inputs, hidden, outputs, unrolled, LoopFormCompiler.ReLU);
                    TimeSpan best = TimeSpan.MaxValue;
                    System.Reflection.Assembly? assembly = null;
                    int chars = 0;
                    for (int r = 0; r < 3; r++)
                    {
                        var (a, t, c) = LoopFormCompiler.Compile(spec with { Target = spec.Target with { Name = name + "_" + r, HintName = name + r } });
                        if (t < best) best = t;
                        if (r == 0) { assembly = a; chars = c; name += "_0"; }
                    }
                    INetwork<float> net = LoopFormCompiler.Create<float>(assembly!, name);
                    net.Initialize(new NumPyRandom(2), 0.5);
                    PlanarData<float> data = LoopFormCompiler.Synthetic<float>(inputs, outputs, 400, 3);
                    TimeSpan jit0 = System.Runtime.JitInfo.GetCompilationTime(currentThread: true);
                    net.TrainStep(data.AsDataSet(), 0.01f);
                    double jitMs = (System.Runtime.JitInfo.GetCompilationTime(currentThread: true) - jit0).TotalMilliseconds;
                    int iterations = Math.Max(20, 4_000_000 / (spec.ParameterCount * 40));
                    var options = new TrainingOptions(iterations, 0.01);
                    net.Train(data.AsDataSet(), new TrainingOptions(5, 0.01));
                    double bestIteration = double.MaxValue;
                    for (int r = 0; r < 5; r++)
                    {
                        double start = ThreadCpuMilliseconds();
                        net.Train(data.AsDataSet(), options);
                        bestIteration = Math.Min(bestIteration, (ThreadCpuMilliseconds() - start) * 1000 / iterations);
                    }
                    double perParamSample = bestIteration * 1000 / (spec.ParameterCount * 400.0);
                    table.AppendLine($"| {inputs}-{hidden}-{outputs} | {spec.ParameterCount} | {(unrolled ? "unrolled" : "loops")} | {chars / 1024.0:F0} | {best.TotalMilliseconds:F0} | {jitMs:F1} | {bestIteration:F1} | {perParamSample:F3} |");
                    File.WriteAllText(path, table.ToString());
                }
            table.AppendLine();
            table.AppendLine($"Vector<float>.Count = {System.Numerics.Vector<float>.Count}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
            File.WriteAllText(path, table.ToString());
        }
    }
}
