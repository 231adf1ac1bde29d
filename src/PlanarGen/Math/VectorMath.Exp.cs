using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace PlanarGen
{
    public static partial class VectorMath
    {
        // Exp, both precisions: x = n ln2 + r with n = round(x / ln2) and |r| <= ln2/2 (Cody-Waite: ln2 split in a
        // high part with trailing zero bits, so n * Ln2Hi is exact, and a low part). e^x = p(r) * 2^n, where 2^n is
        // built from the exponent bits. The rounding of x / ln2 uses the 1.5 * 2^mantissaBits shifter: after
        // t = x * log2(e) + shifter the low mantissa bits of t hold n, and t - shifter is n as a floating value.
        // n = max + 1 (results near the overflow threshold) is handled as (2p) * 2^max, so the scale stays finite.
        // Inputs are clamped first, so n stays in [-bias, max + 1]: n = -bias gives scale bits 0 (result 0).

        private const float ExpMinF = -88f;                 // n = round(-126.96) = -127 -> scale 0 -> result 0
        private const float ExpMaxF = 89f;                  // n = 128 -> (2p) * 2^127 = +inf
        private const float Log2EF = 1.44269504088896341f;
        private const float ExpShifterF = 12582912f;        // 1.5 * 2^23
        private const int ExpShifterBitsF = 0x4B400000;
        private const float Ln2HiF = 0.693359375f;          // 355/512: n * Ln2HiF is exact for |n| <= 2^15
        private const float Ln2LoF = -2.12194440e-4f;       // ln2 - Ln2HiF
        // Cephes expf minimax coefficients for (e^r - 1 - r) / r^2 on |r| <= ln2/2.
        private const float ExpP0F = 1.9875691500E-4f;
        private const float ExpP1F = 1.3981999507E-3f;
        private const float ExpP2F = 8.3334519073E-3f;
        private const float ExpP3F = 4.1665795894E-2f;
        private const float ExpP4F = 1.6666665459E-1f;
        private const float ExpP5F = 5.0000001201E-1f;

        private const double ExpMinD = -709.0;              // n = round(-1022.87) = -1023 -> scale 0 -> result 0
        private const double ExpMaxD = 710.0;               // n = 1024 -> (2p) * 2^1023 = +inf
        private const double Log2ED = 1.4426950408889634;
        private const double ExpShifterD = 6755399441055744.0;   // 1.5 * 2^52
        private const long ExpShifterBitsD = 0x4338000000000000;
        private const double Ln2HiD = 6.93147180369123816490e-01;  // 32 significant bits: n * Ln2HiD is exact
        private const double Ln2LoD = 1.90821492927058770002e-10;  // ln2 - Ln2HiD
        // Taylor coefficients 1/k!, k = 2..13: the truncation error on |r| <= ln2/2 is below 5e-18 (relative).
        private const double ExpC2D = 1.0 / 2.0;
        private const double ExpC3D = 1.0 / 6.0;
        private const double ExpC4D = 1.0 / 24.0;
        private const double ExpC5D = 1.0 / 120.0;
        private const double ExpC6D = 1.0 / 720.0;
        private const double ExpC7D = 1.0 / 5040.0;
        private const double ExpC8D = 1.0 / 40320.0;
        private const double ExpC9D = 1.0 / 362880.0;
        private const double ExpC10D = 1.0 / 3628800.0;
        private const double ExpC11D = 1.0 / 39916800.0;
        private const double ExpC12D = 1.0 / 479001600.0;
        private const double ExpC13D = 1.0 / 6227020800.0;

        /// <summary>Computes e^<paramref name="x"/>; the scalar twin of <see cref="Exp(Vector{float})"/>.</summary>
        /// <remarks>
        /// Max error against <see cref="Math.Exp"/> rounded to float: 1 ulp (relative 8.0e-8) where the result is normal. Measured over 1.5e8 float inputs (every 29th bit pattern).
        /// Results below 2^-126 (x &lt; -87.34) are subnormal (within 1 subnormal ulp) down to x ≈ -87.68 and 0 below.
        /// Exp(-inf) = 0, Exp(+inf) = +inf, x &gt; 88.7228 gives +inf, Exp(NaN) = NaN.
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Exp(float x)
        {
            x = x < ExpMinF ? ExpMinF : x;
            x = x > ExpMaxF ? ExpMaxF : x;
            float t = x * Log2EF + ExpShifterF;
            int n = BitConverter.SingleToInt32Bits(t) - ExpShifterBitsF;
            float nf = t - ExpShifterF;
            float r = x - nf * Ln2HiF;
            r = r - nf * Ln2LoF;
            float z = r * r;
            float p = (((((ExpP0F * r + ExpP1F) * r + ExpP2F) * r + ExpP3F) * r + ExpP4F) * r + ExpP5F) * z + r + 1f;
            bool top = nf > 127f;
            n = top ? n - 1 : n;
            p = top ? p + p : p;
            return p * BitConverter.Int32BitsToSingle((n + 127) << 23);
        }

        /// <summary>Computes e^x in every lane; each lane equals <see cref="Exp(float)"/> bit for bit.</summary>
        /// <remarks>Same algorithm, error and special values as <see cref="Exp(float)"/>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Exp(Vector<float> x)
        {
            var min = new Vector<float>(ExpMinF);
            var max = new Vector<float>(ExpMaxF);
            x = Vector.ConditionalSelect(Vector.LessThan(x, min), min, x);
            x = Vector.ConditionalSelect(Vector.GreaterThan(x, max), max, x);
            var shifter = new Vector<float>(ExpShifterF);
            Vector<float> t = x * new Vector<float>(Log2EF) + shifter;
            Vector<int> n = Vector.AsVectorInt32(t) - new Vector<int>(ExpShifterBitsF);
            Vector<float> nf = t - shifter;
            Vector<float> r = x - nf * new Vector<float>(Ln2HiF);
            r = r - nf * new Vector<float>(Ln2LoF);
            Vector<float> z = r * r;
            Vector<float> p = (((((new Vector<float>(ExpP0F) * r + new Vector<float>(ExpP1F)) * r + new Vector<float>(ExpP2F)) * r
                + new Vector<float>(ExpP3F)) * r + new Vector<float>(ExpP4F)) * r + new Vector<float>(ExpP5F)) * z + r + Vector<float>.One;
            Vector<int> top = Vector.GreaterThan(nf, new Vector<float>(127f));
            n = n + top;                                    // top lanes are -1
            p = Vector.ConditionalSelect(top, p + p, p);
            return p * Vector.AsVectorSingle(ShiftLeft23(n + new Vector<int>(127)));
        }

        /// <summary>Computes e^<paramref name="x"/>; the scalar twin of <see cref="Exp(Vector{double})"/>.</summary>
        /// <remarks>
        /// Max error against <see cref="Math.Exp"/>: 1 ulp (relative 2.2e-16) where the result is normal. Measured over 3e7 double inputs (uniform, wide-range, log-uniform and random bit patterns).
        /// Results below 2^-1022 (x &lt; -708.40) are subnormal down to x ≈ -708.74 and 0 below.
        /// Exp(-inf) = 0, Exp(+inf) = +inf, x &gt; 709.78 gives +inf, Exp(NaN) = NaN.
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Exp(double x)
        {
            x = x < ExpMinD ? ExpMinD : x;
            x = x > ExpMaxD ? ExpMaxD : x;
            double t = x * Log2ED + ExpShifterD;
            long n = BitConverter.DoubleToInt64Bits(t) - ExpShifterBitsD;
            double nf = t - ExpShifterD;
            double r = x - nf * Ln2HiD;
            r = r - nf * Ln2LoD;
            double p = ((((((((((ExpC13D * r + ExpC12D) * r + ExpC11D) * r + ExpC10D) * r + ExpC9D) * r + ExpC8D) * r + ExpC7D) * r
                + ExpC6D) * r + ExpC5D) * r + ExpC4D) * r + ExpC3D) * r + ExpC2D;
            p = (p * r + 1.0) * r + 1.0;
            bool top = nf > 1023.0;
            n = top ? n - 1 : n;
            p = top ? p + p : p;
            return p * BitConverter.Int64BitsToDouble((n + 1023) << 52);
        }

        /// <summary>Computes e^x in every lane; each lane equals <see cref="Exp(double)"/> bit for bit.</summary>
        /// <remarks>Same algorithm, error and special values as <see cref="Exp(double)"/>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Exp(Vector<double> x)
        {
            var min = new Vector<double>(ExpMinD);
            var max = new Vector<double>(ExpMaxD);
            x = Vector.ConditionalSelect(Vector.LessThan(x, min), min, x);
            x = Vector.ConditionalSelect(Vector.GreaterThan(x, max), max, x);
            var shifter = new Vector<double>(ExpShifterD);
            Vector<double> t = x * new Vector<double>(Log2ED) + shifter;
            Vector<long> n = Vector.AsVectorInt64(t) - new Vector<long>(ExpShifterBitsD);
            Vector<double> nf = t - shifter;
            Vector<double> r = x - nf * new Vector<double>(Ln2HiD);
            r = r - nf * new Vector<double>(Ln2LoD);
            Vector<double> p = ((((((((((new Vector<double>(ExpC13D) * r + new Vector<double>(ExpC12D)) * r + new Vector<double>(ExpC11D)) * r
                + new Vector<double>(ExpC10D)) * r + new Vector<double>(ExpC9D)) * r + new Vector<double>(ExpC8D)) * r
                + new Vector<double>(ExpC7D)) * r + new Vector<double>(ExpC6D)) * r + new Vector<double>(ExpC5D)) * r
                + new Vector<double>(ExpC4D)) * r + new Vector<double>(ExpC3D)) * r + new Vector<double>(ExpC2D);
            p = (p * r + Vector<double>.One) * r + Vector<double>.One;
            Vector<long> top = Vector.GreaterThan(nf, new Vector<double>(1023.0));
            n = n + top;                                    // top lanes are -1
            p = Vector.ConditionalSelect(top, p + p, p);
            return p * Vector.AsVectorDouble(ShiftLeft52(n + new Vector<long>(1023)));
        }
    }
}
