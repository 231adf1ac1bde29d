using System;
using System.Numerics;

namespace PlanarGen
{
    /// <summary>Temporary stand-in until the real kernels land.</summary>
    public static class VectorMath
    {
        /// <summary>tanh.</summary>
        public static float Tanh(float x) => MathF.Tanh(x);
        /// <summary>tanh.</summary>
        public static double Tanh(double x) => Math.Tanh(x);
        /// <summary>sigmoid.</summary>
        public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
        /// <summary>sigmoid.</summary>
        public static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
        /// <summary>softplus.</summary>
        public static float Softplus(float x) => MathF.Max(x, 0) + MathF.Log(1 + MathF.Exp(-MathF.Abs(x)));
        /// <summary>softplus.</summary>
        public static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
        /// <summary>tanh.</summary>
        public static Vector<float> Tanh(Vector<float> x) { Span<float> t = stackalloc float[Vector<float>.Count]; for (int i = 0; i < t.Length; i++) t[i] = Tanh(x[i]); return new Vector<float>(t); }
        /// <summary>tanh.</summary>
        public static Vector<double> Tanh(Vector<double> x) { Span<double> t = stackalloc double[Vector<double>.Count]; for (int i = 0; i < t.Length; i++) t[i] = Tanh(x[i]); return new Vector<double>(t); }
        /// <summary>sigmoid.</summary>
        public static Vector<float> Sigmoid(Vector<float> x) { Span<float> t = stackalloc float[Vector<float>.Count]; for (int i = 0; i < t.Length; i++) t[i] = Sigmoid(x[i]); return new Vector<float>(t); }
        /// <summary>sigmoid.</summary>
        public static Vector<double> Sigmoid(Vector<double> x) { Span<double> t = stackalloc double[Vector<double>.Count]; for (int i = 0; i < t.Length; i++) t[i] = Sigmoid(x[i]); return new Vector<double>(t); }
        /// <summary>softplus.</summary>
        public static Vector<float> Softplus(Vector<float> x) { Span<float> t = stackalloc float[Vector<float>.Count]; for (int i = 0; i < t.Length; i++) t[i] = Softplus(x[i]); return new Vector<float>(t); }
        /// <summary>softplus.</summary>
        public static Vector<double> Softplus(Vector<double> x) { Span<double> t = stackalloc double[Vector<double>.Count]; for (int i = 0; i < t.Length; i++) t[i] = Softplus(x[i]); return new Vector<double>(t); }
    }
}
