#if NET8_0_OR_GREATER
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace PlanarGen
{
    public static partial class VectorMath
    {
        // The 512-bit twins of the accurate double kernels, for the generated double networks' Vector512 path (see SimdPath).
        // Same constants and operations in the same order as the scalar and Vector<double> forms (no fused multiply-add), so
        // every lane gives the scalar form's bits. Where Vector512 is not accelerated .NET runs them in software, with the
        // same results.

        /// <summary>Computes e^x in every lane; each lane equals <see cref="Exp(double)"/> bit for bit.</summary>
        /// <remarks>Same algorithm, error and special values as <see cref="Exp(double)"/>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Exp(Vector512<double> x)
        {
            Vector512<double> min = Vector512.Create(ExpMinD), max = Vector512.Create(ExpMaxD);
            x = Vector512.ConditionalSelect(Vector512.LessThan(x, min), min, x);
            x = Vector512.ConditionalSelect(Vector512.GreaterThan(x, max), max, x);
            Vector512<double> shifter = Vector512.Create(ExpShifterD);
            Vector512<double> t = x * Vector512.Create(Log2ED) + shifter;
            Vector512<long> n = t.AsInt64() - Vector512.Create(ExpShifterBitsD);
            Vector512<double> nf = t - shifter;
            Vector512<double> r = x - nf * Vector512.Create(Ln2HiD);
            r = r - nf * Vector512.Create(Ln2LoD);
            Vector512<double> p = ((((((((((Vector512.Create(ExpC13D) * r + Vector512.Create(ExpC12D)) * r + Vector512.Create(ExpC11D)) * r
                + Vector512.Create(ExpC10D)) * r + Vector512.Create(ExpC9D)) * r + Vector512.Create(ExpC8D)) * r
                + Vector512.Create(ExpC7D)) * r + Vector512.Create(ExpC6D)) * r + Vector512.Create(ExpC5D)) * r
                + Vector512.Create(ExpC4D)) * r + Vector512.Create(ExpC3D)) * r + Vector512.Create(ExpC2D);
            p = (p * r + Vector512<double>.One) * r + Vector512<double>.One;
            Vector512<double> top = Vector512.GreaterThan(nf, Vector512.Create(1023.0));
            n = n + top.AsInt64();                          // top lanes are -1
            p = Vector512.ConditionalSelect(top, p + p, p);
            return p * Vector512.ShiftLeft(n + Vector512.Create(1023L), 52).AsDouble();
        }

        /// <summary>Computes tanh in every lane; each lane equals <see cref="Tanh(double)"/> bit for bit.</summary>
        /// <remarks>Same algorithm, error and special values as <see cref="Tanh(double)"/>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Tanh(Vector512<double> x)
        {
            Vector512<double> a = AbsBits(x);
            Vector512<double> z = a * a;
            Vector512<double> isSmall = Vector512.LessThan(a, Vector512.Create(TanhSmallD));
            Vector512<double> p = (Vector512.Create(TanhP0D) * z + Vector512.Create(TanhP1D)) * z + Vector512.Create(TanhP2D);
            Vector512<double> q = ((z + Vector512.Create(TanhQ0D)) * z + Vector512.Create(TanhQ1D)) * z + Vector512.Create(TanhQ2D);
            Vector512<double> y = Vector512.ConditionalSelect(Vector512.GreaterThan(a, Vector512.Create(TanhClampD)),
                Vector512.Create(TanhClampD + TanhClampD), a + a);
            ExpRatio(y, out Vector512<double> below, out Vector512<double> scaled);
            Vector512<double> numerator = Vector512.ConditionalSelect(isSmall, p, below + below);
            Vector512<double> denominator = Vector512.ConditionalSelect(isSmall, q, scaled + below);
            Vector512<double> ratio = numerator / denominator;
            Vector512<double> result = Vector512.ConditionalSelect(isSmall, a + a * (z * ratio), Vector512<double>.One - ratio);
            return OrSign(result, x);
        }

        /// <summary>Computes 1 / (1 + e^-x) in every lane; each lane equals <see cref="Sigmoid(double)"/> bit for bit.</summary>
        /// <remarks>Same algorithm, error and special values as <see cref="Sigmoid(double)"/>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Sigmoid(Vector512<double> x)
        {
            Vector512<double> y = -x;
            Vector512<double> min = Vector512.Create(SigmoidMinD), max = Vector512.Create(ExpMaxD);
            y = Vector512.ConditionalSelect(Vector512.LessThan(y, min), min, y);
            y = Vector512.ConditionalSelect(Vector512.GreaterThan(y, max), max, y);
            ExpRatio(y, out Vector512<double> below, out Vector512<double> scaled);
            return below / (below + scaled);
        }

        /// <summary>Per lane <see cref="ExpRatio(double, out double, out double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void ExpRatio(Vector512<double> y, out Vector512<double> below, out Vector512<double> scaled)
        {
            Vector512<double> shifter = Vector512.Create(ExpShifterD);
            Vector512<double> t = y * Vector512.Create(Log2ED) + shifter;
            Vector512<long> n = t.AsInt64() - Vector512.Create(ExpShifterBitsD);
            Vector512<double> nf = t - shifter;
            Vector512<double> r = y - nf * Vector512.Create(Ln2HiD);
            r = r - nf * Vector512.Create(Ln2LoD);
            Vector512<double> rr = r * r;
            Vector512<double> odd = r * ((Vector512.Create(ExpPadeP0D) * rr + Vector512.Create(ExpPadeP1D)) * rr + Vector512.Create(ExpPadeP2D));
            Vector512<double> even = ((Vector512.Create(ExpPadeQ0D) * rr + Vector512.Create(ExpPadeQ1D)) * rr + Vector512.Create(ExpPadeQ2D)) * rr
                + Vector512.Create(ExpPadeQ3D);
            below = even - odd;
            scaled = Vector512.ShiftLeft(n + Vector512.Create(1023L), 52).AsDouble() * (even + odd);
        }

        /// <summary>Computes the natural logarithm in every lane; each lane equals <see cref="Log(double)"/> bit for bit.</summary>
        /// <remarks>Same algorithm, error and special values as <see cref="Log(double)"/>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Log(Vector512<double> x)
        {
            Vector512<long> subnormal = Vector512.LessThan(x, Vector512.Create(MinNormalD)).AsInt64();
            Vector512<double> xs = Vector512.ConditionalSelect(subnormal.AsDouble(), x * Vector512.Create(SubnormalScaleD), x);
            Vector512<double> eAdjust = Vector512.ConditionalSelect(subnormal.AsDouble(), Vector512.Create(SubnormalExponentD), Vector512<double>.Zero);
            Vector512<long> sqrtHalfBits = Vector512.Create(SqrtHalfBitsD);
            Vector512<long> t = xs.AsInt64() - sqrtHalfBits;
            Vector512<double> e = Vector512.ConvertToDouble(t & Vector512.Create(ExponentFieldD)) * Vector512.Create(TwoPowMinus52D) - eAdjust;
            Vector512<double> f = ((t & Vector512.Create(MantissaFieldD)) + sqrtHalfBits).AsDouble() - Vector512<double>.One;
            Vector512<double> hfsq = Vector512.Create(0.5) * f * f;
            Vector512<double> s = f / (Vector512.Create(2.0) + f);
            Vector512<double> z = s * s;
            Vector512<double> w = z * z;
            Vector512<double> r1 = w * (Vector512.Create(LogLg2D) + w * (Vector512.Create(LogLg4D) + w * Vector512.Create(LogLg6D)));
            Vector512<double> r2 = z * (Vector512.Create(LogLg1D) + w * (Vector512.Create(LogLg3D)
                + w * (Vector512.Create(LogLg5D) + w * Vector512.Create(LogLg7D))));
            Vector512<double> r = r2 + r1;
            Vector512<double> result = e * Vector512.Create(Ln2HiD) - ((hfsq - (s * (hfsq + r) + e * Vector512.Create(Ln2LoD))) - f);
            Vector512<double> inf = Vector512.Create(double.PositiveInfinity);
            result = Vector512.ConditionalSelect(Vector512.Equals(x, inf), inf, result);
            result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512<double>.Zero), Vector512.Create(double.NegativeInfinity), result);
            return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<double>.Zero), result, Vector512.Create(double.NaN));
        }

        /// <summary>Computes log(1 + e^x) in every lane; each lane equals <see cref="Softplus(double)"/> bit for bit.</summary>
        /// <remarks>Same algorithm, error and special values as <see cref="Softplus(double)"/>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Softplus(Vector512<double> x)
        {
            Vector512<double> positive = Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<double>.Zero), x, Vector512<double>.Zero);
            Vector512<double> u = Exp(-AbsBits(x));
            Vector512<double> w = Vector512<double>.One + u;
            Vector512<double> log1p = Log(w) + (u - (w - Vector512<double>.One)) / w;
            return positive + log1p;
        }

        /// <summary>Clears the sign bit of every lane (the 512-bit <see cref="AbsBits(double)"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<double> AbsBits(Vector512<double> x) => (x.AsInt64() & Vector512.Create(DoubleAbsMask)).AsDouble();

        /// <summary>Per lane <paramref name="magnitude"/> with the sign bit of <paramref name="sign"/> added.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<double> OrSign(Vector512<double> magnitude, Vector512<double> sign) =>
            (magnitude.AsInt64() | (sign.AsInt64() & Vector512.Create(DoubleSignMask))).AsDouble();
    }
}
#endif
