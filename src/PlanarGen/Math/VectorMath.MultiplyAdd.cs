using System;
using System.Numerics;
using System.Runtime.CompilerServices;
#if NETCOREAPP3_0_OR_GREATER
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
#endif
#if NETCOREAPP3_0_OR_GREATER && !NET9_0_OR_GREATER
using System.Runtime.Intrinsics;
#endif

namespace PlanarGen
{
    public static partial class VectorMath
    {
        // a * b + c for the float kernels and the generated float networks. Where the hardware has a fused multiply-add (x86
        // with FMA3, every Arm64) it is rounded once: one instruction instead of two and a shorter dependency chain. Elsewhere
        // (x86 without FMA, Native AOT's default x86-64-v2 target, DOTNET_EnableAVX2=0 or DOTNET_EnableHWIntrinsic=0, and
        // netstandard2.1 builds, which have no fused operation) it is the plain two-step a * b + c: .NET would otherwise emulate
        // the fused operation in software, about 40 times slower. The check is a JIT/AOT-time constant, so each host compiles
        // one branch. Every overload of one build on one host rounds the same way, so a vector lane, a Vector4 component and
        // the scalar form always agree bit for bit.

        /// <summary>Whether <see cref="MultiplyAdd(float, float, float)"/> and its vector forms round once (a hardware fused
        /// multiply-add) in this process; false where the CPU or the compilation target has none, and on netstandard2.1.</summary>
        public static bool FusesMultiplyAdd
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get
            {
#if NETCOREAPP3_0_OR_GREATER
                return Fma.IsSupported || AdvSimd.IsSupported;
#else
                return false;
#endif
            }
        }

        /// <summary>Returns <paramref name="a"/> * <paramref name="b"/> + <paramref name="c"/>, rounded once where the
        /// hardware has a fused multiply-add (see <see cref="FusesMultiplyAdd"/>), twice elsewhere.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float MultiplyAdd(float a, float b, float c)
        {
#if NETCOREAPP3_0_OR_GREATER
            if (FusesMultiplyAdd) return MathF.FusedMultiplyAdd(a, b, c);
#endif
            return a * b + c;
        }

        /// <summary>Per lane <paramref name="a"/> * <paramref name="b"/> + <paramref name="c"/>; each lane equals
        /// <see cref="MultiplyAdd(float, float, float)"/> bit for bit.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> MultiplyAdd(Vector<float> a, Vector<float> b, Vector<float> c)
        {
#if NET9_0_OR_GREATER
            if (FusesMultiplyAdd) return Vector.FusedMultiplyAdd(a, b, c);
#elif NETCOREAPP3_0_OR_GREATER
            if (Fma.IsSupported && Vector<float>.Count == 8)
                return Fma.MultiplyAdd(a.AsVector256(), b.AsVector256(), c.AsVector256()).AsVector();
            if (Fma.IsSupported && Vector<float>.Count == 4)
                return Fma.MultiplyAdd(a.AsVector128(), b.AsVector128(), c.AsVector128()).AsVector();
            if (AdvSimd.IsSupported && Vector<float>.Count == 4)
                return AdvSimd.FusedMultiplyAdd(c.AsVector128(), a.AsVector128(), b.AsVector128()).AsVector();
            if (FusesMultiplyAdd) return MultiplyAddPerLane(a, b, c);
#endif
            return a * b + c;
        }

        /// <summary>Per component <paramref name="a"/> * <paramref name="b"/> + <paramref name="c"/>; each component equals
        /// <see cref="MultiplyAdd(float, float, float)"/> bit for bit.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector4 MultiplyAdd(Vector4 a, Vector4 b, Vector4 c)
        {
#if NET9_0_OR_GREATER
            if (FusesMultiplyAdd) return Vector4.FusedMultiplyAdd(a, b, c);
#elif NETCOREAPP3_0_OR_GREATER
            if (Fma.IsSupported) return Fma.MultiplyAdd(a.AsVector128(), b.AsVector128(), c.AsVector128()).AsVector4();
            if (AdvSimd.IsSupported) return AdvSimd.FusedMultiplyAdd(c.AsVector128(), a.AsVector128(), b.AsVector128()).AsVector4();
#endif
            return a * b + c;
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
        // A Vector<float> width without a matching vector FMA (16 lanes on .NET 8 with DOTNET_MaxVectorTBitWidth=512): the
        // hardware's scalar fused operation per lane, on the stack.
        private static Vector<float> MultiplyAddPerLane(Vector<float> a, Vector<float> b, Vector<float> c)
        {
            Span<float> lanes = stackalloc float[Vector<float>.Count];
            for (int i = 0; i < lanes.Length; i++) lanes[i] = MathF.FusedMultiplyAdd(a[i], b[i], c[i]);
            return new Vector<float>(lanes);
        }
#endif
    }
}
