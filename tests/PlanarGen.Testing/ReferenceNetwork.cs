using System;

namespace PlanarGen.Testing
{
    /// <summary>
    /// The test oracle: a plain, loop-based double-precision one-hidden-layer network, written from the maths (the
    /// notebook's forward pass, cross-entropy and backward formulas) and not from the generator: arrays,
    /// <see cref="Math.Tanh"/>, 1 / (1 + e^-z), the log form of the cross-entropy and the textbook backward pass. Slow on
    /// purpose; it is the yardstick the generated code is held to, in the runtime tests and the generator tests alike.
    /// </summary>
    /// <remarks>Parameters use the generated networks' order: W1 (Hidden x Inputs, row-major), b1, W2 (Outputs x Hidden,
    /// row-major), b2. Data use the notebook's layout: X is features x samples and Y outputs x samples, row-major.</remarks>
    public sealed class ReferenceNetwork
    {
        public ReferenceNetwork(int inputs, int hidden, int outputs, ReferenceActivation hiddenActivation = ReferenceActivation.Tanh, double leakySlope = 0.01,
            ReferenceActivation outputActivation = ReferenceActivation.Sigmoid)
        {
            if (outputActivation != ReferenceActivation.Sigmoid && outputActivation != ReferenceActivation.Softmax && outputActivation != ReferenceActivation.Linear)
                throw new ArgumentOutOfRangeException(nameof(outputActivation), outputActivation, "Expected an output activation Sigmoid, Softmax or Linear.");
            OutputActivation = outputActivation;
            if (inputs < 1 || hidden < 1 || outputs < 1) throw new ArgumentOutOfRangeException(nameof(inputs), "Every layer needs at least one unit.");
            Inputs = inputs;
            Hidden = hidden;
            Outputs = outputs;
            HiddenActivation = hiddenActivation;
            LeakySlope = leakySlope;
            Parameters = new double[ParameterCount];
        }

        public int Inputs { get; }
        public int Hidden { get; }
        public int Outputs { get; }
        public ReferenceActivation HiddenActivation { get; }
        public double LeakySlope { get; }

        /// <summary>The output activation, which also names the cost: Sigmoid (binary cross-entropy), Softmax (categorical
        /// cross-entropy), Linear (mean squared error over m x Outputs).</summary>
        public ReferenceActivation OutputActivation { get; }
        /// <summary>The oracle's activation named like <paramref name="name"/> (a PlanarGen <c>Activation</c>'s
        /// <c>ToString()</c>).</summary>
        public static ReferenceActivation ActivationNamed(string name) =>
            (ReferenceActivation)Enum.Parse(typeof(ReferenceActivation), name);

        public int ParameterCount => Hidden * Inputs + Hidden + Outputs * Hidden + Outputs;

        /// <summary>W1, b1, W2, b2, in that order.</summary>
        public double[] Parameters { get; }

        public int W1Index(int h, int i) => h * Inputs + i;
        public int B1Index(int h) => Hidden * Inputs + h;
        public int W2Index(int o, int h) => Hidden * Inputs + Hidden + o * Hidden + h;
        public int B2Index(int o) => Hidden * Inputs + Hidden + Outputs * Hidden + o;

        public double W1(int h, int i) => Parameters[W1Index(h, i)];
        public double B1(int h) => Parameters[B1Index(h)];
        public double W2(int o, int h) => Parameters[W2Index(o, h)];
        public double B2(int o) => Parameters[B2Index(o)];

        public void Load(ReadOnlySpan<double> parameters)
        {
            if (parameters.Length != ParameterCount) throw new ArgumentException($"Expected {ParameterCount} parameters, got {parameters.Length}.", nameof(parameters));
            parameters.CopyTo(Parameters);
        }

        public double G(double z) => HiddenActivation switch
        {
            ReferenceActivation.Tanh => Math.Tanh(z),
            ReferenceActivation.Sigmoid => 1.0 / (1.0 + Math.Exp(-z)),
            ReferenceActivation.ReLU => Math.Max(0.0, z),
            ReferenceActivation.LeakyReLU => z > 0 ? z : LeakySlope * z,
            _ => throw new NotSupportedException(HiddenActivation.ToString()),
        };

        /// <summary>g'(z), written from z (the generator writes tanh' and sigmoid' from the activation instead); at z = 0
        /// taken from the left (0 for ReLU, the slope for leaky ReLU).</summary>
        public double GPrime(double z)
        {
            switch (HiddenActivation)
            {
                case ReferenceActivation.Tanh: { double t = Math.Tanh(z); return 1.0 - t * t; }
                case ReferenceActivation.Sigmoid: { double s = 1.0 / (1.0 + Math.Exp(-z)); return s * (1.0 - s); }
                case ReferenceActivation.ReLU: return z > 0 ? 1.0 : 0.0;
                case ReferenceActivation.LeakyReLU: return z > 0 ? 1.0 : LeakySlope;
                default: throw new NotSupportedException(HiddenActivation.ToString());
            }
        }

        public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

        /// <summary>The forward pass over m samples: Z1, A1 (Hidden x m) and Z2, A2 (Outputs x m), row-major.</summary>
        public sealed class Pass
        {
            public Pass(int hidden, int outputs, int m)
            {
                Z1 = new double[hidden * m];
                A1 = new double[hidden * m];
                Z2 = new double[outputs * m];
                A2 = new double[outputs * m];
            }

            public double[] Z1 { get; }
            public double[] A1 { get; }
            public double[] Z2 { get; }
            public double[] A2 { get; }
        }

        public Pass Forward(ReadOnlySpan<double> x, int m)
        {
            if (x.Length != Inputs * m) throw new ArgumentException($"Expected {Inputs * m} features, got {x.Length}.", nameof(x));
            var pass = new Pass(Hidden, Outputs, m);
            for (int s = 0; s < m; s++)
            {
                for (int h = 0; h < Hidden; h++)
                {
                    double z = B1(h);
                    for (int i = 0; i < Inputs; i++) z += W1(h, i) * x[i * m + s];
                    pass.Z1[h * m + s] = z;
                    pass.A1[h * m + s] = G(z);
                }
                for (int o = 0; o < Outputs; o++)
                {
                    double z = B2(o);
                    for (int h = 0; h < Hidden; h++) z += W2(o, h) * pass.A1[h * m + s];
                    pass.Z2[o * m + s] = z;
                    pass.A2[o * m + s] = OutputActivation == ReferenceActivation.Linear ? z : Sigmoid(z);
                }
                if (OutputActivation == ReferenceActivation.Softmax)
                {
                    // e^(z - max) / sum: the same probabilities as e^z / sum e^z, without overflow.
                    double max = double.NegativeInfinity;
                    for (int o = 0; o < Outputs; o++) max = Math.Max(max, pass.Z2[o * m + s]);
                    double sum = 0;
                    for (int o = 0; o < Outputs; o++) sum += Math.Exp(pass.Z2[o * m + s] - max);
                    for (int o = 0; o < Outputs; o++) pass.A2[o * m + s] = Math.Exp(pass.Z2[o * m + s] - max) / sum;
                }
            }
            return pass;
        }

        /// <summary>The output probabilities of one sample.</summary>
        public double[] Predict(ReadOnlySpan<double> sample) => Forward(sample, 1).A2;

        /// <summary>Sigmoid: -(1/m) sum over outputs and samples of (y log a + (1 - y) log(1 - a)); softmax: -(1/m) sum of
        /// y log a; linear: (1/(m x Outputs)) sum of (a - y)^2.</summary>
        public double Cost(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int m)
        {
            Pass pass = Forward(x, m);
            double sum = 0;
            if (OutputActivation == ReferenceActivation.Linear)
            {
                for (int k = 0; k < Outputs * m; k++) sum += (pass.A2[k] - y[k]) * (pass.A2[k] - y[k]);
                return sum / ((double)m * Outputs);
            }
            if (OutputActivation == ReferenceActivation.Softmax)
            {
                // -log of the labelled class's probability, from the log-sum-exp so tiny probabilities keep their digits.
                for (int s = 0; s < m; s++)
                {
                    double max = double.NegativeInfinity;
                    for (int o = 0; o < Outputs; o++) max = Math.Max(max, pass.Z2[o * m + s]);
                    double total = 0;
                    for (int o = 0; o < Outputs; o++) total += Math.Exp(pass.Z2[o * m + s] - max);
                    for (int o = 0; o < Outputs; o++) sum += y[o * m + s] * (pass.Z2[o * m + s] - max - Math.Log(total));
                }
                return -sum / m;
            }
            for (int k = 0; k < Outputs * m; k++)
                sum += y[k] * Math.Log(pass.A2[k]) + (1 - y[k]) * Math.Log(1 - pass.A2[k]);
            return -sum / m;
        }

        /// <summary>Fraction of (output, sample) pairs where (a &gt; 0.5) equals the label (sigmoid); of samples whose largest
        /// probability is the labelled class (softmax); throws for a linear output.</summary>
        public double Accuracy(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int m)
        {
            Pass pass = Forward(x, m);
            int correct = 0;
            if (OutputActivation == ReferenceActivation.Linear)
                throw new InvalidOperationException("Accuracy is not defined for a linear output.");
            if (OutputActivation == ReferenceActivation.Softmax)
            {
                // The first class with the largest probability against the label's one-hot row.
                for (int s = 0; s < m; s++)
                {
                    int predicted = 0, labelled = 0;
                    for (int o = 1; o < Outputs; o++) if (pass.A2[o * m + s] > pass.A2[predicted * m + s]) predicted = o;
                    for (int o = 0; o < Outputs; o++) if (y[o * m + s] == 1.0) labelled = o;
                    if (predicted == labelled) correct++;
                }
                return (double)correct / m;
            }
            for (int k = 0; k < Outputs * m; k++)
                if ((pass.A2[k] > 0.5) == (y[k] == 1.0)) correct++;
            return (double)correct / (Outputs * m);
        }

        /// <summary>dJ/dP in parameter order: dZ2 = A2 - Y, dW2 = dZ2 A1^T / m, dZ1 = W2^T dZ2 * g'(Z1), dW1 = dZ1 X^T / m,
        /// biases the row means.</summary>
        public double[] Gradients(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int m)
        {
            Pass pass = Forward(x, m);
            var grad = new double[ParameterCount];
            var dz2 = new double[Outputs * m];
            // Sigmoid with binary and softmax with categorical cross-entropy: A2 - Y; mean squared error: 2 (A2 - Y) / Outputs.
            double factor = OutputActivation == ReferenceActivation.Linear ? 2.0 / Outputs : 1.0;
            for (int k = 0; k < Outputs * m; k++) dz2[k] = factor * (pass.A2[k] - y[k]);
            for (int o = 0; o < Outputs; o++)
            {
                for (int h = 0; h < Hidden; h++)
                {
                    double sum = 0;
                    for (int s = 0; s < m; s++) sum += dz2[o * m + s] * pass.A1[h * m + s];
                    grad[W2Index(o, h)] = sum / m;
                }
                double db = 0;
                for (int s = 0; s < m; s++) db += dz2[o * m + s];
                grad[B2Index(o)] = db / m;
            }
            for (int h = 0; h < Hidden; h++)
            {
                var dz1 = new double[m];
                for (int s = 0; s < m; s++)
                {
                    double back = 0;
                    for (int o = 0; o < Outputs; o++) back += W2(o, h) * dz2[o * m + s];
                    dz1[s] = back * GPrime(pass.Z1[h * m + s]);
                }
                for (int i = 0; i < Inputs; i++)
                {
                    double sum = 0;
                    for (int s = 0; s < m; s++) sum += dz1[s] * x[i * m + s];
                    grad[W1Index(h, i)] = sum / m;
                }
                double db = 0;
                for (int s = 0; s < m; s++) db += dz1[s];
                grad[B1Index(h)] = db / m;
            }
            return grad;
        }

        /// <summary>P = P - learningRate * dP.</summary>
        public void Update(ReadOnlySpan<double> gradients, double learningRate)
        {
            for (int k = 0; k < ParameterCount; k++) Parameters[k] -= learningRate * gradients[k];
        }
    }
}
