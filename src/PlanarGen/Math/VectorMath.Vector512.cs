#if NET8_0_OR_GREATER
using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
#if !NET9_0_OR_GREATER
using System.Runtime.Intrinsics.X86;
#endif

namespace PlanarGen
{
    public static partial class VectorMath
    {
        // The 512-bit twins of the float kernels, for the generated networks' Vector512 path (see SimdPath). Same operations
        // in the same order as the scalar and Vector<float> forms, so every lane gives the same bits. Where Vector512 is not
        // accelerated (tests force the path on such machines) .NET runs them in software, with the same results.

        /// <summary>Per lane <paramref name="a"/> * <paramref name="b"/> + <paramref name="c"/>, rounded as the scalar form rounds; each lane equals
        /// <see cref="MultiplyAdd(float, float, float)"/> bit for bit.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c)
        {
#if NET9_0_OR_GREATER
            if (FusesMultiplyAdd) return Vector512.FusedMultiplyAdd(a, b, c);
#else
            if (Avx512F.IsSupported) return Avx512F.FusedMultiplyAdd(a, b, c);
            if (Fma.IsSupported)
                return Vector512.Create(Fma.MultiplyAdd(a.GetLower(), b.GetLower(), c.GetLower()), Fma.MultiplyAdd(a.GetUpper(), b.GetUpper(), c.GetUpper()));
            if (FusesMultiplyAdd)
            {
                Span<float> lanes = stackalloc float[Vector512<float>.Count];
                for (int i = 0; i < lanes.Length; i++) lanes[i] = MathF.FusedMultiplyAdd(a.GetElement(i), b.GetElement(i), c.GetElement(i));
                return Vector512.Create((ReadOnlySpan<float>)lanes);
            }
#endif
            return a * b + c;
        }

        /// <summary>Per lane <paramref name="c"/> - <paramref name="a"/> * <paramref name="b"/>; each lane equals
        /// <see cref="NegatedMultiplyAdd(float, float, float)"/> bit for bit.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> NegatedMultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) => MultiplyAdd(-a, b, c);

        /// <summary>Computes tanh in every lane; each lane equals <see cref="TanhFast(float)"/> bit for bit.</summary>
        /// <remarks>Same algorithm, error and special values as <see cref="TanhFast(float)"/>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> TanhFast(Vector512<float> x)
        {
            x = ClampNative(x, Vector512.Create(-TanhFastClamp), Vector512.Create(TanhFastClamp));
            Vector512<float> z = x * x;
            Vector512<float> p = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(Vector512.Create(TanhFastP4), z, Vector512.Create(TanhFastP3)), z,
                Vector512.Create(TanhFastP2)), z, Vector512.Create(TanhFastP1)), z, Vector512<float>.One);
            Vector512<float> q = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(Vector512.Create(TanhFastQ4), z, Vector512.Create(TanhFastQ3)), z,
                Vector512.Create(TanhFastQ2)), z, Vector512.Create(TanhFastQ1)), z, Vector512<float>.One);
            return x * p / q;
        }

        /// <summary>Computes the sigmoid in every lane as 0.5 + 0.5 tanh(x / 2); each lane equals <see cref="SigmoidFast(float)"/> bit for bit.</summary>
        /// <remarks>Same algorithm, error and special values as <see cref="SigmoidFast(float)"/>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> SigmoidFast(Vector512<float> x)
        {
            x = ClampNative(x, Vector512.Create(-SigmoidFastClamp), Vector512.Create(SigmoidFastClamp));
            Vector512<float> z = x * x;
            Vector512<float> p = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(Vector512.Create(SigmoidFastP4), z, Vector512.Create(SigmoidFastP3)), z,
                Vector512.Create(SigmoidFastP2)), z, Vector512.Create(SigmoidFastP1)), z, Vector512<float>.One);
            Vector512<float> q = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(Vector512.Create(SigmoidFastQ4), z, Vector512.Create(SigmoidFastQ3)), z,
                Vector512.Create(SigmoidFastQ2)), z, Vector512.Create(SigmoidFastQ1)), z, Vector512.Create(4f));
            return MinNative(x * p / q + Vector512.Create(0.5f), Vector512.Create(SigmoidFastMax));
        }

        /// <summary>Computes log(1 + e^x) in every lane; each lane equals <see cref="Softplus(float)"/> bit for bit.</summary>
        /// <remarks>Same algorithm, error and special values as <see cref="Softplus(float)"/>: a reported cost computes it in
        /// the training pass, so it is vectorised like the other kernels.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Softplus(Vector512<float> x)
        {
            Vector512<float> positive = Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<float>.Zero), x, Vector512<float>.Zero);
            Vector512<float> u = Exp(-(x.AsInt32() & Vector512.Create(FloatAbsMask)).AsSingle());
            Vector512<float> w = Vector512<float>.One + u;
            Vector512<float> log1p = Log(w) + (u - (w - Vector512<float>.One)) / w;
            return positive + log1p;
        }

        /// <summary>Computes e^x in every lane; each lane equals <see cref="Exp(float)"/> bit for bit (the softmax outputs of the
        /// generated networks' Vector512 kernels).</summary>
        /// <remarks>Same algorithm, error and special values as <see cref="Exp(float)"/>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Exp(Vector512<float> x)
        {
            Vector512<float> min = Vector512.Create(ExpMinF), max = Vector512.Create(ExpMaxF);
            x = Vector512.ConditionalSelect(Vector512.LessThan(x, min), min, x);
            x = Vector512.ConditionalSelect(Vector512.GreaterThan(x, max), max, x);
            Vector512<float> shifter = Vector512.Create(ExpShifterF);
            Vector512<float> t = x * Vector512.Create(Log2EF) + shifter;
            Vector512<int> n = t.AsInt32() - Vector512.Create(ExpShifterBitsF);
            Vector512<float> nf = t - shifter;
            Vector512<float> r = x - nf * Vector512.Create(Ln2HiF);
            r = r - nf * Vector512.Create(Ln2LoF);
            Vector512<float> z = r * r;
            Vector512<float> p = (((((Vector512.Create(ExpP0F) * r + Vector512.Create(ExpP1F)) * r + Vector512.Create(ExpP2F)) * r
                + Vector512.Create(ExpP3F)) * r + Vector512.Create(ExpP4F)) * r + Vector512.Create(ExpP5F)) * z + r + Vector512<float>.One;
            Vector512<float> top = Vector512.GreaterThan(nf, Vector512.Create(127f));
            n = n + top.AsInt32();                          // top lanes are -1
            p = Vector512.ConditionalSelect(top, p + p, p);
            return p * Vector512.ShiftLeft(n + Vector512.Create(127), 23).AsSingle();
        }

        /// <summary>Computes the natural logarithm in every lane; each lane equals <see cref="Log(float)"/> bit for bit.</summary>
        /// <remarks>Same algorithm, error and special values as <see cref="Log(float)"/>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Log(Vector512<float> x)
        {
            Vector512<float> subnormal = Vector512.LessThan(x, Vector512.Create(MinNormalF));
            Vector512<float> xs = Vector512.ConditionalSelect(subnormal, x * Vector512.Create(SubnormalScaleF), x);
            Vector512<float> eAdjust = Vector512.ConditionalSelect(subnormal, Vector512.Create(SubnormalExponentF), Vector512<float>.Zero);
            Vector512<int> sqrtHalfBits = Vector512.Create(SqrtHalfBitsF);
            Vector512<int> t = xs.AsInt32() - sqrtHalfBits;
            Vector512<float> e = Vector512.ConvertToSingle(t & Vector512.Create(ExponentFieldF)) * Vector512.Create(TwoPowMinus23F) - eAdjust;
            Vector512<float> f = ((t & Vector512.Create(MantissaFieldF)) + sqrtHalfBits).AsSingle() - Vector512<float>.One;
            Vector512<float> z = f * f;
            Vector512<float> y = ((((((((Vector512.Create(LogP0F) * f + Vector512.Create(LogP1F)) * f + Vector512.Create(LogP2F)) * f
                + Vector512.Create(LogP3F)) * f + Vector512.Create(LogP4F)) * f + Vector512.Create(LogP5F)) * f
                + Vector512.Create(LogP6F)) * f + Vector512.Create(LogP7F)) * f + Vector512.Create(LogP8F)) * f * z;
            y = y + e * Vector512.Create(Ln2LoF);
            y = y - Vector512.Create(0.5f) * z;
            Vector512<float> result = f + y;
            result = result + e * Vector512.Create(Ln2HiF);
            Vector512<float> inf = Vector512.Create(float.PositiveInfinity);
            result = Vector512.ConditionalSelect(Vector512.Equals(x, inf), inf, result);
            result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512<float>.Zero), Vector512.Create(float.NegativeInfinity), result);
            return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<float>.Zero), result, Vector512.Create(float.NaN));
        }

        /// <summary>Per lane x &lt; hi ? x : hi: vminps where Vector512 is accelerated, the same comparison and select elsewhere.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<float> MinNative(Vector512<float> x, Vector512<float> hi)
        {
#if NET9_0_OR_GREATER
            // MinNative in software follows IEEE rules, not vminps's; only the hardware form matches the ternary.
            if (Vector512.IsHardwareAccelerated) return Vector512.MinNative(x, hi);
#endif
            return Vector512.ConditionalSelect(Vector512.LessThan(x, hi), x, hi);
        }

        /// <summary>Returns (x &lt; hi ? x : hi), then (that &gt; lo ? that : lo), per lane: NaN lanes become hi (see the
        /// Vector&lt;float&gt; form).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<float> ClampNative(Vector512<float> x, Vector512<float> lo, Vector512<float> hi)
        {
#if NET9_0_OR_GREATER
            if (Vector512.IsHardwareAccelerated) return Vector512.MaxNative(Vector512.MinNative(x, hi), lo);
#endif
            x = Vector512.ConditionalSelect(Vector512.LessThan(x, hi), x, hi);
            return Vector512.ConditionalSelect(Vector512.GreaterThan(x, lo), x, lo);
        }
    }
}
#endif
