using System;
using System.IO;
using PlanarGen.Tests.Networks;
using Xunit;

namespace PlanarGen.Tests.Weights
{
    /// <summary>The generated SaveWeights/LoadWeights members: same bytes as NetworkWeights, loading in place (also through
    /// INetwork&lt;T&gt; in generic code), and an unchanged network on a bad file.</summary>
    public class GeneratedWeightsMembersTests
    {
        [Fact]
        public void GeneratedMembersWrapNetworkWeights()
        {
            var net = TestData.Load<FlowerNet, float>(WeightsTestKit.Values241());
            var stream = new MemoryStream();
            net.SaveWeights(stream);
            Assert.Equal(WeightsTestKit.Save<FlowerNet, float>(net, WeightsFormat.Safetensors), stream.ToArray());
            var json = new MemoryStream();
            net.SaveWeights(json, WeightsFormat.Json);
            Assert.Equal(WeightsTestKit.Save<FlowerNet, float>(net, WeightsFormat.Json), json.ToArray());

            double[] expected = WeightsTestKit.ParametersOf<FlowerNet, float>(net);
            var fromSpan = new FlowerNet();
            fromSpan.LoadWeights(json.ToArray());
            WeightsTestKit.AssertSameBits(expected, WeightsTestKit.ParametersOf<FlowerNet, float>(fromSpan));
            var fromStream = new FlowerNet();
            fromStream.LoadWeights(new MemoryStream(stream.ToArray()));
            WeightsTestKit.AssertSameBits(expected, WeightsTestKit.ParametersOf<FlowerNet, float>(fromStream));

            string path = Path.Combine(Path.GetTempPath(), "planargen-members-" + Guid.NewGuid().ToString("N") + ".safetensors");
            try
            {
                net.SaveWeights(path);
                var fromPath = new FlowerNet();
                fromPath.LoadWeights(path);
                WeightsTestKit.AssertSameBits(expected, WeightsTestKit.ParametersOf<FlowerNet, float>(fromPath));
            }
            finally
            {
                File.Delete(path);
            }

            byte[] damaged = stream.ToArray();
            damaged[damaged.Length - 1] ^= 0x40;
            var untouched = new FlowerNet();
            untouched.InitializeZeros();
            Assert.Throws<WeightsFormatException>(() => untouched.LoadWeights(damaged));
            Assert.All(WeightsTestKit.ParametersOf<FlowerNet, float>(untouched), v => Assert.Equal(0.0, v));
        }

        [Fact]
        public void GenericCodeLoadsThroughTheInterfaceInPlace()
        {
            var net = TestData.Load<FlowerNet64, double>(new double[17] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17 });
            byte[] file = WeightsTestKit.Save<FlowerNet64, double>(net, WeightsFormat.Safetensors);
            var target = new FlowerNet64();
            LoadInPlace(ref target, file);
            WeightsTestKit.AssertSameBits(WeightsTestKit.ParametersOf<FlowerNet64, double>(net), WeightsTestKit.ParametersOf<FlowerNet64, double>(target));
        }

        private static void LoadInPlace<TNet>(ref TNet net, byte[] file) where TNet : struct, INetwork<double> => net.LoadWeights(file);
    }
}
