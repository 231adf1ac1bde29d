using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace PlanarGen
{
    public static partial class VectorMath
    {
        // Fast float tanh for the generated float networks: no exponential, one division.
        // tanh(x) = x * P(x^2) / Q(x^2) with x clamped to [-8.125, 8.125]; P and Q have degree 4 in x^2. The coefficients
        // were fitted for PlanarGen (linearised weighted least squares on the relative error over |x| <= 9, iterated
        // towards minimax; relative error 2.1e-8 in exact arithmetic) and then rounded to float. Float rounding of the two
        // Horner evaluations dominates the error. The clamp is below the fitted range's end so that the result never
        // exceeds 1 in magnitude (at 8.125 it is 1 - 3 ulp; the true tanh is 1 - 1.7e-7 there).
        // Sigmoid through it: sigmoid(x) = 0.5 + 0.5 tanh(x / 2), exact identity; the error is absolute, not relative.

        private const float TanhFastClamp = 8.125f;
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
        /// About 3x cheaper than <see cref="Tanh(float)"/> (no exponential). Max error against <see cref="Math.Tanh"/>: absolute 3.5e-7,
        /// relative 3.5e-7 (at most 6 ulp), measured over 2e8 float inputs (every 5th bit pattern in [0, 10]) and the test grid.
        /// |result| &lt; 1 always; for |x| &gt;= 8.125 the result is ±0.99999982. TanhFast(±0) = ±0, TanhFast(±inf) = ±0.99999982,
        /// TanhFast(NaN) = 0.99999982 (the clamps map NaN to the upper bound; the generated networks detect non-finite values
        /// through their inputs and parameters, not through this). The generated float networks use it for tanh hidden units.
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float TanhFast(float x)
        {
            x = x < TanhFastClamp ? x : TanhFastClamp;     // NaN becomes the clamp, like x86 minps (see ClampNative)
            x = x > -TanhFastClamp ? x : -TanhFastClamp;
            float z = x * x;
            float p = (((TanhFastP4 * z + TanhFastP3) * z + TanhFastP2) * z + TanhFastP1) * z + 1f;
            float q = (((TanhFastQ4 * z + TanhFastQ3) * z + TanhFastQ2) * z + TanhFastQ1) * z + 1f;
            return x * p / q;
        }

        /// <summary>Computes tanh in every lane with a rational approximation; each lane equals <see cref="TanhFast(float)"/> bit for bit.</summary>
        /// <remarks>Same algorithm, error and special values as <see cref="TanhFast(float)"/>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> TanhFast(Vector<float> x)
        {
            x = ClampNative(x, new Vector<float>(-TanhFastClamp), new Vector<float>(TanhFastClamp));
            Vector<float> z = x * x;
            Vector<float> p = (((new Vector<float>(TanhFastP4) * z + new Vector<float>(TanhFastP3)) * z + new Vector<float>(TanhFastP2)) * z
                + new Vector<float>(TanhFastP1)) * z + Vector<float>.One;
            Vector<float> q = (((new Vector<float>(TanhFastQ4) * z + new Vector<float>(TanhFastQ3)) * z + new Vector<float>(TanhFastQ2)) * z
                + new Vector<float>(TanhFastQ1)) * z + Vector<float>.One;
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
            Vector4 p = (((new Vector4(TanhFastP4) * z + new Vector4(TanhFastP3)) * z + new Vector4(TanhFastP2)) * z
                + new Vector4(TanhFastP1)) * z + Vector4.One;
            Vector4 q = (((new Vector4(TanhFastQ4) * z + new Vector4(TanhFastQ3)) * z + new Vector4(TanhFastQ2)) * z
                + new Vector4(TanhFastQ1)) * z + Vector4.One;
            return x * p / q;
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

        /// <summary>Computes 1 / (1 + e^-<paramref name="x"/>) as 0.5 + 0.5 <see cref="TanhFast(float)"/>(x / 2); the scalar twin of <see cref="SigmoidFast(Vector{float})"/>.</summary>
        /// <remarks>
        /// Max absolute error against 1 / (1 + <see cref="Math.Exp"/>(-x)): 2.5e-7 (absolute only: results for very negative x are
        /// about 9e-8 rather than tiny, so use <see cref="Sigmoid(float)"/> where relative accuracy near 0 matters).
        /// The result is in [8.9e-8, 0.99999994]. SigmoidFast(NaN) = SigmoidFast(+inf) (see TanhFast). The generated float networks use it for their outputs.
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float SigmoidFast(float x) => 0.5f + 0.5f * TanhFast(0.5f * x);

        /// <summary>Computes the sigmoid in every lane as 0.5 + 0.5 tanh(x / 2); each lane equals <see cref="SigmoidFast(float)"/> bit for bit.</summary>
        /// <remarks>Same algorithm, error and special values as <see cref="SigmoidFast(float)"/>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> SigmoidFast(Vector<float> x)
        {
            var half = new Vector<float>(0.5f);
            return half + half * TanhFast(half * x);
        }
    }
}
