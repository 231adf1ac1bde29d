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

        public static void RequireBinaryLabels<T>(ReadOnlySpan<T> values, int sampleCount, string argument) where T : unmanaged
        {
            RequireFloatingPoint<T>();
            int bad = typeof(T) == typeof(float)
                ? FirstNonBinary(System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(values))
                : FirstNonBinary(System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(values));
            if (bad >= 0)
                throw new ArgumentException(
                    $"Expected labels 0 or 1 in {argument}, but {argument}[{bad / sampleCount}, {bad % sampleCount}] (row {bad / sampleCount}, sample {bad % sampleCount}) is {Format(values, bad)}.",
                    argument);
        }

        // The scans skip whole SIMD chunks that are clean (x - x is 0 exactly when x is finite), then find the first bad
        // index with the scalar test from the first chunk that is not: same answer, a fraction of the cost per data set.
        private static int FirstNonFinite(ReadOnlySpan<float> values)
        {
            int start = 0;
            if (Vector.IsHardwareAccelerated)
            {
                ReadOnlySpan<Vector<float>> chunks = MemoryMarshal.Cast<float, Vector<float>>(values);
                int c = 0;
                while (c < chunks.Length && Vector.EqualsAll(chunks[c] - chunks[c], Vector<float>.Zero)) c++;
                start = c * Vector<float>.Count;
            }
            for (int i = start; i < values.Length; i++)
                if (float.IsNaN(values[i]) || float.IsInfinity(values[i])) return i;
            return -1;
        }

        private static int FirstNonFinite(ReadOnlySpan<double> values)
        {
            int start = 0;
            if (Vector.IsHardwareAccelerated)
            {
                ReadOnlySpan<Vector<double>> chunks = MemoryMarshal.Cast<double, Vector<double>>(values);
                int c = 0;
                while (c < chunks.Length && Vector.EqualsAll(chunks[c] - chunks[c], Vector<double>.Zero)) c++;
                start = c * Vector<double>.Count;
            }
            for (int i = start; i < values.Length; i++)
                if (double.IsNaN(values[i]) || double.IsInfinity(values[i])) return i;
            return -1;
        }

        private static int FirstNonBinary(ReadOnlySpan<float> values)
        {
            int start = 0;
            if (Vector.IsHardwareAccelerated)
            {
                ReadOnlySpan<Vector<float>> chunks = MemoryMarshal.Cast<float, Vector<float>>(values);
                int c = 0;
                while (c < chunks.Length && Vector.EqualsAll(
                    Vector.BitwiseOr(Vector.Equals(chunks[c], Vector<float>.Zero), Vector.Equals(chunks[c], Vector<float>.One)),
                    new Vector<int>(-1)))
                    c++;
                start = c * Vector<float>.Count;
            }
            for (int i = start; i < values.Length; i++)
                if (values[i] != 0f && values[i] != 1f) return i;
            return -1;
        }

        private static int FirstNonBinary(ReadOnlySpan<double> values)
        {
            int start = 0;
            if (Vector.IsHardwareAccelerated)
            {
                ReadOnlySpan<Vector<double>> chunks = MemoryMarshal.Cast<double, Vector<double>>(values);
                int c = 0;
                while (c < chunks.Length && Vector.EqualsAll(
                    Vector.BitwiseOr(Vector.Equals(chunks[c], Vector<double>.Zero), Vector.Equals(chunks[c], Vector<double>.One)),
                    new Vector<long>(-1L)))
                    c++;
                start = c * Vector<double>.Count;
            }
            for (int i = start; i < values.Length; i++)
                if (values[i] != 0.0 && values[i] != 1.0) return i;
            return -1;
        }

        private static string Format<T>(ReadOnlySpan<T> values, int index) where T : unmanaged
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
