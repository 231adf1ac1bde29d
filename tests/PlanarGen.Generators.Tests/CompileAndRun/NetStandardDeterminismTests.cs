extern alias runtime;

using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Runtime.Versioning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PlanarGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PlanarGen.Generators.Tests.CompileAndRun
{
    /// <summary>
    /// Deterministic networks give the same bits on the runtime's netstandard2.1 build (the one Unity compiles, which has
    /// no Vector128/256/512 code and its own #if branches) as on its .NET 10 build, in one process: the same source is
    /// generated and compiled twice, once as C# 9 against netstandard.dll plus the netstandard2.1 PlanarGen.dll and loaded
    /// with that PlanarGen.dll into an isolated load context, once against .NET 10 and the net10.0 PlanarGen.dll of this
    /// process; a probe in each trains, predicts and fingerprints. (tests/determinism.sh compares the same across separate
    /// processes, JIT settings and Native AOT.)
    /// </summary>
    public class NetStandardDeterminismTests
    {
        private const string Source = """
            using PlanarGen;

            namespace Unity
            {
                [Network(Inputs = 2, Hidden = 4, Outputs = 1, Deterministic = true)] public partial struct Tanh241 { }
                [Network(Inputs = 2, Hidden = 4, Outputs = 1, Precision = Precision.Double, Deterministic = true)] public partial struct Tanh241Double { }
                [Network(Inputs = 2, Hidden = 5, Outputs = 2, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.2, Deterministic = true)] public partial struct Leaky252 { }
                [Network(Inputs = 2, Hidden = 40, Outputs = 1, HiddenActivation = Activation.ReLU, Deterministic = true)] public partial class Relu2401 { }
                [Network(Inputs = 2, Hidden = 7, Outputs = 1, HiddenActivation = Activation.Sigmoid, Precision = Precision.Double, Deterministic = true)] public partial class Sigmoid271Double { }

                public static class Probe
                {
                    /// <summary>One line per network and sample count: fingerprints of the trained parameters and of the
                    /// batch predictions, the bits of the cost, of one TrainStep's cost and of one Predict.</summary>
                    public static string[] Run()
                    {
                        PlanarData<double> f64 = PlanarDataSets.Flower();
                        PlanarData<float> f32 = f64.ToSingle();
                        var lines = new System.Collections.Generic.List<string>();
                        foreach (int m in new[] { 400, 397 })
                        {
                            lines.Add(Train<Tanh241, float>(new Tanh241(), f32, m, 1));
                            lines.Add(Train<Tanh241Double, double>(new Tanh241Double(), f64, m, 1));
                            lines.Add(Train<Leaky252, float>(new Leaky252(), f32, m, 2));
                            lines.Add(Train<Relu2401, float>(new Relu2401(), f32, m, 1));
                            lines.Add(Train<Sigmoid271Double, double>(new Sigmoid271Double(), f64, m, 1));
                        }
                        return lines.ToArray();
                    }

                    private static string Train<TNet, T>(TNet net, PlanarData<T> data, int m, int outputs)
                        where TNet : INetwork<T> where T : unmanaged
                    {
                        int all = data.SampleCount;
                        var x = new T[2 * m];
                        var y = new T[outputs * m];
                        for (int i = 0; i < 2; i++) System.Array.Copy(data.X, i * all, x, i * m, m);
                        for (int o = 0; o < outputs; o++)
                            for (int s = 0; s < m; s++)
                                y[o * m + s] = o == 0 ? data.Y[s] : (data.Y[s].Equals(default(T)) ? One<T>() : default(T));
                        var set = new DataSet<T>(x, y, m);
                        net.Initialize(new NumPyRandom(3), 0.5);
                        TrainingResult result = net.Train(set, new TrainingOptions(300, 1.2, 50));
                        var probabilities = new T[outputs * m];
                        net.PredictBatch(set, probabilities);
                        var one = new T[outputs];
                        net.Predict(new[] { x[0], x[m] }, one);
                        T cost = net.Cost(set);
                        T step = net.TrainStep(set, (T)(object)(typeof(T) == typeof(float) ? (object)0.5f : 0.5));
                        return typeof(TNet).Name + " m=" + m + ": parameters " + net.Fingerprint().ToString("X16")
                            + " predictions " + Hash(probabilities) + " one " + Hash(one) + " cost " + Bits(cost) + " step " + Bits(step)
                            + " last " + Bits(result.LastCost) + " accuracy " + Bits(net.Accuracy(set));
                    }

                    private static T One<T>() => (T)(typeof(T) == typeof(float) ? (object)1f : 1.0);

                    private static string Hash<T>(T[] values) =>
                        (values is float[] f ? NetworkFingerprint.Compute(f) : NetworkFingerprint.Compute((double[])(object)values)).ToString("X16");

                    private static string Bits<T>(T value) =>
                        value is float f ? System.BitConverter.ToInt32(System.BitConverter.GetBytes(f), 0).ToString("X8")
                            : System.BitConverter.DoubleToInt64Bits((double)(object)value!).ToString("X16");
                }
            }
            """;

        [Fact]
        public void DeterministicNetworksGiveTheSameBitsOnTheNetStandard21BuildAsOnNet10InOneProcess()
        {
            string runtimeNs21 = Metadata("RuntimeNetStandard21");
            string netstandard = Path.Combine(Metadata("NuGetPackageRoot"), "netstandard.library.ref", "2.1.0", "ref", "netstandard2.1", "netstandard.dll");
            Assert.True(File.Exists(runtimeNs21), $"{runtimeNs21} not found: build the solution first");

            byte[] ns21Image = Compile("UnityProbe",
                new[] { MetadataReference.CreateFromFile(netstandard), MetadataReference.CreateFromFile(runtimeNs21) },
                GeneratorHarness.NetStandardParseOptions(LanguageVersion.CSharp9));
            byte[] net10Image = Compile("Net10Probe", GeneratorHarness.References.ToArray(), GeneratorHarness.ParseOptions());

            var unity = new IsolatedRuntime(runtimeNs21);
            try
            {
                Assembly ns21Probe = unity.LoadFromStream(new MemoryStream(ns21Image));
                Assembly ns21Runtime = unity.LoadFromAssemblyName(new AssemblyName("PlanarGen"));
                Assert.Equal(".NETStandard,Version=v2.1", ns21Runtime.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName);
                Assert.NotSame(typeof(runtime::PlanarGen.NetworkAttribute).Assembly, ns21Runtime);
                Assert.Same(ns21Runtime, ns21Probe.GetType("Unity.Tanh241", throwOnError: true)!.GetInterfaces().Single().Assembly);

                var net10 = new AssemblyLoadContext("net10-probe", isCollectible: true);
                try
                {
                    Assembly net10Probe = net10.LoadFromStream(new MemoryStream(net10Image));
                    string[] expected = Run(net10Probe);
                    string[] actual = Run(ns21Probe);
                    Assert.Equal(10, expected.Length);
                    Assert.Equal(expected, actual);
                }
                finally
                {
                    net10.Unload();
                }
            }
            finally
            {
                unity.Unload();
            }
        }

        private static string[] Run(Assembly probe) =>
            (string[])probe.GetType("Unity.Probe", throwOnError: true)!.GetMethod("Run")!.Invoke(null, null)!;

        private static byte[] Compile(string name, MetadataReference[] references, CSharpParseOptions parse)
        {
            var compilation = CSharpCompilation.Create(name,
                new[] { CSharpSyntaxTree.ParseText(Source, parse, path: "Probe.cs") }, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                    optimizationLevel: OptimizationLevel.Release));
            GeneratorRun run = GeneratorHarness.Run(compilation);
            Assert.Empty(run.GeneratorDiagnostics);
            Assert.Equal(5, run.Sources.Length);
            var image = new MemoryStream();
            var emitted = run.Output.Emit(image);
            string[] errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
            Assert.True(emitted.Success, string.Join("\n", errors.Take(20)));
            return image.ToArray();
        }

        private static string Metadata(string key) =>
            typeof(NetStandardDeterminismTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException($"no assembly metadata {key}");

        /// <summary>A load context in which "PlanarGen" is the netstandard2.1 build; everything else comes from the default context.</summary>
        private sealed class IsolatedRuntime : AssemblyLoadContext
        {
            private readonly string _runtimePath;

            public IsolatedRuntime(string runtimePath) : base("netstandard2.1-runtime", isCollectible: true) => _runtimePath = runtimePath;

            protected override Assembly? Load(AssemblyName assemblyName) =>
                string.Equals(assemblyName.Name, "PlanarGen", StringComparison.Ordinal) ? LoadFromAssemblyPath(_runtimePath) : null;
        }
    }
}
