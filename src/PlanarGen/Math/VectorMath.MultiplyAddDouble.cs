using System;
using System.Numerics;
using System.Runtime.CompilerServices;
#if NETCOREAPP3_0_OR_GREATER
using System.Runtime.Intrinsics;
#endif
#if NETCOREAPP3_0_OR_GREATER && !NET9_0_OR_GREATER
using System.Runtime.Intrinsics.X86;
#endif

namespace PlanarGen
{
    public static partial class VectorMath
    {
        // a * b + c for the generated double networks, rounded exactly like the float forms (see FusesMultiplyAdd): once
        // where the hardware fuses, twice elsewhere; every overload of one build on one host agrees bit for bit.

        /// <summary>Returns <paramref name="a"/> * <paramref name="b"/> + <paramref name="c"/>, rounded once where the
        /// hardware has a fused multiply-add (see <see cref="FusesMultiplyAdd"/>), twice elsewhere.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double MultiplyAdd(double a, double b, double c)
        {
#if NETCOREAPP3_0_OR_GREATER
            if (FusesMultiplyAdd) return Math.FusedMultiplyAdd(a, b, c);
#endif
            return a * b + c;
        }

        /// <summary>Per lane <paramref name="a"/> * <paramref name="b"/> + <paramref name="c"/>; each lane equals
        /// <see cref="MultiplyAdd(double, double, double)"/> bit for bit.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> MultiplyAdd(Vector<double> a, Vector<double> b, Vector<double> c)
        {
#if NET9_0_OR_GREATER
            if (FusesMultiplyAdd) return Vector.FusedMultiplyAdd(a, b, c);
#elif NETCOREAPP3_0_OR_GREATER
            if (Fma.IsSupported && Vector<double>.Count == 4)
                return Fma.MultiplyAdd(a.AsVector256(), b.AsVector256(), c.AsVector256()).AsVector();
            if (Fma.IsSupported && Vector<double>.Count == 2)
                return Fma.MultiplyAdd(a.AsVector128(), b.AsVector128(), c.AsVector128()).AsVector();
            if (FusesMultiplyAdd)
            {
                Span<double> lanes = stackalloc double[Vector<double>.Count];
                for (int i = 0; i < lanes.Length; i++) lanes[i] = Math.FusedMultiplyAdd(a[i], b[i], c[i]);
                return new Vector<double>(lanes);
            }
#endif
            return a * b + c;
        }

        /// <summary>Returns <paramref name="c"/> - <paramref name="a"/> * <paramref name="b"/>, rounded as
        /// <see cref="MultiplyAdd(double, double, double)"/> rounds (negating a product is exact).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double NegatedMultiplyAdd(double a, double b, double c) => MultiplyAdd(-a, b, c);

        /// <summary>Per lane <paramref name="c"/> - <paramref name="a"/> * <paramref name="b"/>; each lane equals
        /// <see cref="NegatedMultiplyAdd(double, double, double)"/> bit for bit.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> NegatedMultiplyAdd(Vector<double> a, Vector<double> b, Vector<double> c) => MultiplyAdd(-a, b, c);

#if NET8_0_OR_GREATER
        /// <summary>Per lane <paramref name="a"/> * <paramref name="b"/> + <paramref name="c"/>; each lane equals
        /// <see cref="MultiplyAdd(double, double, double)"/> bit for bit.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> MultiplyAdd(Vector512<double> a, Vector512<double> b, Vector512<double> c)
        {
#if NET9_0_OR_GREATER
            if (FusesMultiplyAdd) return Vector512.FusedMultiplyAdd(a, b, c);
#else
            if (Avx512F.IsSupported) return Avx512F.FusedMultiplyAdd(a, b, c);
            if (Fma.IsSupported)
                return Vector512.Create(Fma.MultiplyAdd(a.GetLower(), b.GetLower(), c.GetLower()), Fma.MultiplyAdd(a.GetUpper(), b.GetUpper(), c.GetUpper()));
            if (FusesMultiplyAdd)
            {
                Span<double> lanes = stackalloc double[Vector512<double>.Count];
                for (int i = 0; i < lanes.Length; i++) lanes[i] = Math.FusedMultiplyAdd(a.GetElement(i), b.GetElement(i), c.GetElement(i));
                return Vector512.Create((ReadOnlySpan<double>)lanes);
            }
#endif
            return a * b + c;
        }

        /// <summary>Per lane <paramref name="c"/> - <paramref name="a"/> * <paramref name="b"/>; each lane equals
        /// <see cref="NegatedMultiplyAdd(double, double, double)"/> bit for bit.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> NegatedMultiplyAdd(Vector512<double> a, Vector512<double> b, Vector512<double> c) => MultiplyAdd(-a, b, c);
#endif
    }
}
