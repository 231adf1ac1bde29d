using System;
using System.Runtime.InteropServices;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
#endif

namespace PlanarGen
{
    /// <summary>
    /// Register- and cache-blocked matrix products for the generated loop-form networks (above the unrolling budget), whose
    /// layers are products of a parameter matrix and a block of samples stored feature-major (one row per feature, samples
    /// side by side). A column tile of B (up to <see cref="PanelColumns"/> columns, every row of the depth) is packed once
    /// into a caller-given panel, then a micro-kernel keeps a tile of C in vector registers (six rows by four vectors on
    /// 512-bit hardware) while it runs down the depth: one broadcast of A and four vector loads of the panel feed 24
    /// multiply-adds.
    /// </summary>
    /// <remarks>
    /// Every element of C is its own sum in increasing depth order, started from the bias (or zero) and rounded the same way
    /// on every vector width of one host: Vector512 and Vector256 (x86 with FMA) round each step once, the portable
    /// <see cref="System.Numerics.Vector{T}"/> form (netstandard2.1, Arm64, x86 without FMA) twice, and the scalar edges
    /// follow the path's rounding. The kernel allocates nothing: the panel is the caller's (per-thread scratch), so several
    /// threads can work on different column ranges (sample ranges) of the same matrices at once.
    /// </remarks>
    public static partial class MatrixKernel
    {
        /// <summary>The widest column tile one panel holds: four 512-bit vectors of float.</summary>
        public const int PanelColumns = 64;

        /// <summary>The panel length (elements) a product of the given depth needs.</summary>
        /// <param name="depth">The inner dimension of the products the panel serves.</param>
        /// <returns><paramref name="depth"/> * <see cref="PanelColumns"/>.</returns>
        public static int PanelLength(int depth)
        {
            if (depth < 0) throw new ArgumentOutOfRangeException(nameof(depth), depth, "Expected a depth of zero or more.");
            return checked(depth * PanelColumns);
        }

        /// <summary>C = bias + A B: C[r, j] = bias[r] + sum over k of A[r, k] B[k, j] (bias empty: zero), for r &lt; rows, j &lt; columns.</summary>
        /// <param name="a">A[r, k] at a[r * aRowStride + k * aColumnStride] (a transposed A is a column stride above 1).</param>
        /// <param name="aRowStride">Distance between rows of A.</param>
        /// <param name="aColumnStride">Distance between columns of A.</param>
        /// <param name="b">B[k, j] at b[k * bStride + j]: rows of B contiguous.</param>
        /// <param name="bStride">Distance between rows of B, at least <paramref name="columns"/>.</param>
        /// <param name="c">C[r, j] at c[r * cStride + j], overwritten.</param>
        /// <param name="cStride">Distance between rows of C, at least <paramref name="columns"/>.</param>
        /// <param name="rows">Rows of A and C.</param>
        /// <param name="depth">Columns of A, rows of B.</param>
        /// <param name="columns">Columns of B and C.</param>
        /// <param name="bias">Empty, or one value per row of C.</param>
        /// <param name="fused">True: each sum starts from the bias and adds each term with one multiply-add rounded as
        /// <see cref="VectorMath.MultiplyAdd(float, float, float)"/> rounds (the generated fused networks' order); false: the plain
        /// sum of the rounded products from zero, the bias added last (the generated plain networks' order).</param>
        /// <param name="panel">Scratch of at least <see cref="PanelLength"/>(<paramref name="depth"/>) elements.</param>
        public static void Multiply(ReadOnlySpan<float> a, int aRowStride, int aColumnStride, ReadOnlySpan<float> b, int bStride,
            Span<float> c, int cStride, int rows, int depth, int columns, ReadOnlySpan<float> bias, bool fused, Span<float> panel)
        {
            Validate(a.Length, aRowStride, aColumnStride, b.Length, bStride, false, c.Length, cStride, rows, depth, columns, bias.Length, panel.Length);
            Product(a, aRowStride, aColumnStride, b, bStride, false, c, cStride, rows, depth, columns, bias, false, fused, panel);
        }

        /// <summary>C = bias + A B in double precision; see the float overload.</summary>
        /// <param name="a">A[r, k] at a[r * aRowStride + k * aColumnStride].</param>
        /// <param name="aRowStride">Distance between rows of A.</param>
        /// <param name="aColumnStride">Distance between columns of A.</param>
        /// <param name="b">B[k, j] at b[k * bStride + j].</param>
        /// <param name="bStride">Distance between rows of B, at least <paramref name="columns"/>.</param>
        /// <param name="c">C[r, j] at c[r * cStride + j], overwritten.</param>
        /// <param name="cStride">Distance between rows of C, at least <paramref name="columns"/>.</param>
        /// <param name="rows">Rows of A and C.</param>
        /// <param name="depth">Columns of A, rows of B.</param>
        /// <param name="columns">Columns of B and C.</param>
        /// <param name="bias">Empty, or one value per row of C.</param>
        /// <param name="fused">True: each sum starts from the bias and adds each term with one multiply-add, rounded once where
        /// the 512- or 256-bit FMA tiles run (<see cref="DoubleRoundsOnce"/>) and twice elsewhere (the portable form has no fused
        /// double operation); false: the plain sum of the rounded products from zero, the bias added last (the generated plain
        /// networks' order, which double networks use).</param>
        /// <param name="panel">Scratch of at least <see cref="PanelLength"/>(<paramref name="depth"/>) elements.</param>
        public static void Multiply(ReadOnlySpan<double> a, int aRowStride, int aColumnStride, ReadOnlySpan<double> b, int bStride,
            Span<double> c, int cStride, int rows, int depth, int columns, ReadOnlySpan<double> bias, bool fused, Span<double> panel)
        {
            Validate(a.Length, aRowStride, aColumnStride, b.Length, bStride, false, c.Length, cStride, rows, depth, columns, bias.Length, panel.Length);
            Product(a, aRowStride, aColumnStride, b, bStride, false, c, cStride, rows, depth, columns, bias, false, fused, panel);
        }

        /// <summary>C += A B^T: C[r, j] += sum over k of A[r, k] B[j, k], both operands contiguous along k (the gradient of a
        /// weight matrix: deltas times inputs, summed over samples). B^T is packed into the panel one column tile at a time.</summary>
        /// <param name="a">A[r, k] at a[r * aStride + k].</param>
        /// <param name="aStride">Distance between rows of A.</param>
        /// <param name="b">B[j, k] at b[j * bStride + k].</param>
        /// <param name="bStride">Distance between rows of B, at least <paramref name="depth"/>.</param>
        /// <param name="c">C[r, j] at c[r * cStride + j], added to.</param>
        /// <param name="cStride">Distance between rows of C, at least <paramref name="columns"/>.</param>
        /// <param name="rows">Rows of A and C.</param>
        /// <param name="depth">Columns of A and of B (the sum's length).</param>
        /// <param name="columns">Rows of B, columns of C.</param>
        /// <param name="fused">Whether each term is one multiply-add (see <see cref="Multiply(ReadOnlySpan{float}, int, int, ReadOnlySpan{float}, int, Span{float}, int, int, int, int, ReadOnlySpan{float}, bool, Span{float})"/>).</param>
        /// <param name="panel">Scratch of at least <see cref="PanelLength"/>(<paramref name="depth"/>) elements.</param>
        public static void MultiplyAddTransposed(ReadOnlySpan<float> a, int aStride, ReadOnlySpan<float> b, int bStride,
            Span<float> c, int cStride, int rows, int depth, int columns, bool fused, Span<float> panel)
        {
            Validate(a.Length, aStride, 1, b.Length, bStride, true, c.Length, cStride, rows, depth, columns, 0, panel.Length);
            Product(a, aStride, 1, b, bStride, true, c, cStride, rows, depth, columns, default, true, fused, panel);
        }

        /// <summary>C += A B^T in double precision; see the float overload.</summary>
        /// <param name="a">A[r, k] at a[r * aStride + k].</param>
        /// <param name="aStride">Distance between rows of A.</param>
        /// <param name="b">B[j, k] at b[j * bStride + k].</param>
        /// <param name="bStride">Distance between rows of B, at least <paramref name="depth"/>.</param>
        /// <param name="c">C[r, j] at c[r * cStride + j], added to.</param>
        /// <param name="cStride">Distance between rows of C, at least <paramref name="columns"/>.</param>
        /// <param name="rows">Rows of A and C.</param>
        /// <param name="depth">Columns of A and of B (the sum's length).</param>
        /// <param name="columns">Rows of B, columns of C.</param>
        /// <param name="fused">Whether each term is one multiply-add (see <see cref="Multiply(ReadOnlySpan{float}, int, int, ReadOnlySpan{float}, int, Span{float}, int, int, int, int, ReadOnlySpan{float}, bool, Span{float})"/>).</param>
        /// <param name="panel">Scratch of at least <see cref="PanelLength"/>(<paramref name="depth"/>) elements.</param>
        public static void MultiplyAddTransposed(ReadOnlySpan<double> a, int aStride, ReadOnlySpan<double> b, int bStride,
            Span<double> c, int cStride, int rows, int depth, int columns, bool fused, Span<double> panel)
        {
            Validate(a.Length, aStride, 1, b.Length, bStride, true, c.Length, cStride, rows, depth, columns, 0, panel.Length);
            Product(a, aStride, 1, b, bStride, true, c, cStride, rows, depth, columns, default, true, fused, panel);
        }

        /// <summary>Checks the shapes; <paramref name="a"/>, <paramref name="b"/>, <paramref name="c"/>, <paramref name="bias"/> and
        /// <paramref name="panel"/> are the lengths of the public parameters of those names.</summary>
        private static void Validate(int a, int aRowStride, int aColumnStride, int b, int bStride, bool bTransposed,
            int c, int cStride, int rows, int depth, int columns, int bias, int panel)
        {
            int aLength = a, bLength = b, cLength = c, biasLength = bias, panelLength = panel;
            if (rows < 0) throw new ArgumentOutOfRangeException(nameof(rows), rows, "Expected zero or more rows.");
            if (depth < 0) throw new ArgumentOutOfRangeException(nameof(depth), depth, "Expected a depth of zero or more.");
            if (columns < 0) throw new ArgumentOutOfRangeException(nameof(columns), columns, "Expected zero or more columns.");
            if (aRowStride < 0 || aColumnStride < 0)
                throw new ArgumentOutOfRangeException(nameof(aRowStride), $"Expected strides of A of zero or more, got {aRowStride} and {aColumnStride}.");
            int bInner = bTransposed ? depth : columns;
            if (bStride < bInner) throw new ArgumentOutOfRangeException(nameof(bStride), bStride, $"Expected a stride of B of at least {bInner}.");
            if (cStride < columns) throw new ArgumentOutOfRangeException(nameof(cStride), cStride, $"Expected a stride of C of at least {columns} (the columns).");
            if (rows == 0 || columns == 0) return;
            if (biasLength != 0 && biasLength < rows) throw new ArgumentException($"Expected an empty bias or one value per row ({rows}), got {biasLength}.", nameof(bias));
            if ((long)(rows - 1) * cStride + columns > cLength)
                throw new ArgumentException($"C holds {cLength} elements; {rows} rows of {columns} at stride {cStride} need {(long)(rows - 1) * cStride + columns}.", nameof(c));
            if (depth == 0) return;
            long aNeeded = (long)(rows - 1) * aRowStride + (long)(depth - 1) * aColumnStride + 1;
            if (aNeeded > aLength) throw new ArgumentException($"A holds {aLength} elements; {rows} x {depth} at strides {aRowStride}, {aColumnStride} need {aNeeded}.", nameof(a));
            long bNeeded = bTransposed ? (long)(columns - 1) * bStride + depth : (long)(depth - 1) * bStride + columns;
            if (bNeeded > bLength) throw new ArgumentException($"B holds {bLength} elements; the product needs {bNeeded}.", nameof(b));
            if ((long)depth * PanelColumns > panelLength)
                throw new ArgumentException($"The panel holds {panelLength} elements; depth {depth} needs {(long)depth * PanelColumns} (PanelLength).", nameof(panel));
        }

        /// <summary>Names the form this process uses, for benchmarks and logs: the vectors, whether they fuse their
        /// multiply-adds, and the tile of C kept in registers.</summary>
        /// <returns>For example "Vector512 FMA, tiles of 6 rows x 4 vectors".</returns>
        public static string Describe()
        {
#if NET8_0_OR_GREATER
            if (Uses512) return "Vector512 FMA, tiles of 6 rows x 4 vectors";
            if (Uses256) return "Vector256 FMA, tiles of 6 rows x 2 vectors";
#endif
            return System.Numerics.Vector.IsHardwareAccelerated
                ? $"Vector<T> of {System.Numerics.Vector<float>.Count} floats, tiles of 4 rows x 2 vectors"
                : "scalar";
        }

        /// <summary>Dispatch to the widest accelerated form. C[r, j] at c[r * cStride + j]; <paramref name="add"/> adds the
        /// product to C instead of writing bias + product.</summary>
        private static void Product<T>(ReadOnlySpan<T> a, int aRow, int aColumn, ReadOnlySpan<T> b, int bStride, bool bTransposed,
            Span<T> c, int cStride, int rows, int depth, int columns, ReadOnlySpan<T> bias, bool add, bool fused, Span<T> panel)
            where T : struct
        {
            if (rows == 0 || columns == 0) return;
#if NET8_0_OR_GREATER
            if (Uses512)
            {
                Product512(a, aRow, aColumn, b, bStride, bTransposed, c, cStride, rows, depth, columns, bias, add, fused, panel);
                return;
            }
            if (Uses256)
            {
                Product256(a, aRow, aColumn, b, bStride, bTransposed, c, cStride, rows, depth, columns, bias, add, fused, panel);
                return;
            }
#endif
            ProductPortable(a, aRow, aColumn, b, bStride, bTransposed, c, cStride, rows, depth, columns, bias, add, fused, panel);
        }

        /// <summary>Whether a fused double product rounds each multiply-add once on this host: only the FMA tiles do.</summary>
#if NET8_0_OR_GREATER
        internal static bool DoubleRoundsOnce => Uses512 || Uses256;
#else
        internal static bool DoubleRoundsOnce => false;
#endif

#if NET8_0_OR_GREATER
        /// <summary>512-bit tiles where AVX-512 is accelerated (JIT-time constant).</summary>
        private static bool Uses512 => Vector512.IsHardwareAccelerated && Avx512F.IsSupported;

        /// <summary>256-bit tiles with FMA where AVX-512 is not.</summary>
        private static bool Uses256 => Vector256.IsHardwareAccelerated && Fma.IsSupported;
#endif

        /// <summary>Copies columns [j0, j0 + width) of B, every row of the depth, into panel[k * width + j].</summary>
        private static void Pack<T>(ReadOnlySpan<T> b, int bStride, bool bTransposed, int depth, int j0, int width, Span<T> panel)
            where T : struct
        {
            if (!bTransposed)
            {
                for (int k = 0; k < depth; k++) b.Slice(k * bStride + j0, width).CopyTo(panel.Slice(k * width, width));
                return;
            }
#if NET8_0_OR_GREATER
            if (typeof(T) == typeof(float) && PackTransposed(MemoryMarshal.Cast<T, float>(b), bStride, depth, j0, width, MemoryMarshal.Cast<T, float>(panel)))
                return;
#endif
            // B^T: column j of the tile is row j0 + j of b, contiguous along k.
            for (int j = 0; j < width; j++)
            {
                ReadOnlySpan<T> row = b.Slice((j0 + j) * bStride, depth);
                for (int k = 0; k < row.Length; k++) panel[k * width + j] = row[k];
            }
        }

        /// <summary>The element of B at depth k, column j.</summary>
        private static T ElementOfB<T>(ReadOnlySpan<T> b, int bStride, bool bTransposed, int k, int j) =>
            bTransposed ? b[j * bStride + k] : b[k * bStride + j];
    }
}
