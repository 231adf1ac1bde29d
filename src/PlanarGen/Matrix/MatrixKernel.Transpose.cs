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
        /// <summary>Packs a column tile of B^T (rows j0 .. j0 + width - 1 of b, contiguous along k) into panel[k * width + j]
        /// by 8 x 8 blocks transposed in AVX registers: the gradient products pack a whole input block (784 x 256 floats in the
        /// big network) every step, which element by element costs as much as a third of the product itself.</summary>
        /// <returns>False (nothing packed) where AVX is missing or the tile is not whole blocks of 8 columns.</returns>
        private static bool PackTransposed(ReadOnlySpan<float> b, int bStride, int depth, int j0, int width, Span<float> panel)
        {
            if (!Avx.IsSupported || width % 8 != 0) return false;
            ref float rb = ref MemoryMarshal.GetReference(b);
            ref float rp = ref MemoryMarshal.GetReference(panel);
            int whole = depth - depth % 8;
            for (int jj = 0; jj < width; jj += 8)
            {
                ref float rows = ref Unsafe.Add(ref rb, (nint)(j0 + jj) * bStride);
                for (int k = 0; k < whole; k += 8)
                {
                    ref float at = ref Unsafe.Add(ref rows, k);
                    var r0 = Vector256.LoadUnsafe(ref at);
                    var r1 = Vector256.LoadUnsafe(ref Unsafe.Add(ref at, bStride));
                    var r2 = Vector256.LoadUnsafe(ref Unsafe.Add(ref at, (nint)2 * bStride));
                    var r3 = Vector256.LoadUnsafe(ref Unsafe.Add(ref at, (nint)3 * bStride));
                    var r4 = Vector256.LoadUnsafe(ref Unsafe.Add(ref at, (nint)4 * bStride));
                    var r5 = Vector256.LoadUnsafe(ref Unsafe.Add(ref at, (nint)5 * bStride));
                    var r6 = Vector256.LoadUnsafe(ref Unsafe.Add(ref at, (nint)6 * bStride));
                    var r7 = Vector256.LoadUnsafe(ref Unsafe.Add(ref at, (nint)7 * bStride));
                    // Pairs of rows interleaved, then quadruples (columns c and c + 4 of rows 0-3 or 4-7), then the halves swapped.
                    var t0 = Avx.UnpackLow(r0, r1); var t1 = Avx.UnpackHigh(r0, r1);
                    var t2 = Avx.UnpackLow(r2, r3); var t3 = Avx.UnpackHigh(r2, r3);
                    var t4 = Avx.UnpackLow(r4, r5); var t5 = Avx.UnpackHigh(r4, r5);
                    var t6 = Avx.UnpackLow(r6, r7); var t7 = Avx.UnpackHigh(r6, r7);
                    var u0 = Avx.Shuffle(t0, t2, 0x44); var u1 = Avx.Shuffle(t0, t2, 0xEE);
                    var u2 = Avx.Shuffle(t1, t3, 0x44); var u3 = Avx.Shuffle(t1, t3, 0xEE);
                    var u4 = Avx.Shuffle(t4, t6, 0x44); var u5 = Avx.Shuffle(t4, t6, 0xEE);
                    var u6 = Avx.Shuffle(t5, t7, 0x44); var u7 = Avx.Shuffle(t5, t7, 0xEE);
                    ref float to = ref Unsafe.Add(ref rp, (nint)k * width + jj);
                    Avx.Permute2x128(u0, u4, 0x20).StoreUnsafe(ref to);
                    Avx.Permute2x128(u1, u5, 0x20).StoreUnsafe(ref Unsafe.Add(ref to, width));
                    Avx.Permute2x128(u2, u6, 0x20).StoreUnsafe(ref Unsafe.Add(ref to, (nint)2 * width));
                    Avx.Permute2x128(u3, u7, 0x20).StoreUnsafe(ref Unsafe.Add(ref to, (nint)3 * width));
                    Avx.Permute2x128(u0, u4, 0x31).StoreUnsafe(ref Unsafe.Add(ref to, (nint)4 * width));
                    Avx.Permute2x128(u1, u5, 0x31).StoreUnsafe(ref Unsafe.Add(ref to, (nint)5 * width));
                    Avx.Permute2x128(u2, u6, 0x31).StoreUnsafe(ref Unsafe.Add(ref to, (nint)6 * width));
                    Avx.Permute2x128(u3, u7, 0x31).StoreUnsafe(ref Unsafe.Add(ref to, (nint)7 * width));
                }
                for (int j = jj; j < jj + 8; j++)
                    for (int k = whole; k < depth; k++) panel[k * width + j] = b[(j0 + j) * bStride + k];
            }
            return true;
        }
    }
}
#endif
