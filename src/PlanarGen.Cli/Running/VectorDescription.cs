using System.Numerics;

namespace PlanarGen.Cli.Running
{
    /// <summary>Which vectors a generated network runs in this process, for the "Training time" lines: timings mean little
    /// without it (the same network trains several times faster with 256-bit vectors than without SIMD).</summary>
    internal static class VectorDescription
    {
        /// <summary>"Vector512" (where <see cref="SimdPath"/> chose the 512-bit kernels, which float and double networks both
        /// have), "N-bit Vector&lt;T&gt;", or "scalar" (no hardware SIMD: every sample takes the generated scalar path).</summary>
        public static string For()
        {
            if (SimdPath.UsesVector512) return "Vector512";
            if (!Vector.IsHardwareAccelerated) return "scalar";
            return $"{Vector<byte>.Count * 8}-bit Vector<T>";
        }
    }
}
