using System;
using System.Runtime.InteropServices;

namespace PlanarGen
{
    public static partial class MatrixKernel
    {
        /// <summary>Columns [from, to) one element at a time: the edge narrower than one vector, with the same operations per
        /// element as the vector tiles: the bias first and each term rounded once where <paramref name="biasFirst"/> and
        /// <paramref name="roundOnce"/>, the bias last where not <paramref name="biasFirst"/>.</summary>
        private static void ScalarColumns<T>(ReadOnlySpan<T> a, int aRow, int aColumn, ReadOnlySpan<T> b, int bStride, bool bTransposed,
            Span<T> c, int cStride, int rows, int depth, int from, int to, ReadOnlySpan<T> bias, bool add, bool biasFirst, bool roundOnce)
            where T : struct
        {
            if (typeof(T) == typeof(float))
                ScalarColumns(MemoryMarshal.Cast<T, float>(a), aRow, aColumn, MemoryMarshal.Cast<T, float>(b), bStride, bTransposed,
                    MemoryMarshal.Cast<T, float>(c), cStride, rows, depth, from, to, MemoryMarshal.Cast<T, float>(bias), add, biasFirst, roundOnce);
            else
                ScalarColumns(MemoryMarshal.Cast<T, double>(a), aRow, aColumn, MemoryMarshal.Cast<T, double>(b), bStride, bTransposed,
                    MemoryMarshal.Cast<T, double>(c), cStride, rows, depth, from, to, MemoryMarshal.Cast<T, double>(bias), add, biasFirst, roundOnce);
        }

        private static void ScalarColumns(ReadOnlySpan<float> a, int aRow, int aColumn, ReadOnlySpan<float> b, int bStride, bool bTransposed,
            Span<float> c, int cStride, int rows, int depth, int from, int to, ReadOnlySpan<float> bias, bool add, bool biasFirst, bool roundOnce)
        {
            for (int r = 0; r < rows; r++)
            {
                for (int j = from; j < to; j++)
                {
                    float acc = !biasFirst || add || bias.IsEmpty ? 0f : bias[r];
                    for (int k = 0; k < depth; k++)
                    {
                        float x = a[r * aRow + k * aColumn], y = ElementOfB(b, bStride, bTransposed, k, j);
#if NETCOREAPP3_0_OR_GREATER
                        acc = roundOnce ? MathF.FusedMultiplyAdd(x, y, acc) : x * y + acc;
#else
                        acc = x * y + acc;
#endif
                    }
                    if (!biasFirst && !add && !bias.IsEmpty) acc += bias[r];
                    c[r * cStride + j] = add ? c[r * cStride + j] + acc : acc;
                }
            }
        }

        private static void ScalarColumns(ReadOnlySpan<double> a, int aRow, int aColumn, ReadOnlySpan<double> b, int bStride, bool bTransposed,
            Span<double> c, int cStride, int rows, int depth, int from, int to, ReadOnlySpan<double> bias, bool add, bool biasFirst, bool roundOnce)
        {
            for (int r = 0; r < rows; r++)
            {
                for (int j = from; j < to; j++)
                {
                    double acc = !biasFirst || add || bias.IsEmpty ? 0d : bias[r];
                    for (int k = 0; k < depth; k++)
                    {
                        double x = a[r * aRow + k * aColumn], y = ElementOfB(b, bStride, bTransposed, k, j);
#if NETCOREAPP3_0_OR_GREATER
                        acc = roundOnce ? Math.FusedMultiplyAdd(x, y, acc) : x * y + acc;
#else
                        acc = x * y + acc;
#endif
                    }
                    if (!biasFirst && !add && !bias.IsEmpty) acc += bias[r];
                    c[r * cStride + j] = add ? c[r * cStride + j] + acc : acc;
                }
            }
        }
    }
}
