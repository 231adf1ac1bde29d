using System.Numerics;
using Xunit;
using Xunit.Abstractions;

namespace PlanarGen.Tests.Networks
{
    public class VectorWidthTests
    {
        private readonly ITestOutputHelper _output;

        public VectorWidthTests(ITestOutputHelper output) => _output = output;

        /// <summary>The sample counts the network tests use exercise both the SIMD chunks and the scalar tail on this machine
        /// (and under DOTNET_MaxVectorTBitWidth / DOTNET_EnableHWIntrinsic=0, where every sample is in the tail).</summary>
        [Fact]
        public void SampleCountsLeaveAScalarTailAtThisVectorWidth()
        {
            _output.WriteLine($"Vector.IsHardwareAccelerated = {Vector.IsHardwareAccelerated}, Vector<float>.Count = {Vector<float>.Count}, Vector<double>.Count = {Vector<double>.Count}");
            foreach (int count in new[] { Vector<float>.Count, Vector<double>.Count })
            {
                Assert.NotEqual(0, 37 % count);
                Assert.True(3 < count || !Vector.IsHardwareAccelerated || count <= 2, $"m = 3 should be below one vector of {count}.");
                if (Vector.IsHardwareAccelerated) Assert.True(37 / count >= 2, "m = 37 should span several SIMD chunks.");
            }
        }
    }
}
