extern alias runtime;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PlanarGen.Generators.Emit;
using PlanarGen.Generators.Model;
using PlanarGen.Generators.Plan;
using PlanarGen.Generators.Tests.Infrastructure;

using runtime::PlanarGen;
namespace PlanarGen.Generators.Tests.LoopForm
{
    /// <summary>Emits networks straight from <see cref="NetworkSpec"/>s (so a test can force the unrolled or the loop
    /// form on the same shape through its plan), compiles them as C# 9 in memory and loads the assembly.</summary>
    internal static class LoopFormCompiler
    {
        /// <summary>Activation values as the shared enum numbers them (the enum itself is compiled into both the runtime and
        /// the generator, so test code cannot name it unambiguously).</summary>
        public const int Tanh = 0, Sigmoid = 1, ReLU = 2, LeakyReLU = 3;

        /// <summary>A network and the plan it is emitted with.</summary>
        public sealed record Planned(NetworkSpec Spec, EmitPlan Plan);

        /// <summary>A network in namespace Measured; <paramref name="unrolled"/> forces the form (null: the plan decides).</summary>
        public static Planned Spec(string name, int inputs, int hidden, int outputs, bool? unrolled,
            int activation = Tanh, bool isDouble = false, double slope = 0.01)
        {
            var constructor = typeof(NetworkSpec).GetConstructors().Single();
            var types = constructor.GetParameters().Select(p => p.ParameterType).ToArray();
            var shape = new TypeShape("Measured", new EquatableArray<string>(Array.Empty<string>()), name, $"Measured.{name}.Network.g.cs");
            var spec = (NetworkSpec)constructor.Invoke(new object[]
            {
                shape, inputs, hidden, outputs, Enum.ToObject(types[4], activation), slope,
                Enum.ToObject(types[6], Sigmoid), Enum.ToObject(types[7], isDouble ? 1 : 0),
            });
            EmitPlan plan = EmitPlan.For(spec);
            return new Planned(spec, unrolled is bool u ? plan with { Form = u ? CodeForm.Unrolled : CodeForm.Loops } : plan);
        }

        /// <summary>Compiles the networks into one assembly; returns it with the C# compile time (parse + bind + emit).</summary>
        public static (Assembly Assembly, TimeSpan CompileTime, int SourceChars) Compile(params Planned[] specs)
        {
            double start = ThreadCpu();
            var user = "namespace Measured {\n" + string.Concat(specs.Select(s => $"public partial struct {s.Spec.Target.Name} {{ }}\n")) + "}\n";
            var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(user, GeneratorHarness.ParseOptions()) };
            int chars = 0;
            foreach ((NetworkSpec spec, EmitPlan plan) in specs)
            {
                string text = NetworkEmitter.Emit(spec, plan, default).ToString();
                chars += text.Length;
                trees.Add(CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions(), path: spec.Target.HintName));
            }
            CSharpCompilation compilation = GeneratorHarness.Compilation().AddSyntaxTrees(trees)
                .WithAssemblyName("Measured" + Guid.NewGuid().ToString("N"));
            // Single-threaded, so the compile time below is this thread's CPU time.
            compilation = compilation.WithOptions(compilation.Options.WithConcurrentBuild(false));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            double cpu = ThreadCpu() - start;
            var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
            if (!result.Success || problems.Length > 0)
                throw new InvalidOperationException("Generated code did not compile cleanly:\n" + string.Join("\n", problems.Take(20)));
            return (Assembly.Load(stream.ToArray()), TimeSpan.FromMilliseconds(cpu), chars);
        }

        /// <summary>This thread's CPU time in ms on Linux (wall time elsewhere): the build machine is shared.</summary>
        private static double ThreadCpu()
        {
            if (OperatingSystem.IsLinux() && clock_gettime(3, out TimeSpec t) == 0) return t.Seconds * 1e3 + t.Nanoseconds / 1e6;
            return Environment.TickCount64;
        }

        [System.Runtime.InteropServices.DllImport("libc")]
        private static extern int clock_gettime(int clock, out TimeSpec time);

        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        public static INetwork<T> Create<T>(Assembly assembly, string name) where T : unmanaged =>
            (INetwork<T>)Activator.CreateInstance(assembly.GetType("Measured." + name, throwOnError: true)!)!;

        /// <summary>Features uniform in [-1, 1), labels from a fixed nonlinear rule, so there is something to learn.</summary>
        public static PlanarData<T> Synthetic<T>(int features, int outputs, int samples, uint seed) where T : unmanaged
        {
            var random = new NumPyRandom(seed);
            var x = new double[features * samples];
            for (int k = 0; k < x.Length; k++) x[k] = 2 * random.Rand() - 1;
            var y = new double[outputs * samples];
            for (int o = 0; o < outputs; o++)
                for (int s = 0; s < samples; s++)
                {
                    double sum = 0;
                    for (int i = o % features; i < features; i += 1 + o) sum += x[i * samples + s] * ((i & 1) == 0 ? 1 : -1);
                    y[o * samples + s] = sum * x[s] > 0 ? 1 : 0;
                }
            return new PlanarData<T>(Convert<T>(x), Convert<T>(y), samples);
        }

        private static T[] Convert<T>(double[] values) where T : unmanaged =>
            typeof(T) == typeof(float) ? (T[])(object)values.Select(v => (float)v).ToArray() : (T[])(object)values;
    }
}
