using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace PlanarGen.Generators.Tests.Weights
{
    /// <summary>
    /// End to end: a network saved by the runtime (<c>SaveWeights("x.json")</c>, the file a user bakes), baked by the
    /// generator into a second compilation, and <c>Pretrained</c> compared with the saved network: every parameter's bits
    /// and <c>Fingerprint()</c>. The values include -0, a subnormal, the extremes of the format and values whose shortest
    /// decimal form is long, so an inexact decimal conversion would show.
    /// </summary>
    public class BakedWeightsRunTests
    {
        private static string WriterSource(string arguments, string t, string kind = "struct") => $$"""
            using PlanarGen;

            namespace Written
            {
                [Network({{arguments}})]
                public partial {{kind}} Net { }

                public static class Writer
                {
                    public static ulong Save({{t}}[] parameters, string path)
                    {
                        var net = new Net();
                        net.LoadParameters(parameters);
                        net.SaveWeights(path);
                        return net.Fingerprint();
                    }

                    public static {{t}}[] Load(string path)
                    {
                        var net = new Net();
                        net.LoadWeights(path);
                        var p = new {{t}}[Net.ParameterCount];
                        net.CopyParametersTo(p);
                        return p;
                    }
                }
            }
            """;

        private static string BakedSource(string arguments, string t, string kind) => $$"""
            using PlanarGen;

            namespace Baked
            {
                [Network({{arguments}}, Weights = "net.weights.json")]
                public partial {{kind}} Net { }

                public static class Reader
                {
                    public static {{t}}[] Parameters()
                    {
                        var p = new {{t}}[Net.ParameterCount];
                        Net.Pretrained.CopyParametersTo(p);
                        return p;
                    }

                    public static ulong Fingerprint() => Net.Pretrained.Fingerprint();

                    public static bool DistinctInstances() => !ReferenceEquals(Net.Pretrained, Net.Pretrained);
                }
            }
            """;

        /// <summary>Saves <paramref name="parameters"/> with the runtime; returns the JSON text and the saved network's fingerprint.</summary>
        internal static (string Json, ulong Fingerprint) SaveWithRuntime(string arguments, Array parameters)
        {
            string t = parameters is float[] ? "float" : "double";
            var run = BakeHarness.Run(WriterSource(arguments, t));
            Assert.Empty(run.Formatted);
            Assembly writer = BakeHarness.Load(run.Output);
            string path = Path.Combine(Path.GetTempPath(), "planargen-bake-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                ulong fingerprint = (ulong)BakeHarness.Call(writer, "Written.Writer", "Save", parameters, path)!;
                return (File.ReadAllText(path), fingerprint);
            }
            finally
            {
                File.Delete(path);
            }
        }

        private static float[] SingleValues(int count, int seed)
        {
            var random = new Random(seed);
            var values = new float[count];
            for (int k = 0; k < count; k++)
                values[k] = (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 9)));
            float[] special = { -0.0f, float.Epsilon, 1.17549435e-38f, float.MaxValue, -float.MaxValue, 0.1f, 1f / 3, 16777217f };
            Array.Copy(special, values, Math.Min(special.Length, count));
            return values;
        }

        private static double[] DoubleValues(int count, int seed)
        {
            var random = new Random(seed);
            var values = new double[count];
            for (int k = 0; k < count; k++)
                values[k] = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 31));
            double[] special = { -0.0, double.Epsilon, 2.2250738585072009e-308, double.MaxValue, -double.MaxValue, 0.1, 1.0 / 3, 5e-324 * 3 };
            Array.Copy(special, values, Math.Min(special.Length, count));
            return values;
        }

        [Theory]
        [InlineData("Inputs = 2, Hidden = 4, Outputs = 1", "struct", false)]
        [InlineData("Inputs = 2, Hidden = 4, Outputs = 1", "class", false)]
        [InlineData("Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.2", "struct", false)]
        [InlineData("Inputs = 2, Hidden = 4, Outputs = 1, Precision = Precision.Double", "struct", true)]
        [InlineData("Inputs = 3, Hidden = 5, Outputs = 2, Precision = Precision.Double, HiddenActivation = Activation.ReLU", "class", true)]
        [InlineData("Inputs = 16, Hidden = 64, Outputs = 4", "class", false)]                              // loop form
        [InlineData("Inputs = 8, Hidden = 40, Outputs = 3, Precision = Precision.Double", "struct", true)] // loop form struct
        public void PretrainedHoldsExactlyTheSavedParameters(string arguments, string kind, bool isDouble)
        {
            int count = ParameterCount(arguments);
            Array saved = isDouble ? DoubleValues(count, count) : SingleValues(count, count);
            (string json, ulong fingerprint) = SaveWithRuntime(arguments, saved);

            string t = isDouble ? "double" : "float";
            var run = BakeHarness.Run(BakedSource(arguments, t, kind), new BakeHarness.File("/project/Weights/net.weights.json", json));
            Assert.Empty(run.Formatted);
            Assert.Empty(run.CompilerProblems.Select(d => d.ToString()));
            Assembly baked = BakeHarness.Load(run.Output);

            var parameters = (Array)BakeHarness.Call(baked, "Baked.Reader", "Parameters")!;
            Assert.Equal(Bits(saved), Bits(parameters));
            Assert.Equal(fingerprint, (ulong)BakeHarness.Call(baked, "Baked.Reader", "Fingerprint")!);
            Assert.Contains($"xxh64:{fingerprint:x16}", run.Source("Baked.Net.Network.g.cs"));
            if (kind == "class") Assert.True((bool)BakeHarness.Call(baked, "Baked.Reader", "DistinctInstances")!);
        }

        /// <summary>A double file baked into a float network rounds each value to nearest, exactly as the runtime's
        /// LoadWeights does with the same file.</summary>
        [Fact]
        public void DoubleFileIntoFloatNetworkRoundsLikeLoadWeights()
        {
            const string Double = "Inputs = 2, Hidden = 4, Outputs = 1, Precision = Precision.Double";
            double[] values = DoubleValues(17, 5).Select(v => Math.Abs(v) > 1e30 || (v != 0 && Math.Abs(v) < 1e-30) ? v * 1e-10 % 3 : v).ToArray();
            (string json, _) = SaveWithRuntime(Double, values);

            // The runtime's reading of the same file into a float network.
            var writer = BakeHarness.Run(WriterSource("Inputs = 2, Hidden = 4, Outputs = 1", "float"));
            Assembly loader = BakeHarness.Load(writer.Output);
            string path = Path.Combine(Path.GetTempPath(), "planargen-bake-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(path, json);
            float[] loaded;
            try { loaded = (float[])BakeHarness.Call(loader, "Written.Writer", "Load", path)!; }
            finally { File.Delete(path); }
            Assert.Equal(values.Select(v => (float)v), loaded);

            var run = BakeHarness.Run(BakedSource("Inputs = 2, Hidden = 4, Outputs = 1", "float", "struct"), new BakeHarness.File("net.weights.json", json));
            Assert.Empty(run.Formatted);
            var baked = (float[])BakeHarness.Call(BakeHarness.Load(run.Output), "Baked.Reader", "Parameters")!;
            Assert.Equal(Bits(loaded), Bits(baked));
        }

        internal static int ParameterCount(string arguments)
        {
            int Value(string name) => int.Parse(arguments.Split(',').Select(s => s.Trim()).Single(s => s.StartsWith(name + " =", StringComparison.Ordinal)).Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
            int i = Value("Inputs"), h = Value("Hidden"), o = Value("Outputs");
            return h * i + h + o * h + o;
        }

        private static long[] Bits(Array values) => values switch
        {
            float[] f => f.Select(v => (long)BitConverter.SingleToInt32Bits(v)).ToArray(),
            double[] d => d.Select(BitConverter.DoubleToInt64Bits).ToArray(),
            _ => throw new ArgumentException("float[] or double[]", nameof(values)),
        };
    }
}
