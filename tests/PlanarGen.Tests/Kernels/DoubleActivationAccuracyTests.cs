using System;
using Xunit;
using Xunit.Abstractions;

namespace PlanarGen.Tests.Kernels
{
    /// <summary>
    /// The double tanh and sigmoid of the generated double networks (e^y as a Pade ratio inside their one division) against
    /// <see cref="Math"/> over a wide random sample, beyond the fixed grid of <see cref="VectorMathTests"/>: uniform near the
    /// origin and across the saturation range, around tanh's branch point 0.625, log-uniform from 1e-300, and random bit
    /// patterns. The bounds are those stated on <see cref="VectorMath.Tanh(double)"/> and <see cref="VectorMath.Sigmoid(double)"/>.
    /// </summary>
    public class DoubleActivationAccuracyTests
    {
        private const int SamplesPerKind = 600_000;
        private readonly ITestOutputHelper _output;

        public DoubleActivationAccuracyTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void TanhIsWithinTwoUlpOfMathTanh()
        {
            long worst = WorstUlps(VectorMath.Tanh, Math.Tanh, out double at);
            _output.WriteLine($"tanh: max {worst} ulp at x = {at:R} over {5 * SamplesPerKind} inputs");
            Assert.True(worst <= 2, $"tanh: {worst} ulp at x = {at:R}");
        }

        [Fact]
        public void SigmoidIsWithinFourUlpOfOneOverOnePlusMathExp()
        {
            long worst = WorstUlps(VectorMath.Sigmoid, x => 1.0 / (1.0 + Math.Exp(-x)), out double at);
            _output.WriteLine($"sigmoid: max {worst} ulp at x = {at:R} over {5 * SamplesPerKind} inputs");
            Assert.True(worst <= 4, $"sigmoid: {worst} ulp at x = {at:R}");
        }

        /// <summary>The largest ulp distance where the reference is a normal number (below 2^-1022 both must be within 2^-1022).</summary>
        private static long WorstUlps(Func<double, double> actual, Func<double, double> reference, out double worstX)
        {
            var random = new Random(20261205);
            long worst = 0;
            worstX = 0;
            for (int kind = 0; kind < 5; kind++)
            {
                for (int i = 0; i < SamplesPerKind; i++)
                {
                    double x = kind switch
                    {
                        0 => random.NextDouble() * 6.0 - 3.0,
                        1 => random.NextDouble() * 60.0 - 30.0,
                        2 => 0.6 + random.NextDouble() * 0.05,
                        3 => Math.Exp(random.NextDouble() * (Math.Log(30.0) - Math.Log(1e-300)) + Math.Log(1e-300)) * (i % 2 == 0 ? 1 : -1),
                        _ => BitConverter.Int64BitsToDouble(random.NextInt64()),
                    };
                    if (!double.IsFinite(x)) continue;
                    double expected = reference(x), got = actual(x);
                    if (Math.Abs(expected) < 2.2250738585072014E-308)
                    {
                        Assert.True(Math.Abs(got - expected) <= 2.2250738585072014E-308, $"x = {x:R}: {got:R} against {expected:R}");
                        continue;
                    }
                    long ulps = MathGrids.UlpDistance(got, expected);
                    if (ulps > worst) (worst, worstX) = (ulps, x);
                }
            }
            return worst;
        }
    }
}
