using System;

namespace PlanarGen.Cli.Running
{
    /// <summary>A trained classifier that gives P(y = 1) for many points, used to draw decision boundaries.</summary>
    internal interface IPredictor
    {
        /// <summary>Fills <paramref name="probabilities"/> with P(y = 1) for <paramref name="sampleCount"/> points
        /// given as 2 x samples, row-major (all x1, then all x2).</summary>
        /// <summary>The work of one point, in hidden units evaluated (1 for logistic regression): pictures bound points x this.</summary>
        int UnitsPerPoint { get; }

        void PredictProbabilities(ReadOnlySpan<double> x, int sampleCount, Span<double> probabilities);
    }
}
