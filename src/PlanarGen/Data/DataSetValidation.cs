using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace PlanarGen
{
    /// <summary>The checks <see cref="DataSet{T}"/> makes once at construction.</summary>
    internal static class DataSetValidation
    {
        public static int RowCount(int length, int sampleCount, string argument, string rows, bool allowEmpty)
        {
            if (sampleCount < 1)
                throw new ArgumentOutOfRangeException(nameof(sampleCount), sampleCount,
                    $"Expected at least 1 sample, but sampleCount is {sampleCount}.");
            if (length == 0 && allowEmpty) return 0;
            if (length == 0 || length % sampleCount != 0)
                throw new ArgumentException(
                    $"Expected {argument} to hold {rows} x {sampleCount} samples (a positive multiple of {sampleCount} values), but it has {length} values.",
                    argument);
            return length / sampleCount;
        }

        public static void RequireFinite<T>(ReadOnlySpan<T> values, int sampleCount, string argument) where T : unmanaged
        {
            RequireFloatingPoint<T>();
            int bad = typeof(T) == typeof(float)
                ? FirstNonFinite(System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(values))
                : FirstNonFinite(System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(values));
            if (bad >= 0)
                throw new ArgumentException(
                    $"Expected finite values in {argument}, but {argument}[{bad / sampleCount}, {bad % sampleCount}] (row {bad / sampleCount}, sample {bad % sampleCount}) is {Format(values, bad)}.",
                    argument);
        }

        /// <summary>Whether every value is 0 or 1 (the values are known to be finite).</summary>
        public static bool AreBinary<T>(ReadOnlySpan<T> values) where T : unmanaged =>
            FirstNonBinary(values) < 0;

        /// <summary>Index of the first value that is neither 0 nor 1, or -1.</summary>
        public static int FirstNonBinary<T>(ReadOnlySpan<T> values) where T : unmanaged
        {
            RequireFloatingPoint<T>();
            return typeof(T) == typeof(float)
                ? FirstNonBinary(MemoryMarshal.Cast<T, float>(values))
                : FirstNonBinary(MemoryMarshal.Cast<T, double>(values));
        }

        /// <summary>Whether every column of binary labels sums to exactly 1 (one 1, otherwise 0).</summary>
        public static bool AreOneHotColumns<T>(ReadOnlySpan<T> values, int sampleCount) where T : unmanaged =>
            FirstNotOneHot(values, sampleCount) < 0;

        /// <summary>The first sample whose column of binary labels does not sum to 1, or -1. The sums of 0s and 1s are exact,
        /// so the vector lanes and the scalar tail agree.</summary>
        public static int FirstNotOneHot<T>(ReadOnlySpan<T> values, int sampleCount) where T : unmanaged
        {
            RequireFloatingPoint<T>();
            return typeof(T) == typeof(float)
                ? FirstNotOneHot(MemoryMarshal.Cast<T, float>(values), sampleCount)
                : FirstNotOneHot(MemoryMarshal.Cast<T, double>(values), sampleCount);
        }

        private static int FirstNotOneHot(ReadOnlySpan<float> values, int sampleCount)
        {
            int rows = values.Length / sampleCount;
            for (int s = OneHotChunks(values, sampleCount) * Vector<float>.Count; s < sampleCount; s++)
            {
                float sum = 0f;
                for (int r = 0; r < rows; r++) sum += values[r * sampleCount + s];
                if (sum != 1f) return s;
            }
            return -1;
        }

        private static int FirstNotOneHot(ReadOnlySpan<double> values, int sampleCount)
        {
            int rows = values.Length / sampleCount;
            for (int s = OneHotChunks(values, sampleCount) * Vector<double>.Count; s < sampleCount; s++)
            {
                double sum = 0.0;
                for (int r = 0; r < rows; r++) sum += values[r * sampleCount + s];
                if (sum != 1.0) return s;
            }
            return -1;
        }

        /// <summary>How many leading chunks of samples have one-hot columns in every lane (none without hardware SIMD).</summary>
        private static int OneHotChunks<T>(ReadOnlySpan<T> values, int sampleCount) where T : struct
        {
            if (!Vector.IsHardwareAccelerated) return 0;
            int rows = values.Length / sampleCount;
            int chunks = sampleCount / Vector<T>.Count;
            for (int c = 0; c < chunks; c++)
            {
                Vector<T> sum = Vector<T>.Zero;
                for (int r = 0; r < rows; r++)
                    sum += MemoryMarshal.Cast<T, Vector<T>>(values.Slice(r * sampleCount, sampleCount))[c];
                if (!Vector.EqualsAll(sum, Vector<T>.One)) return c;
            }
            return chunks;
        }

        // The scans skip the leading SIMD chunks that are clean, then find the first bad index with the scalar test from the
        // first chunk that is not: the same answer, a fraction of the cost per data set (it runs on every construction).
        private static int FirstNonFinite(ReadOnlySpan<float> values)
        {
            int start = Vector.IsHardwareAccelerated ? CleanChunks(MemoryMarshal.Cast<float, Vector<float>>(values), labels: false) * Vector<float>.Count : 0;
            for (int i = start; i < values.Length; i++)
                if (float.IsNaN(values[i]) || float.IsInfinity(values[i])) return i;
            return -1;
        }

        private static int FirstNonFinite(ReadOnlySpan<double> values)
        {
            int start = Vector.IsHardwareAccelerated ? CleanChunks(MemoryMarshal.Cast<double, Vector<double>>(values), labels: false) * Vector<double>.Count : 0;
            for (int i = start; i < values.Length; i++)
                if (double.IsNaN(values[i]) || double.IsInfinity(values[i])) return i;
            return -1;
        }

        private static int FirstNonBinary(ReadOnlySpan<float> values)
        {
            int start = Vector.IsHardwareAccelerated ? CleanChunks(MemoryMarshal.Cast<float, Vector<float>>(values), labels: true) * Vector<float>.Count : 0;
            for (int i = start; i < values.Length; i++)
                if (values[i] != 0f && values[i] != 1f) return i;
            return -1;
        }

        private static int FirstNonBinary(ReadOnlySpan<double> values)
        {
            int start = Vector.IsHardwareAccelerated ? CleanChunks(MemoryMarshal.Cast<double, Vector<double>>(values), labels: true) * Vector<double>.Count : 0;
            for (int i = start; i < values.Length; i++)
                if (values[i] != 0.0 && values[i] != 1.0) return i;
            return -1;
        }

        /// <summary>How many leading chunks are clean in every lane: four chunks per test while they last (their flaws OR-ed
        /// together, one branch), then one at a time.</summary>
        private static int CleanChunks<T>(ReadOnlySpan<Vector<T>> chunks, bool labels) where T : struct
        {
            int c = 0;
            for (; c + 4 <= chunks.Length; c += 4)
            {
                Vector<T> any = Vector.BitwiseOr(
                    Vector.BitwiseOr(Flaw(chunks[c], labels), Flaw(chunks[c + 1], labels)),
                    Vector.BitwiseOr(Flaw(chunks[c + 2], labels), Flaw(chunks[c + 3], labels)));
                if (!Vector.EqualsAll(any, Vector<T>.Zero)) break;
            }
            while (c < chunks.Length && Vector.EqualsAll(Flaw(chunks[c], labels), Vector<T>.Zero)) c++;
            return c;
        }

        // Zero (+0 or -0) in a lane exactly when the lane is clean: x - x is +0 for finite x and NaN otherwise; x (1 - x) is
        // ±0 for the labels 0, -0 and 1 and non-zero (or NaN) for any other value, denormals and values next to 1 included.
        // OR-ing the bits of such lanes gives ±0 only if every lane was ±0.
        private static Vector<T> Flaw<T>(Vector<T> x, bool labels) where T : struct => labels ? x * (Vector<T>.One - x) : x - x;

        internal static string Format<T>(ReadOnlySpan<T> values, int index) where T : unmanaged
        {
            double v = typeof(T) == typeof(float)
                ? System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(values)[index]
                : System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(values)[index];
            return v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }

        public static void RequireFloatingPoint<T>() where T : unmanaged
        {
            if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
                throw new NotSupportedException($"Expected a data set of float or double, but the element type is {typeof(T).Name}.");
        }
    }
}
