using System;

namespace PlanarGen.Tests.LargeNetworks
{
    /// <summary>A plain, obviously-correct one-hidden-layer network in double (DESIGN.md section 2), used as the oracle for
    /// the generated loop form. Parameters in the notebook's order: W1 (H x I), b1, W2 (O x H), b2.</summary>
    internal sealed class ReferenceNetwork
    {
        private readonly int _i, _h, _o;
        private readonly Activation _activation;
        private readonly double _slope;

        public ReferenceNetwork(int inputs, int hidden, int outputs, Activation activation, double slope)
        {
            (_i, _h, _o, _activation, _slope) = (inputs, hidden, outputs, activation, slope);
        }

        public int ParameterCount => _h * _i + _h + _o * _h + _o;

        private double G(double z) => _activation switch
        {
            Activation.Tanh => Math.Tanh(z),
            Activation.Sigmoid => 1 / (1 + Math.Exp(-z)),
            Activation.ReLU => z > 0 ? z : 0,
            _ => z > 0 ? z : _slope * z,
        };

        private double GPrime(double z, double a) => _activation switch
        {
            Activation.Tanh => 1 - a * a,
            Activation.Sigmoid => a * (1 - a),
            Activation.ReLU => z > 0 ? 1 : 0,
            _ => z > 0 ? 1 : _slope,
        };

        /// <summary>Forward for sample s; returns Z1, A1, Z2.</summary>
        private (double[] Z1, double[] A1, double[] Z2) Forward(double[] p, double[] x, int m, int s)
        {
            var z1 = new double[_h];
            var a1 = new double[_h];
            var z2 = new double[_o];
            for (int h = 0; h < _h; h++)
            {
                double z = p[_h * _i + h];
                for (int i = 0; i < _i; i++) z += p[h * _i + i] * x[i * m + s];
                z1[h] = z;
                a1[h] = G(z);
            }
            int w2 = _h * _i + _h;
            for (int o = 0; o < _o; o++)
            {
                double z = p[w2 + _o * _h + o];
                for (int h = 0; h < _h; h++) z += p[w2 + o * _h + h] * a1[h];
                z2[o] = z;
            }
            return (z1, a1, z2);
        }

        public double[] Predict(double[] p, double[] x, int m)
        {
            var y = new double[_o * m];
            for (int s = 0; s < m; s++)
            {
                var (_, _, z2) = Forward(p, x, m, s);
                for (int o = 0; o < _o; o++) y[o * m + s] = 1 / (1 + Math.Exp(-z2[o]));
            }
            return y;
        }

        /// <summary>The cost and the gradient (already divided by m).</summary>
        public (double Cost, double[] Gradient) CostAndGradient(double[] p, double[] x, double[] y, int m)
        {
            var g = new double[ParameterCount];
            double cost = 0;
            int b1 = _h * _i, w2 = b1 + _h, b2 = w2 + _o * _h;
            for (int s = 0; s < m; s++)
            {
                var (z1, a1, z2) = Forward(p, x, m, s);
                var dz2 = new double[_o];
                for (int o = 0; o < _o; o++)
                {
                    double a2 = 1 / (1 + Math.Exp(-z2[o]));
                    double label = y[o * m + s];
                    cost -= label * Math.Log(a2) + (1 - label) * Math.Log(1 - a2);
                    dz2[o] = a2 - label;
                    g[b2 + o] += dz2[o];
                    for (int h = 0; h < _h; h++) g[w2 + o * _h + h] += dz2[o] * a1[h];
                }
                for (int h = 0; h < _h; h++)
                {
                    double d = 0;
                    for (int o = 0; o < _o; o++) d += p[w2 + o * _h + h] * dz2[o];
                    double dz1 = d * GPrime(z1[h], a1[h]);
                    g[b1 + h] += dz1;
                    for (int i = 0; i < _i; i++) g[h * _i + i] += dz1 * x[i * m + s];
                }
            }
            for (int k = 0; k < g.Length; k++) g[k] /= m;
            return (cost / m, g);
        }
    }
}
