using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PlanarGen.Parallel
{
    /// <summary>Adds partial sums element by element (total[k] = total[k] + part[k], one rounding each, so the result depends
    /// only on the order the parts are added in, which the callers fix), for float and double.</summary>
    internal static class PartialSums
    {
        public static void AddTo<T>(Span<T> total, ReadOnlySpan<T> part) where T : unmanaged
        {
            int k = 0;
            if (Vector.IsHardwareAccelerated)
            {
                Span<Vector<T>> vt = MemoryMarshal.Cast<T, Vector<T>>(total);
                ReadOnlySpan<Vector<T>> vp = MemoryMarshal.Cast<T, Vector<T>>(part.Slice(0, total.Length));
                for (int v = 0; v < vt.Length; v++) vt[v] += vp[v];
                k = vt.Length * Vector<T>.Count;
            }
            for (; k < total.Length; k++) total[k] = Add(total[k], part[k]);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static unsafe T Add<T>(T a, T b) where T : unmanaged
        {
            // The type tests are constants of each instantiation, so the JIT keeps one line.
            if (typeof(T) == typeof(float)) { float s = *(float*)&a + *(float*)&b; return *(T*)&s; }
            if (typeof(T) == typeof(double)) { double s = *(double*)&a + *(double*)&b; return *(T*)&s; }
            throw new NotSupportedException($"Expected float or double, but got {typeof(T)}.");
        }
    }
}
