using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using Xunit;
using static PlanarGen.Tests.Networks.TestData;

namespace PlanarGen.Tests.Networks
{
    // 1 input, 2 outputs: a 2 x 3 label matrix for the label rules of each output.
    [Network(Inputs = 1, Hidden = 2, Outputs = 2)]
    public partial struct LabelSigmoid { }

    [Network(Inputs = 1, Hidden = 2, Outputs = 2, OutputActivation = Activation.Softmax, Precision = Precision.Double)]
    public partial struct LabelSoftmax { }

    [Network(Inputs = 1, Hidden = 2, Outputs = 2, OutputActivation = Activation.Linear)]
    public partial struct LabelLinear { }

    [Network(Inputs = 1, Hidden = 2, Outputs = 2, OutputActivation = Activation.Softmax, Deterministic = true)]
    public partial struct LabelSoftmaxDeterministic { }

    /// <summary>Softmax and linear outputs: agreement with the oracle (ReferenceNetwork) on every form, the label rules,
    /// accuracy, the shape and the weights metadata.</summary>
    public class OutputActivationTests
    {
        public static TheoryData<string> OtherOutputs()
        {
            var data = new TheoryData<string>();
            foreach (Type t in NetworkCatalog.OtherOutputs) data.Add(t.Name);
            return data;
        }

        [Theory]
        [MemberData(nameof(OtherOutputs))]
        public void PredictionsCostAndAccuracyMatchTheReference(string network) =>
            NetworkCatalog.Run(typeof(OutputActivationTests), nameof(MatchReference), network);

        /// <summary>Double networks to 1e-12 (the oracle uses Math.Exp/Log/Tanh, the networks PlanarGen's kernels, both
        /// within a few ulp); float networks to 1e-4 (float rounding, TanhFast/SigmoidFast at ~3.5e-7, sums of 5 terms).</summary>
        private static void MatchReference<TNet, T>()
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            NetworkShape shape = NetworkShape.Of(typeof(TNet));
            double tolerance = shape.IsSingle ? 1e-4 : 1e-12;
            const int m = 37;
            (T[] x, T[] y) = Samples<T>(shape, m, seed: 77);
            T[] p = Parameters<T>(shape, seed: 78, scale: 1.0);
            var reference = shape.NewReference();
            reference.Load(ToDouble<T>(p));
            double[] xd = ToDouble<T>(x), yd = ToDouble<T>(y);
            TNet net = Load<TNet, T>(p);
            var data = new DataSet<T>(x, y, m);

            var batch = new T[shape.Outputs * m];
            net.PredictBatch(data, batch);
            Check.Close(reference.Forward(xd, m).A2, ToDouble<T>(batch), tolerance, $"{shape.Name} PredictBatch");
            // Predict of one sample is that sample's column of PredictBatch, bit for bit.
            var one = new T[shape.Outputs];
            for (int s = 0; s < m; s++)
            {
                net.Predict(Column(x, shape.Inputs, m, s), one);
                Assert.Equal(Column(batch, shape.Outputs, m, s), one);
            }
            if (shape.OutputActivation == Activation.Softmax)
                for (int s = 0; s < m; s++)
                    Assert.True(Math.Abs(ToDouble<T>(Column(batch, shape.Outputs, m, s)).Sum() - 1) < (shape.IsSingle ? 1e-6 : 1e-15), $"{shape.Name}: sample {s}'s probabilities do not sum to 1.");

            Check.Close(new[] { reference.Cost(xd, yd, m) }, new[] { D(net.Cost(data)) }, tolerance, $"{shape.Name} Cost");
            if (shape.OutputActivation == Activation.Linear)
            {
                var e = Assert.Throws<InvalidOperationException>(() => net.Accuracy(new DataSet<T>(x, y, m)));
                Assert.StartsWith("Accuracy is not defined for ", e.Message, StringComparison.Ordinal);
                Assert.EndsWith(": a linear output predicts values, not classes. Use Cost (the mean squared error) instead.", e.Message, StringComparison.Ordinal);
            }
            else
            {
                double accuracy = net.Accuracy(data);
                Assert.Equal(reference.Accuracy(xd, yd, m), accuracy);
                Assert.True(accuracy > 0 && accuracy < 1, $"{shape.Name}: accuracy {accuracy} cannot tell right from wrong.");
            }
        }

        [Fact]
        public void SoftmaxAccuracyCountsSamplesByArgmax()
        {
            // Hand-set 1-2-2 network: hidden a = tanh(x) (W1 = 1), outputs z0 = a, z1 = -a: class 0 exactly when x > 0.
            var net = new LabelSoftmax();
            net.LoadParameters(new double[] { 1, 1, 0, 0, 1, 0, -1, 0, 0, 0 });
            double[] x = { 2, -1, 0.5, -3 };
            double[] y = { 1, 0, 0, 1,  0, 1, 1, 0 };   // classes 0, 1, 1, 0: right, right, wrong, wrong
            Assert.Equal(0.5, net.Accuracy(new DataSet<double>(x, y, 4)));
        }

        [Fact]
        public void EachOutputAsksForItsLabels()
        {
            double[] x = { 0.5, -1, 2 };
            double[] binary = { 1, 0, 1, 1, 0, 1 };       // 0/1 but sample 1 has two 1s... sample 0 too: not one-hot
            double[] oneHot = { 1, 0, 0, 0, 1, 1 };
            double[] values = { 0.5, -2, 3.25, 0, 1, 7 };

            var d = new DataSet<double>(x, binary, 3);
            Assert.True(d.LabelsAreBinary);
            Assert.False(d.LabelsAreOneHot);
            d = new DataSet<double>(x, oneHot, 3);
            Assert.True(d.LabelsAreBinary && d.LabelsAreOneHot);
            d = new DataSet<double>(x, values, 3);
            Assert.False(d.LabelsAreBinary || d.LabelsAreOneHot);
            Assert.False(new DataSet<double>(x, 3).LabelsAreBinary);

            var sigmoid = new LabelSigmoid();
            float[] xf = x.Select(v => (float)v).ToArray();
            var e = Assert.Throws<ArgumentException>(() => sigmoid.Cost(new DataSet<float>(xf, values.Select(v => (float)v).ToArray(), 3)));
            Assert.Equal("data", e.ParamName);
            Assert.Equal("Expected labels 0 or 1 in data.Y for LabelSigmoid (1-2-2, tanh, float) (a sigmoid output), but Y[0, 0] (row 0, sample 0) is 0.5. (Parameter 'data')", e.Message);
            sigmoid.Cost(new DataSet<float>(xf, binary.Select(v => (float)v).ToArray(), 3));

            var softmax = new LabelSoftmax();
            e = Assert.Throws<ArgumentException>(() => softmax.TrainStep(new DataSet<double>(x, binary, 3), 0.1));
            Assert.Equal("Expected one-hot label columns in data.Y for LabelSoftmax (1-2-2, tanh, softmax output, double) (a softmax output: one 1 and otherwise 0 per sample), but sample 0 has the labels [1, 1]. (Parameter 'data')", e.Message);
            e = Assert.Throws<ArgumentException>(() => softmax.Cost(new DataSet<double>(x, values, 3)));
            Assert.Contains("but sample 0 has the labels [0.5, 0].", e.Message, StringComparison.Ordinal);
            softmax.Cost(new DataSet<double>(x, oneHot, 3));
            var deterministic = new LabelSoftmaxDeterministic();
            e = Assert.Throws<ArgumentException>(() => deterministic.Train(new DataSet<float>(xf, binary.Select(v => (float)v).ToArray(), 3), new TrainingOptions(1, 0.1)));
            Assert.Contains("Expected one-hot label columns in data.Y for LabelSoftmaxDeterministic (1-2-2, tanh, softmax output, float)", e.Message, StringComparison.Ordinal);

            // Linear takes any finite labels; prediction needs none.
            var linear = new LabelLinear();
            Assert.True(float.IsFinite(linear.TrainStep(new DataSet<float>(xf, values.Select(v => (float)v).ToArray(), 3), 0.1f)));
            var outputs = new double[6];
            softmax.PredictBatch(new DataSet<double>(x, values, 3), outputs);
        }

        [Fact]
        public void TheShapeSaysTheOutputActivation()
        {
            PlanarGen.NetworkShape softmax = ((INetwork<double>)new LabelSoftmax()).Shape;
            Assert.Equal(Activation.Softmax, softmax.OutputActivation);
            Assert.Equal(Activation.Linear, ((INetwork<float>)new LabelLinear()).Shape.OutputActivation);
            Assert.Equal(Activation.Sigmoid, ((INetwork<float>)new LabelSigmoid()).Shape.OutputActivation);
            PlanarGen.NetworkShape deterministic = ((INetwork<float>)new LabelSoftmaxDeterministic()).Shape;
            Assert.True(deterministic.Deterministic);
            Assert.Equal(Activation.Softmax, deterministic.OutputActivation);
            Assert.Equal("1-2-2 Tanh Double Softmax output", softmax.ToString());
            Assert.Equal("1-2-2 Tanh Single Softmax output Deterministic", deterministic.ToString());

            // The older constructors mean a sigmoid output; the output takes part in equality.
            var old = new PlanarGen.NetworkShape(1, 2, 2, Activation.Tanh, 0.01, Precision.Double);
            Assert.Equal(Activation.Sigmoid, old.OutputActivation);
            Assert.Equal(Activation.Sigmoid, new PlanarGen.NetworkShape(1, 2, 2, Activation.Tanh, 0.01, Precision.Double, deterministic: true).OutputActivation);
            Assert.NotEqual(old, softmax);
            Assert.Equal(new PlanarGen.NetworkShape(1, 2, 2, Activation.Tanh, 0.01, Precision.Double, false, Activation.Softmax), softmax);
            Assert.Equal("1-2-2 Tanh Double", old.ToString());
        }

        [Fact]
        public void WeightsFilesRecordTheOutputAndRefuseAnother()
        {
            string folder = Path.Combine(Path.GetTempPath(), "planargen-outputs-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                var softmax = new LabelSoftmax();
                softmax.Initialize(new NumPyRandom(3), 0.5);
                string path = Path.Combine(folder, "softmax.json");
                softmax.SaveWeights(path);
                Assert.Contains("\"planargen.output_activation\": \"softmax\"", File.ReadAllText(path), StringComparison.Ordinal);

                var again = new LabelSoftmax();
                again.LoadWeights(path);
                Assert.Equal(softmax.Fingerprint(), again.Fingerprint());

                // A linear network of the same sizes and precision must not take softmax weights.
                var linear = new LabelLinear();
                linear.Initialize(new NumPyRandom(4), 0.5);
                string linearPath = Path.Combine(folder, "linear.json");
                linear.SaveWeights(linearPath);
                Assert.Contains("\"planargen.output_activation\": \"linear\"", File.ReadAllText(linearPath), StringComparison.Ordinal);
                var sigmoid = new LabelSigmoid();
                var e = Assert.ThrowsAny<Exception>(() => sigmoid.LoadWeights(linearPath));
                Assert.Contains("planargen.output_activation", e.Message, StringComparison.Ordinal);
                Assert.Contains("\"linear\"", e.Message, StringComparison.Ordinal);
                Assert.Contains("output sigmoid", e.Message, StringComparison.Ordinal);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
