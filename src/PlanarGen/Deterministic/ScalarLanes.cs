using System;
using System.Runtime.CompilerServices;

namespace PlanarGen.Deterministic
{
    /// <summary>One float at a time, each operation rounded to float by an explicit cast (conv.r4).</summary>
    internal readonly struct SingleLane : ILanes<float, float>
    {
        public int Width => 1;

        public bool IsSingle => true;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float Load(ReadOnlySpan<float> source, int index) => source[index];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Store(Span<float> destination, int index, float value) => destination[index] = value;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float Broadcast(float value) => value;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float Constant(double value) => (float)value;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float Add(float a, float b) => (float)(a + b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float Subtract(float a, float b) => (float)(a - b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float Multiply(float a, float b) => (float)(a * b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float Divide(float a, float b) => (float)(a / b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float SelectLess(float a, float b, float ifLess, float otherwise) => a < b ? ifLess : otherwise;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float SelectGreater(float a, float b, float ifGreater, float otherwise) => a > b ? ifGreater : otherwise;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float PowerOfTwo(float shifted) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(shifted) << 23);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool AllGreater(float a, float b) => a > b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool AllWithin(float value, float bound) => value <= bound && value >= -bound;
    }

    /// <summary>One double at a time, each operation rounded to double by an explicit cast (conv.r8).</summary>
    internal readonly struct DoubleLane : ILanes<double, double>
    {
        public int Width => 1;

        public bool IsSingle => false;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Load(ReadOnlySpan<double> source, int index) => source[index];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Store(Span<double> destination, int index, double value) => destination[index] = value;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Broadcast(double value) => value;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Constant(double value) => value;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Add(double a, double b) => (double)(a + b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Subtract(double a, double b) => (double)(a - b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Multiply(double a, double b) => (double)(a * b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Divide(double a, double b) => (double)(a / b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double SelectLess(double a, double b, double ifLess, double otherwise) => a < b ? ifLess : otherwise;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double SelectGreater(double a, double b, double ifGreater, double otherwise) => a > b ? ifGreater : otherwise;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double PowerOfTwo(double shifted) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(shifted) << 52);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool AllGreater(double a, double b) => a > b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool AllWithin(double value, double bound) => value <= bound && value >= -bound;
    }
}
