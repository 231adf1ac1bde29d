using Xunit;

namespace PlanarGen.Tests.Data
{
    public class DataSetTests
    {
        [Fact]
        public void DataSetReportsItsShape()
        {
            var data = new DataSet<float>(new float[] { 1, 2, 3, 4, 5, 6 }, new float[] { 0, 1, 1 }, 3);
            Assert.Equal(2, data.FeatureCount);
            Assert.Equal(1, data.OutputCount);
            Assert.Equal(new float[] { 4, 5, 6 }, data.Feature(1).ToArray());
        }
    }
}
