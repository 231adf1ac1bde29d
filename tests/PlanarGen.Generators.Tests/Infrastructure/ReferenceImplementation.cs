using System;

namespace PlanarGen.Generators.Tests.Infrastructure
{
    /// <summary>
    /// A plain, loop-based double-precision network used as the oracle for generated code: forward (tanh, sigmoid, ReLU
    /// or leaky ReLU hidden layer, sigmoid output), binary cross-entropy cost, backward and one gradient-descent update.
    /// Written straight from the maths, independent of the emitter: parameters in the notebook's order
    /// W1 (Hidden x Inputs, row-major), b1, W2 (Outputs x Hidden, row-major), b2; data X (features x samples) and
    /// Y (outputs x samples), row-major.
    /// </summary>
    public sealed class ReferenceImplementation
    {
        public ReferenceImplementation(int inputs, int hidden, int outputs, int hiddenActivation, double leakySlope = 0.01)
        {
            Inputs = inputs;
            Hidden = hidden;
            Outputs = outputs;
            HiddenActivation = hiddenActivation;
            LeakySlope = leakySlope;
        }

        public int Inputs { get; }
        public int Hidden { get; }
        public int Outputs { get; }

        /// <summary>0 tanh, 1 sigmoid, 2 ReLU, 3 leaky ReLU (the values of PlanarGen.Activation).</summary>
        public int HiddenActivation { get; }

        public double LeakySlope { get; }

        public int ParameterCount => Hidden * Inputs + Hidden + Outputs * Hidden + Outputs;

        private int W1(int h, int i) => h * Inputs + i;
        private int B1(int h) => Hidden * Inputs + h;
        private int W2(int o, int h) => Hidden * Inputs + Hidden + o * Hidden + h;
        private int B2(int o) => Hidden * Inputs + Hidden + Outputs * Hidden + o;

        public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

        public double Activate(double z) => HiddenActivation switch
        {
            0 => Math.Tanh(z),
            1 => Sigmoid(z),
            2 => z > 0 ? z : 0.0,
            3 => z > 0 ? z : LeakySlope * z,
            _ => throw new ArgumentOutOfRangeException(nameof(HiddenActivation)),
        };

        /// <summary>g'(z), with the derivative at 0 taken from the left (0 for ReLU, the slope for leaky ReLU).</summary>
        public double Derivative(double z)
        {
            switch (HiddenActivation)
            {
                case 0: { double t = Math.Tanh(z); return 1.0 - t * t; }
                case 1: { double s = Sigmoid(z); return s * (1.0 - s); }
                case 2: return z > 0 ? 1.0 : 0.0;
                case 3: return z > 0 ? 1.0 : LeakySlope;
                default: throw new ArgumentOutOfRangeException(nameof(HiddenActivation));
            }
        }

        /// <summary>Forward pass for one sample: returns z1, a1, z2 and a2.</summary>
        public (double[] Z1, double[] A1, double[] Z2, double[] A2) Forward(double[] p, double[] x)
        {
            var z1 = new double[Hidden];
            var a1 = new double[Hidden];
            var z2 = new double[Outputs];
            var a2 = new double[Outputs];
            for (int h = 0; h < Hidden; h++)
            {
                double sum = p[B1(h)];
                for (int i = 0; i < Inputs; i++) sum += p[W1(h, i)] * x[i];
                z1[h] = sum;
                a1[h] = Activate(sum);
            }
            for (int o = 0; o < Outputs; o++)
            {
                double sum = p[B2(o)];
                for (int h = 0; h < Hidden; h++) sum += p[W2(o, h)] * a1[h];
                z2[o] = sum;
                a2[o] = Sigmoid(sum);
            }
            return (z1, a1, z2, a2);
        }

        /// <summary>The output probabilities for one sample.</summary>
        public double[] Predict(double[] p, double[] x) => Forward(p, x).A2;

        private static double[] Column(double[] rows, int rowCount, int m, int s)
        {
            var column = new double[rowCount];
            for (int r = 0; r < rowCount; r++) column[r] = rows[r * m + s];
            return column;
        }

        /// <summary>Cross-entropy -(1/m) sum over samples and outputs of y log a + (1 - y) log(1 - a).</summary>
        public double Cost(double[] p, double[] x, double[] y, int m)
        {
            double sum = 0;
            for (int s = 0; s < m; s++)
            {
                double[] a2 = Forward(p, Column(x, Inputs, m, s)).A2;
                for (int o = 0; o < Outputs; o++)
                {
                    double label = y[o * m + s];
                    sum += label * Math.Log(a2[o]) + (1 - label) * Math.Log(1 - a2[o]);
                }
            }
            return -sum / m;
        }

        /// <summary>Gradients of <see cref="Cost"/> in parameter order: dZ2 = A2 - Y, dW2 = dZ2 A1^T / m,
        /// dZ1 = W2^T dZ2 * g'(Z1), dW1 = dZ1 X^T / m, biases the row means.</summary>
        public double[] Gradients(double[] p, double[] x, double[] y, int m)
        {
            var g = new double[ParameterCount];
            for (int s = 0; s < m; s++)
            {
                double[] xs = Column(x, Inputs, m, s);
                var (z1, a1, _, a2) = Forward(p, xs);
                var dz2 = new double[Outputs];
                for (int o = 0; o < Outputs; o++)
                {
                    dz2[o] = a2[o] - y[o * m + s];
                    g[B2(o)] += dz2[o];
                    for (int h = 0; h < Hidden; h++) g[W2(o, h)] += dz2[o] * a1[h];
                }
                for (int h = 0; h < Hidden; h++)
                {
                    double back = 0;
                    for (int o = 0; o < Outputs; o++) back += p[W2(o, h)] * dz2[o];
                    double dz1 = back * Derivative(z1[h]);
                    g[B1(h)] += dz1;
                    for (int i = 0; i < Inputs; i++) g[W1(h, i)] += dz1 * xs[i];
                }
            }
            for (int k = 0; k < g.Length; k++) g[k] /= m;
            return g;
        }

        /// <summary>One gradient-descent step: returns the cost before the update and the updated parameters.</summary>
        public (double Cost, double[] Parameters) TrainStep(double[] p, double[] x, double[] y, int m, double learningRate)
        {
            double cost = Cost(p, x, y, m);
            double[] g = Gradients(p, x, y, m);
            var next = new double[p.Length];
            for (int k = 0; k < p.Length; k++) next[k] = p[k] - learningRate * g[k];
            return (cost, next);
        }
    }
}
