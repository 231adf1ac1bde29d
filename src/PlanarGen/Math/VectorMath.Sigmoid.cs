using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace PlanarGen
{
    public static partial class VectorMath
    {
        // Sigmoid = 1 / (1 + e^-x): one Exp and one division. Not computed through tanh, because 0.5 + 0.5 tanh(x/2)
        // loses all relative accuracy for very negative x; this form stays relative-accurate until e^-x overflows.
        //
        // Softplus = max(x, 0) + log1p(e^-|x|), where log1p(u) for u in [0, 1] is log(w) + (u - (w - 1)) / w with
        // w = 1 + u rounded: u - (w - 1) is the exact rounding error of w, and dividing it by w corrects log(w) to first
        // order. For u below half an ulp of 1 this gives exactly u, so Softplus(x) = e^x for very negative x.

        /// <summary>Computes 1 / (1 + e^-<paramref name="x"/>); the scalar twin of <see cref="Sigmoid(Vector{float})"/>.</summary>
        /// <remarks>
        /// Max error against 1 / (1 + <see cref="Math.Exp"/>(-x)) in double, rounded to float: 2 ulp (relative 1.4e-7; no absolute-error clause) where
        /// the result is normal; results below 2^-126 (x &lt; -87.34) are subnormal or 0 (0 for x &lt; -88.73). Measured over 1.5e8 float inputs (every 29th bit pattern).
        /// Sigmoid(+inf) = 1, Sigmoid(-inf) = 0, Sigmoid(NaN) = NaN.
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Sigmoid(float x) => 1f / (1f + Exp(-x));

        /// <summary>Computes 1 / (1 + e^-x) in every lane; each lane equals <see cref="Sigmoid(float)"/> bit for bit.</summary>
        /// <remarks>Same algorithm, error and special values as <see cref="Sigmoid(float)"/>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Sigmoid(Vector<float> x) => Vector<float>.One / (Vector<float>.One + Exp(-x));

        /// <summary>Computes log(1 + e^<paramref name="x"/>) without overflow; the scalar twin of <see cref="Softplus(Vector{float})"/>.</summary>
        /// <remarks>
        /// Computed as max(x, 0) + log1p(e^-|x|); the binary cross-entropy of a sigmoid output is Softplus(z) - y z.
        /// Max error (measured against the same formula in double with an exact log1p correction, rounded to float): 2 ulp (relative 1.7e-7)
        /// where the result is normal (Measured over 1.5e8 float inputs (every 29th bit pattern)); for x &lt; -16.6 the result is <see cref="Exp(float)"/>(x) itself.
        /// Softplus(+inf) = +inf, Softplus(-inf) = 0, Softplus(NaN) = NaN.
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Softplus(float x)
        {
            float positive = x > 0f ? x : 0f;
            float u = Exp(-AbsBits(x));
            float w = 1f + u;
            float log1p = Log(w) + (u - (w - 1f)) / w;
            return positive + log1p;
        }

        /// <summary>Computes log(1 + e^x) in every lane; each lane equals <see cref="Softplus(float)"/> bit for bit.</summary>
        /// <remarks>Same algorithm, error and special values as <see cref="Softplus(float)"/>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Softplus(Vector<float> x)
        {
            Vector<float> positive = Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<float>.Zero), x, Vector<float>.Zero);
            Vector<float> u = Exp(-AbsBits(x));
            Vector<float> w = Vector<float>.One + u;
            Vector<float> log1p = Log(w) + (u - (w - Vector<float>.One)) / w;
            return positive + log1p;
        }

        /// <summary>Computes log(1 + e^<paramref name="x"/>) without overflow; the scalar twin of <see cref="Softplus(Vector{double})"/>.</summary>
        /// <remarks>
        /// Computed as max(x, 0) + log1p(e^-|x|); the binary cross-entropy of a sigmoid output is Softplus(z) - y z.
        /// Max error (measured against the same formula with <see cref="Math.Exp"/>, <see cref="Math.Log(double)"/> and an exact log1p
        /// correction): 3 ulp (relative 4.4e-16) where the result is normal (Measured over 3e7 double inputs (uniform, wide-range, log-uniform and random bit patterns)); for x &lt; -37.5 the result is <see cref="Exp(double)"/>(x) itself.
        /// Softplus(+inf) = +inf, Softplus(-inf) = 0, Softplus(NaN) = NaN.
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Softplus(double x)
        {
            double positive = x > 0.0 ? x : 0.0;
            double u = Exp(-AbsBits(x));
            double w = 1.0 + u;
            double log1p = Log(w) + (u - (w - 1.0)) / w;
            return positive + log1p;
        }

        /// <summary>Computes log(1 + e^x) in every lane; each lane equals <see cref="Softplus(double)"/> bit for bit.</summary>
        /// <remarks>Same algorithm, error and special values as <see cref="Softplus(double)"/>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Softplus(Vector<double> x)
        {
            Vector<double> positive = Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<double>.Zero), x, Vector<double>.Zero);
            Vector<double> u = Exp(-AbsBits(x));
            Vector<double> w = Vector<double>.One + u;
            Vector<double> log1p = Log(w) + (u - (w - Vector<double>.One)) / w;
            return positive + log1p;
        }
    }
}
