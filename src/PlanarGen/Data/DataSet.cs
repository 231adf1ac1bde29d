using System;

namespace PlanarGen
{
    /// <summary>
    /// A validated, read-only view over a data set in the notebook's layout: <c>X</c> is features x samples and
    /// <c>Y</c> is outputs x samples, both row-major, so each feature's samples are contiguous (what lets the generated
    /// code put samples in SIMD lanes).
    /// </summary>
    /// <remarks>
    /// Construction checks everything once (sizes, finite features and labels) and records whether every label is 0 or 1
    /// and whether every column of Y is one-hot, so the generated hot paths only compare counts and read those flags (a
    /// sigmoid network needs labels 0 or 1, a softmax network one-hot columns, a linear network any finite labels). It is a <c>ref struct</c> so it can view arrays, <c>stackalloc</c> memory or native buffers
    /// without copying; keep the arrays in a <see cref="PlanarData{T}"/> when the data must be stored.
    /// </remarks>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    public readonly ref struct DataSet<T> where T : unmanaged
    {
        private readonly ReadOnlySpan<T> _x;
        private readonly ReadOnlySpan<T> _y;

        /// <summary>Creates a labelled data set.</summary>
        /// <param name="x">Features x samples, row-major (length = features * sampleCount).</param>
        /// <param name="y">Outputs x samples, row-major (length = outputs * sampleCount); every value finite (0 or 1 for a
        /// sigmoid network, one-hot columns for a softmax network).</param>
        /// <param name="sampleCount">Number of samples (columns), at least 1.</param>
        /// <exception cref="ArgumentException">A length is not a positive multiple of <paramref name="sampleCount"/>,
        /// or a feature or label is not finite.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleCount"/> is below 1.</exception>
        public DataSet(ReadOnlySpan<T> x, ReadOnlySpan<T> y, int sampleCount)
        {
            FeatureCount = DataSetValidation.RowCount(x.Length, sampleCount, nameof(x), "features", allowEmpty: false);
            OutputCount = DataSetValidation.RowCount(y.Length, sampleCount, nameof(y), "outputs", allowEmpty: false);
            DataSetValidation.RequireFinite(x, sampleCount, nameof(x));
            DataSetValidation.RequireFinite(y, sampleCount, nameof(y));
            LabelsAreBinary = DataSetValidation.AreBinary(y);
            LabelsAreOneHot = LabelsAreBinary && DataSetValidation.AreOneHotColumns(y, sampleCount);
            _x = x;
            _y = y;
            SampleCount = sampleCount;
        }

        /// <summary>Creates an unlabelled data set, for prediction only.</summary>
        /// <param name="x">Features x samples, row-major (length = features * sampleCount).</param>
        /// <param name="sampleCount">Number of samples (columns), at least 1.</param>
        public DataSet(ReadOnlySpan<T> x, int sampleCount)
        {
            FeatureCount = DataSetValidation.RowCount(x.Length, sampleCount, nameof(x), "features", allowEmpty: false);
            DataSetValidation.RequireFinite(x, sampleCount, nameof(x));
            OutputCount = 0;
            LabelsAreBinary = false;
            LabelsAreOneHot = false;
            _x = x;
            _y = default;
            SampleCount = sampleCount;
        }

        private DataSet(ReadOnlySpan<T> x, ReadOnlySpan<T> y, int sampleCount, DataSet<T> source)
        {
            _x = x;
            _y = y;
            SampleCount = sampleCount;
            FeatureCount = source.FeatureCount;
            OutputCount = source.OutputCount;
            LabelsAreBinary = source.LabelsAreBinary;
            LabelsAreOneHot = source.LabelsAreOneHot;
        }

        /// <summary>A mini-batch gathered from a data set that was validated at construction: the same checks hold for any subset
        /// of its samples (finite values, 0/1 labels, one-hot columns), so none is scanned again (the optimizer path gathers one
        /// per step) and the label flags carry over.</summary>
        internal static DataSet<T> Gathered(ReadOnlySpan<T> x, ReadOnlySpan<T> y, int sampleCount, DataSet<T> source) =>
            new DataSet<T>(x, y, sampleCount, source);

        /// <summary>Number of samples (columns of X and Y).</summary>
        public int SampleCount { get; }

        /// <summary>Number of features (rows of X).</summary>
        public int FeatureCount { get; }

        /// <summary>Number of label rows (rows of Y); 0 for an unlabelled set.</summary>
        public int OutputCount { get; }

        /// <summary>Whether the set carries labels (needed for cost, accuracy and training).</summary>
        public bool HasLabels => OutputCount > 0;

        /// <summary>Whether every label is 0 or 1 (recorded at construction; false for an unlabelled set). Sigmoid networks
        /// require it.</summary>
        public bool LabelsAreBinary { get; }

        /// <summary>Whether every column of Y (one sample's labels) holds exactly one 1 and otherwise 0 (recorded at
        /// construction; false for an unlabelled set). Softmax networks require it.</summary>
        public bool LabelsAreOneHot { get; }

        /// <summary>All features, features x samples, row-major.</summary>
        public ReadOnlySpan<T> X => _x;

        /// <summary>All labels, outputs x samples, row-major; empty for an unlabelled set.</summary>
        public ReadOnlySpan<T> Y => _y;

        /// <summary>The samples of one feature (one row of X).</summary>
        public ReadOnlySpan<T> Feature(int index) => _x.Slice(index * SampleCount, SampleCount);

        /// <summary>The labels of one output (one row of Y).</summary>
        public ReadOnlySpan<T> Labels(int index) => _y.Slice(index * SampleCount, SampleCount);
    }
}
