using System;
using System.Globalization;

namespace PlanarGen
{
    /// <summary>
    /// Binary logistic regression, the notebook's linear baseline: <c>p = sigmoid(w · x + b)</c> for any number of
    /// features and one output, trained by full-batch gradient descent on the cross-entropy with optional L2
    /// regularisation of the weights (not the bias), scikit-learn style: <see cref="C"/> is the inverse strength.
    /// </summary>
    /// <remarks>
    /// <para>The objective over m samples is
    /// <c>J(w, b) = (1/m) Σ [softplus(z_i) - y_i z_i] + ‖w‖² / (2 C m)</c> with <c>z_i = w · x_i + b</c>.
    /// That is scikit-learn's <c>0.5 ‖w‖² + C Σ loss_i</c> divided by <c>C m</c>, so both have the same minimiser for
    /// the same C; <c>C = +∞</c> is unregularised.</para>
    /// <para>Construction allocates the weights and a gradient buffer; <see cref="Train(DataSet{double}, TrainingOptions)"/>,
    /// <see cref="TrainStep"/>, <see cref="PredictBatch"/>, <see cref="Cost"/> and <see cref="Accuracy"/> allocate
    /// nothing afterwards. An instance is not thread-safe while training.</para>
    /// <para>The model and its gradient-descent training live here; <see cref="Fit"/> (a Newton solver) in
    /// LogisticRegression.Solver.cs; the scikit-learn cross-validation in LogisticRegression.CrossValidation.cs.</para>
    /// </remarks>
    public sealed partial class LogisticRegression
    {
        private const string Name = "LogisticRegression";
        private readonly double[] _weights;
        private readonly double[] _gradient;

        /// <summary>Creates a model with zero weights and bias.</summary>
        /// <param name="featureCount">Number of features, at least 1.</param>
        /// <param name="c">Inverse L2 strength, positive; <see cref="double.PositiveInfinity"/> (the default) means no
        /// regularisation.</param>
        /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
        public LogisticRegression(int featureCount, double c = double.PositiveInfinity)
        {
            if (featureCount < 1)
                throw new ArgumentOutOfRangeException(nameof(featureCount), featureCount,
                    $"Expected at least 1 feature, but featureCount is {featureCount}.");
            if (!(c > 0))
                throw new ArgumentOutOfRangeException(nameof(c), c,
                    $"Expected a positive C (inverse regularisation strength; +Infinity for none), but got {Format(c)}.");
            FeatureCount = featureCount;
            C = c;
            _weights = new double[featureCount];
            _gradient = new double[featureCount + 1];
        }

        /// <summary>Number of features.</summary>
        public int FeatureCount { get; }

        /// <summary>Inverse L2 regularisation strength (scikit-learn's <c>C</c>); +∞ means none.</summary>
        public double C { get; }

        /// <summary>The weights, one per feature; writable.</summary>
        public double[] Weights => _weights;

        /// <summary>The bias (intercept).</summary>
        public double Bias { get; set; }

        /// <summary>The probability of label 1 for one sample: <c>sigmoid(w · x + b)</c>.</summary>
        /// <param name="input">The sample's features, <see cref="FeatureCount"/> values.</param>
        /// <exception cref="ArgumentException">The length is not <see cref="FeatureCount"/>.</exception>
        public double PredictProbability(ReadOnlySpan<double> input)
        {
            NetworkValidation.RequireLength(input.Length, FeatureCount, nameof(input), "one per feature");
            double z = Bias;
            for (int j = 0; j < _weights.Length; j++) z += _weights[j] * input[j];
            return Sigmoid(z);
        }

        /// <summary>The probability of label 1 for every sample of a data set (labels, if any, are ignored).</summary>
        /// <param name="data">The samples; <see cref="FeatureCount"/> features.</param>
        /// <param name="probabilities">One value per sample; must not overlap the features, unless it is exactly the same memory.</param>
        /// <exception cref="ArgumentException">A shape does not match, or <paramref name="probabilities"/> partly overlaps the features.</exception>
        public void PredictBatch(DataSet<double> data, Span<double> probabilities)
        {
            RequireData(data, needsLabels: false);
            NetworkValidation.RequireLength(probabilities.Length, data.SampleCount, nameof(probabilities), "one per sample");
            NetworkValidation.RequireSeparate(data.X, probabilities, "data.X", nameof(probabilities));
            int m = data.SampleCount;
            ReadOnlySpan<double> x = data.X;
            probabilities.Fill(Bias);
            for (int j = 0; j < _weights.Length; j++)
            {
                double w = _weights[j];
                ReadOnlySpan<double> row = x.Slice(j * m, m);
                for (int i = 0; i < m; i++) probabilities[i] += w * row[i];
            }

            for (int i = 0; i < m; i++) probabilities[i] = Sigmoid(probabilities[i]);
        }

        /// <summary>Fraction of samples predicted correctly, predicting 1 when the probability is above 0.5
        /// (scikit-learn's <c>decision_function &gt; 0</c>).</summary>
        /// <param name="data">A labelled data set with <see cref="FeatureCount"/> features and one label row.</param>
        /// <returns>A fraction in [0, 1].</returns>
        /// <exception cref="ArgumentException">A shape does not match or the set has no labels.</exception>
        public double Accuracy(DataSet<double> data)
        {
            RequireData(data, needsLabels: true);
            int m = data.SampleCount;
            ReadOnlySpan<double> y = data.Y;
            int correct = 0;
            for (int i = 0; i < m; i++)
            {
                bool one = Z(data.X, m, i) > 0;
                if (one == (y[i] == 1.0)) correct++;
            }

            return correct / (double)m;
        }

        /// <summary>The regularised objective <c>J(w, b)</c> (see the remarks on the type).</summary>
        /// <param name="data">A labelled data set with <see cref="FeatureCount"/> features and one label row.</param>
        /// <returns>The mean cross-entropy plus the L2 term.</returns>
        public double Cost(DataSet<double> data)
        {
            RequireData(data, needsLabels: true);
            return CostUnchecked(data.X, data.Y, data.SampleCount);
        }

        /// <summary>The gradient of <see cref="Cost"/>: the weights' partial derivatives, then the bias's.</summary>
        /// <param name="data">A labelled data set with <see cref="FeatureCount"/> features and one label row.</param>
        /// <param name="gradient"><see cref="FeatureCount"/> + 1 values, not overlapping the data.</param>
        public void Gradient(DataSet<double> data, Span<double> gradient)
        {
            RequireData(data, needsLabels: true);
            NetworkValidation.RequireLength(gradient.Length, FeatureCount + 1, nameof(gradient), "the weights, then the bias");
            NetworkValidation.RequireDisjoint(data.X, gradient, "data.X", nameof(gradient));
            NetworkValidation.RequireDisjoint(data.Y, gradient, "data.Y", nameof(gradient));
            GradientUnchecked(data.X, data.Y, data.SampleCount, gradient);
        }

        /// <summary>One full-batch gradient-descent step on <see cref="Cost"/>.</summary>
        /// <param name="data">A labelled data set with <see cref="FeatureCount"/> features and one label row.</param>
        /// <param name="learningRate">Finite and positive.</param>
        /// <returns>The cost before the update.</returns>
        /// <exception cref="TrainingDivergedException">The cost, the gradient or an updated parameter is not finite;
        /// the parameters are unchanged.</exception>
        public double TrainStep(DataSet<double> data, double learningRate)
        {
            RequireData(data, needsLabels: true);
            NetworkValidation.RequireLearningRate(learningRate);
            double cost = CostUnchecked(data.X, data.Y, data.SampleCount);
            if (!IsFinite(cost)) throw NetworkValidation.Diverged(Name, cost);
            GradientUnchecked(data.X, data.Y, data.SampleCount, _gradient);
            if (!TryUpdate(learningRate)) throw NetworkValidation.Diverged(Name, cost);
            return cost;
        }

        /// <summary>Full-batch gradient descent on <see cref="Cost"/>; stops early when it diverges.</summary>
        /// <param name="data">A labelled data set with <see cref="FeatureCount"/> features and one label row.</param>
        /// <param name="options">Iterations, learning rate and report interval.</param>
        /// <returns>What was done; on divergence the parameters are those from before the failing iteration.</returns>
        public TrainingResult Train(DataSet<double> data, TrainingOptions options)
        {
            var observer = new NoTrainingObserver();
            return Train(data, options, ref observer);
        }

        /// <summary>Full-batch gradient descent on <see cref="Cost"/>, reporting the cost to a struct observer at
        /// every multiple of <see cref="TrainingOptions.ReportEvery"/>; stops early when it diverges.</summary>
        /// <typeparam name="TObserver">A struct observer (no allocation, no boxing).</typeparam>
        /// <param name="data">A labelled data set with <see cref="FeatureCount"/> features and one label row.</param>
        /// <param name="options">Iterations, learning rate and report interval.</param>
        /// <param name="observer">Receives the costs.</param>
        /// <returns>What was done; on divergence the parameters are those from before the failing iteration.</returns>
        public TrainingResult Train<TObserver>(DataSet<double> data, TrainingOptions options, ref TObserver observer)
            where TObserver : struct, ITrainingObserver
        {
            options.Validate();
            RequireData(data, needsLabels: true);
            ReadOnlySpan<double> x = data.X, y = data.Y;
            int m = data.SampleCount;
            double lr = options.LearningRate;
            int lastCostIteration = -1;
            double lastCost = double.NaN;
            for (int it = 0; it < options.Iterations; it++)
            {
                bool stop = false;
                if (options.Reports(it))
                {
                    double cost = CostUnchecked(x, y, m);
                    if (!IsFinite(cost)) return new TrainingResult(it, lastCostIteration, lastCost, it);
                    lastCost = cost;
                    lastCostIteration = it;
                    stop = !observer.OnCost(it, cost);
                }

                GradientUnchecked(x, y, m, _gradient);
                if (!TryUpdate(lr)) return new TrainingResult(it, lastCostIteration, lastCost, it);
                if (stop) return new TrainingResult(it + 1, lastCostIteration, lastCost, -1, stoppedByObserver: true, outOfTime: false);
            }

            return new TrainingResult(options.Iterations, lastCostIteration, lastCost, -1);
        }

        private double Z(ReadOnlySpan<double> x, int m, int i)
        {
            double z = Bias;
            for (int j = 0; j < _weights.Length; j++) z += _weights[j] * x[j * m + i];
            return z;
        }

        private double CostUnchecked(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int m)
        {
            double sum = 0;
            for (int i = 0; i < m; i++)
            {
                double z = Z(x, m, i);
                // -[y log σ(z) + (1 - y) log(1 - σ(z))] = softplus(z) - y z, computed without overflow.
                sum += Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))) - y[i] * z;
            }

            double cost = sum / m;
            if (!double.IsPositiveInfinity(C))
            {
                double squares = 0;
                for (int j = 0; j < _weights.Length; j++) squares += _weights[j] * _weights[j];
                cost += squares / (2 * C * m);
            }

            return cost;
        }

        private void GradientUnchecked(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int m, Span<double> gradient)
        {
            int n = _weights.Length;
            gradient.Clear();
            for (int i = 0; i < m; i++)
            {
                double dz = Sigmoid(Z(x, m, i)) - y[i];
                for (int j = 0; j < n; j++) gradient[j] += dz * x[j * m + i];
                gradient[n] += dz;
            }

            double invM = 1.0 / m;
            double ridge = double.IsPositiveInfinity(C) ? 0.0 : 1.0 / (C * m);
            for (int j = 0; j < n; j++) gradient[j] = gradient[j] * invM + ridge * _weights[j];
            gradient[n] *= invM;
        }

        private bool TryUpdate(double learningRate)
        {
            int n = _weights.Length;
            for (int j = 0; j < n; j++)
                if (!IsFinite(_gradient[j]) || !IsFinite(_weights[j] - learningRate * _gradient[j])) return false;
            if (!IsFinite(_gradient[n]) || !IsFinite(Bias - learningRate * _gradient[n])) return false;
            for (int j = 0; j < n; j++) _weights[j] -= learningRate * _gradient[j];
            Bias -= learningRate * _gradient[n];
            return true;
        }

        private void RequireData(DataSet<double> data, bool needsLabels) =>
            NetworkValidation.RequireShape(data.FeatureCount, data.OutputCount, FeatureCount, 1, needsLabels, Name);

        private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

        private static bool IsFinite(double v) => !double.IsNaN(v) && !double.IsInfinity(v);

        private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    }
}
