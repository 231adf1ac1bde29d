using System;
using Xunit;
using static PlanarGen.Tests.RandomNumbers.ReferenceData;

namespace PlanarGen.Tests.Notebook
{
    /// <summary>Runs the notebook's flower training once for all tests in <see cref="NotebookRunTests"/>.</summary>
    public sealed class FlowerRunFixture
    {
        public FlowerRunFixture()
        {
            Data = PlanarDataSets.Flower();
            Run = NotebookModel.NnModel(Data, hidden: 4, iterations: 10000, learningRate: 1.2);
        }

        public PlanarData<double> Data { get; }

        public NotebookRun Run { get; }
    }

    public class NotebookRunTests : IClassFixture<FlowerRunFixture>
    {
        private readonly FlowerRunFixture _fixture;

        public NotebookRunTests(FlowerRunFixture fixture) => _fixture = fixture;

        [Theory]
        [InlineData(0, "0.693048")]
        [InlineData(1000, "0.288083")]
        [InlineData(2000, "0.254385")]
        [InlineData(3000, "0.233864")]
        [InlineData(4000, "0.226792")]
        [InlineData(5000, "0.222644")]
        [InlineData(6000, "0.219731")]
        [InlineData(7000, "0.217504")]
        public void PrintedNotebookCostsMatch(int iteration, string printed) =>
            Printed(printed, _fixture.Run.Costs[iteration], $"cost at {iteration}");

        [Theory]
        [InlineData(8000, "0.219493")]
        [InlineData(9000, "0.218618")]
        public void ChaoticPhaseCostsMatchNumPyWithGlibcMaths(int iteration, string printed) =>
            Printed(printed, _fixture.Run.Costs[iteration], $"cost at {iteration}");

        [Fact]
        public void EveryCostMatchesNumPyBitForBit()
        {
            double[] expected = Doubles("flower_costs.txt");
            Assert.Equal(10000, expected.Length);
            Assert.Equal(-1, _fixture.Run.DivergedAtIteration);
            BitExact(expected, _fixture.Run.Costs, "cost");
        }

        [Fact]
        public void FinalParametersMatchNumPyBitForBit()
        {
            double[] expected = Doubles("flower_parameters.txt");
            var actual = new double[17];
            Assert.Equal(17, _fixture.Run.Model.ParameterCount);
            _fixture.Run.Model.CopyParametersTo(actual);
            BitExact(expected, actual, "parameter");
        }

        [Fact]
        public void AccuracyIsNinetyPointFivePercent()
        {
            double accuracy = _fixture.Run.Model.Accuracy(_fixture.Data);
            Assert.Equal(0.905, accuracy);
            BitExact(Doubles("flower_accuracy.txt")[0], accuracy, "accuracy");
        }
    }
}
