extern alias runtime;

using System;
using System.Reflection;
using PlanarGen.Generators.Model;
using static PlanarGen.Generators.Tests.LoopForm.LoopFormCompiler;
using Xunit;

using runtime::PlanarGen;
namespace PlanarGen.Generators.Tests.LoopForm
{
    /// <summary>The loop form and the unrolled form of the same shape, forced through their <see cref="Plan.EmitPlan"/>,
    /// compute the same network. Forward passes run the same operations in the same order (so Predict and PredictBatch agree
    /// to the last bit: the loop form's MatrixKernel products keep the unrolled order and rounding of each element); Cost and
    /// the gradients are sums whose order differs (the loop form sums each element of a weight gradient over a block's samples
    /// in order, the unrolled form lane-wise over all chunks first), so they agree to a few units of rounding.
    /// CI runs this class again with <c>PLANARGEN_VECTOR512=1</c>, through both forms' Vector512 kernels.</summary>
    [Trait("Category", "Vector512Path")]
    public class LoopVersusUnrolledTests
    {
        // 203 samples: several full blocks, a partial block and a scalar tail for every Vector<T>.Count up to 64.
        private const int Samples = 203;

        public static TheoryData<int, int, int, int, bool> Shapes => new()
        {
            { 2, 4, 1, Tanh, false },
            { 2, 4, 1, Tanh, true },
            { 3, 7, 2, Sigmoid, true },
            { 5, 6, 3, ReLU, true },
            { 3, 5, 2, LeakyReLU, false },
            { 16, 20, 4, Tanh, true },
        };

        [Theory]
        [MemberData(nameof(Shapes))]
        public void LoopFormMatchesUnrolledForm(int inputs, int hidden, int outputs, int activation, bool isDouble)
        {
            var (assembly, _, _) = LoopFormCompiler.Compile(
                LoopFormCompiler.Spec("Unrolled", inputs, hidden, outputs, true, activation, isDouble, 0.05),
                LoopFormCompiler.Spec("Loops", inputs, hidden, outputs, false, activation, isDouble, 0.05));
            if (!isDouble) Compare<float>(assembly, inputs, outputs, 2e-5);
            else Compare<double>(assembly, inputs, outputs, 1e-12);
        }

        /// <summary>The loop form's sample block is a plan value: with blocks of 32 or 48 samples (203 samples: several full
        /// blocks, a partial one and a scalar tail) the loop form still compiles, sizes its scratch from the block and matches
        /// the unrolled form; the forward pass (MatrixKernel's plain products for a double network) to the last bit.</summary>
        [Theory]
        [InlineData(32)]
        [InlineData(48)]
        public void LoopFormFollowsItsSampleBlock(int block)
        {
            Planned loops = LoopFormCompiler.Spec("Loops", 3, 7, 2, false, Sigmoid, true, 0.05);
            loops = loops with { Plan = loops.Plan with { LoopSampleBlock = block } };
            string text = Generators.Emit.NetworkEmitter.Emit(loops.Spec, loops.Plan, default).ToString();
            Assert.Contains($"for (int c0 = 0; c0 < chunks; c0 += {block} / global::System.Numerics.Vector<double>.Count)", text);
            Assert.Contains($"new double[ParameterCount + {block} * (2 * OutputCount + 2 * HiddenCount) + global::PlanarGen.MatrixKernel.PanelColumns * {block}]", text);
            var (assembly, _, _) = LoopFormCompiler.Compile(LoopFormCompiler.Spec("Unrolled", 3, 7, 2, true, Sigmoid, true, 0.05), loops);
            Compare<double>(assembly, 3, 2, 1e-12);
        }

        private static void Compare<T>(Assembly assembly, int inputs, int outputs, double tolerance) where T : unmanaged, IComparable<T>
        {
            INetwork<T> unrolled = LoopFormCompiler.Create<T>(assembly, "Unrolled");
            INetwork<T> loops = LoopFormCompiler.Create<T>(assembly, "Loops");
            unrolled.Initialize(new NumPyRandom(2), 0.5);
            loops.Initialize(new NumPyRandom(2), 0.5);
            Assert.Equal(Params(unrolled), Params(loops));

            PlanarData<T> data = LoopFormCompiler.Synthetic<T>(inputs, outputs, Samples, 7);
            var expected = new T[outputs * Samples];
            var actual = new T[outputs * Samples];
            unrolled.PredictBatch(data.AsDataSet(), expected);
            loops.PredictBatch(data.AsDataSet(), actual);
            Assert.Equal(expected, actual); // same operations, same order

            var one = new T[outputs];
            var other = new T[outputs];
            var sample = new T[inputs];
            for (int s = 0; s < Samples; s += 17)
            {
                for (int i = 0; i < inputs; i++) sample[i] = data.Feature(i, s);
                unrolled.Predict(sample, one);
                loops.Predict(sample, other);
                Assert.Equal(one, other);
            }

            Near(unrolled.Cost(data.AsDataSet()), loops.Cost(data.AsDataSet()), tolerance, "cost");
            Assert.Equal(unrolled.Accuracy(data.AsDataSet()), loops.Accuracy(data.AsDataSet()));

            for (int step = 0; step < 5; step++)
            {
                T c1 = unrolled.TrainStep(data.AsDataSet(), (T)(object)Cast<T>(0.5));
                T c2 = loops.TrainStep(data.AsDataSet(), (T)(object)Cast<T>(0.5));
                Near(c1, c2, tolerance, $"cost of step {step}");
                double[] p1 = Params(unrolled), p2 = Params(loops);
                for (int k = 0; k < p1.Length; k++) Near(p1[k], p2[k], tolerance, $"parameter {k} after step {step}");
            }
        }

        private static object Cast<T>(double value) => typeof(T) == typeof(float) ? (object)(float)value : value;

        private static double[] Params<T>(INetwork<T> network) where T : unmanaged
        {
            var values = new T[network.Shape.ParameterCount];
            network.CopyParametersTo(values);
            return Array.ConvertAll(values, v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture));
        }

        private static void Near<T>(T expected, T actual, double tolerance, string what) =>
            Near(Convert.ToDouble(expected, System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(actual, System.Globalization.CultureInfo.InvariantCulture), tolerance, what);

        private static void Near(double expected, double actual, double tolerance, string what)
        {
            double scale = Math.Max(1.0, Math.Abs(expected));
            Assert.True(Math.Abs(expected - actual) <= tolerance * scale, $"{what}: unrolled {expected:R}, loops {actual:R}");
        }
    }
}
