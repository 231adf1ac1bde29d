using Xunit;

namespace PlanarGen.Tests.Training
{
    /// <summary>NetworkShape states the notebook's parameter layout once (W1, b1, W2, b2); the generated networks, the
    /// Deterministic kernels and the CLI read it, so it must agree with the generated code's own counts.</summary>
    public class NetworkShapeTests
    {
        [Fact]
        public void OffsetsFollowTheNotebookOrder()
        {
            var shape = new NetworkShape(3, 5, 2, Activation.Tanh, 0.01, Precision.Single);
            Assert.Equal(15, shape.B1Offset);                  // W1 is 5 x 3
            Assert.Equal(20, shape.W2Offset);                  // b1 has 5
            Assert.Equal(30, shape.B2Offset);                  // W2 is 2 x 5
            Assert.Equal(32, shape.ParameterCount);            // b2 has 2
        }

        [Fact]
        public void AgreesWithGeneratedNetworks()
        {
            Assert.Equal(FlowerNet.ParameterCount, ((INetwork<float>)default(FlowerNet)).Shape.ParameterCount);
            Assert.Equal(17, ((INetwork<float>)default(FlowerNet)).Shape.ParameterCount);
        }

        [Fact]
        public void DeterministicIsPartOfTheShape()
        {
            var fast = new NetworkShape(2, 4, 1, Activation.Tanh, 0.01, Precision.Single);
            var same = new NetworkShape(2, 4, 1, Activation.Tanh, 0.01, Precision.Single, deterministic: false);
            var deterministic = new NetworkShape(2, 4, 1, Activation.Tanh, 0.01, Precision.Single, deterministic: true);
            Assert.Equal(fast, same);
            Assert.NotEqual(fast, deterministic);
            Assert.True(deterministic.Deterministic);
            Assert.EndsWith("Deterministic", deterministic.ToString(), System.StringComparison.Ordinal);
        }
    }
}
