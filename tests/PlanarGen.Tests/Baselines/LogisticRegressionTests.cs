using System;
using System.Linq;
using Xunit;

namespace PlanarGen.Tests.Baselines
{
    public class LogisticRegressionTests
    {
        [Fact]
        public void FlowerBaselineGivesTheNotebooks47Percent()
        {
            PlanarData<double> flower = PlanarDataSets.Flower();
            LogisticRegression model = LogisticRegression.FitLikeScikitLearn(flower);
            double accuracy = model.Accuracy(flower.AsDataSet());
            Assert.InRange(accuracy, 0.46, 0.48);
            Assert.Equal(0.47, accuracy);
            // scikit-learn 1.2.1's LogisticRegressionCV picks the same C (Cs[4]) and coef [0.02783873, -0.20163637],
            // intercept 0.01543046; lbfgs stops at tolerance 1e-4, this fit is converged, so they agree to ~1e-5.
            Assert.Equal(LogisticRegression.ScikitLearnCs()[4], model.C);
            Assert.Equal(0.02783873, model.Weights[0], 4);
            Assert.Equal(-0.20163637, model.Weights[1], 4);
            Assert.Equal(0.01543046, model.Bias, 4);
        }

        [Fact]
        public void CrossValidationScoresMatchScikitLearnOnTheFlower()
        {
            // LogisticRegressionCV().scores_[1].sum(axis=0) on the flower (scikit-learn 1.2.1).
            double[] expected = { 1.625, 1.625, 1.6125, 1.625, 1.65, 1.65, 1.65, 1.65, 1.65, 1.65 };
            LogisticRegression.FitLikeScikitLearn(PlanarDataSets.Flower(), out double[] scores);
            for (int k = 0; k < expected.Length; k++) Assert.Equal(expected[k], scores[k], 12);
        }

        [Fact]
        public void ScikitLearnGridIsLogspaceMinus4To4()
        {
            double[] cs = LogisticRegression.ScikitLearnCs();
            Assert.Equal(10, cs.Length);
            Assert.Equal(1e-4, cs[0]);
            Assert.Equal(1e4, cs[9]);
            Assert.Equal(0.3593813663804626, cs[4]); // np.logspace(-4, 4, 10)[4]
            Assert.Equal(0.000774263682681127, cs[1]);
        }

        [Fact]
        public void StratifiedFoldsFollowScikitLearn()
        {
            // StratifiedKFold(5) on 200 zeros then 200 ones: each class's samples fill folds 0..4 in order, 40 each.
            int[] folds = LogisticRegression.StratifiedFolds(PlanarDataSets.Flower().Y, 5);
            for (int i = 0; i < 400; i++) Assert.Equal((i % 200) / 40, folds[i]);

            // Labels 0,1,1,0,1,1,0,1 (3 zeros, 5 ones) with 3 folds: sorted 0,0,0,1,1,1,1,1 dealt round-robin gives
            // zeros per fold 1,1,1 and ones per fold 2,2,1.
            double[] labels = { 0, 1, 1, 0, 1, 1, 0, 1 };
            int[] small = LogisticRegression.StratifiedFolds(labels, 3);
            Assert.Equal(new[] { 0, 0, 0, 1, 1, 1, 2, 2 }, small);
        }

        [Fact]
        public void TooFewSamplesPerClassForCrossValidationThrows()
        {
            var data = new PlanarData<double>(new double[] { 0, 1, 2, 3, 4, 5, 6, 7 }, new double[] { 0, 0, 0, 0, 0, 0, 1, 1 }, 8);
            var e = Assert.Throws<ArgumentException>(() => LogisticRegression.FitLikeScikitLearn(data));
            Assert.StartsWith("Expected at least 5 samples of each class for 5-fold cross-validation, but there are 6 of label 0 and 2 of label 1.", e.Message);
        }

        [Theory]
        [InlineData(double.PositiveInfinity)]
        [InlineData(0.5)]
        public void GradientMatchesCentralDifferences(double c)
        {
            PlanarData<double> data = RandomSet(3, 50, seed: 11);
            var model = new LogisticRegression(3, c);
            var random = new NumPyRandom(4);
            random.Randn(model.Weights);
            model.Bias = random.Randn();
            var gradient = new double[4];
            model.Gradient(data.AsDataSet(), gradient);
            const double h = 1e-6;
            for (int j = 0; j < 4; j++)
            {
                double numeric = (CostWith(model, data, j, h) - CostWith(model, data, j, -h)) / (2 * h);
                double relative = Math.Abs(numeric - gradient[j]) / Math.Max(1e-8, Math.Abs(numeric) + Math.Abs(gradient[j]));
                Assert.True(relative < 1e-6, $"parameter {j}: analytic {gradient[j]:R}, numeric {numeric:R}");
            }
        }

        [Fact]
        public void TrainStepMovesAgainstTheNumericGradientAndReturnsTheCostBefore()
        {
            PlanarData<double> data = RandomSet(2, 80, seed: 12);
            var model = new LogisticRegression(2, 2.0);
            model.Weights[0] = 0.3;
            model.Weights[1] = -0.7;
            model.Bias = 0.1;
            double[] before = { model.Weights[0], model.Weights[1], model.Bias };
            double[] numeric = new double[3];
            const double h = 1e-6;
            for (int j = 0; j < 3; j++) numeric[j] = (CostWith(model, data, j, h) - CostWith(model, data, j, -h)) / (2 * h);
            double costBefore = model.Cost(data.AsDataSet());

            double returned = model.TrainStep(data.AsDataSet(), 0.5);

            Assert.Equal(costBefore, returned);
            double[] after = { model.Weights[0], model.Weights[1], model.Bias };
            for (int j = 0; j < 3; j++) Assert.Equal(before[j] - 0.5 * numeric[j], after[j], 8);
        }

        [Fact]
        public void GradientDescentConvergesToTheNewtonOptimum()
        {
            PlanarData<double> moons = PlanarDataSets.NoisyMoons();
            LogisticRegression exact = LogisticRegression.Fit(moons.AsDataSet(), 1.0);
            var gradient = new double[3];
            exact.Gradient(moons.AsDataSet(), gradient);
            Assert.All(gradient, g => Assert.InRange(g, -1e-10, 1e-10));

            var trained = new LogisticRegression(2, 1.0);
            TrainingResult result = trained.Train(moons.AsDataSet(), new TrainingOptions(20_000, 1.0, 1_000));
            Assert.False(result.Diverged);
            Assert.Equal(20_000, result.IterationsCompleted);
            Assert.Equal(19_000, result.LastCostIteration);
            Assert.Equal(exact.Weights[0], trained.Weights[0], 6);
            Assert.Equal(exact.Weights[1], trained.Weights[1], 6);
            Assert.Equal(exact.Bias, trained.Bias, 6);
            Assert.Equal(exact.Cost(moons.AsDataSet()), result.LastCost, 9);
        }

        [Fact]
        public void TrainReportsCostsToTheObserverAndTheyDecrease()
        {
            PlanarData<double> data = PlanarDataSets.NoisyMoons();
            var model = new LogisticRegression(2);
            var observer = new RecordingObserver { Costs = new double[10], Iterations = new int[10] };
            model.Train(data.AsDataSet(), new TrainingOptions(100, 0.5, 10), ref observer);
            Assert.Equal(10, observer.Count);
            Assert.Equal(Math.Log(2), observer.Costs[0], 12);
            Assert.Equal(Enumerable.Range(0, 10).Select(i => i * 10).ToArray(), observer.Iterations);
            for (int i = 1; i < 10; i++) Assert.True(observer.Costs[i] < observer.Costs[i - 1]);
        }

        [Fact]
        public void PredictionsAgreeBetweenSingleBatchAndAccuracy()
        {
            PlanarData<double> data = PlanarDataSets.NoisyMoons();
            LogisticRegression model = LogisticRegression.Fit(data.AsDataSet(), 1.0);
            var batch = new double[data.SampleCount];
            model.PredictBatch(data.AsDataSet(), batch);
            int correct = 0;
            for (int i = 0; i < data.SampleCount; i++)
            {
                double p = model.PredictProbability(new[] { data.Feature(0, i), data.Feature(1, i) });
                Assert.Equal(p, batch[i], 14);
                if ((p > 0.5) == (data.Label(0, i) == 1)) correct++;
            }

            Assert.Equal(correct / 200.0, model.Accuracy(data.AsDataSet()));
            var unlabelled = new DataSet<double>(data.X, data.SampleCount);
            var again = new double[data.SampleCount];
            model.PredictBatch(unlabelled, again);
            Assert.Equal(batch, again);
        }

        [Fact]
        public void TrainPredictBatchAndAccuracyAllocateNothingAfterWarmUp()
        {
            PlanarData<double> data = PlanarDataSets.NoisyCircles();
            var model = new LogisticRegression(2, 1.0);
            var probabilities = new double[data.SampleCount];
            var options = new TrainingOptions(10, 0.1, 5);
            var observer = new RecordingObserver { Costs = System.Array.Empty<double>(), Iterations = System.Array.Empty<int>(), Discard = true };
            RunAll();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 200; i++) RunAll();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);

            void RunAll()
            {
                DataSet<double> view = new DataSet<double>(data.X, data.Y, data.SampleCount);
                model.Train(view, options);
                model.Train(view, options, ref observer);
                model.TrainStep(view, 0.1);
                model.PredictBatch(view, probabilities);
                model.Accuracy(view);
                model.Cost(view);
                model.PredictProbability(data.X.AsSpan(0, 2));
            }
        }

        [Fact]
        public void FeatureCountMismatchThrowsWithExpectedAndGiven()
        {
            PlanarData<double> three = RandomSet(3, 10, seed: 1);
            var model = new LogisticRegression(2);
            const string message = "Expected a data set with 2 features for LogisticRegression, but it has 3.";
            Assert.StartsWith(message, Assert.Throws<ArgumentException>(() => model.Train(three.AsDataSet(), new TrainingOptions(1, 0.1))).Message);
            Assert.StartsWith(message, Assert.Throws<ArgumentException>(() => model.Accuracy(three.AsDataSet())).Message);
            Assert.StartsWith(message, Assert.Throws<ArgumentException>(() => model.PredictBatch(three.AsDataSet(), new double[10])).Message);
            Assert.StartsWith("Expected input to hold 2 values (one per feature), but it has 3.",
                Assert.Throws<ArgumentException>(() => model.PredictProbability(new double[3])).Message);
            Assert.StartsWith("Expected probabilities to hold 10 values (one per sample), but it has 9.",
                Assert.Throws<ArgumentException>(() => model.PredictBatch(RandomSet(2, 10, 1).AsDataSet(), new double[9])).Message);
        }

        [Fact]
        public void UnlabelledOrMultiLabelDataThrowsForTraining()
        {
            PlanarData<double> data = RandomSet(2, 10, seed: 2);
            var model = new LogisticRegression(2);
            var unlabelled = data.X;
            Assert.StartsWith("Expected a labelled data set with 1 label rows for LogisticRegression, but it has no labels.",
                Assert.Throws<ArgumentException>(() => model.Train(new DataSet<double>(unlabelled, 10), new TrainingOptions(1, 0.1))).Message);
            Assert.StartsWith("Expected a labelled data set with 1 label rows for LogisticRegression, but it has no labels.",
                Assert.Throws<ArgumentException>(() => model.Accuracy(new DataSet<double>(unlabelled, 10))).Message);
            var twoRows = new double[20];
            Assert.StartsWith("Expected a data set with 1 label rows for LogisticRegression, but it has 2.",
                Assert.Throws<ArgumentException>(() => model.Cost(new DataSet<double>(unlabelled, twoRows, 10))).Message);
        }

        [Theory]
        [InlineData(0.0, "0")]
        [InlineData(-1.0, "-1")]
        [InlineData(double.NaN, "NaN")]
        [InlineData(double.PositiveInfinity, "Infinity")]
        public void BadLearningRateThrowsWithTheGivenValue(double learningRate, string shown)
        {
            PlanarData<double> data = RandomSet(2, 10, seed: 3);
            var model = new LogisticRegression(2);
            string expected = "Expected a finite, positive learning rate, but got " + shown + ".";
            Assert.StartsWith(expected, Assert.Throws<ArgumentOutOfRangeException>(() => model.TrainStep(data.AsDataSet(), learningRate)).Message);
            Assert.StartsWith(expected, Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions(1, learningRate)).Message);
            Assert.StartsWith("Expected a finite, positive learning rate, but got 0.",
                Assert.Throws<ArgumentOutOfRangeException>(() => model.Train(data.AsDataSet(), default)).Message);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-1)]
        public void BadConstructorArgumentsThrow(int features)
        {
            Assert.StartsWith($"Expected at least 1 feature, but featureCount is {features}.",
                Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegression(features)).Message);
            Assert.StartsWith("Expected a positive C (inverse regularisation strength; +Infinity for none), but got NaN.",
                Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegression(2, double.NaN)).Message);
            Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegression(2, 0));
        }

        [Fact]
        public void DivergingTrainingStopsAndKeepsTheLastFiniteParameters()
        {
            var x = new double[] { 1e300, -1e300, 2e300, -2e300, 1, 2, 3, 4 };
            var y = new double[] { 1, 0, 1, 0 };
            var data = new PlanarData<double>(x, y, 4);
            var model = new LogisticRegression(2);
            model.Bias = 0.25;
            TrainingResult result = model.Train(data.AsDataSet(), new TrainingOptions(100, 1e10, 1));
            Assert.True(result.Diverged);
            Assert.InRange(result.DivergedAtIteration, 0, 99);
            Assert.Equal(result.DivergedAtIteration, result.IterationsCompleted);
            Assert.All(model.Weights, w => Assert.True(!double.IsNaN(w) && !double.IsInfinity(w)));
            Assert.False(double.IsNaN(model.Bias) || double.IsInfinity(model.Bias));

            var fresh = new LogisticRegression(2);
            Assert.Throws<TrainingDivergedException>(() => fresh.TrainStep(data.AsDataSet(), 1e10));
            Assert.Equal(new double[2], fresh.Weights);
            Assert.Equal(0.0, fresh.Bias);
        }

        private static double CostWith(LogisticRegression model, PlanarData<double> data, int parameter, double delta)
        {
            int n = model.FeatureCount;
            if (parameter < n) model.Weights[parameter] += delta; else model.Bias += delta;
            double cost = model.Cost(data.AsDataSet());
            if (parameter < n) model.Weights[parameter] -= delta; else model.Bias -= delta;
            return cost;
        }

        internal static PlanarData<double> RandomSet(int features, int samples, uint seed)
        {
            var random = new NumPyRandom(seed);
            var x = new double[features * samples];
            random.Randn(x);
            var y = new double[samples];
            for (int i = 0; i < samples; i++) y[i] = x[i] + 0.5 * random.Randn() > 0 ? 1 : 0;
            return new PlanarData<double>(x, y, samples);
        }

        private struct RecordingObserver : ITrainingObserver
        {
            public double[] Costs;
            public int[] Iterations;
            public int Count;
            public bool Discard;

            public bool OnCost(int iteration, double cost)
            {
                if (Discard) return true;
                Costs[Count] = cost;
                Iterations[Count] = iteration;
                Count++;
                return true;
            }
        }
    }
}
