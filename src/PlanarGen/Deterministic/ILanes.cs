using System;

namespace PlanarGen.Deterministic
{
    /// <summary>
    /// The arithmetic of Deterministic mode over one lane type: <typeparamref name="T"/> itself (one sample at a time) or
    /// <see cref="System.Numerics.Vector{T}"/> (several samples side by side). <see cref="DeterministicMath"/> and
    /// <see cref="DeterministicKernel"/> are written once against this interface, so a vector lane performs exactly the
    /// operations, in exactly the order, that the scalar form performs on one value: the same bits by construction.
    /// </summary>
    /// <remarks>
    /// Every implementation is a struct, so the JIT and Native AOT compile one specialised copy per lane type and inline these
    /// calls. Each operation is one IEEE 754 operation rounded to <typeparamref name="T"/> (scalar forms cast explicitly:
    /// ECMA-335 lets a runtime keep locals in wider precision; vector element operations are always of the element type).
    /// No operation is fused, and comparisons and selections are written out, never min/max instructions.
    /// </remarks>
    internal interface ILanes<T, TLane> where T : unmanaged where TLane : struct
    {
        /// <summary>Samples per lane value: 1, or <see cref="System.Numerics.Vector{T}.Count"/>.</summary>
        int Width { get; }

        /// <summary>Whether <typeparamref name="T"/> is float (constants and polynomial degrees depend on it).</summary>
        bool IsSingle { get; }

        TLane Load(ReadOnlySpan<T> source, int index);

        void Store(Span<T> destination, int index, TLane value);

        TLane Broadcast(T value);

        /// <summary>The constant rounded to <typeparamref name="T"/> (correctly rounded conversion, the same everywhere).</summary>
        TLane Constant(double value);

        TLane Add(TLane a, TLane b);

        TLane Subtract(TLane a, TLane b);

        TLane Multiply(TLane a, TLane b);

        TLane Divide(TLane a, TLane b);

        /// <summary>Per lane: <paramref name="a"/> &lt; <paramref name="b"/> ? <paramref name="ifLess"/> : <paramref name="otherwise"/>
        /// (a comparison with NaN is false, so NaN selects <paramref name="otherwise"/>).</summary>
        TLane SelectLess(TLane a, TLane b, TLane ifLess, TLane otherwise);

        /// <summary>Per lane: <paramref name="a"/> &gt; <paramref name="b"/> ? <paramref name="ifGreater"/> : <paramref name="otherwise"/>.</summary>
        TLane SelectGreater(TLane a, TLane b, TLane ifGreater, TLane otherwise);

        /// <summary>
        /// 2^n for <paramref name="shifted"/> = n + (2^52 or 2^23) + bias, an exact sum whose low mantissa bits hold n + bias:
        /// those bits moved into the exponent field by an integer shift (or a multiplication where the target framework has no
        /// vector shift; both give the same bits).
        /// </summary>
        TLane PowerOfTwo(TLane shifted);

        /// <summary>Whether <paramref name="a"/> &gt; <paramref name="b"/> in every lane (false for NaN).</summary>
        bool AllGreater(TLane a, TLane b);

        /// <summary>Whether every lane's magnitude is at most <paramref name="bound"/> (false for NaN).</summary>
        bool AllWithin(TLane value, TLane bound);
    }
}
