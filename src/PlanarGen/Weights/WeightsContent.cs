using System;
using System.Collections.Generic;

namespace PlanarGen.Weights
{
    /// <summary>What any weights format decodes to: tensors in file order, string metadata, and the data buffer that
    /// PlanarGen's checksum covers (the concatenated little-endian tensors in file order; empty for .npz).</summary>
    internal sealed class WeightsContent
    {
        public WeightsContent(WeightsFormat format, IReadOnlyList<WeightsTensor> tensors, IReadOnlyDictionary<string, string> metadata, ReadOnlyMemory<byte> dataBuffer)
        {
            Format = format;
            Tensors = tensors;
            Metadata = metadata;
            DataBuffer = dataBuffer;
        }

        public WeightsFormat Format { get; }

        public IReadOnlyList<WeightsTensor> Tensors { get; }

        public IReadOnlyDictionary<string, string> Metadata { get; }

        public ReadOnlyMemory<byte> DataBuffer { get; }

        /// <summary>How each format names itself in error messages.</summary>
        public static string Describe(WeightsFormat format) => format switch
        {
            WeightsFormat.Safetensors => "safetensors",
            WeightsFormat.Json => "JSON",
            _ => "npz",
        };
    }
}
