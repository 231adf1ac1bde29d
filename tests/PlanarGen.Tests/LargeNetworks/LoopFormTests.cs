using System;
using Xunit;
using PlanarGen.Testing;

namespace PlanarGen.Tests.LargeNetworks
{
    /// <summary>Generated loop-form networks (above the unrolling budget) against <see cref="ReferenceNetwork"/>.
    /// Tolerances: in double the two differ only in summation order over at most a few thousand terms of size ~1, so 1e-12
    /// relative; in float the generated code rounds every operation to 24 bits (and uses the runtime's float kernels)
    /// while the reference is double, so 2e-4 for probabilities and the cost, and the parameter update is checked to 1e-5.</summary>
    public class LoopFormTests
    {
        private const int Samples = 203; // full blocks, a partial block and a scalar tail for any Vector<T>.Count

        [Fact]
        public void WideTanhDoubleMatchesTheReference() =>
            CompareDouble<WideTanhNet64>(new ReferenceNetwork(12, 200, 3, ReferenceActivation.Tanh, 0), 1e-12);

        [Fact]
        public void WideLeakyDoubleMatchesTheReference() =>
            CompareDouble<WideLeakyNet64>(new ReferenceNetwork(12, 200, 3, ReferenceActivation.LeakyReLU, 0.1), 1e-12);

        private static void CompareDouble<TNet>(ReferenceNetwork reference, double tolerance) where TNet : struct, INetwork<double>
        {
            var net = new TNet();
            NetworkShape shape = net.Shape;
            net.Initialize(new NumPyRandom(5), 0.3);
            var p = new double[shape.ParameterCount];
            net.CopyParametersTo(p);
            var (x, y) = Synthetic.Make(shape.Inputs, shape.Outputs, Samples, 9);
            var data = new DataSet<double>(x, y, Samples);

            var predicted = new double[shape.Outputs * Samples];
            net.PredictBatch(data, predicted);
            reference.Load(p);
            double[] expected = reference.Forward(x, Samples).A2;
            for (int k = 0; k < expected.Length; k++) Near(expected[k], predicted[k], tolerance, $"probability {k}");

            var one = new double[shape.Outputs];
            var sample = new double[shape.Inputs];
            for (int s = 0; s < Samples; s += 29)
            {
                for (int i = 0; i < shape.Inputs; i++) sample[i] = x[i * Samples + s];
                net.Predict(sample, one);
                for (int o = 0; o < shape.Outputs; o++) Near(expected[o * Samples + s], one[o], tolerance, $"Predict sample {s}");
            }

            double cost = reference.Cost(x, y, Samples);
            double[] gradient = reference.Gradients(x, y, Samples);
            Near(cost, net.Cost(data), tolerance, "cost");
            Near(cost, net.TrainStep(data, 0.7), tolerance, "TrainStep cost");
            var after = new double[p.Length];
            net.CopyParametersTo(after);
            for (int k = 0; k < p.Length; k++) Near(p[k] - 0.7 * gradient[k], after[k], tolerance, $"parameter {k}");
        }

        [Fact]
        public void WideSigmoidFloatMatchesTheReference()
        {
            var net = new WideSigmoidNet();
            net.Initialize(new NumPyRandom(6), 0.3);
            var pf = new float[WideSigmoidNet.ParameterCount];
            net.CopyParametersTo(pf);
            double[] p = Array.ConvertAll(pf, v => (double)v);
            var (x, y) = Synthetic.Make(WideSigmoidNet.InputCount, WideSigmoidNet.OutputCount, Samples, 4);
            float[] xf = Array.ConvertAll(x, v => (float)v), yf = Array.ConvertAll(y, v => (float)v);
            double[] xr = Array.ConvertAll(xf, v => (double)v);
            var data = new DataSet<float>(xf, yf, Samples);
            var reference = new ReferenceNetwork(9, 300, 2, ReferenceActivation.Sigmoid, 0);

            var predicted = new float[2 * Samples];
            net.PredictBatch(data, predicted);
            reference.Load(p);
            double[] expected = reference.Forward(xr, Samples).A2;
            for (int k = 0; k < expected.Length; k++) Near(expected[k], predicted[k], 2e-4, $"probability {k}");
            double cost = reference.Cost(xr, y, Samples);
            double[] gradient = reference.Gradients(xr, y, Samples);
            Near(cost, net.Cost(data), 2e-4, "cost");
            Near(cost, net.TrainStep(data, 0.5f), 2e-4, "TrainStep cost");
            var after = new float[pf.Length];
            net.CopyParametersTo(after);
            for (int k = 0; k < p.Length; k++) Near(p[k] - 0.5 * gradient[k], after[k], 1e-5, $"parameter {k}");
        }

        /// <summary>The 784-128-10 network over several MatrixKernel sample blocks (600 samples: two blocks of 256, a partial
        /// block, a scalar tail of 600 mod 16 = 8) against the double reference: forward, cost and one gradient step, to the
        /// float tolerances of <see cref="WideSigmoidFloatMatchesTheReference"/>.</summary>
        [Fact]
        public void Digits784x128x10MatchesTheReferenceOverSeveralBlocks()
        {
            const int samples = 600;
            var net = new DigitNet();
            net.Initialize(new NumPyRandom(8), 0.05);
            var pf = new float[DigitNet.ParameterCount];
            net.CopyParametersTo(pf);
            double[] p = Array.ConvertAll(pf, v => (double)v);
            var (x, y) = Synthetic.Make(784, 10, samples, 12);
            float[] xf = Array.ConvertAll(x, v => (float)v), yf = Array.ConvertAll(y, v => (float)v);
            double[] xr = Array.ConvertAll(xf, v => (double)v);
            var data = new DataSet<float>(xf, yf, samples);
            var reference = new ReferenceNetwork(784, 128, 10, ReferenceActivation.Tanh, 0);

            var predicted = new float[10 * samples];
            net.PredictBatch(data, predicted);
            reference.Load(p);
            double[] expected = reference.Forward(xr, samples).A2;
            for (int k = 0; k < expected.Length; k++) Near(expected[k], predicted[k], 2e-4, $"probability {k}");
            double cost = reference.Cost(xr, y, samples);
            double[] gradient = reference.Gradients(xr, y, samples);
            Near(cost, net.Cost(data), 2e-4, "cost");
            Near(cost, net.TrainStep(data, 0.5f), 2e-4, "TrainStep cost");
            var after = new float[pf.Length];
            net.CopyParametersTo(after);
            for (int k = 0; k < p.Length; k++) Near(p[k] - 0.5 * gradient[k], after[k], 1e-5, $"parameter {k}");
        }

        [Fact]
        public void Digits784x128x10TrainsOnSyntheticData()
        {
            var net = new DigitNet();
            net.Initialize(new NumPyRandom(2));
            var (x, y) = Synthetic.Make(784, 10, 100, 1);
            var data = new DataSet<float>(Array.ConvertAll(x, v => (float)v), Array.ConvertAll(y, v => (float)v), 100);
            float before = net.Cost(data);
            Assert.Equal(before, net.TrainStep(data, 0.5f), 5);
            TrainingResult result = net.Train(data, new TrainingOptions(20, 0.5, 10));
            float after = net.Cost(data);
            Assert.Equal(20, result.IterationsCompleted);
            Assert.True(after < before - 0.01f, $"cost {before} -> {after}");
            Assert.True(net.Accuracy(data) > 0.5);
        }

        [Fact]
        public void ADefaultLoopFormNetworkHoldsZerosAsTheUnrolledFormDoes()
        {
            // A default struct and a new class instance both hold zeros, as a default unrolled network does: every
            // probability is sigmoid(0) = 0.5 and the cost is ln 2 per output, whatever the labels.
            var (x, y) = Synthetic.Make(9, 2, 21, 1);
            var data = new DataSet<float>(Array.ConvertAll(x, v => (float)v), Array.ConvertAll(y, v => (float)v), 21);
            var loopStruct = default(WideSigmoidNet);
            var p = new float[WideSigmoidNet.ParameterCount];
            loopStruct.CopyParametersTo(p);
            Assert.All(p, v => Assert.Equal(0f, v));
            var probabilities = new float[2 * 21];
            loopStruct.PredictBatch(data, probabilities);
            Assert.All(probabilities, v => Assert.Equal(0.5f, v));
            Assert.Equal(2 * Math.Log(2), loopStruct.Cost(data), 4); // float sums: 5 digits hold with SIMD, not on the scalar path

            var digits = new DigitNet();
            var q = new float[DigitNet.ParameterCount];
            digits.CopyParametersTo(q);
            Assert.All(q, v => Assert.Equal(0f, v));
            var one = new float[10];
            digits.Predict(new float[784], one);
            Assert.All(one, v => Assert.Equal(0.5f, v));
        }

        [Fact]
        public void LoadParametersGivesACopyItsOwnParameters()
        {
            var a = new WideTanhNet64();
            a.Initialize(new NumPyRandom(1));
            var b = a;
            var zeros = new double[WideTanhNet64.ParameterCount];
            b.LoadParameters(zeros);
            var pa = new double[WideTanhNet64.ParameterCount];
            a.CopyParametersTo(pa);
            Assert.NotEqual(0.0, pa[0]);
            var round = new double[WideTanhNet64.ParameterCount];
            b.CopyParametersTo(round);
            Assert.Equal(zeros, round);
        }

        private static void Near(double expected, double actual, double tolerance, string what) =>
            Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)),
                $"{what}: expected {expected:R}, got {actual:R}");
    }
}
