using System;
using System.Collections.Generic;
using System.Numerics;
using Xunit.Sdk;

namespace PlanarGen.Tests.Kernels
{
    /// <summary>Fixed input grids, ulp distances and lane-by-lane helpers for the VectorMath tests.</summary>
    internal static class MathGrids
    {
        /// <summary>Thresholds where the kernels change behaviour (clamps, branch points, overflow, flush, saturation).</summary>
        private static readonly float[] FloatEdges =
        {
            0f, 1e-30f, float.Epsilon, 2 * float.Epsilon, 1.17549435E-38f, 1e-20f, 1e-10f, 1e-7f, 5.9604645E-8f, 1e-3f,
            0.1f, 0.25f, 0.34657359f, 0.5f, 0.625f, 0.70710678f, 1f, 1.41421356f, 2f, 0.69314718f, 3f, 8f, 9f, 9.01f, 10f,
            16.6f, 17f, 20f, 30f, 44f, 45f, 64f, 87f, 87.336544f, 87.5f, 87.68f, 88f, 88.3762626647949f, 88.72283f, 88.7228394f,
            88.73f, 89f, 90f, 100f, 103.97f, 104f, 127f, 128f, 1e4f, 1e10f, 1e30f, 3.4e38f, float.MaxValue,
        };

        private static readonly double[] DoubleEdges =
        {
            0.0, 1e-300, double.Epsilon, 2 * double.Epsilon, 2.2250738585072014E-308, 1e-200, 1e-20, 1e-10, 1.1102230246251565E-16,
            1e-3, 0.1, 0.25, 0.34657359027997264, 0.5, 0.625, 0.7071067811865476, 1.0, 1.4142135623730951, 2.0, 0.6931471805599453,
            3.0, 8.0, 10.0, 18.72, 19.06, 19.1, 20.0, 37.5, 40.0, 100.0, 354.0, 355.0, 700.0, 708.0, 708.3964185322641, 708.5,
            708.74, 709.0, 709.0895657128241, 709.782712893384, 709.7827128933841, 709.79, 710.0, 711.0, 745.0, 746.0, 1024.0,
            1e4, 1e10, 1e30, 1e300, double.MaxValue,
        };

        /// <summary>About 33,000 float inputs: edges and their neighbours (both signs), a fine sweep of [-100, 100],
        /// every power-of-two magnitude with a few mantissas, seeded random values, infinities and NaN.</summary>
        public static float[] FloatGrid()
        {
            var list = new List<float>();
            foreach (float edge in FloatEdges)
            {
                foreach (float v in new[] { edge, NextUp(edge), NextDown(edge) })
                {
                    list.Add(v);
                    list.Add(-v);
                }
            }
            for (int i = 0; i <= 4000; i++) list.Add(-100f + i * 0.05f);
            for (int e = -149; e <= 127; e++)
            {
                foreach (float m in new[] { 1f, 1.1f, 1.5f, 1.9999999f })
                {
                    float v = m * (float)System.Math.Pow(2, e);
                    list.Add(v);
                    list.Add(-v);
                }
            }
            var random = new Random(20261130);
            for (int i = 0; i < 2000; i++) list.Add((float)(random.NextDouble() * 40.0 - 20.0));
            for (int i = 0; i < 500; i++) list.Add((float)(random.NextDouble() * 2.0));
            // Dense where the polynomials live (tanh below 0.625, exp's reduced argument, log's mantissa): a one-ulp change in
            // a leading coefficient moves some of these results.
            for (int i = 0; i < 20000; i++) list.Add((float)(random.NextDouble() * 6.0 - 3.0));
            for (int i = 0; i < 4000; i++) list.Add((float)(random.NextDouble() * 0.2 + 0.45));
            list.Add(float.PositiveInfinity);
            list.Add(float.NegativeInfinity);
            list.Add(float.NaN);
            list.Add(-float.NaN);
            while (list.Count % 16 != 3) list.Add(0.3f);   // leave a tail for every Vector<float>.Count (2, 4, 8, 16)
            return list.ToArray();
        }

        /// <summary>About 33,000 double inputs, built like <see cref="FloatGrid"/>.</summary>
        public static double[] DoubleGrid()
        {
            var list = new List<double>();
            foreach (double edge in DoubleEdges)
            {
                foreach (double v in new[] { edge, NextUp(edge), NextDown(edge) })
                {
                    list.Add(v);
                    list.Add(-v);
                }
            }
            for (int i = 0; i <= 4000; i++) list.Add(-100.0 + i * 0.05);
            for (int e = -1074; e <= 1023; e += 3)
            {
                double v = 1.37 * System.Math.Pow(2, e);
                if (double.IsInfinity(v)) continue;
                list.Add(v);
                list.Add(-v);
            }
            var random = new Random(20261130);
            for (int i = 0; i < 2000; i++) list.Add(random.NextDouble() * 40.0 - 20.0);
            for (int i = 0; i < 500; i++) list.Add(random.NextDouble() * 2.0);
            for (int i = 0; i < 20000; i++) list.Add(random.NextDouble() * 6.0 - 3.0);
            for (int i = 0; i < 4000; i++) list.Add(random.NextDouble() * 0.2 + 0.45);
            list.Add(double.PositiveInfinity);
            list.Add(double.NegativeInfinity);
            list.Add(double.NaN);
            list.Add(-double.NaN);
            while (list.Count % 16 != 3) list.Add(0.3);
            return list.ToArray();
        }

        public static float NextUp(float x) =>
            x == 0f ? float.Epsilon : BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(x) + (x > 0f ? 1 : -1));

        public static float NextDown(float x) => -NextUp(-x);

        public static double NextUp(double x) =>
            x == 0.0 ? double.Epsilon : BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) + (x > 0.0 ? 1 : -1));

        public static double NextDown(double x) => -NextUp(-x);

        /// <summary>Distance in units in the last place along the ordered floats; ±0 are 0 apart, infinity is one past MaxValue.</summary>
        public static long UlpDistance(float a, float b)
        {
            if (float.IsNaN(a) || float.IsNaN(b)) return float.IsNaN(a) && float.IsNaN(b) ? 0 : long.MaxValue;
            return System.Math.Abs(Ordered(BitConverter.SingleToInt32Bits(a)) - Ordered(BitConverter.SingleToInt32Bits(b)));
            static long Ordered(int bits) => bits < 0 ? -(long)(bits & int.MaxValue) : bits;
        }

        /// <summary>Distance in units in the last place along the ordered doubles.</summary>
        public static long UlpDistance(double a, double b)
        {
            if (double.IsNaN(a) || double.IsNaN(b)) return double.IsNaN(a) && double.IsNaN(b) ? 0 : long.MaxValue;
            long oa = Ordered(BitConverter.DoubleToInt64Bits(a)), ob = Ordered(BitConverter.DoubleToInt64Bits(b));
            return oa > ob ? oa - ob : ob - oa;
            static long Ordered(long bits) => bits < 0 ? -(bits & long.MaxValue) : bits;
        }

        /// <summary>Result bits with every NaN mapped to one pattern (payloads are not part of the contract).</summary>
        public static int Bits(float x) => float.IsNaN(x) ? 0x7FC00000 : BitConverter.SingleToInt32Bits(x);

        public static long Bits(double x) => double.IsNaN(x) ? 0x7FF8000000000000 : BitConverter.DoubleToInt64Bits(x);

        /// <summary>Runs <paramref name="vector"/> over the grid in chunks of Vector&lt;float&gt;.Count (the last chunk padded)
        /// and requires every lane to equal <paramref name="scalar"/> bit for bit.</summary>
        public static void AssertLanesMatchScalar(float[] grid, Func<float, float> scalar, Func<Vector<float>, Vector<float>> vector)
        {
            int count = Vector<float>.Count;
            var chunk = new float[count];
            for (int start = 0; start < grid.Length; start += count)
            {
                int lanes = System.Math.Min(count, grid.Length - start);
                Array.Fill(chunk, 0.75f);
                Array.Copy(grid, start, chunk, 0, lanes);
                Vector<float> result = vector(new Vector<float>(chunk));
                for (int lane = 0; lane < lanes; lane++)
                {
                    float x = chunk[lane];
                    float expected = scalar(x);
                    if (Bits(result[lane]) != Bits(expected))
                        throw new XunitException($"x = {x:R} (0x{BitConverter.SingleToInt32Bits(x):X8}), lane {lane} of {count}: " +
                            $"vector {result[lane]:R} (0x{Bits(result[lane]):X8}) != scalar {expected:R} (0x{Bits(expected):X8})");
                }
            }
        }

        /// <summary>The double counterpart of <see cref="AssertLanesMatchScalar(float[], Func{float, float}, Func{Vector{float}, Vector{float}})"/>.</summary>
        public static void AssertLanesMatchScalar(double[] grid, Func<double, double> scalar, Func<Vector<double>, Vector<double>> vector)
        {
            int count = Vector<double>.Count;
            var chunk = new double[count];
            for (int start = 0; start < grid.Length; start += count)
            {
                int lanes = System.Math.Min(count, grid.Length - start);
                Array.Fill(chunk, 0.75);
                Array.Copy(grid, start, chunk, 0, lanes);
                Vector<double> result = vector(new Vector<double>(chunk));
                for (int lane = 0; lane < lanes; lane++)
                {
                    double x = chunk[lane];
                    double expected = scalar(x);
                    if (Bits(result[lane]) != Bits(expected))
                        throw new XunitException($"x = {x:R} (0x{BitConverter.DoubleToInt64Bits(x):X16}), lane {lane} of {count}: " +
                            $"vector {result[lane]:R} (0x{Bits(result[lane]):X16}) != scalar {expected:R} (0x{Bits(expected):X16})");
                }
            }
        }

        /// <summary>Requires <paramref name="actual"/> within <paramref name="maxUlps"/> of the double reference rounded to float
        /// where that is a normal number, and within <see cref="float"/> 2^-126 absolute where it is subnormal or zero.</summary>
        public static void AssertFloatAccuracy(float[] grid, Func<float, float> actual, Func<double, double> reference, long maxUlps)
        {
            long worst = 0;
            float worstX = 0f;
            foreach (float x in grid)
            {
                double exact = reference(x);
                float expected = (float)exact;
                float got = actual(x);
                if (float.IsNaN(expected) || float.IsNaN(got))
                {
                    if (float.IsNaN(expected) != float.IsNaN(got)) throw new XunitException($"x = {x:R}: got {got:R}, expected {expected:R}");
                    continue;
                }
                if (System.Math.Abs(expected) < 1.17549435E-38f)
                {
                    if (!(System.Math.Abs(got - exact) <= 1.17549435E-38))
                        throw new XunitException($"x = {x:R}: got {got:R}, expected {exact:R} (result below 2^-126)");
                    continue;
                }
                long ulps = UlpDistance(got, expected);
                if (ulps > worst) { worst = ulps; worstX = x; }
            }
            if (worst > maxUlps)
                throw new XunitException($"max error {worst} ulp at x = {worstX:R} (got {actual(worstX):R}, expected {(float)reference(worstX):R}); allowed {maxUlps}");
        }

        /// <summary>Requires <paramref name="actual"/> within <paramref name="maxUlps"/> of the reference where it is a normal
        /// number, and within 2^-1022 absolute where it is subnormal or zero.</summary>
        public static void AssertDoubleAccuracy(double[] grid, Func<double, double> actual, Func<double, double> reference, long maxUlps)
        {
            long worst = 0;
            double worstX = 0.0;
            foreach (double x in grid)
            {
                double expected = reference(x);
                double got = actual(x);
                if (double.IsNaN(expected) || double.IsNaN(got))
                {
                    if (double.IsNaN(expected) != double.IsNaN(got)) throw new XunitException($"x = {x:R}: got {got:R}, expected {expected:R}");
                    continue;
                }
                if (System.Math.Abs(expected) < 2.2250738585072014E-308)
                {
                    if (!(System.Math.Abs(got - expected) <= 2.2250738585072014E-308))
                        throw new XunitException($"x = {x:R}: got {got:R}, expected {expected:R} (result below 2^-1022)");
                    continue;
                }
                long ulps = UlpDistance(got, expected);
                if (ulps > worst) { worst = ulps; worstX = x; }
            }
            if (worst > maxUlps)
                throw new XunitException($"max error {worst} ulp at x = {worstX:R} (got {actual(worstX):R}, expected {reference(worstX):R}); allowed {maxUlps}");
        }

        /// <summary>FNV-1a over the result bits (NaN canonicalised) of every grid point: a signature that changes when any
        /// result changes by one ulp, e.g. after a one-ulp change in a shared coefficient.</summary>
        public static ulong Signature(float[] grid, Func<float, float> f)
        {
            ulong hash = 14695981039346656037UL;
            foreach (float x in grid) hash = (hash ^ (uint)Bits(f(x))) * 1099511628211UL;
            return hash;
        }

        public static ulong Signature(double[] grid, Func<double, double> f)
        {
            ulong hash = 14695981039346656037UL;
            foreach (double x in grid) hash = (hash ^ (ulong)Bits(f(x))) * 1099511628211UL;
            return hash;
        }
    }
}
