using System;

namespace PlanarGen
{
    /// <summary>The notebook's baseline choice of C: scikit-learn's <c>LogisticRegressionCV</c> with stratified folds.</summary>
    public sealed partial class LogisticRegression
    {
        /// <summary>
        /// The scikit-learn <c>C</c> grid of <c>LogisticRegressionCV(Cs=10)</c>: <c>np.logspace(-4, 4, 10)</c>, i.e.
        /// <c>10^(-4 + 8 k / 9)</c> for k = 0..9.
        /// </summary>
        /// <returns>A new array of 10 values, ascending.</returns>
        public static double[] ScikitLearnCs()
        {
            double[] exponents = NumPy.Linspace(-4, 4, 10);
            var cs = new double[exponents.Length];
            for (int i = 0; i < cs.Length; i++) cs[i] = Math.Pow(10, exponents[i]);
            return cs;
        }

        /// <summary>
        /// The notebook's baseline, <c>sklearn.linear_model.LogisticRegressionCV().fit(X.T, Y.T)</c>, reproduced:
        /// for each C of <see cref="ScikitLearnCs"/>, 5-fold stratified cross-validation without shuffling
        /// (scikit-learn's <c>StratifiedKFold(5)</c> fold assignment), each fold fitted to convergence
        /// (<see cref="Fit"/>) and scored by accuracy on its held-out fold; the C with the highest summed fold
        /// accuracy (the first on ties) is refitted on all the data.
        /// </summary>
        /// <remarks>
        /// scikit-learn minimises <c>0.5 ‖w‖² + C Σ loss_i</c> with lbfgs (tolerance 1e-4, at most 100 iterations,
        /// warm-started along the C path); this minimises the same objective (scaled by <c>1/(C m)</c>, see
        /// <see cref="Cost"/>) to convergence with Newton's method. Both land on the same optimum up to lbfgs's
        /// tolerance, so folds, scores, the chosen C and the refit agree unless a prediction sits within that
        /// tolerance of the boundary. On the flower this gives 47 % training accuracy, as the notebook prints; see
        /// docs/logistic-regression.md.
        /// </remarks>
        /// <param name="data">A labelled data set with one label row and at least 5 samples of each class.</param>
        /// <returns>The refitted model; its <see cref="C"/> is the chosen value.</returns>
        /// <exception cref="ArgumentException">The set is unlabelled, has several label rows, or a class has fewer
        /// than 5 samples.</exception>
        public static LogisticRegression FitLikeScikitLearn(PlanarData<double> data)
        {
            if (data is null) throw new ArgumentNullException(nameof(data));
            return FitLikeScikitLearn(data, out _);
        }

        /// <summary><see cref="FitLikeScikitLearn(PlanarData{double})"/>, also returning the summed fold accuracies per C.</summary>
        internal static LogisticRegression FitLikeScikitLearn(PlanarData<double> data, out double[] scores)
        {
            const int folds = 5;
            DataSet<double> all = data.AsDataSet();
            if (all.OutputCount != 1)
                throw new ArgumentException($"Expected one label row for {Name}, but the data set has {all.OutputCount}.", nameof(data));
            int m = data.SampleCount, n = data.FeatureCount;
            int[] fold = StratifiedFolds(data.Y, folds);
            double[] cs = ScikitLearnCs();
            scores = new double[cs.Length];
            for (int f = 0; f < folds; f++)
            {
                int testCount = 0;
                for (int i = 0; i < m; i++) if (fold[i] == f) testCount++;
                int trainCount = m - testCount;
                var trainX = new double[n * trainCount];
                var trainY = new double[trainCount];
                var testX = new double[n * testCount];
                var testY = new double[testCount];
                int tr = 0, te = 0;
                for (int i = 0; i < m; i++)
                {
                    bool test = fold[i] == f;
                    for (int j = 0; j < n; j++)
                    {
                        if (test) testX[j * testCount + te] = data.X[j * m + i];
                        else trainX[j * trainCount + tr] = data.X[j * m + i];
                    }

                    if (test) testY[te++] = data.Y[i];
                    else trainY[tr++] = data.Y[i];
                }

                var train = new DataSet<double>(trainX, trainY, trainCount);
                var held = new DataSet<double>(testX, testY, testCount);
                for (int k = 0; k < cs.Length; k++) scores[k] += Fit(train, cs[k]).Accuracy(held);
            }

            int best = 0;
            for (int k = 1; k < cs.Length; k++) if (scores[k] > scores[best]) best = k;
            return Fit(all, cs[best]);
        }

        /// <summary>
        /// scikit-learn's <c>StratifiedKFold(n_splits, shuffle=False)</c> test-fold index of each sample: the labels
        /// sorted, dealt round-robin to the folds to count each class per fold, then each class's samples, in their
        /// original order, filled fold by fold.
        /// </summary>
        internal static int[] StratifiedFolds(ReadOnlySpan<double> labels, int folds)
        {
            int m = labels.Length;
            int ones = 0;
            for (int i = 0; i < m; i++) if (labels[i] == 1.0) ones++;
            int zeros = m - ones;
            if (zeros < folds || ones < folds)
                throw new ArgumentException(
                    $"Expected at least {folds} samples of each class for {folds}-fold cross-validation, but there are {zeros} of label 0 and {ones} of label 1.",
                    "data");
            // Sorted labels are zeros then ones; fold f takes sorted positions f, f + folds, ...
            var perFold = new int[folds, 2];
            for (int s = 0; s < m; s++) perFold[s % folds, s < zeros ? 0 : 1]++;
            var result = new int[m];
            var nextFold = new int[2];
            var usedInFold = new int[2];
            for (int i = 0; i < m; i++)
            {
                int k = labels[i] == 1.0 ? 1 : 0;
                while (usedInFold[k] == perFold[nextFold[k], k])
                {
                    nextFold[k]++;
                    usedInFold[k] = 0;
                }

                result[i] = nextFold[k];
                usedInFold[k]++;
            }

            return result;
        }
    }
}
