using System;
using System.Numerics;
using System.Runtime.CompilerServices;
#if NETCOREAPP3_0_OR_GREATER && !NET9_0_OR_GREATER
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
#endif

namespace PlanarGen
{
    public static partial class VectorMath
    {
        // a * b + c for the float kernels and the generated float networks. On .NET (Core 3.0 and later) it is rounded once
        // (fused multiply-add: one instruction instead of two, and a shorter dependency chain); on netstandard2.1 (Unity),
        // which has no fused operation, it is the two-step a * b + c. Every overload of one build rounds the same way, so a
        // vector lane, a Vector4 component and the scalar form always agree bit for bit.

        /// <summary>Returns <paramref name="a"/> * <paramref name="b"/> + <paramref name="c"/>, rounded once where the
        /// target framework has a fused multiply-add (every .NET target), twice on netstandard2.1.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float MultiplyAdd(float a, float b, float c)
        {
#if NETCOREAPP3_0_OR_GREATER
            return MathF.FusedMultiplyAdd(a, b, c);
#else
            return a * b + c;
#endif
        }

        /// <summary>Per lane <paramref name="a"/> * <paramref name="b"/> + <paramref name="c"/>; each lane equals
        /// <see cref="MultiplyAdd(float, float, float)"/> bit for bit.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> MultiplyAdd(Vector<float> a, Vector<float> b, Vector<float> c)
        {
#if NET9_0_OR_GREATER
            return Vector.FusedMultiplyAdd(a, b, c);
#elif NETCOREAPP3_0_OR_GREATER
            if (Fma.IsSupported && Vector<float>.Count == 8)
                return Fma.MultiplyAdd(a.AsVector256(), b.AsVector256(), c.AsVector256()).AsVector();
            if (Fma.IsSupported && Vector<float>.Count == 4)
                return Fma.MultiplyAdd(a.AsVector128(), b.AsVector128(), c.AsVector128()).AsVector();
            if (AdvSimd.IsSupported && Vector<float>.Count == 4)
                return AdvSimd.FusedMultiplyAdd(c.AsVector128(), a.AsVector128(), b.AsVector128()).AsVector();
            return MultiplyAddPerLane(a, b, c);
#else
            return a * b + c;
#endif
        }

        /// <summary>Per component <paramref name="a"/> * <paramref name="b"/> + <paramref name="c"/>; each component equals
        /// <see cref="MultiplyAdd(float, float, float)"/> bit for bit.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector4 MultiplyAdd(Vector4 a, Vector4 b, Vector4 c)
        {
#if NET9_0_OR_GREATER
            return Vector4.FusedMultiplyAdd(a, b, c);
#elif NETCOREAPP3_0_OR_GREATER
            if (Fma.IsSupported) return Fma.MultiplyAdd(a.AsVector128(), b.AsVector128(), c.AsVector128()).AsVector4();
            if (AdvSimd.IsSupported) return AdvSimd.FusedMultiplyAdd(c.AsVector128(), a.AsVector128(), b.AsVector128()).AsVector4();
            return new Vector4(
                MathF.FusedMultiplyAdd(a.X, b.X, c.X), MathF.FusedMultiplyAdd(a.Y, b.Y, c.Y),
                MathF.FusedMultiplyAdd(a.Z, b.Z, c.Z), MathF.FusedMultiplyAdd(a.W, b.W, c.W));
#else
            return a * b + c;
#endif
        }

        /// <summary>Returns <paramref name="c"/> - <paramref name="a"/> * <paramref name="b"/>, rounded as
        /// <see cref="MultiplyAdd(float, float, float)"/> rounds (negating a product is exact).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float NegatedMultiplyAdd(float a, float b, float c) => MultiplyAdd(-a, b, c);

        /// <summary>Per lane <paramref name="c"/> - <paramref name="a"/> * <paramref name="b"/>; each lane equals
        /// <see cref="NegatedMultiplyAdd(float, float, float)"/> bit for bit.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> NegatedMultiplyAdd(Vector<float> a, Vector<float> b, Vector<float> c) => MultiplyAdd(-a, b, c);

#if NETCOREAPP3_0_OR_GREATER && !NET9_0_OR_GREATER
        // Hardware without a vector FMA of Vector<float>'s width (rare): the scalar fused operation per lane, on the stack.
        private static Vector<float> MultiplyAddPerLane(Vector<float> a, Vector<float> b, Vector<float> c)
        {
            Span<float> lanes = stackalloc float[Vector<float>.Count];
            for (int i = 0; i < lanes.Length; i++) lanes[i] = MathF.FusedMultiplyAdd(a[i], b[i], c[i]);
            return new Vector<float>(lanes);
        }
#endif
    }
}
