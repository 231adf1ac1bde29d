using System;
using System.Globalization;

namespace PlanarGen
{
    /// <summary>How <c>Train</c> and <c>TrainFor</c> run: iterations, learning rate, reporting, and (init-only properties) the
    /// optimizer and mini-batches (docs/training.md).</summary>
    /// <remarks><c>default(TrainingOptions)</c> bypasses the constructor: it means 0 iterations, learning rate 0 (rejected by
    /// <see cref="Validate"/>), plain full-batch gradient descent, and the documented defaults for <see cref="Momentum"/>,
    /// <see cref="Beta1"/>, <see cref="Beta2"/>, <see cref="Epsilon"/> and <see cref="Threads"/> (a value never set reads as its default).</remarks>
    public readonly struct TrainingOptions
    {
        /// <summary>The default of <see cref="Momentum"/>, as PyTorch examples use.</summary>
        public const double DefaultMomentum = 0.9;

        /// <summary>The default of <see cref="Beta1"/>, as <c>torch.optim.Adam</c>.</summary>
        public const double DefaultBeta1 = 0.9;

        /// <summary>The default of <see cref="Beta2"/>, as <c>torch.optim.Adam</c>.</summary>
        public const double DefaultBeta2 = 0.999;

        /// <summary>The default of <see cref="Epsilon"/>, as <c>torch.optim.Adam</c>.</summary>
        public const double DefaultEpsilon = 1e-8;

        /// <summary>The most <see cref="Threads"/> accepted (far above any useful split of one batch).</summary>
        public const int MaxThreads = 64;

        // A hyper-parameter is stored with a flag saying it was set, so that default(TrainingOptions) reads the documented
        // defaults and an explicit value (even 0) is kept exactly.
        private readonly double _momentum, _beta1, _beta2, _epsilon;
        private readonly bool _momentumSet, _beta1Set, _beta2Set, _epsilonSet;
        private readonly int _threads;
        private readonly bool _threadsSet;

        /// <summary>Creates options; throws if a value is out of range.</summary>
        /// <param name="iterations">Number of gradient-descent iterations, at least 0 (the notebook: 10,000).</param>
        /// <param name="learningRate">Step size, finite and positive (the notebook: 1.2).</param>
        /// <param name="reportEvery">Compute and report the cost at every iteration that is a multiple of this
        /// (iteration 0 included, as the notebook prints); 0 never computes the cost.</param>
        public TrainingOptions(int iterations, double learningRate, int reportEvery = 0)
        {
            Iterations = iterations;
            LearningRate = learningRate;
            ReportEvery = reportEvery;
            Validate();
        }

        /// <summary>The notebook's <c>nn_model</c> settings: 10,000 iterations, learning rate 1.2, cost every 1,000.</summary>
        public static TrainingOptions Notebook => new TrainingOptions(10_000, 1.2, 1_000);

        /// <summary>Number of gradient-descent iterations.</summary>
        public int Iterations { get; init; }

        /// <summary>Step size of each update.</summary>
        public double LearningRate { get; init; }

        /// <summary>Report interval in iterations; 0 never computes the cost.</summary>
        public int ReportEvery { get; init; }

        /// <summary>The update rule (default <see cref="PlanarGen.Optimizer.GradientDescent"/>). Momentum and Adam keep state in the
        /// network across calls; changing the optimizer or one of its hyper-parameters between calls resets that state.</summary>
        public Optimizer Optimizer { get; init; }

        /// <summary>Momentum factor mu of <see cref="PlanarGen.Optimizer.Momentum"/>, in [0, 1); default 0.9.</summary>
        public double Momentum { get => _momentumSet ? _momentum : DefaultMomentum; init => (_momentum, _momentumSet) = (value, true); }

        /// <summary>Adam's first-moment decay, in [0, 1); default 0.9.</summary>
        public double Beta1 { get => _beta1Set ? _beta1 : DefaultBeta1; init => (_beta1, _beta1Set) = (value, true); }

        /// <summary>Adam's second-moment decay, in [0, 1); default 0.999.</summary>
        public double Beta2 { get => _beta2Set ? _beta2 : DefaultBeta2; init => (_beta2, _beta2Set) = (value, true); }

        /// <summary>Adam's denominator term, finite and above 0; default 1e-8.</summary>
        public double Epsilon { get => _epsilonSet ? _epsilon : DefaultEpsilon; init => (_epsilon, _epsilonSet) = (value, true); }

        /// <summary>Samples per step: 0 (the default) uses the whole data set in its order at every iteration; above 0 every
        /// iteration takes the next BatchSize samples of an order shuffled at every epoch (a short last batch is used).</summary>
        public int BatchSize { get; init; }

        /// <summary>Seed of the mini-batch shuffle (epoch e uses NumPy's <c>RandomState(Seed + e * 0x9E3779B9).permutation(m)</c>).</summary>
        public uint Seed { get; init; }

        /// <summary>Threads that share each batch's gradient (default 1): the loop form and Deterministic networks split a large
        /// batch into contiguous sample ranges summed on worker threads created once per training thread, combined in a fixed
        /// order. Small batches and unrolled networks run on one thread whatever this says (docs/training.md, "Threads").</summary>
        public int Threads { get => _threadsSet ? _threads : 1; init => (_threads, _threadsSet) = (value, true); }

        /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming the bad value, if any.</summary>
        /// <remarks>Called by generated <c>Train</c> methods too, since <c>default(TrainingOptions)</c> bypasses the constructor.</remarks>
        public void Validate()
        {
            if (Iterations < 0)
                throw new ArgumentOutOfRangeException(nameof(Iterations), Iterations,
                    $"Expected a number of iterations of at least 0, but got {Iterations}.");
            NetworkValidation.RequireLearningRate(LearningRate);
            if (ReportEvery < 0)
                throw new ArgumentOutOfRangeException(nameof(ReportEvery), ReportEvery,
                    $"Expected a report interval of at least 0 (0 = never), but got {ReportEvery}.");
            if (Optimizer < Optimizer.GradientDescent || Optimizer > Optimizer.Adam)
                throw new ArgumentOutOfRangeException(nameof(Optimizer), Optimizer,
                    $"Expected Optimizer.GradientDescent, Optimizer.Momentum or Optimizer.Adam, but got {(int)Optimizer}.");
            RequireFraction(Momentum, nameof(Momentum), "momentum");
            RequireFraction(Beta1, nameof(Beta1), "Beta1");
            RequireFraction(Beta2, nameof(Beta2), "Beta2");
            if (!(Epsilon > 0) || double.IsInfinity(Epsilon))
                throw new ArgumentOutOfRangeException(nameof(Epsilon), Epsilon,
                    $"Expected Epsilon finite and above 0, but got {Epsilon.ToString("R", CultureInfo.InvariantCulture)}.");
            if (BatchSize < 0)
                throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize,
                    $"Expected a batch size of at least 0 (0 = the whole data set), but got {BatchSize}.");
            if (Threads < 1 || Threads > MaxThreads)
                throw new ArgumentOutOfRangeException(nameof(Threads), Threads,
                    $"Expected a thread count from 1 to {MaxThreads}, but got {Threads}.");
        }

        private static void RequireFraction(double value, string name, string what)
        {
            if (!(value >= 0 && value < 1))
                throw new ArgumentOutOfRangeException(name, value,
                    $"Expected {what} in [0, 1), but got {value.ToString("R", CultureInfo.InvariantCulture)}.");
        }

        /// <summary>Whether the cost is computed and reported at <paramref name="iteration"/>.</summary>
        public bool Reports(int iteration) => ReportEvery > 0 && iteration % ReportEvery == 0;
    }
}
