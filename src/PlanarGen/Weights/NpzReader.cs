using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using PlanarGen.Hashing;

namespace PlanarGen.Weights
{
    /// <summary>
    /// Reads a NumPy <c>.npz</c>: a zip archive (stored, as np.savez writes, or deflated, as np.savez_compressed writes) of
    /// <c>NAME.npy</c> entries. Each entry's CRC-32 is checked here, because ZipArchive does not check it for stored
    /// entries; each entry's declared size is checked against a bound before anything is allocated for it.
    /// </summary>
    internal static class NpzReader
    {
        /// <summary>Most entries accepted (a network has four).</summary>
        public const int MaxEntries = 64;

        /// <summary>Reads an npz meant for a network of <paramref name="shape"/>: entries larger than its biggest tensor are refused unread.</summary>
        public static WeightsContent Read(byte[] input, NetworkShape shape) =>
            Read(input, EntryLimit(Math.Max(shape.Hidden * (long)shape.Inputs, shape.Outputs * (long)shape.Hidden)), $"a {WeightsMetadata.ShapeText(shape)} network");

        /// <summary>Reads an npz with no network at hand (inspect, convert): entries are bounded by the largest network's biggest tensor.</summary>
        public static WeightsContent Read(byte[] input) =>
            Read(input, EntryLimit(NetworkLimits.MaxHidden * (long)Math.Max(NetworkLimits.MaxInputs, NetworkLimits.MaxOutputs)), "the largest network");

        /// <summary>The largest entry a matching file can have: the biggest tensor in F64 plus the largest .npy header.</summary>
        private static long EntryLimit(long largestTensorElements) => 12 + NpyReader.MaxHeaderBytes + 8L * largestTensorElements;

        private static WeightsContent Read(byte[] input, long maxEntryBytes, string limitFor)
        {
            var tensors = new List<WeightsTensor>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                using var archive = new ZipArchive(new MemoryStream(input, writable: false), ZipArchiveMode.Read);
                if (archive.Entries.Count > MaxEntries)
                    throw new WeightsFormatException($"npz: expected at most {MaxEntries} arrays, found {archive.Entries.Count}.");
                foreach (ZipArchiveEntry entry in archive.Entries)
                {
                    string fullName = entry.FullName;
                    if (!fullName.EndsWith(".npy", StringComparison.Ordinal))
                        throw new WeightsFormatException($"npz: found the entry \"{fullName}\"; expected only NAME.npy arrays.");
                    string name = fullName.Substring(0, fullName.Length - 4);
                    if (!names.Add(name)) throw new WeightsFormatException($"npz: found the array \"{name}\" twice.");
                    long declared = entry.Length;
                    if (declared < 0 || declared > maxEntryBytes)
                        throw new WeightsFormatException($"npz entry \"{fullName}\": declares {declared} bytes; expected at most {maxEntryBytes} for {limitFor}.");
                    byte[] bytes = ReadEntry(entry, (int)declared);
                    uint crc = Crc32.Compute(bytes);
                    if (crc != entry.Crc32)
                        throw new WeightsFormatException($"npz entry \"{fullName}\": the zip records CRC-32 {entry.Crc32:x8}, but the content gives {crc:x8}: the entry was altered or damaged.");
                    tensors.Add(NpyReader.Read(name, fullName, bytes));
                }
            }
            catch (Exception e) when (!(e is WeightsFormatException))
            {
                // ZipArchive's own findings (bad signatures, sizes, unsupported compression) in this exception type.
                throw new WeightsFormatException($"npz: the zip archive is damaged or unsupported ({e.GetType().Name}: {e.Message})");
            }
            return new WeightsContent(WeightsFormat.Npz, tensors, new Dictionary<string, string>(StringComparer.Ordinal), ReadOnlyMemory<byte>.Empty);
        }

        /// <summary>Exactly <paramref name="length"/> bytes, and an error when the entry holds fewer or more.</summary>
        private static byte[] ReadEntry(ZipArchiveEntry entry, int length)
        {
            var bytes = new byte[length];
            using Stream stream = entry.Open();
            int read = 0;
            while (read < length)
            {
                int n = stream.Read(bytes, read, length - read);
                if (n == 0) throw new WeightsFormatException($"npz entry \"{entry.FullName}\": declares {length} bytes, but holds only {read}.");
                read += n;
            }
            if (stream.ReadByte() >= 0) throw new WeightsFormatException($"npz entry \"{entry.FullName}\": holds more than the {length} bytes it declares.");
            return bytes;
        }
    }
}
