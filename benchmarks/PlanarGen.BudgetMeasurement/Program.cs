extern alias runtime;

using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using runtime::PlanarGen;

namespace PlanarGen.BudgetMeasurement
{
    /// <summary>
    /// The measurement behind <c>EmitPlan.IsUnrolled</c> (docs/unrolling-budget.md), printed as markdown tables:
    /// <code>
    /// dotnet run -c Release --project benchmarks/PlanarGen.BudgetMeasurement -- train [tanh|relu] [shape ...]
    /// dotnet run -c Release --project benchmarks/PlanarGen.BudgetMeasurement -- il [shape ...]
    /// </code>
    /// Shapes are written I-H-O (e.g. 2-20-1). <c>train</c> compiles both forms of each shape in memory (best of 2, after a
    /// warm-up compile), times the JIT of the first TrainStep (JitInfo) and full-batch training on 400 synthetic samples
    /// (best of 3 runs; a float shape above the unrolling budget forced unrolled fuses its multiply-adds, a form the
    /// generator never emits, see EmitPlan.For); <c>il</c> prints the IL size and locals of the unrolled StepCore. All times are this thread's CPU
    /// time, not wall time.
    /// </summary>
    internal static class Program
    {
        private static readonly string[] DefaultShapes =
        {
            "2-4-1", "2-9-1", "2-10-1", "2-12-1", "2-16-1", "2-20-1", "2-24-1", "2-32-1", "2-40-1", "2-50-1", "2-63-1", "16-4-4", "16-8-4",
        };

        private const int Samples = 400;

        private static int Main(string[] args)
        {
            string mode = args.Length > 0 ? args[0] : "";
            if (mode == "train")
            {
                int activation = args.Length > 1 && args[1] == "relu" ? 2 : 0;
                Train(activation, Shapes(args.Skip(2).ToArray()));
                return 0;
            }
            if (mode == "il")
            {
                Il(Shapes(args.Skip(1).ToArray()));
                return 0;
            }
            Console.Error.WriteLine("usage: train [tanh|relu] [I-H-O ...] | il [I-H-O ...]");
            return 2;
        }

        private static (int I, int H, int O)[] Shapes(string[] args) =>
            (args.Length > 0 ? args : DefaultShapes).Select(s =>
            {
                int[] p = s.Split('-').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
                return (p[0], p[1], p[2]);
            }).ToArray();

        private static void Train(int activation, (int I, int H, int O)[] shapes)
        {
            Console.WriteLine($"hidden activation: {(activation == 0 ? "tanh" : "ReLU")}; float; {Samples} samples; CPU time of the measuring thread");
            Console.WriteLine();
            Console.WriteLine("| shape | params | form | source KB | compile ms | JIT ms (first step) | train µs / step |");
            Console.WriteLine("| --- | ---: | --- | ---: | ---: | ---: | ---: |");
            InMemoryCompiler.Compile(InMemoryCompiler.Spec("Warm", 2, 4, 1, null, activation));
            foreach (var (inputs, hidden, outputs) in shapes)
                foreach (bool unrolled in new[] { true, false })
                {
                    string name = (unrolled ? "U" : "L") + $"{inputs}x{hidden}x{outputs}";
                    double best = double.MaxValue;
                    Assembly? assembly = null;
                    int chars = 0;
                    int parameters = 0;
                    for (int r = 0; r < 2; r++)
                    {
                        var spec = InMemoryCompiler.Spec(name + "_" + r, inputs, hidden, outputs, unrolled, activation);
                        parameters = spec.ParameterCount;
                        var (a, ms, c) = InMemoryCompiler.Compile(spec);
                        best = Math.Min(best, ms);
                        if (r == 0) { assembly = a; chars = c; }
                    }
                    var net = (INetwork<float>)Activator.CreateInstance(assembly!.GetType($"Measured.{name}_0", throwOnError: true)!)!;
                    net.Initialize(new NumPyRandom(2), 0.5);
                    PlanarData<float> data = Synthetic(inputs, outputs, Samples, 3);
                    TimeSpan jit0 = System.Runtime.JitInfo.GetCompilationTime(currentThread: true);
                    net.TrainStep(data.AsDataSet(), 0.01f);
                    double jitMs = (System.Runtime.JitInfo.GetCompilationTime(currentThread: true) - jit0).TotalMilliseconds;
                    int iterations = Math.Max(20, 1_000_000 / (parameters * 10));
                    var options = new TrainingOptions(iterations, 0.01);
                    net.Train(data.AsDataSet(), new TrainingOptions(5, 0.01));
                    double bestStep = double.MaxValue;
                    for (int r = 0; r < 3; r++)
                    {
                        double start = ThreadCpu.Milliseconds();
                        net.Train(data.AsDataSet(), options);
                        bestStep = Math.Min(bestStep, (ThreadCpu.Milliseconds() - start) * 1000 / iterations);
                    }
                    Console.WriteLine($"| {inputs}-{hidden}-{outputs} | {parameters} | {(unrolled ? "unrolled" : "loops")} | {chars / 1024.0:F0} | {best:F0} | {jitMs:F1} | {bestStep:F1} |");
                }
            Console.WriteLine();
            Console.WriteLine($"Vector<float>.Count = {System.Numerics.Vector<float>.Count}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        }

        /// <summary>IL size and locals of the unrolled StepCore in its plain (unfused) form, the one
        /// EmitPlan.EstimatedUnrolledLocals estimates (the JIT tracks at most 1,024 locals by default and switches to
        /// MinOpts above 60,000 IL bytes / 20,000 IL instructions / 2,000 locals). A float shape above the unrolling budget,
        /// forced unrolled, would fuse (EmitPlan.For), so those are measured in double, whose StepCore has the same locals.</summary>
        private static void Il((int I, int H, int O)[] shapes)
        {
            Console.WriteLine("| shape | params | StepCore IL bytes | StepCore IL locals | estimated locals |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
            foreach (var (inputs, hidden, outputs) in shapes)
            {
                string name = $"S{inputs}x{hidden}x{outputs}";
                bool plainFloat = PlanarGen.Generators.Plan.EmitPlan.IsUnrolled(PlanarGen.Generators.Parsing.NetworkRules.ParameterCount(inputs, hidden, outputs));
                var spec = InMemoryCompiler.Spec(name, inputs, hidden, outputs, true, 2, plainFloat ? Precision.Single : Precision.Double);
                var (assembly, _, _) = InMemoryCompiler.Compile(spec);
                var flags = BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Instance;
                var step = assembly.GetType("Measured." + name, throwOnError: true)!.GetMethod("StepCore", flags)!.GetMethodBody()!;
                int estimate = PlanarGen.Generators.Plan.EmitPlan.EstimatedUnrolledLocals(inputs, hidden, outputs);
                Console.WriteLine($"| {inputs}-{hidden}-{outputs} | {spec.ParameterCount} | {step.GetILAsByteArray()!.Length} | {step.LocalVariables.Count} | {estimate} |");
            }
        }

        /// <summary>Features uniform in [-1, 1), labels from a fixed nonlinear rule, so there is something to learn.</summary>
        private static PlanarData<float> Synthetic(int features, int outputs, int samples, uint seed)
        {
            var random = new NumPyRandom(seed);
            var x = new float[features * samples];
            for (int k = 0; k < x.Length; k++) x[k] = (float)(2 * random.Rand() - 1);
            var y = new float[outputs * samples];
            for (int o = 0; o < outputs; o++)
                for (int s = 0; s < samples; s++)
                {
                    double sum = 0;
                    for (int i = o % features; i < features; i += 1 + o) sum += x[i * samples + s] * ((i & 1) == 0 ? 1 : -1);
                    y[o * samples + s] = sum * x[s] > 0 ? 1 : 0;
                }
            return new PlanarData<float>(x, y, samples);
        }
    }
}
