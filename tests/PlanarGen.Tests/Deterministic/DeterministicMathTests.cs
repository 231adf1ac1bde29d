using System;
using System.Numerics;
using Xunit;
using Xunit.Abstractions;

namespace PlanarGen.Tests.Deterministic
{
    /// <summary>
    /// DeterministicMath against System.Math (glibc, in double) over dense sweeps, and each vector lane against the scalar form
    /// bit for bit. Measured maxima (this machine): see the bounds asserted below; docs/determinism.md states them.
    /// </summary>
    public class DeterministicMathTests
    {
        private readonly ITestOutputHelper _output;

        public DeterministicMathTests(ITestOutputHelper output) => _output = output;

        /// <summary>Distance in units in the last place between two finite floats (adjacent floats are 1 apart).</summary>
        private static long Ulps(float a, float b) => Math.Abs(Ordered(BitConverter.SingleToInt32Bits(a)) - Ordered(BitConverter.SingleToInt32Bits(b)));

        private static long Ulps(double a, double b) => Math.Abs((decimal)Ordered(BitConverter.DoubleToInt64Bits(a)) - Ordered(BitConverter.DoubleToInt64Bits(b))) > long.MaxValue
            ? long.MaxValue : (long)Math.Abs((decimal)Ordered(BitConverter.DoubleToInt64Bits(a)) - Ordered(BitConverter.DoubleToInt64Bits(b)));

        private static long Ordered(int bits) => bits < 0 ? (long)int.MinValue - bits : bits;

        private static long Ordered(long bits) => bits < 0 ? long.MinValue - bits : bits;

        private long MaxUlpsSingle(string name, Func<float, float> f, Func<double, double> reference, double from, double to, int count)
        {
            long worst = 0;
            float worstAt = 0;
            for (int k = 0; k <= count; k++)
            {
                float x = (float)(from + (to - from) * k / count);
                long u = Ulps(f(x), (float)reference(x));
                if (u > worst) (worst, worstAt) = (u, x);
            }
            _output.WriteLine($"{name} float on [{from}, {to}]: max {worst} ulp at {worstAt:R}");
            return worst;
        }

        private long MaxUlpsDouble(string name, Func<double, double> f, Func<double, double> reference, double from, double to, int count)
        {
            long worst = 0;
            double worstAt = 0;
            for (int k = 0; k <= count; k++)
            {
                double x = from + (to - from) * k / count;
                long u = Ulps(f(x), reference(x));
                if (u > worst) (worst, worstAt) = (u, x);
            }
            _output.WriteLine($"{name} double on [{from}, {to}]: max {worst} ulp at {worstAt:R}");
            return worst;
        }

        private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

        private static double Softplus(double x) => Math.Max(x, 0) + Log1p(Math.Exp(-Math.Abs(x)));

        /// <summary>log(1 + u) accurate for small u (the reference for softplus and LogOnePlus): Kahan's correction
        /// log(w) u / (w - 1) with w = 1 + u rounded, which cancels the rounding of w.</summary>
        private static double Log1p(double u)
        {
            double w = 1 + u;
            return w == 1 ? u : Math.Log(w) * u / (w - 1);
        }

        [Fact]
        public void SingleFunctionsAreWithinTheirStatedUlpOfGlibc()
        {
            Assert.InRange(MaxUlpsSingle("Exp", DeterministicMath.Exp, Math.Exp, -87, 88, 2_000_000), 0, 1);
            Assert.InRange(MaxUlpsSingle("Tanh", DeterministicMath.Tanh, Math.Tanh, -12, 12, 2_000_000), 0, 3);
            Assert.InRange(MaxUlpsSingle("Tanh near 0", DeterministicMath.Tanh, Math.Tanh, -1e-3, 1e-3, 200_000), 0, 3);
            Assert.InRange(MaxUlpsSingle("Sigmoid", DeterministicMath.Sigmoid, Sigmoid, -80, 80, 2_000_000), 0, 2);
            Assert.InRange(MaxUlpsSingle("Softplus", DeterministicMath.Softplus, Softplus, -80, 80, 2_000_000), 0, 3);
            Assert.InRange(MaxUlpsSingle("LogOnePlus", DeterministicMath.LogOnePlus, Log1p, 0, 1, 1_000_000), 0, 3);
        }

        [Fact]
        public void DoubleFunctionsAreWithinTheirStatedUlpOfGlibc()
        {
            Assert.InRange(MaxUlpsDouble("Exp", DeterministicMath.Exp, Math.Exp, -708, 709, 1_000_000), 0, 1);
            Assert.InRange(MaxUlpsDouble("Tanh", DeterministicMath.Tanh, Math.Tanh, -25, 25, 1_000_000), 0, 3);
            Assert.InRange(MaxUlpsDouble("Tanh near 0", DeterministicMath.Tanh, Math.Tanh, -1e-3, 1e-3, 100_000), 0, 3);
            Assert.InRange(MaxUlpsDouble("Sigmoid", DeterministicMath.Sigmoid, Sigmoid, -700, 700, 1_000_000), 0, 4);
            Assert.InRange(MaxUlpsDouble("Softplus", DeterministicMath.Softplus, Softplus, -700, 700, 1_000_000), 0, 4);
            Assert.InRange(MaxUlpsDouble("LogOnePlus", DeterministicMath.LogOnePlus, Log1p, 0, 1, 1_000_000), 0, 4);
        }

        [Fact]
        public void SpecialValuesAreDefinedByPlanarGen()
        {
            Assert.Equal(float.PositiveInfinity, DeterministicMath.Exp(88.5f));     // past the clamp: +inf, never 2^128 garbage
            Assert.Equal(0f, DeterministicMath.Exp(-87.5f));                        // never subnormal
            Assert.Equal(double.PositiveInfinity, DeterministicMath.Exp(709.5));
            Assert.Equal(0.0, DeterministicMath.Exp(-708.5));
            Assert.Equal(1f, DeterministicMath.Tanh(10f));
            Assert.Equal(-1f, DeterministicMath.Tanh(float.NegativeInfinity));
            Assert.Equal(1.0, DeterministicMath.Tanh(1e300));
            Assert.Equal(0, BitConverter.SingleToInt32Bits(DeterministicMath.Tanh(-0f)));   // tanh(-0) = +0, stated
            Assert.Equal(0f, DeterministicMath.Sigmoid(float.NegativeInfinity));
            Assert.Equal(1f, DeterministicMath.Sigmoid(float.PositiveInfinity));
            Assert.Equal(100f, DeterministicMath.Softplus(100f));
            Assert.Equal(0f, DeterministicMath.Softplus(-100f));
            Assert.True(float.IsNaN(DeterministicMath.Exp(float.NaN)) && float.IsNaN(DeterministicMath.Tanh(float.NaN))
                && float.IsNaN(DeterministicMath.Sigmoid(float.NaN)) && float.IsNaN(DeterministicMath.Softplus(float.NaN)));
            Assert.True(double.IsNaN(DeterministicMath.Exp(double.NaN)) && double.IsNaN(DeterministicMath.Tanh(double.NaN))
                && double.IsNaN(DeterministicMath.Sigmoid(double.NaN)) && double.IsNaN(DeterministicMath.Softplus(double.NaN)));
        }

        /// <summary>Inputs over every range the functions treat differently, plus special values and subnormals.</summary>
        private static double[] Inputs()
        {
            var random = new Random(11);
            var list = new System.Collections.Generic.List<double>
            {
                0, -0.0, 1e-45, -1e-45, 1e-300, 1e-40, 87, -87, 88, 88.5, -87.5, 708, 709, -708, 709.5, 10, -10, 20, -20,
                double.PositiveInfinity, double.NegativeInfinity, 1e30, -1e30,
            };
            for (int k = 0; k < 20_000; k++)
            {
                list.Add((random.NextDouble() - 0.5) * 40);
                list.Add((random.NextDouble() - 0.5) * 1500);
                list.Add(Math.Pow(10, random.NextDouble() * 20 - 19) * (random.Next(2) * 2 - 1));
            }
            return list.ToArray();
        }

        private static void SameLanesSingle(Func<float, float> scalar, Func<Vector<float>, Vector<float>> vector, string name)
        {
            double[] inputs = Inputs();
            var lanes = new float[Vector<float>.Count];
            for (int start = 0; start + lanes.Length <= inputs.Length; start += lanes.Length)
            {
                for (int j = 0; j < lanes.Length; j++) lanes[j] = (float)inputs[start + j];
                Vector<float> result = vector(new Vector<float>(lanes));
                for (int j = 0; j < lanes.Length; j++)
                {
                    float expected = scalar(lanes[j]);
                    Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(result[j]) || (float.IsNaN(expected) && float.IsNaN(result[j])),
                        $"{name}({lanes[j]:R}): scalar {expected:R}, lane {j} of Vector<float> ({lanes.Length} lanes) {result[j]:R}");
                }
            }
        }

        private static void SameLanesDouble(Func<double, double> scalar, Func<Vector<double>, Vector<double>> vector, string name)
        {
            double[] inputs = Inputs();
            var lanes = new double[Vector<double>.Count];
            for (int start = 0; start + lanes.Length <= inputs.Length; start += lanes.Length)
            {
                Array.Copy(inputs, start, lanes, 0, lanes.Length);
                Vector<double> result = vector(new Vector<double>(lanes));
                for (int j = 0; j < lanes.Length; j++)
                {
                    double expected = scalar(lanes[j]);
                    Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(result[j]) || (double.IsNaN(expected) && double.IsNaN(result[j])),
                        $"{name}({lanes[j]:R}): scalar {expected:R}, lane {j} of Vector<double> ({lanes.Length} lanes) {result[j]:R}");
                }
            }
        }

        /// <summary>Every function, float and double: each Vector&lt;T&gt; lane equals the scalar result bit for bit. The CI legs
        /// run this at 128-, 256- and 512-bit Vector&lt;T&gt; and without hardware SIMD (.ci/run).</summary>
        [Fact]
        public void EveryVectorLaneEqualsTheScalarResult()
        {
            SameLanesSingle(DeterministicMath.Exp, DeterministicMath.Exp, "Exp");
            SameLanesSingle(DeterministicMath.Tanh, DeterministicMath.Tanh, "Tanh");
            SameLanesSingle(DeterministicMath.Sigmoid, DeterministicMath.Sigmoid, "Sigmoid");
            SameLanesSingle(DeterministicMath.Softplus, DeterministicMath.Softplus, "Softplus");
            SameLanesSingle(u => DeterministicMath.Softplus(-u), v => DeterministicMath.Softplus(-v), "Softplus(-x)");
            SameLanesDouble(DeterministicMath.Exp, DeterministicMath.Exp, "Exp");
            SameLanesDouble(DeterministicMath.Tanh, DeterministicMath.Tanh, "Tanh");
            SameLanesDouble(DeterministicMath.Sigmoid, DeterministicMath.Sigmoid, "Sigmoid");
            SameLanesDouble(DeterministicMath.Softplus, DeterministicMath.Softplus, "Softplus");
        }

        [Fact]
        public void FunctionsDoNotAllocate()
        {
            var vf = new Vector<float>(0.3f);
            var vd = new Vector<double>(0.3);
            float sf = 0.3f;
            double sd = 0.3;
            Run(ref vf, ref vd, ref sf, ref sd);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10_000; i++) Run(ref vf, ref vd, ref sf, ref sd);
            Assert.Equal(0L, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.False(float.IsNaN(sf + vf[0]) || double.IsNaN(sd + vd[0]));

            static void Run(ref Vector<float> vf, ref Vector<double> vd, ref float sf, ref double sd)
            {
                vf = DeterministicMath.Tanh(DeterministicMath.Sigmoid(DeterministicMath.Softplus(DeterministicMath.Exp(vf))));
                vd = DeterministicMath.Tanh(DeterministicMath.Sigmoid(DeterministicMath.Softplus(DeterministicMath.Exp(vd))));
                sf = DeterministicMath.Tanh(DeterministicMath.Sigmoid(DeterministicMath.Softplus(DeterministicMath.Exp(sf))));
                sd = DeterministicMath.Tanh(DeterministicMath.Sigmoid(DeterministicMath.Softplus(DeterministicMath.Exp(sd))));
            }
        }
    }
}
