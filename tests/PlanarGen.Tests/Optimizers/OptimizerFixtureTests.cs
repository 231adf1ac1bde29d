using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using PlanarGen.Tests.Deterministic;
using PlanarGen.Tests.Networks;
using Xunit;

namespace PlanarGen.Tests.Optimizers
{
    /// <summary>
    /// Adam and momentum against PyTorch's own numbers: tools/reference/make_optimizer_fixtures.py trained float64
    /// nn.Sequential networks (BCELoss, torch.optim.Adam / SGD(momentum), full batch and mini-batches in PlanarGen's shuffle
    /// order) and committed the initial and final parameters; every PlanarGen double network of that shape (unrolled, loop
    /// form, Deterministic) must end within 1e-9 of them. The same for softmax outputs (CrossEntropyLoss) and linear outputs
    /// (MSELoss) on the fixtures' 3-5-2 cases (and every case for linear).
    /// </summary>
    public class OptimizerFixtureTests
    {
        private const double Tolerance = 1e-9;

        private static readonly JsonElement[] Cases = Load("sigmoid");

        private static readonly JsonElement[] SoftmaxCases = Load("softmax");

        private static readonly JsonElement[] LinearCases = Load("linear");

        private static JsonElement[] Load(string output)
        {
            string path = Path.Combine(AppContext.BaseDirectory, "TestData", $"optimizers-{output}.json");
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToArray();
        }

        public static TheoryData<string, string> SoftmaxAndLinearCases() => new()
        {
            { "softmax/tanh352-adam-batches", nameof(SoftmaxTanh352Double) },
            { "softmax/leaky352-adam-batches", nameof(SoftmaxLeaky352Double) },
            { "linear/tanh352-adam-batches", nameof(LinearTanh352Double) },
            { "linear/leaky352-adam-batches", nameof(LinearLeaky352Double) },
        };

        [Theory]
        [MemberData(nameof(SoftmaxAndLinearCases))]
        public void SoftmaxAndLinearDoubleNetworksEndWithinOneInABillionOfPyTorch(string fixture, string network) =>
            DoubleNetworkEndsWithinOneInABillionOfPyTorch(fixture, network);

        public static TheoryData<string, string> CasesAndNetworks() => new()
        {
            { "flower-adam", nameof(FlowerNet64) },
            { "flower-adam", nameof(DetFlower64) },
            { "flower-momentum", nameof(FlowerNet64) },
            { "flower-momentum", nameof(DetFlower64) },
            { "tanh352-adam-batches", nameof(Tanh352Double) },
            { "relu2151-momentum-batches", nameof(Wide2151Double) },
            { "leaky352-adam-batches", nameof(Leaky352Double) },
            { "leaky352-adam-batches", nameof(DetLeaky352Double) },
            { "loop2401-adam-batches", nameof(LoopTanh2401Double) },
            { "loop2401-adam-batches", nameof(LoopTanh2401DoubleClass) },
        };

        [Theory]
        [MemberData(nameof(CasesAndNetworks))]
        public void DoubleNetworkEndsWithinOneInABillionOfPyTorch(string fixture, string network)
        {
            Type type = typeof(OptimizerFixtureTests).Assembly.GetTypes().Single(t => t.Name == network);
            NetworkCatalog.Run(typeof(OptimizerFixtureTests), nameof(Agree), type, fixture);
        }

        private static void Agree<TNet, T>(string fixture) where TNet : INetwork<double>, new() where T : unmanaged
        {
            JsonElement[] cases = fixture.StartsWith("softmax/", StringComparison.Ordinal) ? SoftmaxCases
                : fixture.StartsWith("linear/", StringComparison.Ordinal) ? LinearCases : Cases;
            string name = fixture.Substring(fixture.IndexOf('/', StringComparison.Ordinal) + 1);
            JsonElement c = cases.Single(x => x.GetProperty("name").GetString() == name);
            Activation output = fixture.StartsWith("softmax/", StringComparison.Ordinal) ? Activation.Softmax
                : fixture.StartsWith("linear/", StringComparison.Ordinal) ? Activation.Linear : Activation.Sigmoid;
            NetworkShape shape = new TNet().Shape;
            Assert.Equal((c.GetProperty("inputs").GetInt32(), c.GetProperty("hidden").GetInt32(), c.GetProperty("outputs").GetInt32()),
                (shape.Inputs, shape.Hidden, shape.Outputs));
            Assert.Equal(c.GetProperty("hiddenActivation").GetString(), shape.HiddenActivation.ToString());
            Assert.Equal(output, shape.OutputActivation);

            double[] x = Doubles(c, "x"), y = Doubles(c, "y"), initial = Doubles(c, "initial"), expected = Doubles(c, "final");
            int m = c.GetProperty("samples").GetInt32();
            var options = new TrainingOptions(c.GetProperty("steps").GetInt32(), c.GetProperty("learningRate").GetDouble())
            {
                Optimizer = Enum.Parse<Optimizer>(c.GetProperty("optimizer").GetString()!),
                Momentum = c.GetProperty("momentum").GetDouble(),
                Beta1 = c.GetProperty("beta1").GetDouble(),
                Beta2 = c.GetProperty("beta2").GetDouble(),
                Epsilon = c.GetProperty("epsilon").GetDouble(),
                BatchSize = c.GetProperty("batchSize").GetInt32(),
                Seed = c.GetProperty("seed").GetUInt32(),
            };
            var net = new TNet();
            net.LoadParameters(initial);
            TrainingResult result = net.Train(new DataSet<double>(x, y, m), options);
            Assert.Equal(options.Iterations, result.IterationsCompleted);
            Assert.False(result.Diverged);
            var actual = new double[expected.Length];
            net.CopyParametersTo(actual);
            double worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
            double moved = expected.Zip(initial, (e, a) => Math.Abs(e - a)).Max();
            Assert.True(moved > 0.01, $"the fixture barely trains ({moved})");
            Assert.True(worst <= Tolerance, $"{fixture} on {typeof(TNet).Name}: largest difference from PyTorch {worst:R}");
            Assert.Equal(options.Iterations, net.TrainingState.Steps);
        }

        private static double[] Doubles(JsonElement c, string name) => c.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
    }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, OutputActivation = Activation.Softmax, Precision = Precision.Double)]
    public partial struct SoftmaxTanh352Double { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.2, OutputActivation = Activation.Softmax, Precision = Precision.Double)]
    public partial struct SoftmaxLeaky352Double { }
}
