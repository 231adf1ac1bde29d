using System;

namespace PlanarGen
{
    /// <summary>How <c>Train</c> runs full-batch gradient descent.</summary>
    public readonly struct TrainingOptions
    {
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
        public int Iterations { get; }

        /// <summary>Step size of each update.</summary>
        public double LearningRate { get; }

        /// <summary>Report interval in iterations; 0 never computes the cost.</summary>
        public int ReportEvery { get; }

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
        }

        /// <summary>Whether the cost is computed and reported at <paramref name="iteration"/>.</summary>
        public bool Reports(int iteration) => ReportEvery > 0 && iteration % ReportEvery == 0;
    }
}
