using System;

namespace PlanarGen
{
    /// <summary>
    /// NumPy's legacy global random generator (<c>np.random.seed</c>, <c>np.random.rand</c>,
    /// <c>np.random.randn</c>), bit for bit: MT19937 with the legacy integer seeding, 53-bit doubles and the
    /// polar Box-Muller normal with its one-value cache.
    /// </summary>
    /// <remarks>
    /// An instance holds all the state (no static mutable state), so independent generators never interfere.
    /// Not thread-safe: use one instance per thread.
    /// </remarks>
    public sealed class NumPyRandom
    {
        private const int N = 624;
        private const int M = 397;
        private const uint MatrixA = 0x9908b0dfU;
        private const uint UpperMask = 0x80000000U;
        private const uint LowerMask = 0x7fffffffU;

        private readonly uint[] _mt = new uint[N];
        private int _index;
        private bool _hasGauss;
        private double _gauss;

        /// <summary>Creates a generator in the state <c>np.random.seed(seed)</c> leaves.</summary>
        /// <param name="seed">The seed, as NumPy's legacy 32-bit integer seed.</param>
        public NumPyRandom(uint seed) => Seed(seed);

        /// <summary>Reseeds like <c>np.random.seed(seed)</c> (MT19937 <c>init_genrand</c>); also drops the cached normal.</summary>
        /// <param name="seed">The seed, as NumPy's legacy 32-bit integer seed.</param>
        public void Seed(uint seed)
        {
            _mt[0] = seed;
            for (int i = 1; i < N; i++)
            {
                uint prev = _mt[i - 1];
                _mt[i] = unchecked(1812433253U * (prev ^ (prev >> 30)) + (uint)i);
            }

            _index = N;
            _hasGauss = false;
            _gauss = 0.0;
        }

        /// <summary>The next raw 32-bit MT19937 output (tempered).</summary>
        public uint NextUInt32()
        {
            if (_index >= N) Generate();
            uint y = _mt[_index++];
            y ^= y >> 11;
            y ^= (y << 7) & 0x9d2c5680U;
            y ^= (y << 15) & 0xefc60000U;
            y ^= y >> 18;
            return y;
        }

        /// <summary>A uniform value in [0, <paramref name="max"/>] drawn as NumPy's legacy bounded draw does it (what
        /// <c>randint</c> and <c>shuffle</c> use): 32-bit outputs masked to the smallest all-ones mask covering
        /// <paramref name="max"/>, drawn again while above it; <paramref name="max"/> = 0 gives 0 without a draw.</summary>
        public uint NextUInt32AtMost(uint max)
        {
            if (max == 0) return 0;
            uint mask = max;
            mask |= mask >> 1;
            mask |= mask >> 2;
            mask |= mask >> 4;
            mask |= mask >> 8;
            mask |= mask >> 16;
            uint value;
            do value = NextUInt32() & mask; while (value > max);
            return value;
        }

        /// <summary>Fills <paramref name="order"/> with <c>np.random.permutation(order.Length)</c>: 0 .. n-1 shuffled by
        /// NumPy's legacy <c>shuffle</c> (Fisher-Yates from the end, each partner from <see cref="NextUInt32AtMost"/>).
        /// Allocates nothing.</summary>
        public void Permutation(Span<int> order)
        {
            for (int k = 0; k < order.Length; k++) order[k] = k;
            for (int i = order.Length - 1; i >= 1; i--)
            {
                int j = (int)NextUInt32AtMost((uint)i);
                (order[i], order[j]) = (order[j], order[i]);
            }
        }

        /// <summary>One <c>np.random.rand()</c> (random_sample) value in [0, 1), with 53 random bits from two draws.</summary>
        public double Rand()
        {
            uint a = NextUInt32() >> 5;
            uint b = NextUInt32() >> 6;
            return (a * 67108864.0 + b) / 9007199254740992.0;
        }

        /// <summary>One <c>np.random.randn()</c> value: NumPy's legacy polar Box-Muller, which returns one value of
        /// each pair now and caches the other for the next call.</summary>
        public double Randn()
        {
            if (_hasGauss)
            {
                _hasGauss = false;
                return _gauss;
            }

            double x1, x2, r2;
            do
            {
                x1 = 2.0 * Rand() - 1.0;
                x2 = 2.0 * Rand() - 1.0;
                r2 = x1 * x1 + x2 * x2;
            }
            while (r2 >= 1.0 || r2 == 0.0);

            double f = Math.Sqrt(-2.0 * Math.Log(r2) / r2);
            _gauss = f * x1;
            _hasGauss = true;
            return f * x2;
        }

        /// <summary>Fills <paramref name="destination"/> in order, like <c>np.random.rand(...)</c> fills an array row-major.</summary>
        /// <param name="destination">The values to fill.</param>
        public void Rand(Span<double> destination)
        {
            for (int i = 0; i < destination.Length; i++) destination[i] = Rand();
        }

        /// <summary>Fills <paramref name="destination"/> in order, like <c>np.random.randn(...)</c> fills an array row-major.</summary>
        /// <param name="destination">The values to fill.</param>
        public void Randn(Span<double> destination)
        {
            for (int i = 0; i < destination.Length; i++) destination[i] = Randn();
        }

        private void Generate()
        {
            uint[] mt = _mt;
            int k;
            uint y;
            for (k = 0; k < N - M; k++)
            {
                y = (mt[k] & UpperMask) | (mt[k + 1] & LowerMask);
                mt[k] = mt[k + M] ^ (y >> 1) ^ ((y & 1U) != 0 ? MatrixA : 0U);
            }

            for (; k < N - 1; k++)
            {
                y = (mt[k] & UpperMask) | (mt[k + 1] & LowerMask);
                mt[k] = mt[k + (M - N)] ^ (y >> 1) ^ ((y & 1U) != 0 ? MatrixA : 0U);
            }

            y = (mt[N - 1] & UpperMask) | (mt[0] & LowerMask);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ ((y & 1U) != 0 ? MatrixA : 0U);
            _index = 0;
        }
    }
}
