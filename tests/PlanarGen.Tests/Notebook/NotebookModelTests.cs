using System;
using Xunit;

namespace PlanarGen.Tests.Notebook
{
    /// <summary>Argument checks and the non-notebook options of <see cref="NotebookModel"/>.</summary>
    public class NotebookModelTests
    {
        private static PlanarData<double> Tiny() =>
            new PlanarData<double>(new[] { 0.5, -1.0, 2.0, 0.25, 1.5, -0.5 }, new[] { 1.0, 0.0, 1.0 }, 3);

        [Fact]
        public void ParametersRoundTripInNotebookOrder()
        {
            var model = new NotebookModel(2, 3, 1);
            var values = new double[model.ParameterCount];
            for (int i = 0; i < values.Length; i++) values[i] = i + 1;
            model.LoadParameters(values);
            Assert.Equal(new double[] { 1, 2, 3, 4, 5, 6 }, model.W1);
            Assert.Equal(new double[] { 7, 8, 9 }, model.B1);
            Assert.Equal(new double[] { 10, 11, 12 }, model.W2);
            Assert.Equal(new double[] { 13 }, model.B2);
            var copy = new double[values.Length];
            model.CopyParametersTo(copy);
            Assert.Equal(values, copy);
        }

        [Fact]
        public void LoadParametersRejectsWrongLengthSayingExpectedAndGiven()
        {
            var model = new NotebookModel(2, 4, 1);
            var e = Assert.Throws<ArgumentException>(() => model.LoadParameters(new double[16]));
            Assert.Contains("Expected 17 parameters", e.Message);
            Assert.Contains("has 16", e.Message);
            e = Assert.Throws<ArgumentException>(() => model.CopyParametersTo(new double[18]));
            Assert.Contains("has 18", e.Message);
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(-1.0)]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        public void RejectsLearningRatesThatAreNotFiniteAndPositive(double learningRate)
        {
            var e = Assert.ThrowsAny<ArgumentException>(() => NotebookModel.NnModel(Tiny(), 2, 10, learningRate));
            Assert.Contains("Expected a finite learning rate above 0", e.Message);
            var model = new NotebookModel(2, 2, 1);
            Assert.ThrowsAny<ArgumentException>(() => model.TrainStep(Tiny(), learningRate));
        }

        [Fact]
        public void RejectsDataOfTheWrongShape()
        {
            var model = new NotebookModel(3, 2, 1);
            var e = Assert.Throws<ArgumentException>(() => model.TrainStep(Tiny(), 1.2));
            Assert.Contains("Expected 3 features", e.Message);
            Assert.Contains("has 2", e.Message);
            e = Assert.Throws<ArgumentException>(() => model.Forward(new double[5], 2));
            Assert.Contains("6 values", e.Message);
            Assert.Contains("holds 5", e.Message);
        }

        [Fact]
        public void RejectsBadSizes()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new NotebookModel(0, 4, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => new NotebookModel(2, 4, 1, (Activation)9));
            Assert.Throws<ArgumentOutOfRangeException>(() => NotebookModel.NnModel(Tiny(), 0));
        }

        [Fact]
        public void TrainStepReturnsTheCostBeforeTheUpdate()
        {
            var model = new NotebookModel(2, 4, 1);
            model.Initialize(new NumPyRandom(2));
            double before = model.Cost(Tiny());
            Assert.Equal(before, model.TrainStep(Tiny(), 1.2));
            Assert.NotEqual(before, model.Cost(Tiny()));
        }

        [Fact]
        public void ZeroInitialisationKeepsHiddenUnitsIdentical()
        {
            var model = new NotebookModel(2, 4, 1);
            model.InitializeZeros();
            for (int i = 0; i < 50; i++) model.TrainStep(Tiny(), 1.2);
            for (int h = 1; h < 4; h++)
            {
                Assert.Equal(model.W1[0], model.W1[2 * h]);
                Assert.Equal(model.W1[1], model.W1[2 * h + 1]);
                Assert.Equal(model.W2[0], model.W2[h]);
            }
        }

        [Theory]
        [InlineData(Activation.Sigmoid)]
        [InlineData(Activation.ReLU)]
        [InlineData(Activation.LeakyReLU)]
        public void OtherActivationsLearnTheTinySet(Activation activation)
        {
            NotebookRun run = NotebookModel.NnModel(Tiny(), 4, 2000, 1.2, activation);
            Assert.False(run.Diverged);
            Assert.True(run.Costs[run.Costs.Length - 1] < run.Costs[0], $"{activation}: cost did not fall");
        }

        [Fact]
        public void LeakyReluUsesItsSlopeBelowZero()
        {
            var model = new NotebookModel(1, 1, 1, Activation.LeakyReLU, 0.1);
            model.W1[0] = 1;
            NotebookForward f = model.Forward(new[] { -2.0, 3.0 }, 2);
            Assert.Equal(new[] { -0.2, 3.0 }, f.A1);
        }

        [Fact]
        public void DivergenceStopsAtTheFirstNonFiniteCost()
        {
            // A huge learning rate saturates the sigmoid; log(0) then makes the cost infinite.
            NotebookRun run = NotebookModel.NnModel(Tiny(), 4, 1000, 1e6);
            Assert.True(run.Diverged);
            Assert.Equal(run.DivergedAtIteration + 1, run.Costs.Length);
            Assert.False(double.IsFinite(run.Costs[run.DivergedAtIteration]));
            for (int i = 0; i < run.DivergedAtIteration; i++) Assert.True(double.IsFinite(run.Costs[i]));
            // The kept parameters are the ones that produced the non-finite cost (that update is not applied).
            Assert.False(double.IsFinite(run.Model.Cost(Tiny())));
        }
    }
}
