using System;
using System.Numerics;
using Xunit;
using static PlanarGen.Tests.Networks.TestData;
using PlanarGen.Testing;

namespace PlanarGen.Tests.Networks
{
    public class InitializationTests
    {
        public static TheoryData<string> Networks => NetworkCatalog.Names();

        [Theory]
        [MemberData(nameof(Networks))]
        public void InitializeDrawsW1RowMajorThenW2WithZeroBiases(string network) =>
            NetworkCatalog.Run(typeof(InitializationTests), nameof(InitializeCore), network);

        [Theory]
        [MemberData(nameof(Networks))]
        public void ZeroInitializedTrainingKeepsEveryHiddenUnitIdentical(string network) =>
            NetworkCatalog.Run(typeof(InitializationTests), nameof(SymmetryCore), network);

        [Theory]
        [MemberData(nameof(Networks))]
        public void GeneratedConstantsMatchTheAttribute(string network) =>
            NetworkCatalog.Run(typeof(InitializationTests), nameof(ConstantsCore), network);

        private static void InitializeCore<TNet, T>()
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            NetworkShape shape = NetworkShape.Of(typeof(TNet));
            ReferenceNetwork layout = shape.NewReference();
            var net = new TNet();
            // Start from non-zero parameters so "biases set to 0" is observable.
            net.LoadParameters(Parameters<T>(shape, seed: 1));
            net.Initialize(new NumPyRandom(2));

            var draws = new NumPyRandom(2);
            var expected = new T[shape.ParameterCount];
            for (int h = 0; h < shape.Hidden; h++)
                for (int i = 0; i < shape.Inputs; i++) expected[layout.W1Index(h, i)] = C<T>(draws.Randn() * 0.01);
            for (int o = 0; o < shape.Outputs; o++)
                for (int h = 0; h < shape.Hidden; h++) expected[layout.W2Index(o, h)] = C<T>(draws.Randn() * 0.01);
            Assert.Equal(expected, ParametersOf<TNet, T>(net, shape.ParameterCount));

            // A different scale multiplies each draw (in double, then rounds).
            net.Initialize(new NumPyRandom(2), scale: 0.5);
            draws = new NumPyRandom(2);
            T[] scaled = ParametersOf<TNet, T>(net, shape.ParameterCount);
            Assert.Equal(C<T>(draws.Randn() * 0.5), scaled[layout.W1Index(0, 0)]);
        }

        private static void SymmetryCore<TNet, T>()
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            NetworkShape shape = NetworkShape.Of(typeof(TNet));
            ReferenceNetwork layout = shape.NewReference();
            (T[] x, T[] y) = Samples<T>(shape, 37, seed: 3);
            var net = new TNet();
            net.LoadParameters(Parameters<T>(shape, seed: 1));
            net.InitializeZeros();
            Assert.All(ParametersOf<TNet, T>(net, shape.ParameterCount), v => Assert.Equal(T.Zero, v));

            TrainingResult result = net.Train(new DataSet<T>(x, y, 37), new TrainingOptions(200, 1.0));
            Assert.False(result.Diverged);
            T[] p = ParametersOf<TNet, T>(net, shape.ParameterCount);
            for (int h = 1; h < shape.Hidden; h++)
            {
                for (int i = 0; i < shape.Inputs; i++)
                    Assert.True(p[layout.W1Index(h, i)] == p[layout.W1Index(0, i)], $"{shape.Name}: W1[{h}, {i}] = {p[layout.W1Index(h, i)]} but W1[0, {i}] = {p[layout.W1Index(0, i)]}.");
                Assert.Equal(p[layout.B1Index(0)], p[layout.B1Index(h)]);
                for (int o = 0; o < shape.Outputs; o++) Assert.Equal(p[layout.W2Index(o, 0)], p[layout.W2Index(o, h)]);
            }
            // The output biases always learn; with a sigmoid hidden layer (a1 = 0.5 at z = 0) W1 and W2 learn too, still
            // identically in every row, so the equalities above are not just zeros.
            Assert.NotEqual(T.Zero, p[layout.B2Index(0)]);
            if (shape.HiddenActivation == Activation.Sigmoid)
            {
                Assert.NotEqual(T.Zero, p[layout.W1Index(0, 0)]);
                Assert.NotEqual(T.Zero, p[layout.W2Index(0, 0)]);
            }
        }

        private static void ConstantsCore<TNet, T>()
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            NetworkShape shape = NetworkShape.Of(typeof(TNet));
            int Const(string name) => (int)typeof(TNet).GetField(name)!.GetRawConstantValue()!;
            Assert.Equal(shape.Inputs, Const("InputCount"));
            Assert.Equal(shape.Hidden, Const("HiddenCount"));
            Assert.Equal(shape.Outputs, Const("OutputCount"));
            Assert.Equal(shape.ParameterCount, Const("ParameterCount"));
        }
    }
}
