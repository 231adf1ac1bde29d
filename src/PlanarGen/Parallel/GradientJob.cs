using System;

namespace PlanarGen.Parallel
{
    /// <summary>
    /// One split gradient step of <see cref="GradientSplit"/>: the pinned batch, parameters and caller's gradient as pointers
    /// (the caller's spans are fixed for the run), a buffer per extra range, and each range's cost and bound flag. One job
    /// per training thread and network type ([ThreadStatic]), reused for every step.
    /// </summary>
    internal sealed unsafe class GradientJob<T, TRange> : WorkItem where T : unmanaged where TRange : struct, IGradientRange<T>
    {
        [ThreadStatic]
        private static GradientJob<T, TRange>? _current;

        private T* _parameters, _x, _y, _gradient;
        private int _parameterCount, _xLength, _yLength, _sampleCount, _ranges;
        private bool _withCost;
        private T[][] _partials = Array.Empty<T[]>();
        private T[] _costs = Array.Empty<T>();
        private bool[] _inBounds = Array.Empty<bool>();

        public static GradientJob<T, TRange> ForThisThread() => _current ??= new GradientJob<T, TRange>();

        public bool Run(int ranges, ReadOnlySpan<T> parameters, ReadOnlySpan<T> x, ReadOnlySpan<T> y, int sampleCount,
            Span<T> gradient, bool withCost, out T cost)
        {
            Reserve(ranges, parameters.Length);
            WorkerPool pool = WorkerPool.For(ranges - 1);
            fixed (T* p = parameters)
            fixed (T* px = x)
            fixed (T* py = y)
            fixed (T* pg = gradient)
            {
                _parameters = p;
                _x = px;
                _y = py;
                _gradient = pg;
                (_parameterCount, _xLength, _yLength, _sampleCount, _ranges, _withCost) = (parameters.Length, x.Length, y.Length, sampleCount, ranges, withCost);
                try
                {
                    pool.Run(this, ranges);
                }
                finally
                {
                    _parameters = _x = _y = _gradient = null;
                }
            }
            // Range 0 summed into the caller's gradient; the others are added in range order.
            bool inBound = _inBounds[0];
            T total = _costs[0];
            for (int range = 1; range < ranges; range++)
            {
                PartialSums.AddTo(gradient.Slice(0, parameters.Length), _partials[range - 1]);
                total = PartialSums.Add(total, _costs[range]);
                inBound &= _inBounds[range];
            }
            cost = total;
            return inBound;
        }

        /// <summary>Buffers for <paramref name="ranges"/> ranges of <paramref name="parameterCount"/> sums (kept between steps).</summary>
        private void Reserve(int ranges, int parameterCount)
        {
            if (_costs.Length < ranges)
            {
                Array.Resize(ref _partials, ranges - 1);
                _costs = new T[ranges];
                _inBounds = new bool[ranges];
            }
            for (int k = 0; k < ranges - 1; k++)
                if (_partials[k] == null || _partials[k].Length != parameterCount) _partials[k] = new T[parameterCount];
        }

        protected override void Execute(int part)
        {
            var parameters = new ReadOnlySpan<T>(_parameters, _parameterCount);
            var x = new ReadOnlySpan<T>(_x, _xLength);
            var y = new ReadOnlySpan<T>(_y, _yLength);
            Span<T> gradient = part == 0 ? new Span<T>(_gradient, _parameterCount) : _partials[part - 1];
            int start = GradientSplit.RangeStart(part, _ranges, _sampleCount), end = GradientSplit.RangeStart(part + 1, _ranges, _sampleCount);
            _inBounds[part] = default(TRange).Sums(parameters, x, y, _sampleCount, start, end, gradient, _withCost, out _costs[part]);
        }
    }
}
