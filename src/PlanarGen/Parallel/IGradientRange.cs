using System;

namespace PlanarGen
{
    /// <summary>A network's gradient sums over a range of samples, implemented by a generated struct for
    /// <see cref="GradientSplit"/>.</summary>
    /// <typeparam name="T">float or double.</typeparam>
    public interface IGradientRange<T> where T : unmanaged
    {
        /// <summary>The sums of samples [<paramref name="sampleStart"/>, <paramref name="sampleEnd"/>) of the
        /// <paramref name="sampleCount"/> in <paramref name="x"/> and <paramref name="y"/> (row-major, one row per feature or
        /// output) into <paramref name="gradient"/> (cleared first, notebook order, not scaled by 1/m), and the sum of their cost
        /// terms when <paramref name="withCost"/>. Returns whether every pre-activation was within <see cref="DivergenceRule"/>'s
        /// bound. <paramref name="sampleStart"/> is 0 or a multiple of <see cref="GradientSplit.RangeAlignment"/>.</summary>
        bool Sums(ReadOnlySpan<T> parameters, ReadOnlySpan<T> x, ReadOnlySpan<T> y, int sampleCount, int sampleStart, int sampleEnd,
            Span<T> gradient, bool withCost, out T cost);
    }
}
