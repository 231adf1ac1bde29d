using System;
using System.Numerics;

namespace PlanarGen.Benchmarks
{
    /// <summary>
    /// The baseline: the one-hidden-layer network as a .NET developer would write it by hand — arrays, nested loops,
    /// the runtime's Tanh and Exp, intermediate matrices allocated once and reused. Same algorithm and data layout as
    /// the generated networks (tanh hidden layer, sigmoid outputs, full-batch gradient descent).
    /// </summary>
    public sealed class PlainNetwork<T> where T : struct, IFloatingPointIeee754<T>
    {
        private readonly int _inputs, _hidden, _outputs, _m;
        private readonly T[,] _w1, _w2, _dw1, _dw2;
        private readonly T[] _b1, _b2, _db1, _db2;
        private readonly T[,] _a1, _a2;

        public PlainNetwork(int inputs, int hidden, int outputs, int samples, NumPyRandom random)
        {
            (_inputs, _hidden, _outputs, _m) = (inputs, hidden, outputs, samples);
            _w1 = new T[hidden, inputs];
            _w2 = new T[outputs, hidden];
            _dw1 = new T[hidden, inputs];
            _dw2 = new T[outputs, hidden];
            _b1 = new T[hidden];
            _b2 = new T[outputs];
            _db1 = new T[hidden];
            _db2 = new T[outputs];
            _a1 = new T[hidden, samples];
            _a2 = new T[outputs, samples];
            for (int h = 0; h < hidden; h++)
                for (int i = 0; i < inputs; i++) _w1[h, i] = T.CreateChecked(random.Randn() * 0.01);
            for (int o = 0; o < outputs; o++)
                for (int h = 0; h < hidden; h++) _w2[o, h] = T.CreateChecked(random.Randn() * 0.01);
        }

        /// <summary>Forward pass over all samples into the A1/A2 matrices.</summary>
        public void Forward(T[] x)
        {
            for (int s = 0; s < _m; s++)
            {
                for (int h = 0; h < _hidden; h++)
                {
                    T z = _b1[h];
                    for (int i = 0; i < _inputs; i++) z += _w1[h, i] * x[i * _m + s];
                    _a1[h, s] = T.Tanh(z);
                }
                for (int o = 0; o < _outputs; o++)
                {
                    T z = _b2[o];
                    for (int h = 0; h < _hidden; h++) z += _w2[o, h] * _a1[h, s];
                    _a2[o, s] = T.One / (T.One + T.Exp(-z));
                }
            }
        }

        /// <summary>Cross-entropy cost of the last forward pass.</summary>
        public T Cost(T[] y)
        {
            T sum = T.Zero;
            for (int o = 0; o < _outputs; o++)
                for (int s = 0; s < _m; s++)
                {
                    T a = _a2[o, s], t = y[o * _m + s];
                    sum += t * T.Log(a) + (T.One - t) * T.Log(T.One - a);
                }
            return -sum / T.CreateChecked(_m);
        }

        /// <summary>One gradient-descent iteration: forward, backward, update.</summary>
        public void TrainStep(T[] x, T[] y, T learningRate)
        {
            Forward(x);
            Array.Clear(_dw1);
            Array.Clear(_dw2);
            Array.Clear(_db1);
            Array.Clear(_db2);
            for (int s = 0; s < _m; s++)
            {
                for (int o = 0; o < _outputs; o++)
                {
                    T dz2 = _a2[o, s] - y[o * _m + s];
                    _db2[o] += dz2;
                    for (int h = 0; h < _hidden; h++) _dw2[o, h] += dz2 * _a1[h, s];
                }
                for (int h = 0; h < _hidden; h++)
                {
                    T back = T.Zero;
                    for (int o = 0; o < _outputs; o++) back += _w2[o, h] * (_a2[o, s] - y[o * _m + s]);
                    T dz1 = back * (T.One - _a1[h, s] * _a1[h, s]);
                    _db1[h] += dz1;
                    for (int i = 0; i < _inputs; i++) _dw1[h, i] += dz1 * x[i * _m + s];
                }
            }
            T scale = learningRate / T.CreateChecked(_m);
            for (int h = 0; h < _hidden; h++)
            {
                for (int i = 0; i < _inputs; i++) _w1[h, i] -= scale * _dw1[h, i];
                _b1[h] -= scale * _db1[h];
            }
            for (int o = 0; o < _outputs; o++)
            {
                for (int h = 0; h < _hidden; h++) _w2[o, h] -= scale * _dw2[o, h];
                _b2[o] -= scale * _db2[o];
            }
        }

        /// <summary>Predicts one sample.</summary>
        public T Predict(ReadOnlySpan<T> input)
        {
            T z2 = _b2[0];
            for (int h = 0; h < _hidden; h++)
            {
                T z = _b1[h];
                for (int i = 0; i < _inputs; i++) z += _w1[h, i] * input[i];
                z2 += _w2[0, h] * T.Tanh(z);
            }
            return T.One / (T.One + T.Exp(-z2));
        }
    }
}
