using System;

namespace PlanarGen
{
    /// <summary>
    /// The notebook's one-hidden-layer network in double precision, computed in NumPy's rounding order so that it
    /// reproduces the notebook (NumPy with reference BLAS and glibc maths) bit for bit on Linux. This is the oracle
    /// the fast generated networks are tested against, not a hot path: it allocates freely.
    /// </summary>
    /// <remarks>
    /// Rounding recipe: scaling by <c>1/m</c> is a multiplication by the rounded <c>1.0 / m</c>; matrix products add
    /// separately rounded products left to right over the inner index, starting from zero (reference BLAS);
    /// <c>np.sum</c> is <see cref="NumPy.PairwiseSum"/>; the tanh derivative is <c>1 - Math.Pow(A1, 2)</c>;
    /// <c>sigmoid(z) = 1 / (1 + exp(-z))</c>; updates are <c>p - learningRate * dp</c>.
    /// </remarks>
    public sealed class NotebookModel
    {
        /// <summary>Creates a model with all parameters zero.</summary>
        /// <param name="inputs">Input units (n_x), at least 1.</param>
        /// <param name="hidden">Hidden units (n_h), at least 1.</param>
        /// <param name="outputs">Output units (n_y), at least 1.</param>
        /// <param name="hiddenActivation">The hidden layer's activation; the notebook uses tanh.</param>
        /// <param name="leakySlope">The negative-side slope for <see cref="Activation.LeakyReLU"/>.</param>
        /// <exception cref="ArgumentOutOfRangeException">A size is below 1, the activation is unknown or the slope is not finite.</exception>
        public NotebookModel(int inputs, int hidden, int outputs, Activation hiddenActivation = Activation.Tanh, double leakySlope = 0.01)
        {
            RequirePositive(inputs, nameof(inputs));
            RequirePositive(hidden, nameof(hidden));
            RequirePositive(outputs, nameof(outputs));
            if (hiddenActivation != Activation.Tanh && hiddenActivation != Activation.Sigmoid
                && hiddenActivation != Activation.ReLU && hiddenActivation != Activation.LeakyReLU)
                throw new ArgumentOutOfRangeException(nameof(hiddenActivation), hiddenActivation,
                    $"Expected Tanh, Sigmoid, ReLU or LeakyReLU, but hiddenActivation is {(int)hiddenActivation}.");
            if (double.IsNaN(leakySlope) || double.IsInfinity(leakySlope))
                throw new ArgumentOutOfRangeException(nameof(leakySlope), leakySlope,
                    $"Expected a finite leaky slope, but leakySlope is {leakySlope}.");
            InputCount = inputs;
            HiddenCount = hidden;
            OutputCount = outputs;
            HiddenActivation = hiddenActivation;
            LeakySlope = leakySlope;
            W1 = new double[hidden * inputs];
            B1 = new double[hidden];
            W2 = new double[outputs * hidden];
            B2 = new double[outputs];
        }

        /// <summary>Input units (n_x).</summary>
        public int InputCount { get; }

        /// <summary>Hidden units (n_h).</summary>
        public int HiddenCount { get; }

        /// <summary>Output units (n_y).</summary>
        public int OutputCount { get; }

        /// <summary>The hidden layer's activation.</summary>
        public Activation HiddenActivation { get; }

        /// <summary>The negative-side slope used by <see cref="Activation.LeakyReLU"/>.</summary>
        public double LeakySlope { get; }

        /// <summary>Total parameters: W1, b1, W2, b2.</summary>
        public int ParameterCount => W1.Length + B1.Length + W2.Length + B2.Length;

        /// <summary>Hidden-layer weights, hidden x inputs, row-major.</summary>
        public double[] W1 { get; }

        /// <summary>Hidden-layer biases.</summary>
        public double[] B1 { get; }

        /// <summary>Output-layer weights, outputs x hidden, row-major.</summary>
        public double[] W2 { get; }

        /// <summary>Output-layer biases.</summary>
        public double[] B2 { get; }

        /// <summary>
        /// The notebook's <c>initialize_parameters</c> after its seeding: <c>W1 = randn(n_h, n_x) * scale</c>, then
        /// <c>W2 = randn(n_y, n_h) * scale</c>, biases zero. The caller seeds (the notebook calls <c>np.random.seed(2)</c>).
        /// </summary>
        /// <param name="random">The generator to draw from.</param>
        /// <param name="scale">The weight scale; the notebook's is 0.01.</param>
        public void Initialize(NumPyRandom random, double scale = 0.01)
        {
            if (random is null) throw new ArgumentNullException(nameof(random));
            random.Randn(W1);
            for (int i = 0; i < W1.Length; i++) W1[i] *= scale;
            Array.Clear(B1, 0, B1.Length);
            random.Randn(W2);
            for (int i = 0; i < W2.Length; i++) W2[i] *= scale;
            Array.Clear(B2, 0, B2.Length);
        }

        /// <summary>Sets every parameter to zero (the symmetric start that never breaks symmetry).</summary>
        public void InitializeZeros()
        {
            Array.Clear(W1, 0, W1.Length);
            Array.Clear(B1, 0, B1.Length);
            Array.Clear(W2, 0, W2.Length);
            Array.Clear(B2, 0, B2.Length);
        }

        /// <summary>Copies the parameters out in the notebook's order: W1 (row-major), b1, W2 (row-major), b2.</summary>
        /// <param name="destination">Exactly <see cref="ParameterCount"/> values.</param>
        /// <exception cref="ArgumentException">The length is not <see cref="ParameterCount"/>.</exception>
        public void CopyParametersTo(Span<double> destination)
        {
            RequireParameterLength(destination.Length, nameof(destination));
            int at = 0;
            foreach (double[] block in new[] { W1, B1, W2, B2 })
            {
                block.AsSpan().CopyTo(destination.Slice(at));
                at += block.Length;
            }
        }

        /// <summary>Loads the parameters in the notebook's order: W1 (row-major), b1, W2 (row-major), b2.</summary>
        /// <param name="source">Exactly <see cref="ParameterCount"/> values.</param>
        /// <exception cref="ArgumentException">The length is not <see cref="ParameterCount"/>.</exception>
        public void LoadParameters(ReadOnlySpan<double> source)
        {
            RequireParameterLength(source.Length, nameof(source));
            int at = 0;
            foreach (double[] block in new[] { W1, B1, W2, B2 })
            {
                source.Slice(at, block.Length).CopyTo(block);
                at += block.Length;
            }
        }

        /// <summary>The notebook's <c>forward_propagation</c> over a whole data set.</summary>
        /// <param name="data">The data set; its feature count must be <see cref="InputCount"/>.</param>
        /// <returns>The cache Z1, A1, Z2, A2.</returns>
        public NotebookForward Forward(PlanarData<double> data)
        {
            if (data is null) throw new ArgumentNullException(nameof(data));
            return Forward(data.X, data.SampleCount);
        }

        /// <summary>The notebook's <c>forward_propagation</c>: <c>Z1 = W1 X + b1</c>, <c>A1 = g(Z1)</c>,
        /// <c>Z2 = W2 A1 + b2</c>, <c>A2 = sigmoid(Z2)</c>.</summary>
        /// <param name="x">Inputs x samples, row-major.</param>
        /// <param name="sampleCount">Number of samples (columns), at least 1.</param>
        /// <returns>The cache Z1, A1, Z2, A2.</returns>
        /// <exception cref="ArgumentException"><paramref name="x"/> is not <see cref="InputCount"/> x <paramref name="sampleCount"/>.</exception>
        public NotebookForward Forward(ReadOnlySpan<double> x, int sampleCount)
        {
            RequireShape(x.Length, InputCount, sampleCount, nameof(x), "inputs");
            int m = sampleCount;
            var z1 = new double[HiddenCount * m];
            var a1 = new double[HiddenCount * m];
            var z2 = new double[OutputCount * m];
            var a2 = new double[OutputCount * m];
            MatMulAddBias(W1, HiddenCount, InputCount, x, m, B1, z1);
            for (int i = 0; i < z1.Length; i++) a1[i] = Activate(z1[i]);
            MatMulAddBias(W2, OutputCount, HiddenCount, a1, m, B2, z2);
            for (int i = 0; i < z2.Length; i++) a2[i] = Sigmoid(z2[i]);
            return new NotebookForward(z1, a1, z2, a2, m);
        }

        /// <summary>The notebook's <c>compute_cost</c> for the current parameters on a data set.</summary>
        /// <param name="data">The labelled data set.</param>
        /// <returns>The cross-entropy cost.</returns>
        public double Cost(PlanarData<double> data)
        {
            RequireData(data);
            return Cost(Forward(data).A2, data.Y, data.SampleCount);
        }

        /// <summary>
        /// The notebook's <c>compute_cost</c>: <c>logprobs = log(A2) * Y + (1 - Y) * log(1 - A2)</c>,
        /// <c>cost = -(1/m) * np.sum(logprobs)</c> (pairwise sum over all outputs x samples, m = samples).
        /// </summary>
        /// <param name="a2">Output probabilities, outputs x samples.</param>
        /// <param name="y">Labels, outputs x samples.</param>
        /// <param name="sampleCount">Number of samples (columns), at least 1.</param>
        /// <returns>The cross-entropy cost.</returns>
        /// <exception cref="ArgumentException">The lengths differ or are not a positive multiple of <paramref name="sampleCount"/>.</exception>
        public static double Cost(ReadOnlySpan<double> a2, ReadOnlySpan<double> y, int sampleCount)
        {
            if (sampleCount < 1)
                throw new ArgumentOutOfRangeException(nameof(sampleCount), sampleCount,
                    $"Expected at least 1 sample, but sampleCount is {sampleCount}.");
            if (a2.Length == 0 || a2.Length % sampleCount != 0 || y.Length != a2.Length)
                throw new ArgumentException(
                    $"Expected a2 and y to hold the same positive multiple of {sampleCount} values, but they hold {a2.Length} and {y.Length}.",
                    nameof(y));
            var logprobs = new double[a2.Length];
            for (int i = 0; i < logprobs.Length; i++)
                logprobs[i] = Math.Log(a2[i]) * y[i] + (1 - y[i]) * Math.Log(1 - a2[i]);
            double invM = 1.0 / sampleCount;
            return -(invM * NumPy.PairwiseSum(logprobs));
        }

        /// <summary>
        /// The notebook's <c>backward_propagation</c>: <c>dZ2 = A2 - Y</c>, <c>dW2 = (1/m) dZ2 A1ᵀ</c>,
        /// <c>db2 = (1/m) sum(dZ2)</c>, <c>dZ1 = (W2ᵀ dZ2) * g'(Z1)</c>, <c>dW1 = (1/m) dZ1 Xᵀ</c>, <c>db1 = (1/m) sum(dZ1)</c>.
        /// </summary>
        /// <param name="cache">The forward cache (A1 and A2 are used, and Z1 for ReLU derivatives).</param>
        /// <param name="x">Inputs x samples, row-major.</param>
        /// <param name="y">Labels, outputs x samples, row-major.</param>
        /// <returns>The gradients.</returns>
        /// <exception cref="ArgumentException">A shape does not match the model or the cache.</exception>
        public NotebookGradients Backward(NotebookForward cache, ReadOnlySpan<double> x, ReadOnlySpan<double> y)
        {
            if (cache is null) throw new ArgumentNullException(nameof(cache));
            int m = cache.SampleCount;
            RequireShape(x.Length, InputCount, m, nameof(x), "inputs");
            RequireShape(y.Length, OutputCount, m, nameof(y), "outputs");
            RequireShape(cache.A1.Length, HiddenCount, m, nameof(cache) + ".A1", "hidden");
            RequireShape(cache.A2.Length, OutputCount, m, nameof(cache) + ".A2", "outputs");
            double invM = 1.0 / m;
            double[] a1 = cache.A1, z1 = cache.Z1, a2 = cache.A2;

            var dz2 = new double[OutputCount * m];
            for (int i = 0; i < dz2.Length; i++) dz2[i] = a2[i] - y[i];

            // dW2 = (1/m) * dot(dZ2, A1.T)
            var dW2 = new double[OutputCount * HiddenCount];
            for (int o = 0; o < OutputCount; o++)
            {
                for (int h = 0; h < HiddenCount; h++)
                {
                    double s = 0.0;
                    for (int i = 0; i < m; i++) s += dz2[o * m + i] * a1[h * m + i];
                    dW2[o * HiddenCount + h] = invM * s;
                }
            }

            var db2 = new double[OutputCount];
            for (int o = 0; o < OutputCount; o++) db2[o] = invM * NumPy.PairwiseSum(dz2.AsSpan(o * m, m));

            // dZ1 = dot(W2.T, dZ2) * g'(Z1)
            var dz1 = new double[HiddenCount * m];
            for (int h = 0; h < HiddenCount; h++)
            {
                for (int i = 0; i < m; i++)
                {
                    double s = 0.0;
                    for (int o = 0; o < OutputCount; o++) s += W2[o * HiddenCount + h] * dz2[o * m + i];
                    int k = h * m + i;
                    dz1[k] = s * Derivative(z1[k], a1[k]);
                }
            }

            // dW1 = (1/m) * dot(dZ1, X.T)
            var dW1 = new double[HiddenCount * InputCount];
            for (int h = 0; h < HiddenCount; h++)
            {
                for (int j = 0; j < InputCount; j++)
                {
                    double s = 0.0;
                    for (int i = 0; i < m; i++) s += dz1[h * m + i] * x[j * m + i];
                    dW1[h * InputCount + j] = invM * s;
                }
            }

            var db1 = new double[HiddenCount];
            for (int h = 0; h < HiddenCount; h++) db1[h] = invM * NumPy.PairwiseSum(dz1.AsSpan(h * m, m));

            return new NotebookGradients(dW1, db1, dW2, db2);
        }

        /// <summary>The notebook's <c>update_parameters</c>: <c>p = p - learningRate * dp</c> for W1, b1, W2, b2.</summary>
        /// <param name="gradients">Gradients shaped like the parameters.</param>
        /// <param name="learningRate">The step size; finite and above 0.</param>
        /// <exception cref="ArgumentException">A gradient has the wrong length.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The learning rate is not finite and positive.</exception>
        public void Update(NotebookGradients gradients, double learningRate)
        {
            if (gradients is null) throw new ArgumentNullException(nameof(gradients));
            RequireLearningRate(learningRate);
            UpdateBlock(W1, gradients.DW1, "dW1");
            UpdateBlock(B1, gradients.DB1, "db1");
            UpdateBlock(W2, gradients.DW2, "dW2");
            UpdateBlock(B2, gradients.DB2, "db2");

            void UpdateBlock(double[] p, double[] d, string name)
            {
                if (d.Length != p.Length)
                    throw new ArgumentException(
                        $"Expected {name} to hold {p.Length} values, but it holds {d.Length}.", nameof(gradients));
                for (int i = 0; i < p.Length; i++) p[i] = p[i] - learningRate * d[i];
            }
        }

        /// <summary>One iteration of the notebook's loop: forward, cost, backward, update.</summary>
        /// <param name="data">The labelled training set.</param>
        /// <param name="learningRate">The step size; finite and above 0.</param>
        /// <returns>The cost computed before the update.</returns>
        public double TrainStep(PlanarData<double> data, double learningRate)
        {
            RequireData(data);
            RequireLearningRate(learningRate);
            NotebookForward cache = Forward(data.X, data.SampleCount);
            double cost = Cost(cache.A2, data.Y, data.SampleCount);
            Update(Backward(cache, data.X, data.Y), learningRate);
            return cost;
        }

        /// <summary>The notebook's <c>predict</c>: <c>A2 &gt; 0.5</c>.</summary>
        /// <param name="x">Inputs x samples, row-major.</param>
        /// <param name="sampleCount">Number of samples (columns), at least 1.</param>
        /// <returns>Outputs x samples, row-major.</returns>
        public bool[] Predict(ReadOnlySpan<double> x, int sampleCount)
        {
            double[] a2 = Forward(x, sampleCount).A2;
            var predictions = new bool[a2.Length];
            for (int i = 0; i < a2.Length; i++) predictions[i] = a2[i] > 0.5;
            return predictions;
        }

        /// <summary>
        /// The notebook's accuracy as a fraction in [0, 1]: <c>(Y pᵀ + (1 - Y)(1 - p)ᵀ) / Y.size</c>, i.e. the
        /// number of correct predictions over all outputs and samples divided by their count.
        /// </summary>
        /// <param name="data">The labelled data set.</param>
        /// <returns>The fraction of correct predictions (0.905 for the notebook's flower run).</returns>
        public double Accuracy(PlanarData<double> data)
        {
            RequireData(data);
            bool[] p = Predict(data.X, data.SampleCount);
            long correct = 0;
            for (int i = 0; i < p.Length; i++)
            {
                double y = data.Y[i];
                correct += p[i] ? (long)y : (long)(1 - y);
            }

            return correct / (double)data.Y.Length;
        }

        /// <summary>
        /// The notebook's <c>nn_model</c>: <c>np.random.seed(3)</c>, then <c>initialize_parameters</c> (which seeds 2),
        /// then <paramref name="iterations"/> gradient-descent steps, recording every cost. Stops at the first
        /// non-finite cost without applying that iteration's update.
        /// </summary>
        /// <param name="data">The labelled training set (its feature and output counts set n_x and n_y).</param>
        /// <param name="hidden">Hidden units (n_h), at least 1.</param>
        /// <param name="iterations">Iterations, 0 or more; the notebook uses 10,000.</param>
        /// <param name="learningRate">The step size; finite and above 0; the notebook uses 1.2.</param>
        /// <param name="hiddenActivation">The hidden activation; the notebook uses tanh.</param>
        /// <param name="leakySlope">The negative-side slope for <see cref="Activation.LeakyReLU"/>.</param>
        /// <returns>The trained model and the cost of every iteration.</returns>
        public static NotebookRun NnModel(PlanarData<double> data, int hidden, int iterations = 10000, double learningRate = 1.2,
            Activation hiddenActivation = Activation.Tanh, double leakySlope = 0.01)
        {
            RequireLabelled(data);
            if (iterations < 0)
                throw new ArgumentOutOfRangeException(nameof(iterations), iterations,
                    $"Expected iterations >= 0, but iterations is {iterations}.");
            RequireLearningRate(learningRate);
            var model = new NotebookModel(data.FeatureCount, hidden, data.OutputCount, hiddenActivation, leakySlope);
            var random = new NumPyRandom(3);
            random.Seed(2);
            model.Initialize(random);
            var costs = new double[iterations];
            for (int i = 0; i < iterations; i++)
            {
                NotebookForward cache = model.Forward(data.X, data.SampleCount);
                double cost = Cost(cache.A2, data.Y, data.SampleCount);
                costs[i] = cost;
                if (double.IsNaN(cost) || double.IsInfinity(cost))
                {
                    Array.Resize(ref costs, i + 1);
                    return new NotebookRun(model, costs, i);
                }

                model.Update(model.Backward(cache, data.X, data.Y), learningRate);
            }

            return new NotebookRun(model, costs, -1);
        }

        /// <summary><c>1 / (1 + np.exp(-z))</c>.</summary>
        internal static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

        private double Activate(double z)
        {
            switch (HiddenActivation)
            {
                case Activation.Tanh: return Math.Tanh(z);
                case Activation.Sigmoid: return Sigmoid(z);
                case Activation.ReLU: return z > 0 || double.IsNaN(z) ? z : 0.0; // np.maximum(0, z) propagates NaN
                default: return z > 0 ? z : LeakySlope * z; // np.where(z > 0, z, slope * z)
            }
        }

        private double Derivative(double z, double a)
        {
            switch (HiddenActivation)
            {
                case Activation.Tanh: return 1 - Math.Pow(a, 2);
                case Activation.Sigmoid: return a * (1 - a);
                case Activation.ReLU: return z > 0 ? 1.0 : 0.0;
                default: return z > 0 ? 1.0 : LeakySlope;
            }
        }

        /// <summary>out[r, i] = (sum over k, left to right from 0, of w[r, k] * input[k, i]) + bias[r].</summary>
        private static void MatMulAddBias(double[] w, int rows, int inner, ReadOnlySpan<double> input, int m, double[] bias, double[] output)
        {
            for (int r = 0; r < rows; r++)
            {
                for (int i = 0; i < m; i++)
                {
                    double s = 0.0;
                    for (int k = 0; k < inner; k++) s += w[r * inner + k] * input[k * m + i];
                    output[r * m + i] = s + bias[r];
                }
            }
        }

        private void RequireParameterLength(int length, string argument)
        {
            if (length != ParameterCount)
                throw new ArgumentException(
                    $"Expected {ParameterCount} parameters (W1 {HiddenCount}x{InputCount}, b1 {HiddenCount}, W2 {OutputCount}x{HiddenCount}, b2 {OutputCount}), but {argument} has {length}.",
                    argument);
        }

        private void RequireData(PlanarData<double> data)
        {
            if (data is null) throw new ArgumentNullException(nameof(data));
            if (data.FeatureCount != InputCount)
                throw new ArgumentException(
                    $"Expected {InputCount} features, but the data set has {data.FeatureCount}.", nameof(data));
            if (data.OutputCount != OutputCount)
                throw new ArgumentException(
                    $"Expected {OutputCount} label rows, but the data set has {data.OutputCount}.", nameof(data));
        }

        private static void RequireLabelled(PlanarData<double> data)
        {
            if (data is null) throw new ArgumentNullException(nameof(data));
            if (data.OutputCount < 1)
                throw new ArgumentException("Expected a labelled data set, but it has no label rows.", nameof(data));
        }

        private static void RequireShape(int length, int rows, int sampleCount, string argument, string rowName)
        {
            if (sampleCount < 1)
                throw new ArgumentOutOfRangeException(nameof(sampleCount), sampleCount,
                    $"Expected at least 1 sample, but sampleCount is {sampleCount}.");
            if (length != rows * sampleCount)
                throw new ArgumentException(
                    $"Expected {argument} to hold {rows} {rowName} x {sampleCount} samples = {rows * sampleCount} values, but it holds {length}.",
                    argument);
        }

        private static void RequireLearningRate(double learningRate)
        {
            if (!(learningRate > 0) || double.IsInfinity(learningRate))
                throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate,
                    $"Expected a finite learning rate above 0, but learningRate is {learningRate}.");
        }

        private static void RequirePositive(int value, string argument)
        {
            if (value < 1)
                throw new ArgumentOutOfRangeException(argument, value, $"Expected {argument} >= 1, but it is {value}.");
        }
    }
}
