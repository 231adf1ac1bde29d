using System;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using Xunit;
using static PlanarGen.Tests.Networks.TestData;

namespace PlanarGen.Tests.Networks
{
    // The shapes of the PyTorch fixtures (tools/reference/make_output_fixtures.py), tanh hidden layer.
    [Network(Inputs = 3, Hidden = 5, Outputs = 3, OutputActivation = Activation.Softmax, Precision = Precision.Double)]
    public partial struct TorchSoftmax353Double { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 3, OutputActivation = Activation.Softmax)]
    public partial struct TorchSoftmax353 { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 3, OutputActivation = Activation.Softmax, Precision = Precision.Double, Deterministic = true)]
    public partial struct TorchSoftmax353Deterministic { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, OutputActivation = Activation.Linear, Precision = Precision.Double)]
    public partial struct TorchLinear352Double { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, OutputActivation = Activation.Linear)]
    public partial struct TorchLinear352 { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, OutputActivation = Activation.Linear, Precision = Precision.Double, Deterministic = true)]
    public partial struct TorchLinear352Deterministic { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 1, Precision = Precision.Double)]
    public partial struct TorchSigmoid351Double { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 1)]
    public partial struct TorchSigmoid351 { }

    /// <summary>
    /// The generated networks against PyTorch's own numbers (float64): nn.Sequential(Linear, Tanh, Linear) with
    /// CrossEntropyLoss (softmax), MSELoss (linear) and BCEWithLogitsLoss (sigmoid, one output), all with mean reduction:
    /// the outputs, the cost, the gradient and the parameters after 5 plain SGD steps at learning rate 0.1.
    /// </summary>
    public class TorchOutputAgreementTests
    {
        /// <summary>Double networks (fast and Deterministic) agree with PyTorch to 1e-9 (relative to the largest value of each compared
        /// vector, Check.Close): both compute in float64 with accurate
        /// exp/log/tanh, so only rounding differences of a few ulp remain (measured: all within 1e-14).</summary>
        private const double DoubleTolerance = 1e-9;

        /// <summary>Float networks compute in float32 with TanhFast (absolute error 3.5e-7) and fused multiply-adds: their
        /// values differ from float64 by about 1e-7 relative per operation, the gradient read back through float parameters
        /// (ulp(0.5) / 0.1 = 6e-7) a little more, and 5 steps accumulate it; 2e-5 absolute holds with margin while a wrong
        /// cost or gradient formula (a missing 1/Outputs, 2, or 1/m) is off by 1e-2 or more (measured: all within 1e-6).</summary>
        private const double FloatTolerance = 2e-5;

        [Theory]
        [InlineData("softmax_3-5-3.json", typeof(TorchSoftmax353Double))]
        [InlineData("softmax_3-5-3.json", typeof(TorchSoftmax353Deterministic))]
        [InlineData("softmax_3-5-3.json", typeof(TorchSoftmax353))]
        [InlineData("linear_3-5-2.json", typeof(TorchLinear352Double))]
        [InlineData("linear_3-5-2.json", typeof(TorchLinear352Deterministic))]
        [InlineData("linear_3-5-2.json", typeof(TorchLinear352))]
        [InlineData("sigmoid_3-5-1.json", typeof(TorchSigmoid351Double))]
        [InlineData("sigmoid_3-5-1.json", typeof(TorchSigmoid351))]
        public void AgreesWithPyTorch(string fixture, Type network) =>
            NetworkCatalog.Run(typeof(TorchOutputAgreementTests), nameof(Agree), network, Fixture.Read(fixture));

        private static void Agree<TNet, T>(Fixture f)
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            double tolerance = typeof(T) == typeof(double) ? DoubleTolerance : FloatTolerance;
            T[] x = f.X.Select(C<T>).ToArray(), y = f.Y.Select(C<T>).ToArray();
            var data = new DataSet<T>(x, y, f.M);
            TNet net = Load<TNet, T>(f.Parameters.Select(C<T>).ToArray());

            var outputs = new T[y.Length];
            net.PredictBatch(data, outputs);
            Check.Close(f.Outputs, ToDouble<T>(outputs), tolerance, $"{typeof(TNet).Name} outputs");
            Check.Close(new[] { f.Cost }, new[] { D(net.Cost(data)) }, tolerance, $"{typeof(TNet).Name} cost");

            // The gradient as the step applies it: (before - after) / learning rate.
            TNet stepped = net;
            T[] before = ParametersOf<TNet, T>(stepped, f.Parameters.Length);
            T cost = stepped.TrainStep(data, C<T>(f.LearningRate));
            T[] after = ParametersOf<TNet, T>(stepped, f.Parameters.Length);
            double[] gradient = before.Zip(after, (b, a) => (D(b) - D(a)) / f.LearningRate).ToArray();
            Check.Close(f.Gradients, gradient, typeof(T) == typeof(double) ? DoubleTolerance : 10 * FloatTolerance, $"{typeof(TNet).Name} gradient");
            Check.Close(new[] { f.Cost }, new[] { D(cost) }, tolerance, $"{typeof(TNet).Name} TrainStep's cost");

            TrainingResult result = net.Train(data, new TrainingOptions(f.Steps, f.LearningRate));
            Assert.Equal(f.Steps, result.IterationsCompleted);
            Check.Close(f.Trained, ToDouble<T>(ParametersOf<TNet, T>(net, f.Parameters.Length)), tolerance, $"{typeof(TNet).Name} after {f.Steps} steps");
            Check.Close(new[] { f.TrainedCost }, new[] { D(net.Cost(data)) }, tolerance, $"{typeof(TNet).Name} cost after {f.Steps} steps");
        }

        [Fact]
        public void TheFixturesAreWhatTheyClaim()
        {
            // The softmax fixture's cost is the mean of -log(probability of the labelled class), its labels one-hot; the
            // linear one's the mean of the squares over samples x outputs: independent of any PlanarGen code.
            Fixture softmax = Fixture.Read("softmax_3-5-3.json");
            double sum = 0;
            for (int s = 0; s < softmax.M; s++)
            {
                int labelled = Enumerable.Range(0, 3).Single(o => softmax.Y[o * softmax.M + s] == 1.0);
                sum -= Math.Log(softmax.Outputs[labelled * softmax.M + s]);
            }
            Assert.Equal(softmax.Cost, sum / softmax.M, 12);
            Fixture linear = Fixture.Read("linear_3-5-2.json");
            double squares = linear.Outputs.Zip(linear.Y, (a, b) => (a - b) * (a - b)).Sum();
            Assert.Equal(linear.Cost, squares / (2.0 * linear.M), 12);
        }

        public sealed record Fixture(int M, double[] X, double[] Y, double[] Parameters, double[] Outputs, double Cost, double[] Gradients,
            double LearningRate, int Steps, double[] Trained, double TrainedCost)
        {
            public static Fixture Read(string name)
            {
                using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Outputs", name)));
                JsonElement r = json.RootElement;
                double[] Array(string key) => r.GetProperty(key).EnumerateArray().Select(e => e.GetDouble()).ToArray();
                return new Fixture(r.GetProperty("m").GetInt32(), Array("x"), Array("y"), Array("parameters"), Array("outputs"),
                    r.GetProperty("cost").GetDouble(), Array("gradients"), r.GetProperty("learning_rate").GetDouble(),
                    r.GetProperty("steps").GetInt32(), Array("trained"), r.GetProperty("trained_cost").GetDouble());
            }
        }
    }
}
