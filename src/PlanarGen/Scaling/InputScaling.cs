using System;
using System.Runtime.InteropServices;

namespace PlanarGen
{
    /// <summary>
    /// Per-feature input scaling, <c>x' = (x - offset) * scale</c>, as a network stores it (its <c>SetInputScaling</c>,
    /// <c>ScaleInputs</c>, ... members call these) and as weights files carry it (tensors <c>input_offset</c> and
    /// <c>input_scale</c>, docs/weights.md#input-scaling). The storage is one span of 2 x Inputs values: the offsets, then
    /// the scales. Each result is computed in the network's precision as one subtraction, then one multiplication (the
    /// same two roundings as the ONNX export's Sub and Mul nodes). Allocation-free.
    /// </summary>
    public static class InputScaling
    {
        /// <summary>Checks <paramref name="offsets"/> and <paramref name="scales"/> (one per input, finite, scales non-zero),
        /// then writes them into <paramref name="storage"/>; on error <paramref name="storage"/> is unchanged.</summary>
        /// <exception cref="ArgumentException">A length is not the input count, a value is not finite, or a scale is zero.</exception>
        public static void Set<T>(Span<T> storage, ReadOnlySpan<T> offsets, ReadOnlySpan<T> scales) where T : unmanaged
        {
            int inputs = storage.Length / 2;
            if (offsets.Length != inputs) throw new ArgumentException($"Expected {inputs} offsets (one per input), but got {offsets.Length}.", nameof(offsets));
            if (scales.Length != inputs) throw new ArgumentException($"Expected {inputs} scales (one per input), but got {scales.Length}.", nameof(scales));
            for (int k = 0; k < inputs; k++)
            {
                double offset = AsDouble(offsets, k), scale = AsDouble(scales, k);
                if (!IsFinite(offset)) throw new ArgumentException($"Expected finite offsets, but offset {k} is {offset.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}.", nameof(offsets));
                if (!IsFinite(scale) || scale == 0)
                    throw new ArgumentException($"Expected finite, non-zero scales, but scale {k} is {scale.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}.", nameof(scales));
            }
            offsets.CopyTo(storage);
            scales.CopyTo(storage.Slice(inputs));
        }

        /// <summary>Copies the stored offsets and scales out and returns true, or returns false (and writes nothing) when
        /// <paramref name="has"/> is false.</summary>
        /// <exception cref="ArgumentException">A destination's length is not the input count.</exception>
        public static bool TryGet<T>(bool has, ReadOnlySpan<T> storage, Span<T> offsets, Span<T> scales) where T : unmanaged
        {
            int inputs = storage.Length / 2;
            if (offsets.Length != inputs) throw new ArgumentException($"Expected room for {inputs} offsets (one per input), but got {offsets.Length}.", nameof(offsets));
            if (scales.Length != inputs) throw new ArgumentException($"Expected room for {inputs} scales (one per input), but got {scales.Length}.", nameof(scales));
            if (!has) return false;
            storage.Slice(0, inputs).CopyTo(offsets);
            storage.Slice(inputs).CopyTo(scales);
            return true;
        }

        /// <summary>One sample: <c>scaled[i] = (raw[i] - offset[i]) * scale[i]</c>, or a plain copy when
        /// <paramref name="has"/> is false. <paramref name="raw"/> and <paramref name="scaled"/> may be the same span.</summary>
        /// <exception cref="ArgumentException">A length is not the input count.</exception>
        public static void Apply<T>(bool has, ReadOnlySpan<T> storage, ReadOnlySpan<T> raw, Span<T> scaled) where T : unmanaged
        {
            int inputs = storage.Length / 2;
            if (raw.Length != inputs) throw new ArgumentException($"Expected {inputs} inputs (one sample), but got {raw.Length}.", nameof(raw));
            if (scaled.Length != inputs) throw new ArgumentException($"Expected room for {inputs} scaled inputs, but got {scaled.Length}.", nameof(scaled));
            if (!has)
            {
                raw.CopyTo(scaled);
                return;
            }
            ScaleRows(storage, raw, scaled, 1);
        }

        /// <summary>A feature matrix in <see cref="DataSet{T}"/> layout (Inputs rows of <paramref name="sampleCount"/> values, row
        /// i holding feature i of every sample): each row scaled by its feature's offset and scale, or copied when
        /// <paramref name="has"/> is false. <paramref name="features"/> and <paramref name="scaled"/> may be the same span.</summary>
        /// <exception cref="ArgumentException">A length is not Inputs x <paramref name="sampleCount"/>.</exception>
        public static void ApplyToFeatures<T>(bool has, ReadOnlySpan<T> storage, ReadOnlySpan<T> features, Span<T> scaled, int sampleCount) where T : unmanaged
        {
            int inputs = storage.Length / 2;
            if (sampleCount < 0) throw new ArgumentOutOfRangeException(nameof(sampleCount), sampleCount, "Expected a sample count of zero or more.");
            long expected = (long)inputs * sampleCount;
            if (features.Length != expected)
                throw new ArgumentException($"Expected {expected} values ({inputs} features x {sampleCount} samples, feature-major as DataSet.X), but got {features.Length}.", nameof(features));
            if (scaled.Length != expected) throw new ArgumentException($"Expected room for {expected} scaled values, but got {scaled.Length}.", nameof(scaled));
            if (!has)
            {
                features.CopyTo(scaled);
                return;
            }
            ScaleRows(storage, features, scaled, sampleCount);
        }

        /// <summary>Row i of <paramref name="source"/> (<paramref name="rowLength"/> values) minus offset i, times scale i.</summary>
        private static void ScaleRows<T>(ReadOnlySpan<T> storage, ReadOnlySpan<T> source, Span<T> destination, int rowLength) where T : unmanaged
        {
            if (typeof(T) == typeof(float))
                ScaleRows(MemoryMarshal.Cast<T, float>(storage), MemoryMarshal.Cast<T, float>(source), MemoryMarshal.Cast<T, float>(destination), rowLength);
            else if (typeof(T) == typeof(double))
                ScaleRows(MemoryMarshal.Cast<T, double>(storage), MemoryMarshal.Cast<T, double>(source), MemoryMarshal.Cast<T, double>(destination), rowLength);
            else throw new NotSupportedException($"Expected float or double, but got {typeof(T).Name}.");
        }

        private static void ScaleRows(ReadOnlySpan<float> storage, ReadOnlySpan<float> source, Span<float> destination, int rowLength)
        {
            int inputs = storage.Length / 2;
            for (int i = 0; i < inputs; i++)
            {
                float offset = storage[i], scale = storage[inputs + i];
                for (int k = i * rowLength, end = k + rowLength; k < end; k++) destination[k] = (source[k] - offset) * scale;
            }
        }

        private static void ScaleRows(ReadOnlySpan<double> storage, ReadOnlySpan<double> source, Span<double> destination, int rowLength)
        {
            int inputs = storage.Length / 2;
            for (int i = 0; i < inputs; i++)
            {
                double offset = storage[i], scale = storage[inputs + i];
                for (int k = i * rowLength, end = k + rowLength; k < end; k++) destination[k] = (source[k] - offset) * scale;
            }
        }

        private static double AsDouble<T>(ReadOnlySpan<T> values, int index) where T : unmanaged =>
            typeof(T) == typeof(float) ? MemoryMarshal.Cast<T, float>(values)[index]
            : typeof(T) == typeof(double) ? MemoryMarshal.Cast<T, double>(values)[index]
            : throw new NotSupportedException($"Expected float or double, but got {typeof(T).Name}.");

        private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
    }
}
