using System;
using Xunit;
using static PlanarGen.Tests.RandomNumbers.ReferenceData;

namespace PlanarGen.Tests.Notebook
{
    /// <summary>
    /// The notebook's graded test cases (the course's testCases_v2 inputs, rebuilt here) against the outputs the
    /// notebook prints, to the printed digits; and, where the output is a full array, against the committed NumPy run.
    /// </summary>
    public class NotebookTestCaseTests
    {
        private static readonly double[] FixedW1 =
        {
            -0.00416758, -0.00056267, -0.02136196, 0.01640271, -0.01793436, -0.00841747, 0.00502881, -0.01245288,
        };

        private static readonly double[] FixedW2 = { -0.01057952, -0.00909008, 0.00551454, 0.02292208 };

        // update_parameters_test_case / predict_test_case parameters: W1, b1, W2, b2.
        private static readonly double[] TrainedParameters =
        {
            -0.00615039, 0.0169021, -0.02311792, 0.03137121, -0.0169217, -0.01752545, 0.00935436, -0.05018221,
            -8.97523455e-07, 8.15562092e-06, 6.04810633e-07, -2.54560700e-06,
            -0.0104319, -0.04019007, 0.01607211, 0.04440255,
            9.14954378e-05,
        };

        private static double[] Draw(NumPyRandom random, int count)
        {
            var values = new double[count];
            random.Randn(values);
            return values;
        }

        private static double[] Positive(double[] values)
        {
            var labels = new double[values.Length];
            for (int i = 0; i < values.Length; i++) labels[i] = values[i] > 0 ? 1 : 0;
            return labels;
        }

        private static double Mean(double[] values) => NumPy.PairwiseSum(values) / values.Length;

        private static void AssertPrinted(string[] printed, double[] actual, string what)
        {
            Assert.Equal(printed.Length, actual.Length);
            for (int i = 0; i < printed.Length; i++) Printed(printed[i], actual[i], $"{what}[{i}]");
        }

        [Fact]
        public void LayerSizes()
        {
            var random = new NumPyRandom(1);
            double[] x = Draw(random, 5 * 3);
            double[] y = Draw(random, 2 * 3);
            int nX = new DataSet<double>(x, 3).FeatureCount;
            int nY = new DataSet<double>(y, 3).FeatureCount;
            var model = new NotebookModel(nX, 4, nY);
            Assert.Equal(5, model.InputCount);
            Assert.Equal(4, model.HiddenCount);
            Assert.Equal(2, model.OutputCount);
        }

        [Fact]
        public void InitializeParameters()
        {
            var model = new NotebookModel(2, 4, 1);
            model.Initialize(new NumPyRandom(2));
            AssertPrinted(new[] { "-0.00416758", "-0.00056267", "-0.02136196", "0.01640271", "-0.01793436", "-0.00841747", "0.00502881", "-0.01245288" },
                model.W1, "W1");
            AssertPrinted(new[] { "-0.01057952", "-0.00909008", "0.00551454", "0.02292208" }, model.W2, "W2");
            Assert.Equal(new double[4], model.B1);
            Assert.Equal(new double[1], model.B2);
            var all = new double[17];
            model.CopyParametersTo(all);
            BitExact(TestCase("initialize_parameters"), all, "parameters");
        }

        [Fact]
        public void ForwardPropagation()
        {
            var random = new NumPyRandom(1);
            double[] x = Draw(random, 2 * 3);
            double[] b1 = Draw(random, 4);
            var model = new NotebookModel(2, 4, 1);
            FixedW1.CopyTo(model.W1, 0);
            b1.CopyTo(model.B1, 0);
            FixedW2.CopyTo(model.W2, 0);
            model.B2[0] = -1.3;
            NotebookForward cache = model.Forward(x, 3);
            double[] means = { Mean(cache.Z1), Mean(cache.A1), Mean(cache.Z2), Mean(cache.A2) };
            AssertPrinted(new[] { "0.262818640198", "0.091999045227", "-1.30766601287", "0.212877681719" }, means, "means");
            BitExact(TestCase("forward_means"), means, "means");
        }

        [Fact]
        public void ComputeCost()
        {
            double[] y = Positive(Draw(new NumPyRandom(1), 3));
            double[] a2 = { 0.5002307, 0.49985831, 0.50023963 };
            double cost = NotebookModel.Cost(a2, y, 3);
            Printed("0.693058761", cost, "cost");
            BitExact(TestCase("compute_cost")[0], cost, "cost");
        }

        [Fact]
        public void BackwardPropagation()
        {
            var random = new NumPyRandom(1);
            double[] x = Draw(random, 2 * 3);
            double[] y = Positive(Draw(random, 3));
            var model = new NotebookModel(2, 4, 1);
            FixedW1.CopyTo(model.W1, 0);
            FixedW2.CopyTo(model.W2, 0);
            var cache = new NotebookForward(
                z1: new[] { -0.00616586, 0.0020626, 0.0034962, -0.05229879, 0.02726335, -0.02646869, -0.02009991, 0.00368692, 0.02884556, 0.02153007, -0.01385322, 0.02600471 },
                a1: new[] { -0.00616578, 0.0020626, 0.00349619, -0.05225116, 0.02725659, -0.02646251, -0.02009721, 0.0036869, 0.02883756, 0.02152675, -0.01385234, 0.02599885 },
                z2: new[] { 0.00092281, -0.00056678, 0.00095853 },
                a2: new[] { 0.5002307, 0.49985831, 0.50023963 },
                sampleCount: 3);
            NotebookGradients g = model.Backward(cache, x, y);
            AssertPrinted(new[] { "0.00301023", "-0.00747267", "0.00257968", "-0.00641288", "-0.00156892", "0.003893", "-0.00652037", "0.01618243" }, g.DW1, "dW1");
            AssertPrinted(new[] { "0.00176201", "0.00150995", "-0.00091736", "-0.00381422" }, g.DB1, "db1");
            AssertPrinted(new[] { "0.00078841", "0.01765429", "-0.00084166", "-0.01022527" }, g.DW2, "dW2");
            AssertPrinted(new[] { "-0.16655712" }, g.DB2, "db2");
            double[] all = new double[17];
            g.DW1.CopyTo(all, 0);
            g.DB1.CopyTo(all, 8);
            g.DW2.CopyTo(all, 12);
            g.DB2.CopyTo(all, 16);
            BitExact(TestCase("backward_propagation"), all, "gradients");
        }

        [Fact]
        public void UpdateParameters()
        {
            var model = new NotebookModel(2, 4, 1);
            model.LoadParameters(TrainedParameters);
            var grads = new NotebookGradients(
                new[] { 0.00023322, -0.00205423, 0.00082222, -0.00700776, -0.00031831, 0.0028636, -0.00092857, 0.00809933 },
                new[] { 1.05570087e-07, -3.81814487e-06, -1.90155145e-07, 5.46467802e-07 },
                new[] { -1.75740039e-05, 3.70231337e-03, -1.25683095e-03, -2.55715317e-03 },
                new[] { -1.08923140e-05 });
            model.Update(grads, 1.2);
            AssertPrinted(new[] { "-0.00643025", "0.01936718", "-0.02410458", "0.03978052", "-0.01653973", "-0.02096177", "0.01046864", "-0.05990141" }, model.W1, "W1");
            AssertPrinted(new[] { "-1.02420756e-06", "1.27373948e-05", "8.32996807e-07", "-3.20136836e-06" }, model.B1, "b1");
            AssertPrinted(new[] { "-0.01041081", "-0.04463285", "0.01758031", "0.04747113" }, model.W2, "W2");
            AssertPrinted(new[] { "0.00010457" }, model.B2, "b2");
            var all = new double[17];
            model.CopyParametersTo(all);
            BitExact(TestCase("update_parameters"), all, "parameters");
        }

        [Fact]
        public void NnModel()
        {
            var random = new NumPyRandom(1);
            double[] x = Draw(random, 2 * 3);
            double[] y = Positive(Draw(random, 3));
            NotebookRun run = NotebookModel.NnModel(new PlanarData<double>(x, y, 3), hidden: 4, iterations: 10000);
            string[] printedCosts = { "0.692739", "0.000218", "0.000107", "0.000071", "0.000053", "0.000042", "0.000035", "0.000030", "0.000026", "0.000023" };
            for (int i = 0; i < printedCosts.Length; i++) Printed(printedCosts[i], run.Costs[i * 1000], $"cost at {i * 1000}");
            NotebookModel m = run.Model;
            AssertPrinted(new[] { "-0.65848169", "1.21866811", "-0.76204273", "1.39377573", "0.5792005", "-1.10397703", "0.76773391", "-1.41477129" }, m.W1, "W1");
            AssertPrinted(new[] { "0.287592", "0.3511264", "-0.2431246", "-0.35772805" }, m.B1, "b1");
            AssertPrinted(new[] { "-2.45566237", "-3.27042274", "2.00784958", "3.36773273" }, m.W2, "W2");
            AssertPrinted(new[] { "0.20459656" }, m.B2, "b2");
            var all = new double[17];
            m.CopyParametersTo(all);
            BitExact(TestCase("nn_model_parameters"), all, "parameters");
            double[] every1000 = new double[10];
            for (int i = 0; i < 10; i++) every1000[i] = run.Costs[i * 1000];
            BitExact(TestCase("nn_model_costs_every_1000"), every1000, "cost");
        }

        [Fact]
        public void Predict()
        {
            double[] x = Draw(new NumPyRandom(1), 2 * 3);
            var model = new NotebookModel(2, 4, 1);
            model.LoadParameters(TrainedParameters);
            bool[] predictions = model.Predict(x, 3);
            double[] asNumbers = Array.ConvertAll(predictions, p => p ? 1.0 : 0.0);
            Printed("0.666666666667", Mean(asNumbers), "predictions mean");
            Assert.Equal(new[] { true, false, true }, predictions);
        }
    }
}
