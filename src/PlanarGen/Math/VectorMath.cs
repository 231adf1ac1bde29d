using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace PlanarGen
{
    /// <summary>
    /// Transcendentals for generated networks: <c>Exp</c>, <c>Log</c>, <c>Tanh</c>, <c>Sigmoid</c> and <c>Softplus</c>,
    /// each for <see cref="float"/>, <see cref="double"/>, <see cref="Vector{T}"/> of float and of double.
    /// </summary>
    /// <remarks>
    /// <para>Every scalar overload is the twin of its vector overload: the same clamps, polynomial and operation order
    /// written for one value. Each lane of a vector result therefore equals the scalar result for that lane bit for bit,
    /// on every target framework, every <see cref="Vector{T}.Count"/> and without hardware acceleration (NaN results
    /// are NaN in both, possibly with a different payload). Nothing here uses fused multiply-add.</para>
    /// <para>The kernels are branch-free (special ranges use <see cref="Vector.ConditionalSelect(Vector{int}, Vector{float}, Vector{float})"/>),
    /// allocation-free and keep no state. Errors are measured against <see cref="Math"/> in double precision
    /// (glibc on Linux) and stated on each overload. Measured maxima (float: 1.5e8 inputs, every 29th bit pattern, against
    /// the double reference rounded to float; double: 3e7 uniform, wide-range, log-uniform and random-bit inputs):</para>
    /// <list type="table">
    /// <listheader><term>Function</term><description>float / double max error where the result is normal</description></listheader>
    /// <item><term>Exp</term><description>1 ulp (8.0e-8) / 1 ulp (2.2e-16)</description></item>
    /// <item><term>Log</term><description>1 ulp (8.0e-8) / 1 ulp (2.2e-16)</description></item>
    /// <item><term>Tanh</term><description>1 ulp (1.4e-7) / 2 ulp (4.1e-16), relative also near saturation</description></item>
    /// <item><term>Sigmoid</term><description>2 ulp (1.4e-7) / 4 ulp (5.1e-16) against 1/(1 + Math.Exp(-x))</description></item>
    /// <item><term>Softplus</term><description>2 ulp (1.7e-7) / 3 ulp (4.4e-16)</description></item>
    /// </list>
    /// <para>The generated float networks use the faster <see cref="TanhFast(float)"/> and <see cref="SigmoidFast(float)"/>
    /// (a rational tanh without exponential; absolute errors 3.5e-7 and 2.5e-7) and their vector twins; double networks use
    /// the accurate kernels above.</para>
    /// <para>Results below the smallest normal number are subnormal (to within a subnormal ulp) or flushed to 0 a little
    /// further out (Exp: x &lt; -87.68 in float, x &lt; -708.74 in double).</para>
    /// </remarks>
    public static partial class VectorMath
    {
        private const int FloatSignMask = int.MinValue;
        private const int FloatAbsMask = int.MaxValue;
        private const long DoubleSignMask = long.MinValue;
        private const long DoubleAbsMask = long.MaxValue;

        /// <summary>Clears the sign bit (identical to the vector <see cref="AbsBits(Vector{float})"/> for every input, NaN included).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static float AbsBits(float x) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(x) & FloatAbsMask);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static double AbsBits(double x) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) & DoubleAbsMask);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<float> AbsBits(Vector<float> x) =>
            Vector.AsVectorSingle(Vector.AsVectorInt32(x) & new Vector<int>(FloatAbsMask));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<double> AbsBits(Vector<double> x) =>
            Vector.AsVectorDouble(Vector.AsVectorInt64(x) & new Vector<long>(DoubleAbsMask));

        /// <summary>Returns <paramref name="magnitude"/> (sign bit clear) with the sign bit of <paramref name="sign"/> added.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static float OrSign(float magnitude, float sign) => BitConverter.Int32BitsToSingle(
            BitConverter.SingleToInt32Bits(magnitude) | (BitConverter.SingleToInt32Bits(sign) & FloatSignMask));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static double OrSign(double magnitude, double sign) => BitConverter.Int64BitsToDouble(
            BitConverter.DoubleToInt64Bits(magnitude) | (BitConverter.DoubleToInt64Bits(sign) & DoubleSignMask));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<float> OrSign(Vector<float> magnitude, Vector<float> sign) => Vector.AsVectorSingle(
            Vector.AsVectorInt32(magnitude) | (Vector.AsVectorInt32(sign) & new Vector<int>(FloatSignMask)));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<double> OrSign(Vector<double> magnitude, Vector<double> sign) => Vector.AsVectorDouble(
            Vector.AsVectorInt64(magnitude) | (Vector.AsVectorInt64(sign) & new Vector<long>(DoubleSignMask)));

        /// <summary>Shifts every lane left by 23 bits (wrapping, like the scalar <c>&lt;&lt;</c>); multiplies on netstandard2.1, which has no vector shift.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<int> ShiftLeft23(Vector<int> value)
        {
#if NET8_0_OR_GREATER
            return Vector.ShiftLeft(value, 23);
#else
            return value * new Vector<int>(1 << 23);
#endif
        }

        /// <summary>Shifts every lane left by 52 bits (wrapping, like the scalar <c>&lt;&lt;</c>); multiplies on netstandard2.1.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<long> ShiftLeft52(Vector<long> value)
        {
#if NET8_0_OR_GREATER
            return Vector.ShiftLeft(value, 52);
#else
            return value * new Vector<long>(1L << 52);
#endif
        }
    }
}
