using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace PlanarGen
{
    public static partial class MatrixKernel
    {
        // The portable form (netstandard2.1, Arm64, x86 without FMA): Vector<T> tiles of four rows by two vectors, a * b + c
        // rounded twice (netstandard2.1 has no fused vector operation), rows and columns left over as in the wider forms.
        private static void ProductPortable<T>(ReadOnlySpan<T> a, int aRow, int aColumn, ReadOnlySpan<T> b, int bStride, bool bTransposed,
            Span<T> c, int cStride, int rows, int depth, int columns, ReadOnlySpan<T> bias, bool add, bool fused, Span<T> panel)
            where T : struct
        {
            int lanes = Vector<T>.Count;
            int j0 = 0;
            // Only float has a vector multiply-add here (VectorMath's, fused where the hardware has one).
            bool fusedFloat = fused && typeof(T) == typeof(float);
            if (Vector.IsHardwareAccelerated)
            {
                for (; j0 + lanes <= columns; j0 += lanes)
                {
                    int width = j0 + 2 * lanes <= columns ? 2 * lanes : lanes;
                    Pack(b, bStride, bTransposed, depth, j0, width, panel);
                    var tile = MemoryMarshal.Cast<T, Vector<T>>(panel.Slice(0, depth * width));
                    int r = 0;
                    for (; r + 4 <= rows; r += 4) PortableTile(a, aRow, aColumn, tile, width / lanes, depth, c, cStride, r, 4, j0, bias, add, fused, fusedFloat);
                    for (; r < rows; r++) PortableTile(a, aRow, aColumn, tile, width / lanes, depth, c, cStride, r, 1, j0, bias, add, fused, fusedFloat);
                    if (width == 2 * lanes) j0 += lanes;
                }
            }
            if (j0 < columns) ScalarColumns(a, aRow, aColumn, b, bStride, bTransposed, c, cStride, rows, depth, j0, columns, bias, add, fused, fusedFloat && VectorMath.FusesMultiplyAdd);
        }

        /// <summary>Rows [r0, r0 + count) (count 1 or 4) by one or two vectors of the packed panel.</summary>
        private static void PortableTile<T>(ReadOnlySpan<T> a, int aRow, int aColumn, ReadOnlySpan<Vector<T>> panel, int vectors, int depth,
            Span<T> c, int cStride, int r0, int count, int j0, ReadOnlySpan<T> bias, bool add, bool biasFirst, bool fusedFloat)
            where T : struct
        {
            bool start = biasFirst && !add && !bias.IsEmpty;
            var c00 = start ? new Vector<T>(bias[r0]) : Vector<T>.Zero; var c01 = c00;
            var c10 = start && count > 1 ? new Vector<T>(bias[r0 + 1]) : Vector<T>.Zero; var c11 = c10;
            var c20 = start && count > 2 ? new Vector<T>(bias[r0 + 2]) : Vector<T>.Zero; var c21 = c20;
            var c30 = start && count > 3 ? new Vector<T>(bias[r0 + 3]) : Vector<T>.Zero; var c31 = c30;
            int a0 = r0 * aRow;
            for (int k = 0; k < depth; k++)
            {
                var b0 = panel[k * vectors];
                var b1 = vectors == 2 ? panel[k * vectors + 1] : Vector<T>.Zero;
                int ak = a0 + k * aColumn;
                var x = new Vector<T>(a[ak]);
                c00 = MulAdd(x, b0, c00, fusedFloat); c01 = MulAdd(x, b1, c01, fusedFloat);
                if (count == 1) continue;
                x = new Vector<T>(a[ak + aRow]);
                c10 = MulAdd(x, b0, c10, fusedFloat); c11 = MulAdd(x, b1, c11, fusedFloat);
                x = new Vector<T>(a[ak + 2 * aRow]);
                c20 = MulAdd(x, b0, c20, fusedFloat); c21 = MulAdd(x, b1, c21, fusedFloat);
                x = new Vector<T>(a[ak + 3 * aRow]);
                c30 = MulAdd(x, b0, c30, fusedFloat); c31 = MulAdd(x, b1, c31, fusedFloat);
            }
            if (!biasFirst && !add && !bias.IsEmpty)
            {
                c00 += new Vector<T>(bias[r0]); c01 += new Vector<T>(bias[r0]);
                if (count > 1)
                {
                    c10 += new Vector<T>(bias[r0 + 1]); c11 += new Vector<T>(bias[r0 + 1]);
                    c20 += new Vector<T>(bias[r0 + 2]); c21 += new Vector<T>(bias[r0 + 2]);
                    c30 += new Vector<T>(bias[r0 + 3]); c31 += new Vector<T>(bias[r0 + 3]);
                }
            }
            PortablePut(c, r0 * cStride + j0, c00, c01, vectors, add);
            if (count == 1) return;
            PortablePut(c, (r0 + 1) * cStride + j0, c10, c11, vectors, add);
            PortablePut(c, (r0 + 2) * cStride + j0, c20, c21, vectors, add);
            PortablePut(c, (r0 + 3) * cStride + j0, c30, c31, vectors, add);
        }

        private static Vector<T> MulAdd<T>(Vector<T> a, Vector<T> b, Vector<T> c, bool fusedFloat)
            where T : struct =>
            fusedFloat
                ? (Vector<T>)(object)VectorMath.MultiplyAdd((Vector<float>)(object)a, (Vector<float>)(object)b, (Vector<float>)(object)c)
                : a * b + c;

        private static void PortablePut<T>(Span<T> c, int at, Vector<T> first, Vector<T> second, int vectors, bool add)
            where T : struct
        {
            int lanes = Vector<T>.Count;
            var row = MemoryMarshal.Cast<T, Vector<T>>(c.Slice(at, vectors * lanes));
            row[0] = add ? row[0] + first : first;
            if (vectors == 2) row[1] = add ? row[1] + second : second;
        }
    }
}
