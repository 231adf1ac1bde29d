using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PlanarGen.Deterministic
{
    /// <summary><see cref="Vector{T}.Count"/> floats side by side; element operations are exactly float operations.</summary>
    internal readonly struct SingleVectorLanes : ILanes<float, Vector<float>>
    {
        public int Width => Vector<float>.Count;

        public bool IsSingle => true;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<float> Load(ReadOnlySpan<float> source, int index) =>
            MemoryMarshal.Cast<float, Vector<float>>(source.Slice(index, Vector<float>.Count))[0];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Store(Span<float> destination, int index, Vector<float> value) =>
            MemoryMarshal.Cast<float, Vector<float>>(destination.Slice(index, Vector<float>.Count))[0] = value;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<float> Broadcast(float value) => new Vector<float>(value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<float> Constant(double value) => new Vector<float>((float)value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<float> Add(Vector<float> a, Vector<float> b) => a + b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<float> Subtract(Vector<float> a, Vector<float> b) => a - b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<float> Multiply(Vector<float> a, Vector<float> b) => a * b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<float> Divide(Vector<float> a, Vector<float> b) => a / b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<float> SelectLess(Vector<float> a, Vector<float> b, Vector<float> ifLess, Vector<float> otherwise) =>
            Vector.ConditionalSelect(Vector.LessThan(a, b), ifLess, otherwise);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<float> SelectGreater(Vector<float> a, Vector<float> b, Vector<float> ifGreater, Vector<float> otherwise) =>
            Vector.ConditionalSelect(Vector.GreaterThan(a, b), ifGreater, otherwise);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<float> PowerOfTwo(Vector<float> shifted)
        {
#if NET7_0_OR_GREATER
            return Vector.AsVectorSingle(Vector.ShiftLeft(Vector.AsVectorInt32(shifted), 23));
#else
            return Vector.AsVectorSingle(Vector.AsVectorInt32(shifted) * new Vector<int>(1 << 23));
#endif
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool AllGreater(Vector<float> a, Vector<float> b) => Vector.GreaterThanAll(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool AllWithin(Vector<float> value, Vector<float> bound) =>
            Vector.LessThanOrEqualAll(value, bound) && Vector.GreaterThanOrEqualAll(value, -bound);
    }

    /// <summary><see cref="Vector{T}.Count"/> doubles side by side; element operations are exactly double operations.</summary>
    internal readonly struct DoubleVectorLanes : ILanes<double, Vector<double>>
    {
        public int Width => Vector<double>.Count;

        public bool IsSingle => false;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<double> Load(ReadOnlySpan<double> source, int index) =>
            MemoryMarshal.Cast<double, Vector<double>>(source.Slice(index, Vector<double>.Count))[0];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Store(Span<double> destination, int index, Vector<double> value) =>
            MemoryMarshal.Cast<double, Vector<double>>(destination.Slice(index, Vector<double>.Count))[0] = value;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<double> Broadcast(double value) => new Vector<double>(value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<double> Constant(double value) => new Vector<double>(value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<double> Add(Vector<double> a, Vector<double> b) => a + b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<double> Subtract(Vector<double> a, Vector<double> b) => a - b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<double> Multiply(Vector<double> a, Vector<double> b) => a * b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<double> Divide(Vector<double> a, Vector<double> b) => a / b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<double> SelectLess(Vector<double> a, Vector<double> b, Vector<double> ifLess, Vector<double> otherwise) =>
            Vector.ConditionalSelect(Vector.LessThan(a, b), ifLess, otherwise);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<double> SelectGreater(Vector<double> a, Vector<double> b, Vector<double> ifGreater, Vector<double> otherwise) =>
            Vector.ConditionalSelect(Vector.GreaterThan(a, b), ifGreater, otherwise);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<double> PowerOfTwo(Vector<double> shifted)
        {
#if NET7_0_OR_GREATER
            return Vector.AsVectorDouble(Vector.ShiftLeft(Vector.AsVectorInt64(shifted), 52));
#else
            return Vector.AsVectorDouble(Vector.AsVectorInt64(shifted) * new Vector<long>(1L << 52));
#endif
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool AllGreater(Vector<double> a, Vector<double> b) => Vector.GreaterThanAll(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool AllWithin(Vector<double> value, Vector<double> bound) =>
            Vector.LessThanOrEqualAll(value, bound) && Vector.GreaterThanOrEqualAll(value, -bound);
    }
}
