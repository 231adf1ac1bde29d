using System;
using System.Numerics;
using System.Runtime.CompilerServices;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;
#endif

namespace PlanarGen
{
    public static partial class VectorMath
    {
        // SoftplusFast = max(x, 0) + log1p(u) with u = e^-|x|, for the reported cost of float networks, which a training pass
        // computes beside the gradient. Short dependency chains matter more there than the last ulp (Softplus's Exp then Log
        // is about 200 cycles deep). u: Exp's reduction (n = round(-|x| log2 e), r = -|x| - n ln2 in two parts) and its degree-5
        // polynomial in Estrin's form, with |x| clamped to 87 so that 2^n stays normal and needs no adjustment. log1p(u) =
        // 2 atanh(s), s = u / (2 + u) in [0, 1/3]: 2s (1 + w/3 + w^2/5 + ... + w^6/13) with w = s^2 (the next term, w^7/15,
        // is below 1.4e-8). Every product-sum is a MultiplyAdd, so the scalar and vector forms round alike.

        private const float SoftplusFastClamp = 87f;

        /// <summary>Computes log(1 + e^<paramref name="x"/>) with short dependency chains; the scalar twin of <see cref="SoftplusFast(Vector{float})"/>.</summary>
        /// <remarks>
        /// The generated float networks' cost term (binary cross-entropy is SoftplusFast(z) - y z). Max error against
        /// log(1 + e^x) computed in double: 4 ulp (measured at x = -2.7556) where the result is at least 2^-126 (tested on a grid of 2 million inputs
        /// in [-88, 88] and at the special values). For x &lt; -87 the result is e^-87 (1.6e-38) instead of e^x, an absolute
        /// error below 1.7e-38. SoftplusFast(+inf) = +inf, SoftplusFast(NaN) = NaN.
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float SoftplusFast(float x)
        {
            float positive = x < 0f ? 0f : x;                       // NaN stays NaN
            float a = AbsBits(x);
            a = a < SoftplusFastClamp ? a : SoftplusFastClamp;
            float t = MultiplyAdd(-a, Log2EF, ExpShifterF);
            int n = BitConverter.SingleToInt32Bits(t) - ExpShifterBitsF;
            float nf = t - ExpShifterF;
            float r = MultiplyAdd(nf, -Ln2HiF, -a);
            r = MultiplyAdd(nf, -Ln2LoF, r);
            float z = r * r;
            float p = MultiplyAdd(MultiplyAdd(MultiplyAdd(ExpP0F, r, ExpP1F), z, MultiplyAdd(ExpP2F, r, ExpP3F)), z, MultiplyAdd(ExpP4F, r, ExpP5F));
            float u = (MultiplyAdd(z, p, r) + 1f) * BitConverter.Int32BitsToSingle((n + 127) << 23);
            float s = u / (2f + u);
            float w = s * s;
            float w2 = w * w;
            float q = MultiplyAdd(w2 * w2, MultiplyAdd(w2, 1f / 13f, MultiplyAdd(w, 1f / 11f, 1f / 9f)),
                MultiplyAdd(w2, MultiplyAdd(w, 1f / 7f, 1f / 5f), MultiplyAdd(w, 1f / 3f, 1f)));
            return positive + (s + s) * q;
        }

        /// <summary>Computes log(1 + e^x) in every lane; each lane equals <see cref="SoftplusFast(float)"/> bit for bit.</summary>
        /// <remarks>Same algorithm, error and special values as <see cref="SoftplusFast(float)"/>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> SoftplusFast(Vector<float> x)
        {
            Vector<float> positive = Vector.ConditionalSelect(Vector.LessThan(x, Vector<float>.Zero), Vector<float>.Zero, x);
            Vector<float> a = AbsBits(x);
            var clamp = new Vector<float>(SoftplusFastClamp);
            a = Vector.ConditionalSelect(Vector.LessThan(a, clamp), a, clamp);
            var shifter = new Vector<float>(ExpShifterF);
            Vector<float> t = MultiplyAdd(-a, new Vector<float>(Log2EF), shifter);
            Vector<int> n = Vector.AsVectorInt32(t) - new Vector<int>(ExpShifterBitsF);
            Vector<float> nf = t - shifter;
            Vector<float> r = MultiplyAdd(nf, new Vector<float>(-Ln2HiF), -a);
            r = MultiplyAdd(nf, new Vector<float>(-Ln2LoF), r);
            Vector<float> z = r * r;
            Vector<float> p = MultiplyAdd(MultiplyAdd(MultiplyAdd(new Vector<float>(ExpP0F), r, new Vector<float>(ExpP1F)), z,
                MultiplyAdd(new Vector<float>(ExpP2F), r, new Vector<float>(ExpP3F))), z, MultiplyAdd(new Vector<float>(ExpP4F), r, new Vector<float>(ExpP5F)));
            Vector<float> u = (MultiplyAdd(z, p, r) + Vector<float>.One) * Vector.AsVectorSingle(ShiftLeft23(n + new Vector<int>(127)));
            Vector<float> s = u / (new Vector<float>(2f) + u);
            Vector<float> w = s * s;
            Vector<float> w2 = w * w;
            Vector<float> q = MultiplyAdd(w2 * w2, MultiplyAdd(w2, new Vector<float>(1f / 13f), MultiplyAdd(w, new Vector<float>(1f / 11f), new Vector<float>(1f / 9f))),
                MultiplyAdd(w2, MultiplyAdd(w, new Vector<float>(1f / 7f), new Vector<float>(1f / 5f)), MultiplyAdd(w, new Vector<float>(1f / 3f), Vector<float>.One)));
            return positive + (s + s) * q;
        }

#if NET8_0_OR_GREATER
        /// <summary>Computes log(1 + e^x) in every lane; each lane equals <see cref="SoftplusFast(float)"/> bit for bit.</summary>
        /// <remarks>Same algorithm, error and special values as <see cref="SoftplusFast(float)"/>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> SoftplusFast(Vector512<float> x)
        {
            Vector512<float> positive = Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<float>.Zero), Vector512<float>.Zero, x);
            Vector512<float> a = (x.AsInt32() & Vector512.Create(FloatAbsMask)).AsSingle();
            Vector512<float> clamp = Vector512.Create(SoftplusFastClamp);
            a = Vector512.ConditionalSelect(Vector512.LessThan(a, clamp), a, clamp);
            Vector512<float> shifter = Vector512.Create(ExpShifterF);
            Vector512<float> t = MultiplyAdd(-a, Vector512.Create(Log2EF), shifter);
            Vector512<int> n = t.AsInt32() - Vector512.Create(ExpShifterBitsF);
            Vector512<float> nf = t - shifter;
            Vector512<float> r = MultiplyAdd(nf, Vector512.Create(-Ln2HiF), -a);
            r = MultiplyAdd(nf, Vector512.Create(-Ln2LoF), r);
            Vector512<float> z = r * r;
            Vector512<float> p = MultiplyAdd(MultiplyAdd(MultiplyAdd(Vector512.Create(ExpP0F), r, Vector512.Create(ExpP1F)), z,
                MultiplyAdd(Vector512.Create(ExpP2F), r, Vector512.Create(ExpP3F))), z, MultiplyAdd(Vector512.Create(ExpP4F), r, Vector512.Create(ExpP5F)));
            Vector512<float> u = (MultiplyAdd(z, p, r) + Vector512<float>.One) * Vector512.ShiftLeft(n + Vector512.Create(127), 23).AsSingle();
            Vector512<float> s = u / (Vector512.Create(2f) + u);
            Vector512<float> w = s * s;
            Vector512<float> w2 = w * w;
            Vector512<float> q = MultiplyAdd(w2 * w2, MultiplyAdd(w2, Vector512.Create(1f / 13f), MultiplyAdd(w, Vector512.Create(1f / 11f), Vector512.Create(1f / 9f))),
                MultiplyAdd(w2, MultiplyAdd(w, Vector512.Create(1f / 7f), Vector512.Create(1f / 5f)), MultiplyAdd(w, Vector512.Create(1f / 3f), Vector512<float>.One)));
            return positive + (s + s) * q;
        }
#endif
    }
}
