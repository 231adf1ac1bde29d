using System;

namespace PlanarGen
{
    /// <summary>
    /// The sample order of one mini-batch epoch: <c>numpy.random.RandomState(EpochSeed(seed, epoch)).permutation(m)</c>, so
    /// epoch 0 is exactly NumPy's <c>RandomState(seed).permutation(m)</c> and every epoch can be rebuilt from three numbers
    /// (which is what a network stores, so a struct copy or a checkpoint carries its shuffle without the generator's 2.5 KB).
    /// The order lives in per-thread memory tagged with the (seed, m, epoch) it holds: a network whose shuffle differs (another
    /// network trained on this thread meanwhile) rebuilds it in O(m) instead of reading the other's order.
    /// </summary>
    internal static class BatchShuffle
    {
        [ThreadStatic]
        private static Cache? _cache;

        /// <summary>The seed of <paramref name="epoch"/>'s permutation: seed + epoch * 0x9E3779B9, modulo 2^32.</summary>
        public static uint EpochSeed(uint seed, long epoch) => unchecked(seed + (uint)epoch * 0x9E3779B9U);

        /// <summary>The order of epoch <paramref name="epoch"/> of <paramref name="m"/> samples (valid until the next call on this thread).</summary>
        public static ReadOnlySpan<int> Order(uint seed, int m, long epoch)
        {
            Cache cache = _cache ??= new Cache();
            if (!cache.Holds(seed, m, epoch)) cache.Build(seed, m, epoch);
            return new ReadOnlySpan<int>(cache.Order, 0, m);
        }

        /// <summary>NumPy's legacy <c>shuffle</c> of 0..m-1: for i from m-1 down to 1, swap i with a uniform j in [0, i]
        /// (bounded by masked rejection: the smallest all-ones mask covering i, 32-bit draws until one is at most i).</summary>
        internal static void Permutation(NumPyRandom random, Span<int> order)
        {
            for (int k = 0; k < order.Length; k++) order[k] = k;
            for (int i = order.Length - 1; i >= 1; i--)
            {
                uint max = (uint)i, mask = max;
                mask |= mask >> 1;
                mask |= mask >> 2;
                mask |= mask >> 4;
                mask |= mask >> 8;
                mask |= mask >> 16;
                uint j;
                do j = random.NextUInt32() & mask; while (j > max);
                (order[i], order[(int)j]) = (order[(int)j], order[i]);
            }
        }

        private sealed class Cache
        {
            private readonly NumPyRandom _random = new NumPyRandom(0);
            private uint _seed;
            private int _m = -1;
            private long _epoch;

            public int[] Order { get; private set; } = Array.Empty<int>();

            public bool Holds(uint seed, int m, long epoch) => _m == m && _seed == seed && _epoch == epoch;

            public void Build(uint seed, int m, long epoch)
            {
                if (Order.Length < m) Order = new int[m];
                _m = -1; // invalid while it is being rebuilt
                _random.Seed(EpochSeed(seed, epoch));
                Permutation(_random, new Span<int>(Order, 0, m));
                (_seed, _m, _epoch) = (seed, m, epoch);
            }
        }
    }
}
