#if NET8_0_OR_GREATER
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace PlanarGen
{
    public static partial class MatrixKernel
    {
        // The 256-bit form: 6 rows by 2 vectors per tile (12 accumulators, 2 panel loads and one broadcast
        // per row per step: 15 of the 16 registers AVX2 has). Rows left over go one at a time across the
        // same width; columns left over one vector at a time, then the scalar edge.
        private static void Product256<T>(ReadOnlySpan<T> a, int aRow, int aColumn, ReadOnlySpan<T> b, int bStride, bool bTransposed,
            Span<T> c, int cStride, int rows, int depth, int columns, ReadOnlySpan<T> bias, bool add, bool fused, Span<T> panel)
            where T : struct
        {
            ref T ra = ref MemoryMarshal.GetReference(a);
            ref T rc = ref MemoryMarshal.GetReference(c);
            ref T rp = ref MemoryMarshal.GetReference(panel);
            int lanes = Vector256<T>.Count;
            int wide = 2 * lanes;
            int j0 = 0;
            for (; j0 + wide <= columns; j0 += wide)
            {
                Pack(b, bStride, bTransposed, depth, j0, wide, panel);
                int r = 0;
                for (; r + 6 <= rows; r += 6)
                    Tile256_6x2(ref Unsafe.Add(ref ra, (nint)r * aRow), aRow, aColumn, ref rp, depth, ref Unsafe.Add(ref rc, (nint)r * cStride + j0), cStride, bias, r, add, fused);
                for (; r < rows; r++)
                    Tile256_1x2(ref Unsafe.Add(ref ra, (nint)r * aRow), aRow, aColumn, ref rp, depth, ref Unsafe.Add(ref rc, (nint)r * cStride + j0), cStride, bias, r, add, fused);
            }
            for (; j0 + lanes <= columns; j0 += lanes)
            {
                Pack(b, bStride, bTransposed, depth, j0, lanes, panel);
                int r = 0;
                for (; r + 6 <= rows; r += 6)
                    Tile256_6x1(ref Unsafe.Add(ref ra, (nint)r * aRow), aRow, aColumn, ref rp, depth, ref Unsafe.Add(ref rc, (nint)r * cStride + j0), cStride, bias, r, add, fused);
                for (; r < rows; r++)
                    Tile256_1x1(ref Unsafe.Add(ref ra, (nint)r * aRow), aRow, aColumn, ref rp, depth, ref Unsafe.Add(ref rc, (nint)r * cStride + j0), cStride, bias, r, add, fused);
            }
            if (j0 < columns) ScalarColumns(a, aRow, aColumn, b, bStride, bTransposed, c, cStride, rows, depth, j0, columns, bias, add, fused, fused);
        }

        /// <summary>A 6 x 2-vector tile of C: 12 accumulators, one broadcast of A per row and 2 panel loads per step of the depth.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Tile256_6x2<T>(ref T a, nint aRow, nint aColumn, ref T panel, int depth, ref T c, nint cStride, ReadOnlySpan<T> bias, int r0, bool add, bool fused)
            where T : struct
        {
            nint width = 2 * Vector256<T>.Count;
            var start0 = !fused || add || bias.IsEmpty ? Vector256<T>.Zero : Vector256.Create(bias[r0 + 0]);
            var start1 = !fused || add || bias.IsEmpty ? Vector256<T>.Zero : Vector256.Create(bias[r0 + 1]);
            var start2 = !fused || add || bias.IsEmpty ? Vector256<T>.Zero : Vector256.Create(bias[r0 + 2]);
            var start3 = !fused || add || bias.IsEmpty ? Vector256<T>.Zero : Vector256.Create(bias[r0 + 3]);
            var start4 = !fused || add || bias.IsEmpty ? Vector256<T>.Zero : Vector256.Create(bias[r0 + 4]);
            var start5 = !fused || add || bias.IsEmpty ? Vector256<T>.Zero : Vector256.Create(bias[r0 + 5]);
            var c00 = start0; var c01 = start0;
            var c10 = start1; var c11 = start1;
            var c20 = start2; var c21 = start2;
            var c30 = start3; var c31 = start3;
            var c40 = start4; var c41 = start4;
            var c50 = start5; var c51 = start5;
            ref T a0 = ref a;
            ref T a1 = ref Unsafe.Add(ref a, 1 * aRow);
            ref T a2 = ref Unsafe.Add(ref a, 2 * aRow);
            ref T a3 = ref Unsafe.Add(ref a, 3 * aRow);
            ref T a4 = ref Unsafe.Add(ref a, 4 * aRow);
            ref T a5 = ref Unsafe.Add(ref a, 5 * aRow);
            nint ka = 0, kp = 0;
            if (fused)
            {
                for (int k = 0; k < depth; k++)
                {
                    var b0 = Vector256.LoadUnsafe(ref panel, (nuint)(kp));
                    var b1 = Vector256.LoadUnsafe(ref panel, (nuint)(kp + 1 * Vector256<T>.Count));
                    var x0 = Vector256.Create(Unsafe.Add(ref a0, ka));
                    c00 = MulAdd(x0, b0, c00); c01 = MulAdd(x0, b1, c01);
                    var x1 = Vector256.Create(Unsafe.Add(ref a1, ka));
                    c10 = MulAdd(x1, b0, c10); c11 = MulAdd(x1, b1, c11);
                    var x2 = Vector256.Create(Unsafe.Add(ref a2, ka));
                    c20 = MulAdd(x2, b0, c20); c21 = MulAdd(x2, b1, c21);
                    var x3 = Vector256.Create(Unsafe.Add(ref a3, ka));
                    c30 = MulAdd(x3, b0, c30); c31 = MulAdd(x3, b1, c31);
                    var x4 = Vector256.Create(Unsafe.Add(ref a4, ka));
                    c40 = MulAdd(x4, b0, c40); c41 = MulAdd(x4, b1, c41);
                    var x5 = Vector256.Create(Unsafe.Add(ref a5, ka));
                    c50 = MulAdd(x5, b0, c50); c51 = MulAdd(x5, b1, c51);
                    ka += aColumn;
                    kp += width;
                }
            }
            if (!fused)
            {
                for (int k = 0; k < depth; k++)
                {
                    var b0 = Vector256.LoadUnsafe(ref panel, (nuint)(kp));
                    var b1 = Vector256.LoadUnsafe(ref panel, (nuint)(kp + 1 * Vector256<T>.Count));
                    var x0 = Vector256.Create(Unsafe.Add(ref a0, ka));
                    c00 += x0 * b0; c01 += x0 * b1;
                    var x1 = Vector256.Create(Unsafe.Add(ref a1, ka));
                    c10 += x1 * b0; c11 += x1 * b1;
                    var x2 = Vector256.Create(Unsafe.Add(ref a2, ka));
                    c20 += x2 * b0; c21 += x2 * b1;
                    var x3 = Vector256.Create(Unsafe.Add(ref a3, ka));
                    c30 += x3 * b0; c31 += x3 * b1;
                    var x4 = Vector256.Create(Unsafe.Add(ref a4, ka));
                    c40 += x4 * b0; c41 += x4 * b1;
                    var x5 = Vector256.Create(Unsafe.Add(ref a5, ka));
                    c50 += x5 * b0; c51 += x5 * b1;
                    ka += aColumn;
                    kp += width;
                }
            }
            if (!fused && !add && !bias.IsEmpty)
            {
                var end0 = Vector256.Create(bias[r0 + 0]);
                c00 += end0; c01 += end0;
                var end1 = Vector256.Create(bias[r0 + 1]);
                c10 += end1; c11 += end1;
                var end2 = Vector256.Create(bias[r0 + 2]);
                c20 += end2; c21 += end2;
                var end3 = Vector256.Create(bias[r0 + 3]);
                c30 += end3; c31 += end3;
                var end4 = Vector256.Create(bias[r0 + 4]);
                c40 += end4; c41 += end4;
                var end5 = Vector256.Create(bias[r0 + 5]);
                c50 += end5; c51 += end5;
            }
            ref T row0 = ref c;
            Put(ref row0, 0, c00, add); Put(ref row0, 1, c01, add);
            ref T row1 = ref Unsafe.Add(ref c, 1 * cStride);
            Put(ref row1, 0, c10, add); Put(ref row1, 1, c11, add);
            ref T row2 = ref Unsafe.Add(ref c, 2 * cStride);
            Put(ref row2, 0, c20, add); Put(ref row2, 1, c21, add);
            ref T row3 = ref Unsafe.Add(ref c, 3 * cStride);
            Put(ref row3, 0, c30, add); Put(ref row3, 1, c31, add);
            ref T row4 = ref Unsafe.Add(ref c, 4 * cStride);
            Put(ref row4, 0, c40, add); Put(ref row4, 1, c41, add);
            ref T row5 = ref Unsafe.Add(ref c, 5 * cStride);
            Put(ref row5, 0, c50, add); Put(ref row5, 1, c51, add);
        }

        /// <summary>A 1 x 2-vector tile of C: 2 accumulators, one broadcast of A per row and 2 panel loads per step of the depth.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Tile256_1x2<T>(ref T a, nint aRow, nint aColumn, ref T panel, int depth, ref T c, nint cStride, ReadOnlySpan<T> bias, int r0, bool add, bool fused)
            where T : struct
        {
            nint width = 2 * Vector256<T>.Count;
            var start0 = !fused || add || bias.IsEmpty ? Vector256<T>.Zero : Vector256.Create(bias[r0 + 0]);
            var c00 = start0; var c01 = start0;
            ref T a0 = ref a;
            nint ka = 0, kp = 0;
            if (fused)
            {
                for (int k = 0; k < depth; k++)
                {
                    var b0 = Vector256.LoadUnsafe(ref panel, (nuint)(kp));
                    var b1 = Vector256.LoadUnsafe(ref panel, (nuint)(kp + 1 * Vector256<T>.Count));
                    var x0 = Vector256.Create(Unsafe.Add(ref a0, ka));
                    c00 = MulAdd(x0, b0, c00); c01 = MulAdd(x0, b1, c01);
                    ka += aColumn;
                    kp += width;
                }
            }
            if (!fused)
            {
                for (int k = 0; k < depth; k++)
                {
                    var b0 = Vector256.LoadUnsafe(ref panel, (nuint)(kp));
                    var b1 = Vector256.LoadUnsafe(ref panel, (nuint)(kp + 1 * Vector256<T>.Count));
                    var x0 = Vector256.Create(Unsafe.Add(ref a0, ka));
                    c00 += x0 * b0; c01 += x0 * b1;
                    ka += aColumn;
                    kp += width;
                }
            }
            if (!fused && !add && !bias.IsEmpty)
            {
                var end0 = Vector256.Create(bias[r0 + 0]);
                c00 += end0; c01 += end0;
            }
            ref T row0 = ref c;
            Put(ref row0, 0, c00, add); Put(ref row0, 1, c01, add);
        }

        /// <summary>A 6 x 1-vector tile of C: 6 accumulators, one broadcast of A per row and 1 panel load per step of the depth.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Tile256_6x1<T>(ref T a, nint aRow, nint aColumn, ref T panel, int depth, ref T c, nint cStride, ReadOnlySpan<T> bias, int r0, bool add, bool fused)
            where T : struct
        {
            nint width = 1 * Vector256<T>.Count;
            var start0 = !fused || add || bias.IsEmpty ? Vector256<T>.Zero : Vector256.Create(bias[r0 + 0]);
            var start1 = !fused || add || bias.IsEmpty ? Vector256<T>.Zero : Vector256.Create(bias[r0 + 1]);
            var start2 = !fused || add || bias.IsEmpty ? Vector256<T>.Zero : Vector256.Create(bias[r0 + 2]);
            var start3 = !fused || add || bias.IsEmpty ? Vector256<T>.Zero : Vector256.Create(bias[r0 + 3]);
            var start4 = !fused || add || bias.IsEmpty ? Vector256<T>.Zero : Vector256.Create(bias[r0 + 4]);
            var start5 = !fused || add || bias.IsEmpty ? Vector256<T>.Zero : Vector256.Create(bias[r0 + 5]);
            var c00 = start0;
            var c10 = start1;
            var c20 = start2;
            var c30 = start3;
            var c40 = start4;
            var c50 = start5;
            ref T a0 = ref a;
            ref T a1 = ref Unsafe.Add(ref a, 1 * aRow);
            ref T a2 = ref Unsafe.Add(ref a, 2 * aRow);
            ref T a3 = ref Unsafe.Add(ref a, 3 * aRow);
            ref T a4 = ref Unsafe.Add(ref a, 4 * aRow);
            ref T a5 = ref Unsafe.Add(ref a, 5 * aRow);
            nint ka = 0, kp = 0;
            if (fused)
            {
                for (int k = 0; k < depth; k++)
                {
                    var b0 = Vector256.LoadUnsafe(ref panel, (nuint)(kp));
                    var x0 = Vector256.Create(Unsafe.Add(ref a0, ka));
                    c00 = MulAdd(x0, b0, c00);
                    var x1 = Vector256.Create(Unsafe.Add(ref a1, ka));
                    c10 = MulAdd(x1, b0, c10);
                    var x2 = Vector256.Create(Unsafe.Add(ref a2, ka));
                    c20 = MulAdd(x2, b0, c20);
                    var x3 = Vector256.Create(Unsafe.Add(ref a3, ka));
                    c30 = MulAdd(x3, b0, c30);
                    var x4 = Vector256.Create(Unsafe.Add(ref a4, ka));
                    c40 = MulAdd(x4, b0, c40);
                    var x5 = Vector256.Create(Unsafe.Add(ref a5, ka));
                    c50 = MulAdd(x5, b0, c50);
                    ka += aColumn;
                    kp += width;
                }
            }
            if (!fused)
            {
                for (int k = 0; k < depth; k++)
                {
                    var b0 = Vector256.LoadUnsafe(ref panel, (nuint)(kp));
                    var x0 = Vector256.Create(Unsafe.Add(ref a0, ka));
                    c00 += x0 * b0;
                    var x1 = Vector256.Create(Unsafe.Add(ref a1, ka));
                    c10 += x1 * b0;
                    var x2 = Vector256.Create(Unsafe.Add(ref a2, ka));
                    c20 += x2 * b0;
                    var x3 = Vector256.Create(Unsafe.Add(ref a3, ka));
                    c30 += x3 * b0;
                    var x4 = Vector256.Create(Unsafe.Add(ref a4, ka));
                    c40 += x4 * b0;
                    var x5 = Vector256.Create(Unsafe.Add(ref a5, ka));
                    c50 += x5 * b0;
                    ka += aColumn;
                    kp += width;
                }
            }
            if (!fused && !add && !bias.IsEmpty)
            {
                var end0 = Vector256.Create(bias[r0 + 0]);
                c00 += end0;
                var end1 = Vector256.Create(bias[r0 + 1]);
                c10 += end1;
                var end2 = Vector256.Create(bias[r0 + 2]);
                c20 += end2;
                var end3 = Vector256.Create(bias[r0 + 3]);
                c30 += end3;
                var end4 = Vector256.Create(bias[r0 + 4]);
                c40 += end4;
                var end5 = Vector256.Create(bias[r0 + 5]);
                c50 += end5;
            }
            ref T row0 = ref c;
            Put(ref row0, 0, c00, add);
            ref T row1 = ref Unsafe.Add(ref c, 1 * cStride);
            Put(ref row1, 0, c10, add);
            ref T row2 = ref Unsafe.Add(ref c, 2 * cStride);
            Put(ref row2, 0, c20, add);
            ref T row3 = ref Unsafe.Add(ref c, 3 * cStride);
            Put(ref row3, 0, c30, add);
            ref T row4 = ref Unsafe.Add(ref c, 4 * cStride);
            Put(ref row4, 0, c40, add);
            ref T row5 = ref Unsafe.Add(ref c, 5 * cStride);
            Put(ref row5, 0, c50, add);
        }

        /// <summary>A 1 x 1-vector tile of C: 1 accumulators, one broadcast of A per row and 1 panel load per step of the depth.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Tile256_1x1<T>(ref T a, nint aRow, nint aColumn, ref T panel, int depth, ref T c, nint cStride, ReadOnlySpan<T> bias, int r0, bool add, bool fused)
            where T : struct
        {
            nint width = 1 * Vector256<T>.Count;
            var start0 = !fused || add || bias.IsEmpty ? Vector256<T>.Zero : Vector256.Create(bias[r0 + 0]);
            var c00 = start0;
            ref T a0 = ref a;
            nint ka = 0, kp = 0;
            if (fused)
            {
                for (int k = 0; k < depth; k++)
                {
                    var b0 = Vector256.LoadUnsafe(ref panel, (nuint)(kp));
                    var x0 = Vector256.Create(Unsafe.Add(ref a0, ka));
                    c00 = MulAdd(x0, b0, c00);
                    ka += aColumn;
                    kp += width;
                }
            }
            if (!fused)
            {
                for (int k = 0; k < depth; k++)
                {
                    var b0 = Vector256.LoadUnsafe(ref panel, (nuint)(kp));
                    var x0 = Vector256.Create(Unsafe.Add(ref a0, ka));
                    c00 += x0 * b0;
                    ka += aColumn;
                    kp += width;
                }
            }
            if (!fused && !add && !bias.IsEmpty)
            {
                var end0 = Vector256.Create(bias[r0 + 0]);
                c00 += end0;
            }
            ref T row0 = ref c;
            Put(ref row0, 0, c00, add);
        }

        /// <summary>Stores (or adds) vector <paramref name="v"/> of a tile row.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Put<T>(ref T row, nint v, Vector256<T> value, bool add)
            where T : struct
        {
            ref T at = ref Unsafe.Add(ref row, v * Vector256<T>.Count);
            if (add) value += Vector256.LoadUnsafe(ref at);
            value.StoreUnsafe(ref at);
        }

        /// <summary>a * b + c rounded once.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<T> MulAdd<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c)
            where T : struct
        {
            if (typeof(T) == typeof(float)) return Fma.MultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
            if (typeof(T) == typeof(double)) return Fma.MultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
            return a * b + c;
        }
    }
}
#endif
