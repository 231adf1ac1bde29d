using Xunit;

namespace PlanarGen.Tests.Baselines
{
    /// <summary>
    /// The figures recorded in docs/datasets.md: the notebook's network (exact NumPy-order path, 4 tanh units,
    /// 10,000 iterations, learning rate 1.2) and the scikit-learn-like logistic baseline on every data set with its
    /// default seed. The exact path is deterministic, so these are equalities.
    /// </summary>
    public class ExtraDataSetFiguresTests
    {
        [Theory]
        [InlineData("noisy_circles", 0.785, 0.515)]
        [InlineData("noisy_moons", 0.975, 0.865)]
        [InlineData("blobs", 0.83, 0.605)]
        [InlineData("gaussian_quantiles", 0.985, 0.525)]
        [InlineData("no_structure", 0.59, 0.525)]
        public void NetworkAndLogisticAccuraciesMatchTheRecordedFigures(string name, double network, double logistic)
        {
            PlanarData<double> data = PlanarDataSets.ByName(name);
            NotebookRun run = NotebookModel.NnModel(data, 4, 10_000, 1.2);
            Assert.False(run.Diverged);
            Assert.Equal(network, run.Model.Accuracy(data));
            Assert.Equal(logistic, LogisticRegression.FitLikeScikitLearn(data).Accuracy(data.AsDataSet()));
        }

        [Theory]
        [InlineData("noisy_circles", 0.76, 0.79)]
        [InlineData("noisy_moons", 0.97, 0.985)]
        [InlineData("blobs", 0.825, 0.835)]
        [InlineData("gaussian_quantiles", 0.975, 0.985)]
        public void NetworkAccuracyIsInTheNotebooksRange(string name, double low, double high)
        {
            PlanarData<double> data = PlanarDataSets.ByName(name);
            Assert.InRange(NotebookModel.NnModel(data, 4).Model.Accuracy(data), low, high);
        }
    }
}
