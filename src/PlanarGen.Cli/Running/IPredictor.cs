using System;

namespace PlanarGen.Cli.Running
{
    /// <summary>A trained classifier that gives P(y = 1) for many points, used to draw decision boundaries.</summary>
    internal interface IPredictor
    {
        /// <summary>Fills <paramref name="probabilities"/> with P(y = 1) for <paramref name="sampleCount"/> points
        /// given as 2 x samples, row-major (all x1, then all x2).</summary>
        void PredictProbabilities(ReadOnlySpan<double> x, int sampleCount, Span<double> probabilities);
    }
}
