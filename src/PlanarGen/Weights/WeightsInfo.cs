using System.Collections.Generic;

namespace PlanarGen
{
    /// <summary>What a weights file holds, read without a network: <see cref="WeightsFile.Inspect(string)"/>.</summary>
    public sealed class WeightsInfo
    {
        internal WeightsInfo(WeightsFormat format, IReadOnlyList<WeightsTensorInfo> tensors, IReadOnlyList<KeyValuePair<string, string>> metadata,
            WeightsChecksumStatus checksumStatus, string? storedChecksum, string computedChecksum)
        {
            Format = format;
            Tensors = tensors;
            Metadata = metadata;
            ChecksumStatus = checksumStatus;
            StoredChecksum = storedChecksum;
            ComputedChecksum = computedChecksum;
        }

        /// <summary>The format, told from the content (not the extension).</summary>
        public WeightsFormat Format { get; }

        /// <summary>The tensors in file order.</summary>
        public IReadOnlyList<WeightsTensorInfo> Tensors { get; }

        /// <summary>The string metadata in file order (safetensors' <c>__metadata__</c>, the JSON form's <c>metadata</c>; none in an npz).</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Metadata { get; }

        /// <summary>Whether <see cref="StoredChecksum"/> agrees with the data.</summary>
        public WeightsChecksumStatus ChecksumStatus { get; }

        /// <summary>The <c>planargen.checksum</c> value, or null when the file has none.</summary>
        public string? StoredChecksum { get; }

        /// <summary>The XXH64 of the tensor data as <c>xxh64:</c> and 16 hex digits (what PlanarGen would store); for an npz,
        /// of the tensors concatenated in file order.</summary>
        public string ComputedChecksum { get; }

        /// <summary>The values of the tensor <c>input_offset</c> (F32 widened exactly), or null when the file has no such
        /// one-dimensional tensor: the offsets of the input scaling <c>x' = (x - offset) * scale</c> (docs/weights.md#input-scaling).</summary>
        public IReadOnlyList<double>? InputOffsets { get; internal set; }

        /// <summary>The values of the tensor <c>input_scale</c>, or null when the file has no such one-dimensional tensor.</summary>
        public IReadOnlyList<double>? InputScales { get; internal set; }
    }
}
