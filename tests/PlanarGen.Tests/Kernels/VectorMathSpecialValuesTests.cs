using System;
using System.Numerics;
using Xunit;
using Xunit.Sdk;

namespace PlanarGen.Tests.Kernels
{
    public class VectorMathSpecialValuesTests
    {
        private const float Inf = float.PositiveInfinity;
        private const double InfD = double.PositiveInfinity;

        /// <summary>Requires the scalar result and every lane of the broadcast vector result to have exactly the expected
        /// bits (so +0 and -0 differ; every NaN counts as the same value).</summary>
        private static void Check(float x, float expected, Func<float, float> scalar, Func<Vector<float>, Vector<float>> vector)
        {
            float s = scalar(x);
            if (MathGrids.Bits(s) != MathGrids.Bits(expected))
                throw new XunitException($"scalar f({x:R}) = {s:R} (0x{MathGrids.Bits(s):X8}), expected {expected:R} (0x{MathGrids.Bits(expected):X8})");
            Vector<float> v = vector(new Vector<float>(x));
            for (int lane = 0; lane < Vector<float>.Count; lane++)
            {
                if (MathGrids.Bits(v[lane]) != MathGrids.Bits(expected))
                    throw new XunitException($"vector f({x:R}) lane {lane} = {v[lane]:R}, expected {expected:R}");
            }
        }

        private static void Check(double x, double expected, Func<double, double> scalar, Func<Vector<double>, Vector<double>> vector)
        {
            double s = scalar(x);
            if (MathGrids.Bits(s) != MathGrids.Bits(expected))
                throw new XunitException($"scalar f({x:R}) = {s:R} (0x{MathGrids.Bits(s):X16}), expected {expected:R} (0x{MathGrids.Bits(expected):X16})");
            Vector<double> v = vector(new Vector<double>(x));
            for (int lane = 0; lane < Vector<double>.Count; lane++)
            {
                if (MathGrids.Bits(v[lane]) != MathGrids.Bits(expected))
                    throw new XunitException($"vector f({x:R}) lane {lane} = {v[lane]:R}, expected {expected:R}");
            }
        }

        [Fact]
        public void ExpHandlesSpecialValues()
        {
            foreach ((float x, float y) in new[] { (-Inf, 0f), (Inf, Inf), (float.NaN, float.NaN), (0f, 1f), (-0f, 1f), (88.73f, Inf),
                         (100f, Inf), (float.MaxValue, Inf), (-88f, 0f), (-100f, 0f), (float.MinValue, 0f) })
                Check(x, y, VectorMath.Exp, VectorMath.Exp);
            Assert.True(VectorMath.Exp(88.72f) < Inf, "e^88.72 is finite in float");
            Assert.True(VectorMath.Exp(-87.5f) > 0f, "e^-87.5 is a subnormal, not flushed");

            foreach ((double x, double y) in new[] { (-InfD, 0.0), (InfD, InfD), (double.NaN, double.NaN), (0.0, 1.0), (-0.0, 1.0),
                         (709.79, InfD), (1000.0, InfD), (double.MaxValue, InfD), (-709.0, 0.0), (-1000.0, 0.0), (double.MinValue, 0.0) })
                Check(x, y, VectorMath.Exp, VectorMath.Exp);
            Assert.True(VectorMath.Exp(709.78) < InfD, "e^709.78 is finite in double");
            Assert.True(VectorMath.Exp(-708.5) > 0.0, "e^-708.5 is a subnormal, not flushed");
        }

        [Fact]
        public void LogHandlesSpecialValues()
        {
            foreach ((float x, float y) in new[] { (0f, -Inf), (-0f, -Inf), (-1f, float.NaN), (-float.Epsilon, float.NaN), (-Inf, float.NaN),
                         (Inf, Inf), (float.NaN, float.NaN), (1f, 0f) })
                Check(x, y, VectorMath.Log, VectorMath.Log);
            Assert.Equal(-103.27893f, VectorMath.Log(float.Epsilon), 4);     // subnormal input: ln(2^-149)
            Assert.Equal(88.72284f, VectorMath.Log(float.MaxValue), 4);

            foreach ((double x, double y) in new[] { (0.0, -InfD), (-0.0, -InfD), (-1.0, double.NaN), (-double.Epsilon, double.NaN),
                         (-InfD, double.NaN), (InfD, InfD), (double.NaN, double.NaN), (1.0, 0.0) })
                Check(x, y, VectorMath.Log, VectorMath.Log);
            Assert.Equal(-744.4400719213812, VectorMath.Log(double.Epsilon), 12);   // subnormal input: ln(2^-1074)
            Assert.Equal(709.782712893384, VectorMath.Log(double.MaxValue), 12);
        }

        [Fact]
        public void TanhHandlesSpecialValues()
        {
            foreach ((float x, float y) in new[] { (Inf, 1f), (-Inf, -1f), (float.NaN, float.NaN), (0f, 0f), (-0f, -0f), (10f, 1f),
                         (-10f, -1f), (float.MaxValue, 1f), (float.MinValue, -1f), (float.Epsilon, float.Epsilon), (-float.Epsilon, -float.Epsilon) })
                Check(x, y, VectorMath.Tanh, VectorMath.Tanh);

            foreach ((double x, double y) in new[] { (InfD, 1.0), (-InfD, -1.0), (double.NaN, double.NaN), (0.0, 0.0), (-0.0, -0.0), (20.0, 1.0),
                         (-20.0, -1.0), (double.MaxValue, 1.0), (double.MinValue, -1.0), (double.Epsilon, double.Epsilon) })
                Check(x, y, VectorMath.Tanh, VectorMath.Tanh);
        }

        [Fact]
        public void SigmoidHandlesSpecialValues()
        {
            foreach ((float x, float y) in new[] { (Inf, 1f), (-Inf, 0f), (float.NaN, float.NaN), (0f, 0.5f), (-0f, 0.5f), (20f, 1f),
                         (float.MaxValue, 1f), (-100f, 0f), (float.MinValue, 0f) })
                Check(x, y, VectorMath.Sigmoid, VectorMath.Sigmoid);

            foreach ((double x, double y) in new[] { (InfD, 1.0), (-InfD, 0.0), (double.NaN, double.NaN), (0.0, 0.5), (-0.0, 0.5), (40.0, 1.0),
                         (double.MaxValue, 1.0), (-1000.0, 0.0), (double.MinValue, 0.0) })
                Check(x, y, VectorMath.Sigmoid, VectorMath.Sigmoid);
        }

        [Fact]
        public void SoftplusHandlesSpecialValues()
        {
            foreach ((float x, float y) in new[] { (Inf, Inf), (-Inf, 0f), (float.NaN, float.NaN), (1e30f, 1e30f), (float.MaxValue, float.MaxValue),
                         (100f, 100f), (-100f, 0f), (float.MinValue, 0f) })
                Check(x, y, VectorMath.Softplus, VectorMath.Softplus);
            Assert.Equal(VectorMath.Exp(-20f), VectorMath.Softplus(-20f));   // log1p(u) = u once u is below half an ulp of 1

            foreach ((double x, double y) in new[] { (InfD, InfD), (-InfD, 0.0), (double.NaN, double.NaN), (1e300, 1e300),
                         (double.MaxValue, double.MaxValue), (100.0, 100.0), (-1000.0, 0.0), (double.MinValue, 0.0) })
                Check(x, y, VectorMath.Softplus, VectorMath.Softplus);
            Assert.Equal(VectorMath.Exp(-40.0), VectorMath.Softplus(-40.0));
        }

        [Fact]
        public void KernelsDoNotAllocate()
        {
            var vf = new Vector<float>(0.3f);
            var vd = new Vector<double>(0.3);
            float sf = 0.3f;
            double sd = 0.3;
            Run(ref vf, ref vd, ref sf, ref sd);                       // warm-up: JIT and static initialisers
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10_000; i++) Run(ref vf, ref vd, ref sf, ref sd);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0L, allocated);
            Assert.False(float.IsNaN(sf + vf[0]) || double.IsNaN(sd + vd[0]));   // keep the results alive

            static void Run(ref Vector<float> vf, ref Vector<double> vd, ref float sf, ref double sd)
            {
                vf = VectorMath.Tanh(VectorMath.Sigmoid(VectorMath.Softplus(VectorMath.Log(VectorMath.Exp(vf)))));
                vd = VectorMath.Tanh(VectorMath.Sigmoid(VectorMath.Softplus(VectorMath.Log(VectorMath.Exp(vd)))));
                sf = VectorMath.Tanh(VectorMath.Sigmoid(VectorMath.Softplus(VectorMath.Log(VectorMath.Exp(sf)))));
                sd = VectorMath.Tanh(VectorMath.Sigmoid(VectorMath.Softplus(VectorMath.Log(VectorMath.Exp(sd)))));
            }
        }
    }
}
