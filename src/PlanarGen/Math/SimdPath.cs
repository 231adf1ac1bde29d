#if NET8_0_OR_GREATER
using System;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace PlanarGen
{
    /// <summary>
    /// Which vectors the generated float networks use, decided once per process: their <see cref="Vector512{T}"/> kernels where
    /// 512-bit vectors are accelerated and wider than <see cref="Vector{T}"/> (which .NET keeps at 256 bits by default, even on
    /// AVX-512 hardware), else their <see cref="Vector{T}"/> kernels (256-bit with AVX2, 128-bit on Arm64), else (no hardware SIMD)
    /// their scalar code. Only .NET 8 and later have this choice; netstandard2.1 builds (Unity) use <see cref="Vector{T}"/>.
    /// </summary>
    /// <remarks>
    /// The environment variable <c>PLANARGEN_VECTOR512</c> overrides the choice: <c>0</c> never uses the 512-bit kernels (for
    /// example to get the same training bits as a machine without AVX-512: the gradient sums' rounding depends on the lane
    /// count), <c>1</c> always uses them (where they are not accelerated .NET runs them in software: correct but slow; the tests
    /// use this), and unset, empty or <c>auto</c> lets the hardware decide. Any other value makes the first use throw.
    /// </remarks>
    public static class SimdPath
    {
        /// <summary>The name of the environment variable that overrides the choice.</summary>
        public const string Vector512Variable = "PLANARGEN_VECTOR512";

        /// <summary>Whether the generated float networks run their <see cref="Vector512{T}"/> kernels in this process.</summary>
        public static bool UsesVector512 { get; } = Choose();

        private static bool Choose()
        {
            string? setting = Environment.GetEnvironmentVariable(Vector512Variable);
            // The usual case without Decide: compiling its string handling costs about 3 ms of JIT, a fifth of a first Train.
            if (setting is null) return Automatic(Vector512.IsHardwareAccelerated, Vector<float>.Count);
            return Decide(setting, Vector512.IsHardwareAccelerated, Vector<float>.Count);
        }

        /// <summary>The hardware's choice: 512-bit kernels where they are accelerated and wider than Vector&lt;float&gt;.</summary>
        private static bool Automatic(bool vector512Accelerated, int vectorLanes) =>
            vector512Accelerated && vectorLanes < Vector512<float>.Count;

        /// <summary>The choice for a setting of <see cref="Vector512Variable"/>, whether Vector512 is accelerated and the lane count of Vector&lt;float&gt;.</summary>
        internal static bool Decide(string? setting, bool vector512Accelerated, int vectorLanes)
        {
            switch (setting?.Trim().ToLowerInvariant())
            {
                case null:
                case "":
                case "auto":
                    return Automatic(vector512Accelerated, vectorLanes);
                case "1":
                    return true;
                case "0":
                    return false;
                default:
                    throw new InvalidOperationException(
                        $"Expected the environment variable {Vector512Variable} to be unset, auto, 1 (always use the 512-bit kernels) or 0 (never), but it is '{setting}'.");
            }
        }
    }
}
#endif
