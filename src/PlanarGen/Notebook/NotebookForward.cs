using System;

namespace PlanarGen
{
    /// <summary>
    /// The notebook's forward-propagation cache: <c>Z1</c>, <c>A1</c> (hidden x samples) and <c>Z2</c>, <c>A2</c>
    /// (outputs x samples), all row-major.
    /// </summary>
    public sealed class NotebookForward
    {
        /// <summary>Wraps the arrays of a forward pass (for example a hard-coded test-case cache).</summary>
        /// <param name="z1">Hidden pre-activations, hidden x samples.</param>
        /// <param name="a1">Hidden activations, hidden x samples.</param>
        /// <param name="z2">Output pre-activations, outputs x samples.</param>
        /// <param name="a2">Output activations (probabilities), outputs x samples.</param>
        /// <param name="sampleCount">Number of samples (columns), at least 1.</param>
        /// <exception cref="ArgumentException">The arrays do not have matching shapes.</exception>
        public NotebookForward(double[] z1, double[] a1, double[] z2, double[] a2, int sampleCount)
        {
            Z1 = z1 ?? throw new ArgumentNullException(nameof(z1));
            A1 = a1 ?? throw new ArgumentNullException(nameof(a1));
            Z2 = z2 ?? throw new ArgumentNullException(nameof(z2));
            A2 = a2 ?? throw new ArgumentNullException(nameof(a2));
            if (sampleCount < 1)
                throw new ArgumentOutOfRangeException(nameof(sampleCount), sampleCount,
                    $"Expected at least 1 sample, but sampleCount is {sampleCount}.");
            if (z1.Length == 0 || z1.Length % sampleCount != 0 || a1.Length != z1.Length)
                throw new ArgumentException(
                    $"Expected z1 and a1 to hold the same positive multiple of {sampleCount} values, but they hold {z1.Length} and {a1.Length}.",
                    nameof(a1));
            if (z2.Length == 0 || z2.Length % sampleCount != 0 || a2.Length != z2.Length)
                throw new ArgumentException(
                    $"Expected z2 and a2 to hold the same positive multiple of {sampleCount} values, but they hold {z2.Length} and {a2.Length}.",
                    nameof(a2));
            SampleCount = sampleCount;
        }

        /// <summary><c>W1 X + b1</c>, hidden x samples.</summary>
        public double[] Z1 { get; }

        /// <summary><c>g(Z1)</c>, hidden x samples.</summary>
        public double[] A1 { get; }

        /// <summary><c>W2 A1 + b2</c>, outputs x samples.</summary>
        public double[] Z2 { get; }

        /// <summary><c>sigmoid(Z2)</c>, outputs x samples.</summary>
        public double[] A2 { get; }

        /// <summary>Number of samples (columns).</summary>
        public int SampleCount { get; }
    }
}
