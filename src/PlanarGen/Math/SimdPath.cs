#if NET8_0_OR_GREATER
using System;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace PlanarGen
{
    /// <summary>
    /// Which vectors the generated networks (float and double) use, decided once per process: their <see cref="Vector512{T}"/> kernels where
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

        // Read once, never throwing here: a type initializer that throws surfaces as a TypeInitializationException that hides
        // the message, so a bad setting is kept as Invalid and reported by the members below, at every use.
        private static readonly string? RawSetting = Environment.GetEnvironmentVariable(Vector512Variable);
        private static readonly Setting Chosen = Choose(RawSetting);

        private enum Setting
        {
            Vector,
            Vector512,
            Invalid,
        }

        /// <summary>Whether the generated networks run their <see cref="Vector512{T}"/> kernels in this process.</summary>
        /// <exception cref="InvalidOperationException"><see cref="Vector512Variable"/> holds a value other than those listed
        /// on the type.</exception>
        public static bool UsesVector512 => Chosen == Setting.Invalid ? throw BadSetting() : Chosen == Setting.Vector512;

        /// <summary>Throws if <see cref="Vector512Variable"/> holds a value other than those listed on the type. Generated code
        /// no longer calls it (every network with vector kernels, float or double, now reads <see cref="UsesVector512"/>, which
        /// reports a bad value as well); kept for code that checks the setting up front.</summary>
        /// <exception cref="InvalidOperationException">The variable's value is not understood.</exception>
        public static void RequireValidSetting()
        {
            if (Chosen == Setting.Invalid) throw BadSetting();
        }

        private static Setting Choose(string? setting)
        {
            // The usual case (unset) short-circuits the string handling: compiling it costs about 3 ms of JIT, a fifth of a first Train.
            if (setting is null || IsAutomatic(setting))
                return Automatic(Vector512.IsHardwareAccelerated, Vector<float>.Count) ? Setting.Vector512 : Setting.Vector;
            bool? forced = Parse(setting);
            return forced is null ? Setting.Invalid : forced.Value ? Setting.Vector512 : Setting.Vector;
        }

        /// <summary>The hardware's choice: 512-bit kernels where they are accelerated and wider than Vector&lt;float&gt;. The same
        /// rule holds for the double networks: Vector&lt;double&gt; always has half the lanes of Vector&lt;float&gt;, as
        /// Vector512&lt;double&gt; has of Vector512&lt;float&gt; (an AVX-512 host by default: Vector&lt;double&gt; 4 lanes, Vector512&lt;double&gt; 8).</summary>
        private static bool Automatic(bool vector512Accelerated, int vectorLanes) =>
            vector512Accelerated && vectorLanes < Vector512<float>.Count;

        /// <summary>The choice for a setting of <see cref="Vector512Variable"/>, whether Vector512 is accelerated and the lane count of Vector&lt;float&gt;.</summary>
        /// <exception cref="InvalidOperationException">The setting is not understood.</exception>
        internal static bool Decide(string? setting, bool vector512Accelerated, int vectorLanes)
        {
            if (setting is null || IsAutomatic(setting)) return Automatic(vector512Accelerated, vectorLanes);
            return Parse(setting) ?? throw BadSetting(setting);
        }

        /// <summary>1 (true) or 0 (false), or null for anything else; auto is handled by the callers. Compares spans, so
        /// reading the setting allocates nothing beyond the variable's string.</summary>
        private static bool? Parse(string setting)
        {
            ReadOnlySpan<char> value = setting.AsSpan().Trim();
            if (value.SequenceEqual("1".AsSpan())) return true;
            if (value.SequenceEqual("0".AsSpan())) return false;
            return null;
        }

        private static bool IsAutomatic(string setting)
        {
            ReadOnlySpan<char> value = setting.AsSpan().Trim();
            return value.Length == 0 || value.Equals("auto".AsSpan(), StringComparison.OrdinalIgnoreCase);
        }

        private static InvalidOperationException BadSetting() => BadSetting(RawSetting);

        private static InvalidOperationException BadSetting(string? setting) =>
            new InvalidOperationException(
                $"Expected the environment variable {Vector512Variable} to be unset, auto, 1 (always use the 512-bit kernels) or 0 (never), but it is '{setting}'.");
    }
}
#endif
