using System;
using System.ComponentModel;
using System.Diagnostics;

namespace PlanarGen
{
    /// <summary>
    /// What a network remembers between <c>Train</c> calls besides its parameters: the optimizer's step count and bias-correction
    /// products (its moments live beside it in the network, <c>2 x ParameterCount</c> values) and the mini-batch shuffle's
    /// position. A plain value held inline by every generated network, so a struct copy carries its own state. Cleared by
    /// <c>Initialize</c>, <c>InitializeZeros</c>, <c>LoadParameters</c>, loading weights, <c>ResetOptimizer</c> and a
    /// gradient-descent <c>TrainStep</c> or full-batch <c>Train</c>; restored by loading a checkpoint. See docs/training.md.
    /// </summary>
    public struct TrainingState
    {
        // 0 = empty; otherwise (int)Optimizer + 1 of the optimizer whose moments the network holds.
        private int _stamp;
        private double _momentum, _beta1, _beta2, _epsilon;
        private long _steps;
        private double _beta1Power, _beta2Power;
        private int _batchSize, _sampleCount, _position;
        private uint _seed;
        private long _epoch;

        /// <summary>Whether no optimizer or shuffle state is held (the next stateful <c>Train</c> starts afresh).</summary>
        public readonly bool IsEmpty => _stamp == 0;

        /// <summary>The optimizer whose state is held (<see cref="Optimizer.GradientDescent"/> when empty).</summary>
        public readonly Optimizer Optimizer => _stamp == 0 ? Optimizer.GradientDescent : (Optimizer)(_stamp - 1);

        /// <summary>Optimizer steps taken since the state was last reset (Adam's t).</summary>
        public readonly long Steps => _steps;

        /// <summary>Mini-batch epochs completed since the shuffle was last reset.</summary>
        public readonly long Epoch => _epoch;

        /// <summary>Samples of the current epoch's order already used.</summary>
        public readonly int Position => _position;

        /// <summary>
        /// Called by generated code at the start of a stateful <c>Train</c>/<c>TrainFor</c>: resets the optimizer state (clearing
        /// <paramref name="moments"/>) when the optimizer or one of its hyper-parameters changed, and the shuffle when the batch
        /// size, the seed or the number of samples changed.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public void Begin<T>(in TrainingOptions options, int sampleCount, Span<T> moments) where T : unmanaged
        {
            Optimizer optimizer = options.Optimizer;
            bool same = _stamp == (int)optimizer + 1 && optimizer switch
            {
                Optimizer.Momentum => _momentum.Equals(options.Momentum),
                Optimizer.Adam => _beta1.Equals(options.Beta1) && _beta2.Equals(options.Beta2) && _epsilon.Equals(options.Epsilon),
                _ => true,
            };
            if (!same)
            {
                _stamp = (int)optimizer + 1;
                (_momentum, _beta1, _beta2, _epsilon) = (options.Momentum, options.Beta1, options.Beta2, options.Epsilon);
                _steps = 0;
                _beta1Power = 1;
                _beta2Power = 1;
                moments.Clear();
            }
            if (_batchSize != options.BatchSize || _seed != options.Seed || _sampleCount != sampleCount)
            {
                (_batchSize, _seed, _sampleCount) = (options.BatchSize, options.Seed, sampleCount);
                _epoch = 0;
                _position = 0;
            }
        }

        /// <summary>The per-thread working memory of a stateful training call: gradient, candidates and one mini-batch.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static Span<T> Work<T>(int parameterCount, int rowsPerSample, in TrainingOptions options, int sampleCount) where T : unmanaged
        {
            int batch = options.BatchSize == 0 ? 0 : Math.Min(options.BatchSize, sampleCount);
            return TrainingScratch<T>.Get(checked(4 * parameterCount + rowsPerSample * batch));
        }

        /// <summary>
        /// The samples of the next step: <paramref name="data"/> itself in full-batch mode, else the next <c>BatchSize</c>
        /// samples of this epoch's shuffled order (fewer at the end of an epoch), gathered into <paramref name="memory"/>.
        /// Changes nothing: <see cref="TryUpdate"/> moves on when the step succeeds.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public readonly DataSet<T> Batch<T>(DataSet<T> data, Span<T> memory) where T : unmanaged
        {
            if (_batchSize == 0) return data;
            int m = data.SampleCount, count = Math.Min(_batchSize, m - _position);
            ReadOnlySpan<int> order = BatchShuffle.Order(_seed, m, _epoch).Slice(_position, count);
            int features = data.FeatureCount, outputs = data.OutputCount;
            Span<T> x = memory.Slice(0, features * count), y = memory.Slice(features * count, outputs * count);
            Gather(data.X, m, features, order, x);
            Gather(data.Y, m, outputs, order, y);
            return DataSet<T>.Gathered(x, y, count, data);
        }

        private static void Gather<T>(ReadOnlySpan<T> source, int m, int rows, ReadOnlySpan<int> order, Span<T> destination) where T : unmanaged
        {
            int count = order.Length;
            for (int r = 0; r < rows; r++)
            {
                ReadOnlySpan<T> row = source.Slice(r * m, m);
                Span<T> to = destination.Slice(r * count, count);
                for (int j = 0; j < count; j++) to[j] = row[order[j]];
            }
        }

        /// <summary>
        /// One optimizer step from the mean gradient: computes the new parameters and moments into <paramref name="work"/>
        /// and, only if every value is finite, stores them, counts the step and moves the shuffle on. Returns false, changing
        /// nothing, otherwise (the divergence rule).
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public bool TryUpdate<T>(in TrainingOptions options, Span<T> parameters, ReadOnlySpan<T> gradient, Span<T> moments, Span<T> work)
            where T : unmanaged
        {
            int n = parameters.Length;
            Span<T> first = moments.Slice(0, n), second = moments.Slice(n, n);
            Span<T> newParameters = work.Slice(0, n), newFirst = work.Slice(n, n), newSecond = work.Slice(2 * n, n);
            double rate = options.LearningRate, beta1Power = _beta1Power, beta2Power = _beta2Power;
            bool finite;
            switch (Optimizer)
            {
                case Optimizer.Momentum:
                    finite = OptimizerKernel.Run(new OptimizerKernel.Momentum<T>(OptimizerKernel.Scalar<T>(rate), OptimizerKernel.Scalar<T>(_momentum), _steps == 0),
                        parameters, gradient, first, second, newParameters, newFirst, newSecond);
                    break;
                case Optimizer.Adam:
                    // beta^t as a running product in double (not Math.Pow), so every host computes the same corrections.
                    beta1Power *= _beta1;
                    beta2Power *= _beta2;
                    finite = OptimizerKernel.Run(new OptimizerKernel.Adam<T>(
                            OptimizerKernel.Scalar<T>(_beta1), OptimizerKernel.Scalar<T>(1 - _beta1),
                            OptimizerKernel.Scalar<T>(_beta2), OptimizerKernel.Scalar<T>(1 - _beta2),
                            OptimizerKernel.Scalar<T>(rate / (1 - beta1Power)), OptimizerKernel.Scalar<T>(Math.Sqrt(1 - beta2Power)),
                            OptimizerKernel.Scalar<T>(_epsilon)),
                        parameters, gradient, first, second, newParameters, newFirst, newSecond);
                    break;
                default:
                    finite = OptimizerKernel.Run(new OptimizerKernel.GradientDescent<T>(OptimizerKernel.Scalar<T>(rate)),
                        parameters, gradient, first, second, newParameters, newFirst, newSecond);
                    break;
            }
            if (!finite) return false;
            newParameters.CopyTo(parameters);
            if (_stamp != (int)Optimizer.GradientDescent + 1) newFirst.CopyTo(first);
            if (_stamp == (int)Optimizer.Adam + 1) newSecond.CopyTo(second);
            _steps++;
            (_beta1Power, _beta2Power) = (beta1Power, beta2Power);
            if (_batchSize > 0)
            {
                _position += Math.Min(_batchSize, _sampleCount - _position);
                if (_position >= _sampleCount)
                {
                    _position = 0;
                    _epoch++;
                }
            }
            return true;
        }

        /// <summary>The state as checkpoint metadata (key suffix, exact text: integers, and doubles in round-trip form).</summary>
        internal readonly (string Key, string Value)[] ToText() => new[]
        {
            ("stamp", Text(_stamp)), ("momentum", Text(_momentum)), ("beta1", Text(_beta1)), ("beta2", Text(_beta2)),
            ("epsilon", Text(_epsilon)), ("steps", Text(_steps)), ("beta1_power", Text(_beta1Power)), ("beta2_power", Text(_beta2Power)),
            ("batch_size", Text(_batchSize)), ("sample_count", Text(_sampleCount)), ("position", Text(_position)),
            ("seed", Text(_seed)), ("epoch", Text(_epoch)),
        };

        /// <summary>Reads <see cref="ToText"/>'s values back; <paramref name="read"/> returns the text of a key suffix (or throws).</summary>
        internal static TrainingState FromText(Func<string, string> read)
        {
            var state = new TrainingState
            {
                _stamp = (int)Integer(read, "stamp", 0, 3),
                _momentum = Real(read, "momentum"),
                _beta1 = Real(read, "beta1"),
                _beta2 = Real(read, "beta2"),
                _epsilon = Real(read, "epsilon"),
                _steps = Integer(read, "steps", 0, long.MaxValue),
                _beta1Power = Real(read, "beta1_power"),
                _beta2Power = Real(read, "beta2_power"),
                _batchSize = (int)Integer(read, "batch_size", 0, int.MaxValue),
                _sampleCount = (int)Integer(read, "sample_count", 0, int.MaxValue),
                _position = (int)Integer(read, "position", 0, int.MaxValue),
                _seed = (uint)Integer(read, "seed", 0, uint.MaxValue),
                _epoch = Integer(read, "epoch", 0, long.MaxValue),
            };
            if (state._batchSize > 0 && state._position >= Math.Max(1, state._sampleCount))
                throw new FormatException($"position {state._position}: expected below the sample count {state._sampleCount}.");
            return state;
        }

        private static string Text(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private static string Text(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

        private static long Integer(Func<string, string> read, string key, long min, long max)
        {
            string text = read(key);
            if (!long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long value) || value < min || value > max)
                throw new FormatException($"{key} is \"{text}\"; expected an integer from {min} to {max}.");
            return value;
        }

        private static double Real(Func<string, string> read, string key)
        {
            string text = read(key);
            if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value)
                || double.IsNaN(value) || double.IsInfinity(value))
                throw new FormatException($"{key} is \"{text}\"; expected a finite number.");
            return value;
        }

        /// <summary>The Stopwatch timestamp at which <c>TrainFor</c> stops starting steps.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="budget"/> is negative.</exception>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static long Deadline(long start, TimeSpan budget)
        {
            if (budget < TimeSpan.Zero)
                throw new ArgumentOutOfRangeException(nameof(budget), budget, $"Expected a time budget of at least zero, but got {budget}.");
            double ticks = budget.TotalSeconds * Stopwatch.Frequency;
            return ticks >= long.MaxValue - (double)start ? long.MaxValue : start + (long)ticks;
        }
    }
}
