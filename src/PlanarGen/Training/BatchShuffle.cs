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
                _random.Permutation(new Span<int>(Order, 0, m));
                (_seed, _m, _epoch) = (seed, m, epoch);
            }
        }
    }
}
