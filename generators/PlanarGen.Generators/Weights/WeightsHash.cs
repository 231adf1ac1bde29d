using System.Collections.Generic;

namespace PlanarGen.Generators.Weights
{
    /// <summary>
    /// XXH64 (seed 0) of a whole byte buffer, for planargen.checksum and the baked network's fingerprint. The runtime's
    /// streaming <c>PlanarGen.Hashing.XxHash64</c> cannot be linked in here (it needs <c>MemoryMarshal.CreateSpan</c>, which
    /// netstandard2.0 lacks); tests check this one gives the runtime's <c>Fingerprint()</c>.
    /// </summary>
    internal static class WeightsHash
    {
        private const ulong Prime1 = 11400714785074694791UL;
        private const ulong Prime2 = 14029467366897019727UL;
        private const ulong Prime3 = 1609587929392839161UL;
        private const ulong Prime4 = 9650029242287828579UL;
        private const ulong Prime5 = 2870177450012600261UL;

        /// <summary>"xxh64:" and the 16 lowercase hex digits of the hash, as the runtime writes it.</summary>
        public static string Text(List<byte> data) =>
            "xxh64:" + Hash(data).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

        public static ulong Hash(List<byte> data)
        {
            int length = data.Count, p = 0;
            ulong h;
            if (length >= 32)
            {
                ulong v1 = unchecked(Prime1 + Prime2), v2 = Prime2, v3 = 0, v4 = unchecked(0 - Prime1);
                for (; p + 32 <= length; p += 32)
                {
                    v1 = Round(v1, U64(data, p));
                    v2 = Round(v2, U64(data, p + 8));
                    v3 = Round(v3, U64(data, p + 16));
                    v4 = Round(v4, U64(data, p + 24));
                }
                h = Rotl(v1, 1) + Rotl(v2, 7) + Rotl(v3, 12) + Rotl(v4, 18);
                h = Merge(Merge(Merge(Merge(h, v1), v2), v3), v4);
            }
            else h = Prime5;
            unchecked
            {
                h += (ulong)length;
                for (; p + 8 <= length; p += 8) h = Rotl(h ^ Round(0, U64(data, p)), 27) * Prime1 + Prime4;
                if (p + 4 <= length)
                {
                    h = Rotl(h ^ (U32(data, p) * Prime1), 23) * Prime2 + Prime3;
                    p += 4;
                }
                for (; p < length; p++) h = Rotl(h ^ (data[p] * Prime5), 11) * Prime1;
                h ^= h >> 33;
                h *= Prime2;
                h ^= h >> 29;
                h *= Prime3;
                h ^= h >> 32;
            }
            return h;
        }

        private static ulong Round(ulong acc, ulong input) => unchecked(Rotl(acc + input * Prime2, 31) * Prime1);

        private static ulong Merge(ulong h, ulong v) => unchecked((h ^ Round(0, v)) * Prime1 + Prime4);

        private static ulong Rotl(ulong x, int r) => (x << r) | (x >> (64 - r));

        private static ulong U64(List<byte> d, int p) => U32(d, p) | (U32(d, p + 4) << 32);

        private static ulong U32(List<byte> d, int p) => d[p] | ((ulong)d[p + 1] << 8) | ((ulong)d[p + 2] << 16) | ((ulong)d[p + 3] << 24);
    }
}
