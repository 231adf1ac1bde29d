using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace PlanarGen
{
    public static partial class VectorMath
    {
        // Tanh, both precisions, on a = |x| (the sign is put back at the end, so Tanh(-0) = -0):
        // a < 0.625: a + a * a^2 * P(a^2) (float: Cephes tanhf polynomial; double: Cephes tanh rational P/Q);
        // a >= 0.625: 1 - 2 / (e^(2a) + 1), where tanh >= 0.55 so there is no cancellation. e^(2a) overflows to +inf
        // for large a, which gives exactly 1. Both branches are computed and one is selected. The double version
        // (VectorMath.TanhSigmoidDouble.cs) shares one division between its two branches and writes e^(2a) as a ratio.

        private const float TanhSmallF = 0.625f;
        private const float TanhP0F = -5.70498872745E-3f;
        private const float TanhP1F = 2.06390887954E-2f;
        private const float TanhP2F = -5.37397155531E-2f;
        private const float TanhP3F = 1.33314422036E-1f;
        private const float TanhP4F = -3.33332819422E-1f;

        private const double TanhSmallD = 0.625;
        private const double TanhP0D = -9.64399179425052238628E-1;
        private const double TanhP1D = -9.92877231001918586564E1;
        private const double TanhP2D = -1.61468768441708447952E3;
        private const double TanhQ0D = 1.12811678491632931402E2;
        private const double TanhQ1D = 2.23548839060100448583E3;
        private const double TanhQ2D = 4.84406305325125486048E3;

        /// <summary>Computes tanh(<paramref name="x"/>); the scalar twin of <see cref="Tanh(Vector{float})"/>.</summary>
        /// <remarks>
        /// Max error against <see cref="Math.Tanh"/> rounded to float: 1 ulp (relative 1.4e-7, also near saturation: no absolute-error clause;
        /// results for |x| &gt;= 9.01 round to exactly ±1). Measured over 1.5e8 float inputs (every 29th bit pattern). Tanh(±inf) = ±1, Tanh(±0) = ±0, Tanh(NaN) = NaN.
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Tanh(float x)
        {
            float a = AbsBits(x);
            float z = a * a;
            float small = ((((TanhP0F * z + TanhP1F) * z + TanhP2F) * z + TanhP3F) * z + TanhP4F) * z * a + a;
            float large = 1f - 2f / (Exp(a + a) + 1f);
            return OrSign(a < TanhSmallF ? small : large, x);
        }

        /// <summary>Computes tanh in every lane; each lane equals <see cref="Tanh(float)"/> bit for bit.</summary>
        /// <remarks>Same algorithm, error and special values as <see cref="Tanh(float)"/>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Tanh(Vector<float> x)
        {
            Vector<float> a = AbsBits(x);
            Vector<float> z = a * a;
            Vector<float> small = ((((new Vector<float>(TanhP0F) * z + new Vector<float>(TanhP1F)) * z + new Vector<float>(TanhP2F)) * z
                + new Vector<float>(TanhP3F)) * z + new Vector<float>(TanhP4F)) * z * a + a;
            Vector<float> large = Vector<float>.One - new Vector<float>(2f) / (Exp(a + a) + Vector<float>.One);
            return OrSign(Vector.ConditionalSelect(Vector.LessThan(a, new Vector<float>(TanhSmallF)), small, large), x);
        }
    }
}
