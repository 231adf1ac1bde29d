using Xunit;
using static PlanarGen.Tests.RandomNumbers.ReferenceData;

namespace PlanarGen.Tests.Notebook
{
    public class FlowerTests
    {
        [Fact]
        public void FlowerHasTheNotebookShapes()
        {
            PlanarData<double> flower = PlanarDataSets.Flower();
            Assert.Equal(2, flower.FeatureCount);
            Assert.Equal(1, flower.OutputCount);
            Assert.Equal(400, flower.SampleCount);
        }

        [Fact]
        public void FlowerFeaturesMatchNumPyBitForBit()
        {
            double[] expected = Doubles("flower_x.txt");
            Assert.Equal(800, expected.Length);
            BitExact(expected, PlanarDataSets.Flower().X, "X");
        }

        [Fact]
        public void FlowerLabelsMatchNumPy()
        {
            double[] expected = Doubles("flower_y.txt");
            Assert.Equal(400, expected.Length);
            BitExact(expected, PlanarDataSets.Flower().Y, "Y");
        }
    }
}
