extern alias runtime;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PlanarGen.Generators.Emit;
using PlanarGen.Generators.Model;
using PlanarGen.Generators.Plan;

namespace PlanarGen.BudgetMeasurement
{
    /// <summary>Emits networks straight from <see cref="NetworkSpec"/>s (so both forms of one shape can be compared), compiles
    /// them as C# 9 against .NET 10 (Release, single-threaded) and loads the assembly.</summary>
    internal static class InMemoryCompiler
    {
        private static readonly ImmutableArray<MetadataReference> References =
            Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
                .Append(MetadataReference.CreateFromFile(typeof(runtime::PlanarGen.NetworkAttribute).Assembly.Location))
                .ToImmutableArray();

        /// <summary>The symbols the SDK defines for a net10.0 Release build (so the Vector512 twins are compiled too).</summary>
        private static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.CSharp9,
            preprocessorSymbols: new[]
            {
                "NET", "NET10_0", "NETCOREAPP", "NETCOREAPP3_0_OR_GREATER", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER",
                "NET7_0_OR_GREATER", "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NET10_0_OR_GREATER", "RELEASE",
            });

        /// <summary>A spec in namespace Measured; <paramref name="unrolled"/> forces the form (null: the budget decides).
        /// The activation is the shared enum's number (0 tanh, 1 sigmoid, 2 ReLU, 3 leaky ReLU).</summary>
        public static Planned Spec(string name, int inputs, int hidden, int outputs, bool? unrolled, int activation,
            Precision precision = Precision.Single)
        {
            var shape = new TypeShape("Measured", new EquatableArray<string>(Array.Empty<string>()), name, $"Measured.{name}.Network.g.cs");
            var spec = new NetworkSpec(shape, inputs, hidden, outputs, (Activation)activation, 0.01, Activation.Sigmoid, precision);
            EmitPlan plan = EmitPlan.For(spec);
            return new Planned(spec, unrolled is bool u ? plan with { Form = u ? CodeForm.Unrolled : CodeForm.Loops } : plan);
        }

        /// <summary>A network and the plan it is emitted with.</summary>
        public sealed record Planned(NetworkSpec Spec, EmitPlan Plan)
        {
            public int ParameterCount => Spec.ParameterCount;
        }

        /// <summary>Compiles one network; returns the assembly, this thread's CPU time for emit + parse + bind + IL, and the
        /// generated source's length in characters.</summary>
        public static (Assembly Assembly, double CompileMs, int SourceChars) Compile(Planned planned)
        {
            double start = ThreadCpu.Milliseconds();
            NetworkSpec spec = planned.Spec;
            string text = NetworkEmitter.Emit(spec, planned.Plan, default).ToString();
            var trees = new List<SyntaxTree>
            {
                CSharpSyntaxTree.ParseText($"namespace Measured {{ public partial struct {spec.Target.Name} {{ }} }}\n", ParseOptions),
                CSharpSyntaxTree.ParseText(text, ParseOptions, path: spec.Target.HintName),
            };
            var compilation = CSharpCompilation.Create("Measured" + Guid.NewGuid().ToString("N"), trees, References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                    optimizationLevel: OptimizationLevel.Release, deterministic: true, concurrentBuild: false));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            double cpu = ThreadCpu.Milliseconds() - start;
            var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
            if (!result.Success || problems.Length > 0)
                throw new InvalidOperationException("Generated code did not compile cleanly:\n" + string.Join("\n", problems.Take(20)));
            return (Assembly.Load(stream.ToArray()), cpu, text.Length);
        }
    }
}
