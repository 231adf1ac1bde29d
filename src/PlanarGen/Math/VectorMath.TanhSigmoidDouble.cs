using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace PlanarGen
{
    public static partial class VectorMath
    {
        // Double tanh and sigmoid, the activations of the generated double networks, with e^y written as a ratio instead of
        // computed: y = n ln2 + r as in Exp (|r| <= ln2/2), and e^r = (even + odd) / (even - odd), Cephes' Pade form
        // (odd = r P(r^2) of degree 5, even = Q(r^2) of degree 6; truncation error below 1e-19). Both functions divide anyway,
        // so the ratio costs no extra division and replaces Exp's degree-13 polynomial with two short ones:
        //   tanh(a) = 1 - 2 / (e^(2a) + 1) = 1 - 2 (even - odd) / (2^n (even + odd) + (even - odd))     (a >= 0.625)
        //   sigmoid(x) = 1 / (1 + e^-x)    = (even - odd) / ((even - odd) + 2^n (even + odd))         (y = -x)
        // Clamping y first keeps 2^n finite where it matters and removes Exp's special cases: tanh's 2a stops at 44 (tanh
        // rounds to 1 from a = 19.1), sigmoid's -x lies in [-40, 710] (the result rounds to 1 below -37.5; 2^1024 = +inf
        // gives 0). The clamps keep NaN, which then propagates.

        private const double ExpPadeP0D = 1.26177193074810590878E-4;
        private const double ExpPadeP1D = 3.02994407707441961300E-2;
        private const double ExpPadeP2D = 9.99999999999999999910E-1;
        private const double ExpPadeQ0D = 3.00198505138664455042E-6;
        private const double ExpPadeQ1D = 2.52448340349684104192E-3;
        private const double ExpPadeQ2D = 2.27265548208155028766E-1;
        private const double ExpPadeQ3D = 2.00000000000000000009E0;
        private const double TanhClampD = 22.0;
        private const double SigmoidMinD = -40.0;

        /// <summary>Computes tanh(<paramref name="x"/>); the scalar twin of <see cref="Tanh(Vector{double})"/>.</summary>
        /// <remarks>
        /// Max error against <see cref="Math.Tanh"/>: 2 ulp (relative 4.1e-16, also near saturation; results for
        /// |x| &gt;= 19.1 round to exactly ±1); against tanh computed in 120-bit arithmetic: 1.39 ulp. Measured over 3e6 double
        /// inputs (uniform, wide-range, log-uniform, around 0.625 and random bit patterns) and a 33,000-point grid. Uses one division and no
        /// <see cref="Exp(double)"/>. Tanh(±inf) = ±1, Tanh(±0) = ±0, Tanh(NaN) = NaN.
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Tanh(double x)
        {
            double a = AbsBits(x);
            double z = a * a;
            bool isSmall = a < TanhSmallD;
            double p = (TanhP0D * z + TanhP1D) * z + TanhP2D;
            double q = ((z + TanhQ0D) * z + TanhQ1D) * z + TanhQ2D;
            double y = a > TanhClampD ? TanhClampD + TanhClampD : a + a;
            ExpRatio(y, out double below, out double scaled);
            double numerator = isSmall ? p : below + below;
            double denominator = isSmall ? q : scaled + below;
            double ratio = numerator / denominator;
            double result = isSmall ? a + a * (z * ratio) : 1.0 - ratio;
            return OrSign(result, x);
        }

        /// <summary>Computes tanh in every lane; each lane equals <see cref="Tanh(double)"/> bit for bit.</summary>
        /// <remarks>Same algorithm, error and special values as <see cref="Tanh(double)"/>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Tanh(Vector<double> x)
        {
            Vector<double> a = AbsBits(x);
            Vector<double> z = a * a;
            Vector<long> isSmall = Vector.LessThan(a, new Vector<double>(TanhSmallD));
            Vector<double> p = (new Vector<double>(TanhP0D) * z + new Vector<double>(TanhP1D)) * z + new Vector<double>(TanhP2D);
            Vector<double> q = ((z + new Vector<double>(TanhQ0D)) * z + new Vector<double>(TanhQ1D)) * z + new Vector<double>(TanhQ2D);
            Vector<double> y = Vector.ConditionalSelect(Vector.GreaterThan(a, new Vector<double>(TanhClampD)),
                new Vector<double>(TanhClampD + TanhClampD), a + a);
            ExpRatio(y, out Vector<double> below, out Vector<double> scaled);
            Vector<double> numerator = Vector.ConditionalSelect(isSmall, p, below + below);
            Vector<double> denominator = Vector.ConditionalSelect(isSmall, q, scaled + below);
            Vector<double> ratio = numerator / denominator;
            Vector<double> result = Vector.ConditionalSelect(isSmall, a + a * (z * ratio), Vector<double>.One - ratio);
            return OrSign(result, x);
        }

        /// <summary>Computes 1 / (1 + e^-<paramref name="x"/>); the scalar twin of <see cref="Sigmoid(Vector{double})"/>.</summary>
        /// <remarks>
        /// Max error against 1 / (1 + <see cref="Math.Exp"/>(-x)), itself about 1.5 ulp from exact: 4 ulp (relative 5.1e-16) where
        /// the result is normal; against the sigmoid in 120-bit arithmetic: 2.4 ulp. Results below 2^-1022 (x &lt; -708.40) are
        /// subnormal or 0 (0 for x &lt; -709.09). Measured over 3e6 double inputs (uniform, wide-range, log-uniform and random
        /// bit patterns) and a 33,000-point grid. Uses one division and no <see cref="Exp(double)"/>.
        /// Sigmoid(+inf) = 1, Sigmoid(-inf) = 0, Sigmoid(NaN) = NaN.
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Sigmoid(double x)
        {
            double y = -x;
            y = y < SigmoidMinD ? SigmoidMinD : y;
            y = y > ExpMaxD ? ExpMaxD : y;
            ExpRatio(y, out double below, out double scaled);
            return below / (below + scaled);
        }

        /// <summary>Computes 1 / (1 + e^-x) in every lane; each lane equals <see cref="Sigmoid(double)"/> bit for bit.</summary>
        /// <remarks>Same algorithm, error and special values as <see cref="Sigmoid(double)"/>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Sigmoid(Vector<double> x)
        {
            Vector<double> y = -x;
            var min = new Vector<double>(SigmoidMinD);
            var max = new Vector<double>(ExpMaxD);
            y = Vector.ConditionalSelect(Vector.LessThan(y, min), min, y);
            y = Vector.ConditionalSelect(Vector.GreaterThan(y, max), max, y);
            ExpRatio(y, out Vector<double> below, out Vector<double> scaled);
            return below / (below + scaled);
        }

        /// <summary>e^<paramref name="y"/> as <paramref name="scaled"/> / <paramref name="below"/>: below = even - odd,
        /// scaled = 2^n (even + odd) (see the comment at the top of this file).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void ExpRatio(double y, out double below, out double scaled)
        {
            double t = y * Log2ED + ExpShifterD;
            long n = BitConverter.DoubleToInt64Bits(t) - ExpShifterBitsD;
            double nf = t - ExpShifterD;
            double r = y - nf * Ln2HiD;
            r = r - nf * Ln2LoD;
            double rr = r * r;
            double odd = r * ((ExpPadeP0D * rr + ExpPadeP1D) * rr + ExpPadeP2D);
            double even = ((ExpPadeQ0D * rr + ExpPadeQ1D) * rr + ExpPadeQ2D) * rr + ExpPadeQ3D;
            below = even - odd;
            scaled = BitConverter.Int64BitsToDouble((n + 1023) << 52) * (even + odd);
        }

        /// <summary>Per lane <see cref="ExpRatio(double, out double, out double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void ExpRatio(Vector<double> y, out Vector<double> below, out Vector<double> scaled)
        {
            var shifter = new Vector<double>(ExpShifterD);
            Vector<double> t = y * new Vector<double>(Log2ED) + shifter;
            Vector<long> n = Vector.AsVectorInt64(t) - new Vector<long>(ExpShifterBitsD);
            Vector<double> nf = t - shifter;
            Vector<double> r = y - nf * new Vector<double>(Ln2HiD);
            r = r - nf * new Vector<double>(Ln2LoD);
            Vector<double> rr = r * r;
            Vector<double> odd = r * ((new Vector<double>(ExpPadeP0D) * rr + new Vector<double>(ExpPadeP1D)) * rr + new Vector<double>(ExpPadeP2D));
            Vector<double> even = ((new Vector<double>(ExpPadeQ0D) * rr + new Vector<double>(ExpPadeQ1D)) * rr + new Vector<double>(ExpPadeQ2D)) * rr
                + new Vector<double>(ExpPadeQ3D);
            below = even - odd;
            scaled = Vector.AsVectorDouble(ShiftLeft52(n + new Vector<long>(1023))) * (even + odd);
        }
    }
}
