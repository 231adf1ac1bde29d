using System;

namespace PlanarGen.Hashing
{
    /// <summary>
    /// CRC-32 as in zip, PNG and zlib (IEEE 802.3): reflected polynomial 0xEDB88320, initial value 0xFFFFFFFF, final XOR
    /// 0xFFFFFFFF; the CRC of the ASCII bytes "123456789" is 0xCBF43926. Written here so the runtime needs no package on
    /// netstandard2.1; used to check the zip entries of .npz files.
    /// </summary>
    internal static class Crc32
    {
        private static readonly uint[] Table = BuildTable();

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                table[n] = c;
            }
            return table;
        }

        /// <summary>The running value before any byte (feed it to <see cref="Append"/>, finish with <see cref="Finish"/>).</summary>
        public const uint Start = 0xFFFFFFFFu;

        public static uint Append(uint state, ReadOnlySpan<byte> bytes)
        {
            uint[] table = Table;
            foreach (byte b in bytes) state = table[(state ^ b) & 0xFF] ^ (state >> 8);
            return state;
        }

        public static uint Finish(uint state) => state ^ 0xFFFFFFFFu;

        public static uint Compute(ReadOnlySpan<byte> bytes) => Finish(Append(Start, bytes));
    }
}
