using System;

namespace PlanarGen
{
    /// <summary>
    /// A data set that owns its arrays: <see cref="X"/> is features x samples and <see cref="Y"/> is outputs x samples,
    /// row-major, as in the notebook. Use <see cref="AsDataSet"/> to hand it to a network.
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    public sealed class PlanarData<T> where T : unmanaged
    {
        /// <summary>Wraps the arrays after validating them as <see cref="DataSet{T}"/> does.</summary>
        public PlanarData(T[] x, T[] y, int sampleCount)
        {
            if (x is null) throw new ArgumentNullException(nameof(x));
            if (y is null) throw new ArgumentNullException(nameof(y));
            var view = new DataSet<T>(x, y, sampleCount);
            X = x;
            Y = y;
            SampleCount = sampleCount;
            FeatureCount = view.FeatureCount;
            OutputCount = view.OutputCount;
        }

        /// <summary>Features x samples, row-major.</summary>
        public T[] X { get; }

        /// <summary>Labels (0 or 1), outputs x samples, row-major.</summary>
        public T[] Y { get; }

        /// <summary>Number of samples.</summary>
        public int SampleCount { get; }

        /// <summary>Number of features (rows of X).</summary>
        public int FeatureCount { get; }

        /// <summary>Number of label rows (rows of Y).</summary>
        public int OutputCount { get; }

        /// <summary>A view for the networks; validates again, because the arrays are mutable.</summary>
        public DataSet<T> AsDataSet() => new DataSet<T>(X, Y, SampleCount);

        /// <summary>The value of feature <paramref name="feature"/> for sample <paramref name="sample"/>.</summary>
        public T Feature(int feature, int sample) => X[feature * SampleCount + sample];

        /// <summary>The label of output <paramref name="output"/> for sample <paramref name="sample"/>.</summary>
        public T Label(int output, int sample) => Y[output * SampleCount + sample];
    }
}
