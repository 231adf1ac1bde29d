using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace PlanarGen
{
    public static partial class VectorMath
    {
        // Fast float tanh for the generated float networks: no exponential, one division.
        // tanh(x) = x * P(x^2) / Q(x^2) with x clamped to [-7.9375, 7.9375]; P and Q have degree 4 in x^2. The coefficients
        // were fitted for PlanarGen (linearised weighted least squares on the relative error over |x| <= 9, iterated
        // towards minimax; relative error 2.1e-8 in exact arithmetic) and then rounded to float. Float rounding of the two
        // Horner evaluations (fused multiply-adds on .NET, see MultiplyAdd) dominates the error. The clamp keeps the result
        // below 1 in magnitude: with fused multiply-adds, 135 inputs between 7.966826 and 8.125 round to exactly 1 (every
        // float in [7, 8.125] was checked), none below; at 7.9375 the result is 0.99999976 and the true tanh 1 - 2.6e-7.
        // Sigmoid through it: sigmoid(x) = 0.5 + 0.5 tanh(x / 2), exact identity; the error is absolute, not relative.

        private const float TanhFastClamp = 7.9375f;
        private const float TanhFastP1 = 0.13380982f;
        private const float TanhFastP2 = 0.0034955337f;
        private const float TanhFastP3 = 2.0608108e-05f;
        private const float TanhFastP4 = 1.3353199e-08f;
        private const float TanhFastQ1 = 0.46714297f;
        private const float TanhFastQ2 = 0.025876781f;
        private const float TanhFastQ3 = 0.00032855422f;
        private const float TanhFastQ4 = 7.775982e-07f;

        /// <summary>Computes tanh(<paramref name="x"/>) with a rational approximation; the scalar twin of <see cref="TanhFast(Vector{float})"/>.</summary>
        /// <remarks>
        /// About 3x cheaper than <see cref="Tanh(float)"/> (no exponential). Max error against <see cref="Math.Tanh"/>: absolute 3.0e-7,
        /// relative 3.0e-7 (at most 6 ulp), measured over every float in [0, 20] (it is odd, so negative inputs mirror) with
        /// fused multiply-adds; the tests hold it to 3.5e-7 on their grid, which also covers the unfused form of hosts without FMA
        /// and of netstandard2.1. |result| &lt;= 0.99999994 &lt; 1 always; for |x| &gt;= 7.9375 the result is ±0.99999976 (fused;
        /// ±0.99999982 unfused). TanhFast(±0) = ±0, TanhFast(±inf) = that bound with its sign, TanhFast(NaN) = the upper bound (the clamps map NaN to the upper bound; the generated networks detect non-finite values
        /// through their inputs and parameters, not through this). The generated float networks use it for tanh hidden units.
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float TanhFast(float x)
        {
            x = ClampNative(x, -TanhFastClamp, TanhFastClamp);     // NaN becomes the upper clamp
            float z = x * x;
            float p = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(TanhFastP4, z, TanhFastP3), z, TanhFastP2), z, TanhFastP1), z, 1f);
            float q = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(TanhFastQ4, z, TanhFastQ3), z, TanhFastQ2), z, TanhFastQ1), z, 1f);
            return x * p / q;
        }

        /// <summary>Computes tanh in every lane with a rational approximation; each lane equals <see cref="TanhFast(float)"/> bit for bit.</summary>
        /// <remarks>Same algorithm, error and special values as <see cref="TanhFast(float)"/>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> TanhFast(Vector<float> x)
        {
            x = ClampNative(x, new Vector<float>(-TanhFastClamp), new Vector<float>(TanhFastClamp));
            Vector<float> z = x * x;
            Vector<float> p = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(new Vector<float>(TanhFastP4), z, new Vector<float>(TanhFastP3)), z,
                new Vector<float>(TanhFastP2)), z, new Vector<float>(TanhFastP1)), z, Vector<float>.One);
            Vector<float> q = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(new Vector<float>(TanhFastQ4), z, new Vector<float>(TanhFastQ3)), z,
                new Vector<float>(TanhFastQ2)), z, new Vector<float>(TanhFastQ1)), z, Vector<float>.One);
            return x * p / q;
        }

        /// <summary>Computes tanh of four values (e.g. four hidden units of one sample); each component equals
        /// <see cref="TanhFast(float)"/> bit for bit for every non-NaN input (NaN components give an unspecified value).</summary>
        /// <remarks>Same polynomials and operation order as <see cref="TanhFast(float)"/>; the generated float networks use it
        /// in one-sample Predict, four hidden units at a time.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector4 TanhFast(Vector4 x)
        {
#if NET9_0_OR_GREATER
            if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
            {
                // vminps/vmaxps: the scalar ternaries' rules exactly (see ClampNative).
                var v = System.Runtime.Intrinsics.Vector128.AsVector128(x);
                v = System.Runtime.Intrinsics.Vector128.MinNative(v, System.Runtime.Intrinsics.Vector128.Create(TanhFastClamp));
                v = System.Runtime.Intrinsics.Vector128.MaxNative(v, System.Runtime.Intrinsics.Vector128.Create(-TanhFastClamp));
                x = System.Runtime.Intrinsics.Vector128.AsVector4(v);
            }
            else
#endif
            {
                x = Vector4.Min(Vector4.Max(x, new Vector4(-TanhFastClamp)), new Vector4(TanhFastClamp));
            }
            Vector4 z = x * x;
            Vector4 p = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(new Vector4(TanhFastP4), z, new Vector4(TanhFastP3)), z,
                new Vector4(TanhFastP2)), z, new Vector4(TanhFastP1)), z, Vector4.One);
            Vector4 q = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(new Vector4(TanhFastQ4), z, new Vector4(TanhFastQ3)), z,
                new Vector4(TanhFastQ2)), z, new Vector4(TanhFastQ1)), z, Vector4.One);
            return x * p / q;
        }

        /// <summary>Returns (x &lt; hi ? x : hi), then (that &gt; lo ? that : lo): NaN becomes hi. The scalar twin of the vector
        /// clamp below: vminss/vmaxss on x86 (the same rules, no branches), the ternaries elsewhere.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static float ClampNative(float x, float lo, float hi)
        {
#if NETCOREAPP3_0_OR_GREATER
            if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
            {
                var v = System.Runtime.Intrinsics.Vector128.CreateScalarUnsafe(x);
                v = System.Runtime.Intrinsics.X86.Sse.MinScalar(v, System.Runtime.Intrinsics.Vector128.CreateScalarUnsafe(hi));
                v = System.Runtime.Intrinsics.X86.Sse.MaxScalar(v, System.Runtime.Intrinsics.Vector128.CreateScalarUnsafe(lo));
                return System.Runtime.Intrinsics.Vector128.ToScalar(v);
            }
#endif
            x = x < hi ? x : hi;
            return x > lo ? x : lo;
        }

        /// <summary>Returns x &lt; hi ? x : hi (vminss on x86; no branch).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static float MinNative(float x, float hi)
        {
#if NETCOREAPP3_0_OR_GREATER
            if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
                return System.Runtime.Intrinsics.Vector128.ToScalar(System.Runtime.Intrinsics.X86.Sse.MinScalar(
                    System.Runtime.Intrinsics.Vector128.CreateScalarUnsafe(x), System.Runtime.Intrinsics.Vector128.CreateScalarUnsafe(hi)));
#endif
            return x < hi ? x : hi;
        }

        /// <summary>Per lane x &lt; hi ? x : hi (vminps on x86 with .NET 9 or later).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<float> MinNative(Vector<float> x, Vector<float> hi)
        {
#if NET9_0_OR_GREATER
            if (System.Runtime.Intrinsics.X86.Sse.IsSupported) return Vector.MinNative(x, hi);
#endif
            return Vector.ConditionalSelect(Vector.LessThan(x, hi), x, hi);
        }

        /// <summary>Returns (x &lt; hi ? x : hi), then (that &gt; lo ? that : lo), per lane: NaN lanes become hi.</summary>
        /// <remarks>On x86/x64 with .NET 9 or later this is vminps/vmaxps (<c>Vector.MinNative</c>/<c>MaxNative</c>), whose
        /// NaN and signed-zero rules are exactly these ternaries (the second operand wins unless the comparison holds);
        /// elsewhere it is the same comparison and select, so every target gives the same bits.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<float> ClampNative(Vector<float> x, Vector<float> lo, Vector<float> hi)
        {
#if NET9_0_OR_GREATER
            if (System.Runtime.Intrinsics.X86.Sse.IsSupported) return Vector.MaxNative(Vector.MinNative(x, hi), lo);
#endif
            x = Vector.ConditionalSelect(Vector.LessThan(x, hi), x, hi);
            return Vector.ConditionalSelect(Vector.GreaterThan(x, lo), x, lo);
        }

        // SigmoidFast(x) = 0.5 + 0.5 TanhFast(x / 2), evaluated without the two halvings: with u = x / 2, the clamp of u to
        // +-7.9375 is the clamp of x to +-15.875, P(u^2) is P with coefficients P_k / 4^k evaluated at x^2, and
        // 0.5 u P / Q = x P / (4 Q), so 4 Q uses Q_k / 4^(k-1) and the constant 4. Scaling by powers of two is exact in
        // binary floating point, so every intermediate is the same value scaled, and x P / (4 Q) + 0.5 equals
        // MultiplyAdd(0.5, TanhFast(0.5 x), 0.5) bit for bit (tested): two operations and about 7 cycles of latency fewer.
        private const float SigmoidFastClamp = 2 * TanhFastClamp;

        // With fused multiply-adds TanhFast can return 1 - 2^-24 just below its clamp, and 0.5 + 0.5 (1 - 2^-24) is a tie that
        // rounds to 1: the upper bound keeps every sigmoid below 1 (the lower end, 0.5 - 0.5 t, is exact and above 0).
        private const float SigmoidFastMax = 0.99999994f;   // 1 - 2^-24, the largest float below 1
        private const float SigmoidFastP1 = TanhFastP1 / 4;
        private const float SigmoidFastP2 = TanhFastP2 / 16;
        private const float SigmoidFastP3 = TanhFastP3 / 64;
        private const float SigmoidFastP4 = TanhFastP4 / 256;
        private const float SigmoidFastQ1 = TanhFastQ1;
        private const float SigmoidFastQ2 = TanhFastQ2 / 4;
        private const float SigmoidFastQ3 = TanhFastQ3 / 16;
        private const float SigmoidFastQ4 = TanhFastQ4 / 64;

        /// <summary>Computes 1 / (1 + e^-<paramref name="x"/>) as 0.5 + 0.5 <see cref="TanhFast(float)"/>(x / 2) (the same bits, fewer
        /// operations); the scalar twin of <see cref="SigmoidFast(Vector{float})"/>.</summary>
        /// <remarks>
        /// Max absolute error against 1 / (1 + <see cref="Math.Exp"/>(-x)): 2.5e-7 (absolute only: results for very negative x are
        /// about 3e-8 rather than tiny, so use <see cref="Sigmoid(float)"/> where relative accuracy near 0 matters).
        /// Measured over every float in [-40, 40]: max absolute error 1.75e-7. The result is in [3.0e-8, 0.99999994]. SigmoidFast(NaN) = SigmoidFast(+inf) (see TanhFast). The generated float networks use it for their outputs.
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float SigmoidFast(float x)
        {
            x = ClampNative(x, -SigmoidFastClamp, SigmoidFastClamp);     // NaN becomes the upper clamp, as in TanhFast
            float z = x * x;
            float p = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(SigmoidFastP4, z, SigmoidFastP3), z, SigmoidFastP2), z, SigmoidFastP1), z, 1f);
            float q = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(SigmoidFastQ4, z, SigmoidFastQ3), z, SigmoidFastQ2), z, SigmoidFastQ1), z, 4f);
            return MinNative(x * p / q + 0.5f, SigmoidFastMax);
        }

        /// <summary>Computes the sigmoid in every lane as 0.5 + 0.5 tanh(x / 2); each lane equals <see cref="SigmoidFast(float)"/> bit for bit.</summary>
        /// <remarks>Same algorithm, error and special values as <see cref="SigmoidFast(float)"/>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> SigmoidFast(Vector<float> x)
        {
            x = ClampNative(x, new Vector<float>(-SigmoidFastClamp), new Vector<float>(SigmoidFastClamp));
            Vector<float> z = x * x;
            Vector<float> p = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(new Vector<float>(SigmoidFastP4), z, new Vector<float>(SigmoidFastP3)), z,
                new Vector<float>(SigmoidFastP2)), z, new Vector<float>(SigmoidFastP1)), z, Vector<float>.One);
            Vector<float> q = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(new Vector<float>(SigmoidFastQ4), z, new Vector<float>(SigmoidFastQ3)), z,
                new Vector<float>(SigmoidFastQ2)), z, new Vector<float>(SigmoidFastQ1)), z, new Vector<float>(4f));
            return MinNative(x * p / q + new Vector<float>(0.5f), new Vector<float>(SigmoidFastMax));
        }
    }
}
