using System.Numerics;
using PlanarGen.Deterministic;

namespace PlanarGen
{
    /// <summary>
    /// The transcendentals of Deterministic mode (<c>[Network(Deterministic = true)]</c>): exp, tanh, sigmoid, log(1 + u) and
    /// softplus for float, double and <see cref="Vector{T}"/> of each, built from +, -, *, / and comparisons only, every
    /// operation rounded to the element type and none fused. The same input gives the same bits on every CPU, runtime, vector
    /// width and target framework, and each vector lane equals the scalar result. See docs/determinism.md.
    /// </summary>
    /// <remarks>
    /// Accuracy, measured against <see cref="System.Math"/> in double over dense sweeps (tests/PlanarGen.Tests/Deterministic):
    /// float exp 1 ulp, tanh 3, sigmoid 2, softplus 3, log(1 + u) 3 on [0, 1]; double exp 1, tanh 3, sigmoid 4, softplus 4,
    /// log(1 + u) 4 (the references themselves are within about 1 ulp). Exp is +infinity
    /// above 88 (float) / 709 (double) and 0 below -87 / -708 (never subnormal); tanh(-0) = +0; NaN in gives NaN out.
    /// Slower than <see cref="VectorMath"/>, which may fuse multiply-adds where the hardware has them.
    /// </remarks>
    public static class DeterministicMath
    {
        /// <summary>e^x (+infinity above 88, 0 below -87).</summary>
        public static float Exp(float x) => DeterministicFunctions.Exp<float, float, SingleLane>(default, x);

        /// <summary>e^x (+infinity above 709, 0 below -708).</summary>
        public static double Exp(double x) => DeterministicFunctions.Exp<double, double, DoubleLane>(default, x);

        /// <summary>e^x per lane, equal to <see cref="Exp(float)"/> on each.</summary>
        public static Vector<float> Exp(Vector<float> x) => DeterministicFunctions.Exp<float, Vector<float>, SingleVectorLanes>(default, x);

        /// <summary>e^x per lane, equal to <see cref="Exp(double)"/> on each.</summary>
        public static Vector<double> Exp(Vector<double> x) => DeterministicFunctions.Exp<double, Vector<double>, DoubleVectorLanes>(default, x);

        /// <summary>tanh(x) (tanh(-0) = +0).</summary>
        public static float Tanh(float x) => DeterministicFunctions.Tanh<float, float, SingleLane>(default, x);

        /// <summary>tanh(x) (tanh(-0) = +0).</summary>
        public static double Tanh(double x) => DeterministicFunctions.Tanh<double, double, DoubleLane>(default, x);

        /// <summary>tanh per lane, equal to <see cref="Tanh(float)"/> on each.</summary>
        public static Vector<float> Tanh(Vector<float> x) => DeterministicFunctions.Tanh<float, Vector<float>, SingleVectorLanes>(default, x);

        /// <summary>tanh per lane, equal to <see cref="Tanh(double)"/> on each.</summary>
        public static Vector<double> Tanh(Vector<double> x) => DeterministicFunctions.Tanh<double, Vector<double>, DoubleVectorLanes>(default, x);

        /// <summary>1 / (1 + e^-x).</summary>
        public static float Sigmoid(float x) => DeterministicFunctions.Sigmoid<float, float, SingleLane>(default, x);

        /// <summary>1 / (1 + e^-x).</summary>
        public static double Sigmoid(double x) => DeterministicFunctions.Sigmoid<double, double, DoubleLane>(default, x);

        /// <summary>Sigmoid per lane, equal to <see cref="Sigmoid(float)"/> on each.</summary>
        public static Vector<float> Sigmoid(Vector<float> x) => DeterministicFunctions.Sigmoid<float, Vector<float>, SingleVectorLanes>(default, x);

        /// <summary>Sigmoid per lane, equal to <see cref="Sigmoid(double)"/> on each.</summary>
        public static Vector<double> Sigmoid(Vector<double> x) => DeterministicFunctions.Sigmoid<double, Vector<double>, DoubleVectorLanes>(default, x);

        /// <summary>log(1 + u) for u in [0, 1] (the range softplus uses; outside it the series is not accurate).</summary>
        public static float LogOnePlus(float u) => DeterministicFunctions.LogOnePlus<float, float, SingleLane>(default, u);

        /// <summary>log(1 + u) for u in [0, 1].</summary>
        public static double LogOnePlus(double u) => DeterministicFunctions.LogOnePlus<double, double, DoubleLane>(default, u);

        /// <summary>log(1 + u) per lane for u in [0, 1], equal to <see cref="LogOnePlus(float)"/> on each.</summary>
        public static Vector<float> LogOnePlus(Vector<float> u) => DeterministicFunctions.LogOnePlus<float, Vector<float>, SingleVectorLanes>(default, u);

        /// <summary>log(1 + u) per lane for u in [0, 1], equal to <see cref="LogOnePlus(double)"/> on each.</summary>
        public static Vector<double> LogOnePlus(Vector<double> u) => DeterministicFunctions.LogOnePlus<double, Vector<double>, DoubleVectorLanes>(default, u);

        /// <summary>log(1 + e^z), computed without overflow.</summary>
        public static float Softplus(float z) => DeterministicFunctions.Softplus<float, float, SingleLane>(default, z);

        /// <summary>log(1 + e^z), computed without overflow.</summary>
        public static double Softplus(double z) => DeterministicFunctions.Softplus<double, double, DoubleLane>(default, z);

        /// <summary>Softplus per lane, equal to <see cref="Softplus(float)"/> on each.</summary>
        public static Vector<float> Softplus(Vector<float> z) => DeterministicFunctions.Softplus<float, Vector<float>, SingleVectorLanes>(default, z);

        /// <summary>Softplus per lane, equal to <see cref="Softplus(double)"/> on each.</summary>
        public static Vector<double> Softplus(Vector<double> z) => DeterministicFunctions.Softplus<double, Vector<double>, DoubleVectorLanes>(default, z);
    }
}
