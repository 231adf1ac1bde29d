using System;

namespace PlanarGen
{
    /// <summary>
    /// A fixed-capacity ring of labelled samples for one network shape, filled one sample at a time during play and
    /// trained on as a whole (<see cref="AsDataSet"/>) or by random mini-batches (<see cref="SampleBatch"/>). All memory
    /// is allocated by the constructor; <see cref="Add"/>, <see cref="AsDataSet"/>, <see cref="SampleBatch"/> and
    /// <see cref="Clear"/> allocate nothing.
    /// </summary>
    /// <remarks>
    /// <para>Storage is the notebook's layout, features x <see cref="Capacity"/> and outputs x <see cref="Capacity"/>,
    /// row-major: the sample of the k-th <see cref="Add"/> since construction or <see cref="Clear"/> (k from 0) lives in
    /// column <c>k mod Capacity</c>, so once the ring is full each new sample overwrites the oldest. While the ring is not
    /// full, the view holds the first <see cref="Count"/> columns in the order they were added.</para>
    /// <para>Threads: one writer. <see cref="Add"/>, <see cref="Clear"/>, <see cref="AsDataSet"/> and
    /// <see cref="SampleBatch"/> all write (the last two may move rows, and fill the batch buffer), so call them from one
    /// thread at a time, and do not use a returned <see cref="DataSet{T}"/> after the next call to any of them.</para>
    /// </remarks>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>, the network's precision.</typeparam>
    public sealed class ReplayBuffer<T> where T : unmanaged
    {
        private readonly T[] _x;
        private readonly T[] _y;
        private readonly T[] _batchX;
        private readonly T[] _batchY;

        // The distance between rows in _x and _y: Capacity, except after AsDataSet on a ring that is not full, which packs
        // the rows to Count apart so the first Count columns form a features x Count matrix; the next Add spreads them back.
        private int _stride;
        private long _added;

        /// <summary>Creates an empty ring.</summary>
        /// <param name="inputs">Features per sample (the network's <c>InputCount</c>), 1 to <see cref="NetworkLimits.MaxInputs"/>.</param>
        /// <param name="outputs">Labels per sample (the network's <c>OutputCount</c>), 1 to <see cref="NetworkLimits.MaxOutputs"/>.</param>
        /// <param name="capacity">Most samples kept, at least 1.</param>
        /// <param name="maxBatchSize">Largest <see cref="SampleBatch"/> size, at least 1; its buffer is allocated here.</param>
        /// <exception cref="ArgumentOutOfRangeException">A size is out of range, or the storage would exceed 2^31 - 1 values.</exception>
        /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not float or double.</exception>
        public ReplayBuffer(int inputs, int outputs, int capacity, int maxBatchSize)
        {
            DataSetValidation.RequireFloatingPoint<T>();
            RequireRange(inputs, NetworkLimits.MinUnits, NetworkLimits.MaxInputs, nameof(inputs), "inputs");
            RequireRange(outputs, NetworkLimits.MinUnits, NetworkLimits.MaxOutputs, nameof(outputs), "outputs");
            int widest = Math.Max(inputs, outputs);
            RequireRange(capacity, 1, int.MaxValue / widest, nameof(capacity), "capacity");
            RequireRange(maxBatchSize, 1, int.MaxValue / widest, nameof(maxBatchSize), "a maximum batch size");
            InputCount = inputs;
            OutputCount = outputs;
            Capacity = capacity;
            MaxBatchSize = maxBatchSize;
            _x = new T[inputs * capacity];
            _y = new T[outputs * capacity];
            _batchX = new T[inputs * maxBatchSize];
            _batchY = new T[outputs * maxBatchSize];
            _stride = capacity;
        }

        /// <summary>Creates an empty ring for networks of <paramref name="shape"/> (its inputs and outputs).</summary>
        /// <exception cref="ArgumentException"><paramref name="shape"/>'s precision is not <typeparamref name="T"/>.</exception>
        public ReplayBuffer(NetworkShape shape, int capacity, int maxBatchSize)
            : this(shape.Inputs, shape.Outputs, capacity, maxBatchSize)
        {
            Type expected = shape.Precision == Precision.Double ? typeof(double) : typeof(float);
            if (expected != typeof(T))
                throw new ArgumentException(
                    $"Expected a ReplayBuffer<{expected.Name}> for a {shape.Precision} network ({shape}), but this is a ReplayBuffer<{typeof(T).Name}>.",
                    nameof(shape));
        }

        /// <summary>Features per sample.</summary>
        public int InputCount { get; }

        /// <summary>Labels per sample.</summary>
        public int OutputCount { get; }

        /// <summary>Most samples kept.</summary>
        public int Capacity { get; }

        /// <summary>Largest batch <see cref="SampleBatch"/> returns.</summary>
        public int MaxBatchSize { get; }

        /// <summary>Samples held now: the number added since construction or <see cref="Clear"/>, at most <see cref="Capacity"/>.</summary>
        public int Count => (int)Math.Min(_added, Capacity);

        /// <summary>Whether the ring holds <see cref="Capacity"/> samples (each <see cref="Add"/> now overwrites the oldest).</summary>
        public bool IsFull => _added >= Capacity;

        /// <summary>Samples added since construction or <see cref="Clear"/>, overwritten ones included.</summary>
        public long TotalAdded => _added;

        /// <summary>Adds one sample, overwriting the oldest when the ring is full.</summary>
        /// <param name="features">The sample's <see cref="InputCount"/> features, finite.</param>
        /// <param name="labels">Its <see cref="OutputCount"/> labels, finite (a network may ask more of them when it trains:
        /// sigmoid outputs take 0 or 1, as <see cref="DataSet{T}"/> checks).</param>
        /// <exception cref="ArgumentException">A length differs from the buffer's, or a value is not finite; the ring is unchanged.</exception>
        public void Add(ReadOnlySpan<T> features, ReadOnlySpan<T> labels)
        {
            RequireLength(features.Length, InputCount, nameof(features), "features");
            RequireLength(labels.Length, OutputCount, nameof(labels), "labels");
            DataSetValidation.RequireFinite(features, 1, nameof(features));
            DataSetValidation.RequireFinite(labels, 1, nameof(labels));
            if (_stride != Capacity) Spread();
            int column = (int)(_added % Capacity);
            for (int r = 0; r < InputCount; r++) _x[r * Capacity + column] = features[r];
            for (int r = 0; r < OutputCount; r++) _y[r * Capacity + column] = labels[r];
            _added++;
        }

        /// <summary>Empties the ring (the stored values are left in place, unreachable); the next sample goes to column 0.</summary>
        public void Clear()
        {
            _added = 0;
            _stride = Capacity;
        }

        /// <summary>
        /// The current contents as a data set, without copying them: every column once the ring is full (in ring order:
        /// column <c>k mod Capacity</c> holds the k-th sample added), else the first <see cref="Count"/> columns in the
        /// order they were added. Valid until the next call to <see cref="Add"/>, <see cref="Clear"/> or this method.
        /// </summary>
        /// <remarks>While the ring is not full, this moves the rows of the storage closer together (the next
        /// <see cref="Add"/> moves them back): O(Count x (inputs + outputs)) each, nothing allocated. Once full, it costs
        /// only <see cref="DataSet{T}"/>'s validation of the contents.</remarks>
        /// <exception cref="InvalidOperationException">The ring is empty.</exception>
        /// <exception cref="ArgumentException">The labels do not suit <see cref="DataSet{T}"/> (see its constructor).</exception>
        public DataSet<T> AsDataSet()
        {
            int count = RequireSamples();
            if (_stride != count) Pack(count);
            return new DataSet<T>(_x.AsSpan(0, InputCount * count), _y.AsSpan(0, OutputCount * count), count);
        }

        /// <summary>
        /// A random mini-batch of the current contents, copied into a buffer allocated by the constructor. Batch column
        /// <c>i</c> is column <c>j</c> of <see cref="AsDataSet"/>'s view, where the <c>j</c> of columns 0, 1, ... are drawn
        /// one after another as NumPy's legacy <c>RandomState.randint(0, Count, size=batchSize)</c> draws them (uniform,
        /// with replacement: a masked 32-bit MT19937 output, redrawn while above <c>Count - 1</c>; no draw when
        /// <c>Count</c> is 1). Valid until the next call to <see cref="Add"/>, <see cref="Clear"/>, <see cref="AsDataSet"/>
        /// or this method.
        /// </summary>
        /// <param name="batchSize">Samples in the batch, 1 to <see cref="MaxBatchSize"/> (it may exceed <see cref="Count"/>).</param>
        /// <param name="random">The generator the indices come from.</param>
        /// <exception cref="InvalidOperationException">The ring is empty.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is out of range.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
        public DataSet<T> SampleBatch(int batchSize, NumPyRandom random)
        {
            if (random is null) throw new ArgumentNullException(nameof(random));
            RequireRange(batchSize, 1, MaxBatchSize, nameof(batchSize), "batch size");
            int count = RequireSamples();
            uint max = (uint)(count - 1);
            for (int i = 0; i < batchSize; i++)
            {
                int j = (int)random.NextUInt32AtMost(max);
                for (int r = 0; r < InputCount; r++) _batchX[r * batchSize + i] = _x[r * _stride + j];
                for (int r = 0; r < OutputCount; r++) _batchY[r * batchSize + i] = _y[r * _stride + j];
            }

            return new DataSet<T>(_batchX.AsSpan(0, InputCount * batchSize), _batchY.AsSpan(0, OutputCount * batchSize), batchSize);
        }

        private int RequireSamples()
        {
            if (_added == 0)
                throw new InvalidOperationException("Expected at least 1 sample in the replay buffer, but it is empty: Add samples first.");
            return Count;
        }

        // Rows move towards the front, first row first (each destination is at or before its source).
        private void Pack(int count)
        {
            for (int r = 1; r < InputCount; r++) _x.AsSpan(r * _stride, count).CopyTo(_x.AsSpan(r * count, count));
            for (int r = 1; r < OutputCount; r++) _y.AsSpan(r * _stride, count).CopyTo(_y.AsSpan(r * count, count));
            _stride = count;
        }

        // Rows move back to Capacity apart, last row first (each destination is at or after its source).
        private void Spread()
        {
            int count = Count;
            for (int r = InputCount - 1; r >= 1; r--) _x.AsSpan(r * _stride, count).CopyTo(_x.AsSpan(r * Capacity, count));
            for (int r = OutputCount - 1; r >= 1; r--) _y.AsSpan(r * _stride, count).CopyTo(_y.AsSpan(r * Capacity, count));
            _stride = Capacity;
        }

        private static void RequireRange(int value, int min, int max, string argument, string what)
        {
            if (value < min || value > max)
                throw new ArgumentOutOfRangeException(argument, value, $"Expected {what} from {min} to {max}, but got {value}.");
        }

        private static void RequireLength(int length, int expected, string argument, string what)
        {
            if (length != expected)
                throw new ArgumentException($"Expected {expected} {what} (the buffer's shape), but {argument} has {length} values.", argument);
        }
    }
}
