using System;
using System.Numerics;
using Xunit;

namespace PlanarGen.Tests.Kernels
{
    public class VectorMathTests
    {
        // Tolerances against System.Math in double (glibc), rounded to float for the float kernels. The target was 4 ulp;
        // each tolerance is the maximum measured over 1.5e8 (float) or 3e7 (double) inputs and stated in the doc comment,
        // so the tests hold the kernels to their documentation and a regression shows at once. Results are the same bits
        // on every machine and vector width (see the lane and signature tests), so these bounds cannot be flaky.
        private const long FloatExpUlps = 1;       // Cephes degree-7 polynomial on |r| <= ln2/2, exact scaling
        private const long FloatLogUlps = 1;       // Cephes degree-10 polynomial, ln2 split in two parts
        private const long FloatTanhUlps = 1;      // exp error damped by 2/(e+1), plus the division and the subtraction
        private const long FloatSigmoidUlps = 2;   // exp error, the addition and the division
        private const long FloatSoftplusUlps = 2;  // log error plus the final addition
        // The double kernels are compared with System.Math itself, which is within about 1 ulp of the exact value; the
        // sum of both errors is what is measured (relative error at most 5.1e-16).
        private const long DoubleExpUlps = 1;      // Taylor degree 13 on |r| <= ln2/2 (truncation < 5e-18), exact scaling
        private const long DoubleLogUlps = 1;      // fdlibm's s = f/(2+f) reduction and degree-14 minimax in s
        private const long DoubleTanhUlps = 2;     // rational P/Q below 0.625, 1 - 2/(e^2a + 1) above (e^2a a Pade ratio)
        private const long DoubleSigmoidUlps = 4;  // the reference 1/(1 + Math.Exp(-x)) itself carries up to ~1.5 ulp
        private const long DoubleSoftplusUlps = 3; // log error plus the correction and the final addition

        public static readonly TheoryData<string> Functions = new() { "Exp", "Log", "Tanh", "Sigmoid", "Softplus" };

        private static readonly float[] FloatGrid = MathGrids.FloatGrid();
        private static readonly double[] DoubleGrid = MathGrids.DoubleGrid();

        private static Func<float, float> ScalarF(string name) => name switch
        {
            "Exp" => VectorMath.Exp,
            "Log" => VectorMath.Log,
            "Tanh" => VectorMath.Tanh,
            "Sigmoid" => VectorMath.Sigmoid,
            "Softplus" => VectorMath.Softplus,
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        private static Func<Vector<float>, Vector<float>> VectorF(string name) => name switch
        {
            "Exp" => VectorMath.Exp,
            "Log" => VectorMath.Log,
            "Tanh" => VectorMath.Tanh,
            "Sigmoid" => VectorMath.Sigmoid,
            "Softplus" => VectorMath.Softplus,
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        private static Func<double, double> ScalarD(string name) => name switch
        {
            "Exp" => VectorMath.Exp,
            "Log" => VectorMath.Log,
            "Tanh" => VectorMath.Tanh,
            "Sigmoid" => VectorMath.Sigmoid,
            "Softplus" => VectorMath.Softplus,
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        private static Func<Vector<double>, Vector<double>> VectorD(string name) => name switch
        {
            "Exp" => VectorMath.Exp,
            "Log" => VectorMath.Log,
            "Tanh" => VectorMath.Tanh,
            "Sigmoid" => VectorMath.Sigmoid,
            "Softplus" => VectorMath.Softplus,
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        /// <summary>The double-precision references: System.Math (glibc on Linux).</summary>
        private static Func<double, double> Reference(string name) => name switch
        {
            "Exp" => System.Math.Exp,
            "Log" => System.Math.Log,
            "Tanh" => System.Math.Tanh,
            "Sigmoid" => x => 1.0 / (1.0 + System.Math.Exp(-x)),
            "Softplus" => ReferenceSoftplus,
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        /// <summary>max(x, 0) + log1p(e^-|x|), with log1p(u) = log(w) + (u - (w - 1)) / w, w = 1 + u: accurate to about 1 ulp
        /// in double because u - (w - 1) is the exact rounding error of w.</summary>
        private static double ReferenceSoftplus(double x)
        {
            if (double.IsNaN(x)) return double.NaN;
            double u = System.Math.Exp(-System.Math.Abs(x));
            double w = 1.0 + u;
            return System.Math.Max(x, 0.0) + (System.Math.Log(w) + (u - (w - 1.0)) / w);
        }

        private static long FloatTolerance(string name) => name switch
        {
            "Exp" => FloatExpUlps,
            "Log" => FloatLogUlps,
            "Tanh" => FloatTanhUlps,
            "Sigmoid" => FloatSigmoidUlps,
            _ => FloatSoftplusUlps,
        };

        private static long DoubleTolerance(string name) => name switch
        {
            "Exp" => DoubleExpUlps,
            "Log" => DoubleLogUlps,
            "Tanh" => DoubleTanhUlps,
            "Sigmoid" => DoubleSigmoidUlps,
            _ => DoubleSoftplusUlps,
        };

        [Theory]
        [MemberData(nameof(Functions))]
        public void FloatVectorMatchesScalarPerLane(string function) =>
            MathGrids.AssertLanesMatchScalar(FloatGrid, ScalarF(function), VectorF(function));

        [Theory]
        [MemberData(nameof(Functions))]
        public void DoubleVectorMatchesScalarPerLane(string function) =>
            MathGrids.AssertLanesMatchScalar(DoubleGrid, ScalarD(function), VectorD(function));

        [Theory]
        [MemberData(nameof(Functions))]
        public void FloatScalarIsWithinStatedErrorOfMath(string function) =>
            MathGrids.AssertFloatAccuracy(FloatGrid, ScalarF(function), Reference(function), FloatTolerance(function));

        [Theory]
        [MemberData(nameof(Functions))]
        public void DoubleScalarIsWithinStatedErrorOfMath(string function) =>
            MathGrids.AssertDoubleAccuracy(DoubleGrid, ScalarD(function), Reference(function), DoubleTolerance(function));

        /// <summary>FNV-1a signatures of the scalar results over the fixed grids. They pin every result bit: a one-ulp change
        /// in any coefficient (shared by the twins, so the lane test cannot see it) or in the operation order changes them.
        /// Because vector lanes equal the scalar results, they also hold on every vector width and target.
        /// Update them only together with a deliberate change to a kernel, and re-measure the stated errors then.</summary>
        private static ulong PinnedSignature(string function, bool isDouble) => (function, isDouble) switch
        {
            ("Exp", false) => 0x1828F5911F5753BFUL,
            ("Log", false) => 0x857EFFD72966898BUL,
            ("Tanh", false) => 0xFE0C9DDC4235AA86UL,
            ("Sigmoid", false) => 0xCA34BAE7B0EE0608UL,
            ("Softplus", false) => 0x2C7D5460E82B9811UL,
            ("Exp", true) => 0xF8A90C6AA24E2EBAUL,
            ("Log", true) => 0x34FF033088CBF991UL,
            ("Tanh", true) => 0x51C6708026AAE2B5UL,
            ("Sigmoid", true) => 0x3D661DF6039829D6UL,
            ("Softplus", true) => 0x608EEAC5F4626174UL,
            _ => throw new ArgumentOutOfRangeException(nameof(function)),
        };

        [Theory]
        [MemberData(nameof(Functions))]
        public void FloatResultsMatchPinnedSignature(string function)
        {
            ulong actual = MathGrids.Signature(FloatGrid, ScalarF(function));
            Assert.True(actual == PinnedSignature(function, isDouble: false), $"float {function} signature is 0x{actual:X16}");
        }

        [Theory]
        [MemberData(nameof(Functions))]
        public void DoubleResultsMatchPinnedSignature(string function)
        {
            ulong actual = MathGrids.Signature(DoubleGrid, ScalarD(function));
            Assert.True(actual == PinnedSignature(function, isDouble: true), $"double {function} signature is 0x{actual:X16}");
        }

        [Fact]
        public void GridsLeaveATailForEveryVectorWidth()
        {
            Assert.NotEqual(0, FloatGrid.Length % Vector<float>.Count);
            Assert.NotEqual(0, DoubleGrid.Length % Vector<double>.Count);
            Assert.InRange(FloatGrid.Length, 30000, 40000);
            Assert.InRange(DoubleGrid.Length, 30000, 40000);
        }
    }
}
