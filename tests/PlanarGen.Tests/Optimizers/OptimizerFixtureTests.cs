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
    /// form, Deterministic) must end within 1e-9 of them.
    /// </summary>
    public class OptimizerFixtureTests
    {
        private const double Tolerance = 1e-9;

        private static readonly JsonElement[] Cases = Load();

        private static JsonElement[] Load()
        {
            string path = Path.Combine(AppContext.BaseDirectory, "TestData", "optimizers-sigmoid.json");
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToArray();
        }

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
            JsonElement c = Cases.Single(x => x.GetProperty("name").GetString() == fixture);
            NetworkShape shape = new TNet().Shape;
            Assert.Equal((c.GetProperty("inputs").GetInt32(), c.GetProperty("hidden").GetInt32(), c.GetProperty("outputs").GetInt32()),
                (shape.Inputs, shape.Hidden, shape.Outputs));
            Assert.Equal(c.GetProperty("hiddenActivation").GetString(), shape.HiddenActivation.ToString());

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
}
