using System;
using System.Numerics;
using PlanarGen.Tests.LargeNetworks;
using Xunit;
using static PlanarGen.Tests.Networks.TestData;

namespace PlanarGen.Tests.Networks
{
    /// <summary>Initialize accepts only a scale that is finite, positive and keeps every parameter finite (as LoadParameters
    /// accepts only finite values), and leaves the network unchanged otherwise.</summary>
    public class InitializeScaleTests
    {
        private static readonly Type[] Forms = { typeof(FlowerNet), typeof(FlowerNet64), typeof(WideSigmoidNet), typeof(WideTanhNet64) };

        public static TheoryData<string, double> BadScales()
        {
            var data = new TheoryData<string, double>();
            foreach (Type net in Forms)
            {
                foreach (double scale in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.01 })
                    data.Add(net.Name, scale);
                // Finite, but the draws overflow: float at 1e39 (every non-zero draw), double at MaxValue (any |draw| > 1).
                data.Add(net.Name, NetworkShape.Of(net).IsSingle ? 1e39 : double.MaxValue);
            }
            return data;
        }

        [Theory]
        [MemberData(nameof(BadScales))]
        public void RejectsAScaleThatIsNotFinitePositiveOrOverflowsAndLeavesTheNetworkUnchanged(string network, double scale) =>
            NetworkCatalog.Run(typeof(InitializeScaleTests), nameof(BadScaleCore), Array.Find(Forms, t => t.Name == network)!, scale);

        private static void BadScaleCore<TNet, T>(double scale)
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            NetworkShape shape = NetworkShape.Of(typeof(TNet));
            T[] p = Parameters<T>(shape, seed: 31);
            TNet net = Load<TNet, T>(p);
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => net.Initialize(new NumPyRandom(2), scale));
            Assert.Equal("scale", error.ParamName);
            Assert.Contains("scale", error.Message);
            Assert.Equal(p, ParametersOf<TNet, T>(net, shape.ParameterCount));
        }

        /// <summary>The largest scales that still fit are accepted, with the notebook's draws scaled in double then rounded.</summary>
        [Fact]
        public void AcceptsALargeScaleWhoseDrawsStayFinite()
        {
            var net = new FlowerNet();
            net.Initialize(new NumPyRandom(2), 1e37);
            var p = new float[FlowerNet.ParameterCount];
            net.CopyParametersTo(p);
            Assert.Equal((float)(new NumPyRandom(2).Randn() * 1e37), p[0]);
            Assert.All(p, v => Assert.True(float.IsFinite(v)));
        }
    }
}
