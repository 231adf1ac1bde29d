using System;
using System.IO;
using System.Linq;
using PlanarGen.Cli.Pictures;
using PlanarGen.Cli.Running;
using Xunit;

namespace PlanarGen.Cli.Tests
{
    /// <summary>Issue 15, finding 8: a decision-boundary picture does a bounded amount of model work at any hidden size
    /// (counted in hidden-unit evaluations, not timed), and small models keep the notebook's grid.</summary>
    public sealed class PictureBudgetTests
    {
        private static readonly PlanarData<double> Flower = PlanarDataSets.Flower();

        [Theory]
        [InlineData(ExactLimits.MaxHidden)]
        [InlineData(1_000)]
        [InlineData(int.MaxValue)]
        public void ABigModelsBoundaryIsWithinTheBudget(int hidden)
        {
            var model = new CountingPredictor(hidden);

            string path = Picture.SaveBoundary(CliHarness.NewFolder("budget"), "boundary.png", new Picture.Panel("big", Flower, model));

            Assert.True(File.Exists(path));
            Assert.True(model.Points > 0);
            Assert.True((double)model.Points * hidden <= Math.Max(GridBudget.UnitEvaluationsPerPicture, hidden),
                $"{model.Points} points x {hidden} units is over the budget of {GridBudget.UnitEvaluationsPerPicture}");
        }

        [Fact]
        public void ManyBigPanelsShareOneBudget()
        {
            var models = Enumerable.Range(0, 8).Select(_ => new CountingPredictor(ExactLimits.MaxHidden)).ToArray();

            Picture.SavePanels(CliHarness.NewFolder("budget-panels"), "sweep.png",
                models.Select(m => new Picture.Panel("big", Flower, m)).ToList(), columns: 4, step: 0.02);

            long work = models.Sum(m => m.Points) * (long)ExactLimits.MaxHidden;
            Assert.True(work <= GridBudget.UnitEvaluationsPerPicture, $"{work} unit evaluations");
            Assert.All(models, m => Assert.True(m.Points > 0));
        }

        [Theory]
        [InlineData(4)]
        [InlineData(50)] // the biggest generated network
        public void SmallModelsKeepTheNotebooksGrid(int hidden)
        {
            var model = new CountingPredictor(hidden);

            Picture.SaveBoundary(CliHarness.NewFolder("budget-small"), "boundary.png", new Picture.Panel("small", Flower, model));

            var limits = PictureStyle.Limits(Flower.X, Flower.SampleCount);
            long notebookGrid = (long)Math.Ceiling((limits.XMax - limits.XMin) / 0.01) * (long)Math.Ceiling((limits.YMax - limits.YMin) / 0.01);
            Assert.Equal(notebookGrid, model.Points);
        }

        [Fact]
        public void TheDefaultSweepKeepsItsGrid()
        {
            int[] sizes = { 1, 2, 3, 4, 5, 10, 20, 50 };
            var models = sizes.Select(n => new CountingPredictor(n)).ToArray();

            Picture.SavePanels(CliHarness.NewFolder("budget-sweep"), "sweep.png",
                models.Select(m => new Picture.Panel("n", Flower, m)).ToList(), columns: 4, step: 0.02);

            var limits = PictureStyle.Limits(Flower.X, Flower.SampleCount);
            long grid = (long)Math.Ceiling((limits.XMax - limits.XMin) / 0.02) * (long)Math.Ceiling((limits.YMax - limits.YMin) / 0.02);
            Assert.All(models, m => Assert.Equal(grid, m.Points));
        }

        /// <summary>Counts the points it is asked about; a fixed boundary (x1 + x2 > 0) stands in for the model.</summary>
        private sealed class CountingPredictor : IPredictor
        {
            public CountingPredictor(int hidden) => UnitsPerPoint = hidden;

            public int UnitsPerPoint { get; }

            public long Points { get; private set; }

            public void PredictProbabilities(ReadOnlySpan<double> x, int sampleCount, Span<double> probabilities)
            {
                Points += sampleCount;
                for (int i = 0; i < sampleCount; i++) probabilities[i] = x[i] + x[sampleCount + i] > 0 ? 1 : 0;
            }
        }
    }
}
