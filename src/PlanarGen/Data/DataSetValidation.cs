using System;

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

        private static int FirstNonFinite(ReadOnlySpan<float> values)
        {
            for (int i = 0; i < values.Length; i++)
                if (float.IsNaN(values[i]) || float.IsInfinity(values[i])) return i;
            return -1;
        }

        private static int FirstNonFinite(ReadOnlySpan<double> values)
        {
            for (int i = 0; i < values.Length; i++)
                if (double.IsNaN(values[i]) || double.IsInfinity(values[i])) return i;
            return -1;
        }

        private static int FirstNonBinary(ReadOnlySpan<float> values)
        {
            for (int i = 0; i < values.Length; i++)
                if (values[i] != 0f && values[i] != 1f) return i;
            return -1;
        }

        private static int FirstNonBinary(ReadOnlySpan<double> values)
        {
            for (int i = 0; i < values.Length; i++)
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
