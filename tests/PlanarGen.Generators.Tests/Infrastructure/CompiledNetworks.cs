extern alias runtime;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace PlanarGen.Generators.Tests.Infrastructure
{
    /// <summary>
    /// Several [Network] structs generated, compiled as C# 9 (zero errors, zero warnings at the highest warning level),
    /// emitted to memory and loaded into a collectible <see cref="AssemblyLoadContext"/>. The runtime PlanarGen assembly
    /// always comes from the default context, so both sides share its types. A <c>Probe</c> class compiled into the same
    /// assembly calls the networks through arrays, because <c>DataSet&lt;T&gt;</c> is a ref struct and cannot be passed
    /// through reflection.
    /// </summary>
    public sealed class CompiledNetworks : IDisposable
    {
        private readonly Collectible _context;
        private readonly Type _probe;
        private readonly Dictionary<string, MethodInfo> _methods = new Dictionary<string, MethodInfo>();

        private CompiledNetworks(Collectible context, Assembly assembly)
        {
            _context = context;
            Assembly = assembly;
            _probe = assembly.GetType("Probes.Probe", throwOnError: true)!;
        }

        public Assembly Assembly { get; }

        public const string ProbeSource = """
            using PlanarGen;

            namespace Probes
            {
                /// <summary>Array-in, array-out entry points for tests; every network is used through INetwork.</summary>
                public static class Probe
                {
                    public static void Predict<TNet, T>(T[] parameters, T[] input, T[] output)
                        where TNet : struct, INetwork<T> where T : unmanaged
                    {
                        var net = default(TNet);
                        net.LoadParameters(parameters);
                        net.Predict(input, output);
                    }

                    public static void PredictBatch<TNet, T>(T[] parameters, T[] x, int m, T[] output)
                        where TNet : struct, INetwork<T> where T : unmanaged
                    {
                        var net = default(TNet);
                        net.LoadParameters(parameters);
                        net.PredictBatch(new DataSet<T>(x, m), output);
                    }

                    public static T Cost<TNet, T>(T[] parameters, T[] x, T[] y, int m)
                        where TNet : struct, INetwork<T> where T : unmanaged
                    {
                        var net = default(TNet);
                        net.LoadParameters(parameters);
                        return net.Cost(new DataSet<T>(x, y, m));
                    }

                    public static T TrainStep<TNet, T>(T[] parameters, T[] x, T[] y, int m, T learningRate, T[] updated)
                        where TNet : struct, INetwork<T> where T : unmanaged
                    {
                        var net = default(TNet);
                        net.LoadParameters(parameters);
                        T cost = net.TrainStep(new DataSet<T>(x, y, m), learningRate);
                        net.CopyParametersTo(updated);
                        return cost;
                    }
                }
            }
            """;

        /// <summary>The C# source declaring <paramref name="cases"/> in namespace <c>Grid</c>.</summary>
        public static string DeclarationSource(IEnumerable<NetworkCase> cases)
        {
            var text = new StringBuilder("using PlanarGen;\n\nnamespace Grid\n{\n");
            foreach (NetworkCase c in cases) text.Append(c.Declaration);
            return text.Append("}\n").ToString();
        }

        /// <summary>Generates, compiles (asserting zero diagnostics) and loads the networks.</summary>
        public static CompiledNetworks Compile(IReadOnlyList<NetworkCase> cases)
        {
            CSharpCompilation input = GeneratorHarness.Compilation(DeclarationSource(cases), ProbeSource);
            input = input.WithOptions(input.Options.WithWarningLevel(9999));
            GeneratorRun run = GeneratorHarness.Run(input);
            Assert.Empty(run.GeneratorDiagnostics);
            Assert.Equal(cases.Count, run.Sources.Length);
            foreach (SyntaxTree tree in run.Output.SyntaxTrees)
                Assert.Equal(LanguageVersion.CSharp9, ((CSharpParseOptions)tree.Options).LanguageVersion);

            using var pe = new MemoryStream();
            var emitted = run.Output.Emit(pe);
            Assert.Empty(emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
            Assert.True(emitted.Success);

            pe.Position = 0;
            var context = new Collectible();
            return new CompiledNetworks(context, context.LoadFromStream(pe));
        }

        private MethodInfo Method(string name, NetworkCase c)
        {
            string key = name + "|" + c.Name;
            if (!_methods.TryGetValue(key, out MethodInfo? method))
            {
                Type net = Assembly.GetType("Grid." + c.Name, throwOnError: true)!;
                Type element = c.Precision == Precision.Single ? typeof(float) : typeof(double);
                method = _probe.GetMethod(name)!.MakeGenericMethod(net, element);
                _methods[key] = method;
            }
            return method;
        }

        private static object Call(MethodInfo method, params object[] args)
        {
            try
            {
                return method.Invoke(null, args)!;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw new InvalidOperationException($"{method} threw: {e.InnerException}", e.InnerException);
            }
        }

        // Each entry point takes and returns doubles; for float networks the values go through float exactly once
        // (callers pass values already representable in float).
        public double[] Predict(NetworkCase c, double[] parameters, double[] input)
        {
            var output = NewArray(c, c.Outputs);
            Call(Method("Predict", c), Convert(c, parameters), Convert(c, input), output);
            return ToDoubles(output);
        }

        public double[] PredictBatch(NetworkCase c, double[] parameters, double[] x, int m)
        {
            var output = NewArray(c, c.Outputs * m);
            Call(Method("PredictBatch", c), Convert(c, parameters), Convert(c, x), m, output);
            return ToDoubles(output);
        }

        public double Cost(NetworkCase c, double[] parameters, double[] x, double[] y, int m) =>
            System.Convert.ToDouble(Call(Method("Cost", c), Convert(c, parameters), Convert(c, x), Convert(c, y), m), System.Globalization.CultureInfo.InvariantCulture);

        public (double Cost, double[] Parameters) TrainStep(NetworkCase c, double[] parameters, double[] x, double[] y, int m, double learningRate)
        {
            var updated = NewArray(c, parameters.Length);
            object rate = c.Precision == Precision.Single ? (object)(float)learningRate : learningRate;
            object cost = Call(Method("TrainStep", c), Convert(c, parameters), Convert(c, x), Convert(c, y), m, rate, updated);
            return (System.Convert.ToDouble(cost, System.Globalization.CultureInfo.InvariantCulture), ToDoubles(updated));
        }

        private static Array NewArray(NetworkCase c, int length) =>
            c.Precision == Precision.Single ? new float[length] : new double[length];

        private static Array Convert(NetworkCase c, double[] values) =>
            c.Precision == Precision.Single ? values.Select(v => (float)v).ToArray() : (Array)values.ToArray();

        private static double[] ToDoubles(Array values) => values switch
        {
            float[] f => f.Select(v => (double)v).ToArray(),
            double[] d => d,
            _ => throw new ArgumentException("float[] or double[] expected", nameof(values)),
        };

        public void Dispose()
        {
            _methods.Clear();
            _context.Unload();
        }

        /// <summary>A collectible context that takes PlanarGen (and everything else) from the default context.</summary>
        private sealed class Collectible : AssemblyLoadContext
        {
            private static readonly Assembly Runtime = typeof(runtime::PlanarGen.NetworkAttribute).Assembly;

            public Collectible() : base("PlanarGen.Generators.Tests.CompiledNetworks", isCollectible: true) { }

            protected override Assembly? Load(AssemblyName name) =>
                name.Name == Runtime.GetName().Name ? Runtime : null;
        }
    }
}
