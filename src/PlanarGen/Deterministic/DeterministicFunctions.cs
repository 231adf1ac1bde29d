using System.Runtime.CompilerServices;

namespace PlanarGen.Deterministic
{
    /// <summary>
    /// exp, tanh, sigmoid, log(1 + u) and softplus written once over <see cref="ILanes{T, TLane}"/> from +, -, *, / and
    /// comparisons only: the scalar and every vector width run this same code, so each lane gives the scalar result bit for bit.
    /// Never <see cref="System.Math"/>/<c>MathF</c> (their results differ across C runtimes and CPUs), never a fused operation.
    /// </summary>
    /// <remarks>
    /// Special values are defined here, not by the hardware: NaN in gives NaN out (its payload and sign are not part of the
    /// guarantee); exp is +infinity above 88 (float) / 709 (double) and 0 below -87 / -708, so it never produces a subnormal;
    /// tanh(-0) = +0. Subnormal inputs are computed as IEEE 754 says (no flush), which every .NET host does unless native code
    /// in the process switches on flush-to-zero.
    /// </remarks>
    internal static class DeterministicFunctions
    {
        // float: exp's clamps keep 2^n normal (n in [-126, 127]); Cody-Waite split of ln 2 with a 9-bit high part, so n * Ln2Hi
        // is exact; 1.5 * 2^23 rounds to the nearest integer by one addition; 2^23 + 127 puts n + 127 in the low mantissa bits.
        private const double SingleExpLow = -87.0, SingleExpHigh = 88.0;
        private const double SingleLn2Hi = 0.693359375, SingleLn2Lo = -2.12194440054690583e-4;
        private const double SingleRound = 12582912.0, SinglePowerBias = 8388735.0;
        private const double SingleTanhClamp = 10.0; // tanh rounds to 1 in float above about 9.01

        // double: n in [-1021, 1023]; ln 2 split with a 32-bit high part; 1.5 * 2^52; 2^52 + 1023.
        private const double DoubleExpLow = -708.0, DoubleExpHigh = 709.0;
        private const double DoubleLn2Hi = 6.93147180369123816490e-01, DoubleLn2Lo = 1.90821492927058770002e-10;
        private const double DoubleRound = 6755399441055744.0, DoublePowerBias = 4503599627371519.0;
        private const double DoubleTanhClamp = 20.0; // tanh rounds to 1 in double above about 19.06

        private const double Log2E = 1.4426950408889634;

        /// <summary>e^x.</summary>
        public static TLane Exp<T, TLane, TOps>(TOps o, TLane x) where T : unmanaged where TLane : struct where TOps : struct, ILanes<T, TLane>
        {
            TLane low = o.Constant(o.IsSingle ? SingleExpLow : DoubleExpLow), high = o.Constant(o.IsSingle ? SingleExpHigh : DoubleExpHigh);
            TLane scale = Reduce<T, TLane, TOps>(o, Clamp<T, TLane, TOps>(o, x, low, high), out TLane p);
            TLane e = o.Add(o.Multiply(scale, p), scale);
            e = o.SelectGreater(x, high, o.Constant(double.PositiveInfinity), e);
            return o.SelectLess(x, low, o.Constant(0), e);
        }

        /// <summary>tanh(x) = sign(x) e / (e + 2) with e = e^(2|x|) - 1, accurate near 0 because e is.</summary>
        public static TLane Tanh<T, TLane, TOps>(TOps o, TLane x) where T : unmanaged where TLane : struct where TOps : struct, ILanes<T, TLane>
        {
            TLane zero = o.Constant(0);
            TLane negated = o.Subtract(zero, x);
            TLane magnitude = o.SelectLess(x, zero, negated, x);
            TLane clamp = o.Constant(o.IsSingle ? SingleTanhClamp : DoubleTanhClamp);
            magnitude = o.SelectGreater(magnitude, clamp, clamp, magnitude);
            TLane twice = o.Add(magnitude, magnitude);
            TLane scale = Reduce<T, TLane, TOps>(o, twice, out TLane p);
            TLane e = o.Add(o.Multiply(scale, p), o.Subtract(scale, o.Constant(1)));
            TLane t = o.Divide(e, o.Add(e, o.Constant(2)));
            return o.SelectLess(x, zero, o.Subtract(zero, t), t);
        }

        /// <summary>1 / (1 + e^-x).</summary>
        public static TLane Sigmoid<T, TLane, TOps>(TOps o, TLane x) where T : unmanaged where TLane : struct where TOps : struct, ILanes<T, TLane>
        {
            TLane one = o.Constant(1);
            return o.Divide(one, o.Add(one, Exp<T, TLane, TOps>(o, o.Subtract(o.Constant(0), x))));
        }

        /// <summary>log(1 + u) for u in [0, 1] (what softplus needs): 2 atanh(s), s = u / (2 + u) in [0, 1/3], as an odd series.
        /// Accurate relative to the result even for tiny u, without splitting off an exponent.</summary>
        public static TLane LogOnePlus<T, TLane, TOps>(TOps o, TLane u) where T : unmanaged where TLane : struct where TOps : struct, ILanes<T, TLane>
        {
            TLane s = o.Divide(u, o.Add(o.Constant(2), u));
            TLane s2 = o.Multiply(s, s);
            // Coefficients 1/(2k+1) from k = 7 (float) or 17 (double) down to 0, Horner steps written out.
            TLane q;
            if (o.IsSingle) q = o.Constant(1.0 / 15);
            else
            {
                q = o.Constant(1.0 / 35);
                q = Horner<T, TLane, TOps>(o, s2, q, 1.0 / 33);
                q = Horner<T, TLane, TOps>(o, s2, q, 1.0 / 31);
                q = Horner<T, TLane, TOps>(o, s2, q, 1.0 / 29);
                q = Horner<T, TLane, TOps>(o, s2, q, 1.0 / 27);
                q = Horner<T, TLane, TOps>(o, s2, q, 1.0 / 25);
                q = Horner<T, TLane, TOps>(o, s2, q, 1.0 / 23);
                q = Horner<T, TLane, TOps>(o, s2, q, 1.0 / 21);
                q = Horner<T, TLane, TOps>(o, s2, q, 1.0 / 19);
                q = Horner<T, TLane, TOps>(o, s2, q, 1.0 / 17);
                q = Horner<T, TLane, TOps>(o, s2, q, 1.0 / 15);
            }
            q = Horner<T, TLane, TOps>(o, s2, q, 1.0 / 13);
            q = Horner<T, TLane, TOps>(o, s2, q, 1.0 / 11);
            q = Horner<T, TLane, TOps>(o, s2, q, 1.0 / 9);
            q = Horner<T, TLane, TOps>(o, s2, q, 1.0 / 7);
            q = Horner<T, TLane, TOps>(o, s2, q, 1.0 / 5);
            q = Horner<T, TLane, TOps>(o, s2, q, 1.0 / 3);
            q = Horner<T, TLane, TOps>(o, s2, q, 1.0);
            return o.Multiply(o.Add(s, s), q);
        }

        /// <summary>log(1 + e^z) = max(z, 0) + log(1 + e^-|z|), without overflow; the cross-entropy of a sigmoid output.</summary>
        public static TLane Softplus<T, TLane, TOps>(TOps o, TLane z) where T : unmanaged where TLane : struct where TOps : struct, ILanes<T, TLane>
        {
            TLane zero = o.Constant(0);
            TLane positivePart = o.SelectGreater(z, zero, z, zero);
            TLane minusMagnitude = o.SelectLess(z, zero, z, o.Subtract(zero, z));
            return o.Add(positivePart, LogOnePlus<T, TLane, TOps>(o, Exp<T, TLane, TOps>(o, minusMagnitude)));
        }

        /// <summary>x limited to [low, high]; NaN stays NaN (both comparisons are false).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TLane Clamp<T, TLane, TOps>(TOps o, TLane x, TLane low, TLane high) where T : unmanaged where TLane : struct where TOps : struct, ILanes<T, TLane>
        {
            x = o.SelectLess(x, low, low, x);
            return o.SelectGreater(x, high, high, x);
        }

        /// <summary>
        /// Splits x (within exp's clamps) as n ln2 + r, |r| &lt;= ln2 / 2: returns 2^n and sets <paramref name="p"/> = e^r - 1
        /// (Taylor series in Horner form; coefficients 1/k! rounded to T).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TLane Reduce<T, TLane, TOps>(TOps o, TLane x, out TLane p) where T : unmanaged where TLane : struct where TOps : struct, ILanes<T, TLane>
        {
            bool single = o.IsSingle;
            TLane round = o.Constant(single ? SingleRound : DoubleRound);
            TLane n = o.Subtract(o.Add(o.Multiply(x, o.Constant(Log2E)), round), round);
            TLane r = o.Subtract(o.Subtract(x, o.Multiply(n, o.Constant(single ? SingleLn2Hi : DoubleLn2Hi))),
                o.Multiply(n, o.Constant(single ? SingleLn2Lo : DoubleLn2Lo)));
            // Horner steps written out (constant expressions, folded by the compiler): float 1/7! .. 1/1!, double 1/13! .. 1/1!.
            TLane q;
            if (single) q = o.Constant(1.0 / 5040);
            else
            {
                q = o.Constant(1.0 / 6227020800);
                q = Horner<T, TLane, TOps>(o, r, q, 1.0 / 479001600);
                q = Horner<T, TLane, TOps>(o, r, q, 1.0 / 39916800);
                q = Horner<T, TLane, TOps>(o, r, q, 1.0 / 3628800);
                q = Horner<T, TLane, TOps>(o, r, q, 1.0 / 362880);
                q = Horner<T, TLane, TOps>(o, r, q, 1.0 / 40320);
                q = Horner<T, TLane, TOps>(o, r, q, 1.0 / 5040);
            }
            q = Horner<T, TLane, TOps>(o, r, q, 1.0 / 720);
            q = Horner<T, TLane, TOps>(o, r, q, 1.0 / 120);
            q = Horner<T, TLane, TOps>(o, r, q, 1.0 / 24);
            q = Horner<T, TLane, TOps>(o, r, q, 1.0 / 6);
            q = Horner<T, TLane, TOps>(o, r, q, 1.0 / 2);
            q = Horner<T, TLane, TOps>(o, r, q, 1.0);
            p = o.Multiply(r, q);
            return o.PowerOfTwo(o.Add(n, o.Constant(single ? SinglePowerBias : DoublePowerBias)));
        }

        /// <summary>One Horner step, c + x q: a multiplication and an addition, each rounded (never fused).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TLane Horner<T, TLane, TOps>(TOps o, TLane x, TLane q, double c) where T : unmanaged where TLane : struct where TOps : struct, ILanes<T, TLane> =>
            o.Add(o.Constant(c), o.Multiply(x, q));
    }
}
