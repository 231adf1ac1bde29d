using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PlanarGen.Weights;

namespace PlanarGen
{
    /// <summary>
    /// Checkpoints: a weights file (safetensors or JSON) that also carries the training state, so training resumes exactly
    /// where it stopped. Beside W1, b1, W2, b2 it holds two tensors, <c>optimizer.first</c> and <c>optimizer.second</c>
    /// (the moments, [ParameterCount] each, the network's precision) and the <see cref="TrainingState"/> as
    /// <c>planargen.training.*</c> metadata; the checksum covers every tensor. <c>LoadWeights</c> restores the state from a
    /// checkpoint and clears it for a plain weights file. Generated networks call this from <c>SaveCheckpoint</c>
    /// (docs/training.md, docs/weights.md).
    /// </summary>
    public static class NetworkCheckpoint
    {
        /// <summary>Prefix of the training-state metadata keys.</summary>
        public const string MetadataPrefix = "planargen.training.";

        private const string FirstMoments = "optimizer.first", SecondMoments = "optimizer.second";

        /// <summary>Writes the parameters, <paramref name="state"/> and <paramref name="moments"/> (2 x ParameterCount values,
        /// or empty for none) to <paramref name="destination"/> as safetensors or JSON.</summary>
        public static void Save<TNet, T>(in TNet network, TrainingState state, ReadOnlySpan<T> moments, Stream destination, WeightsFormat format)
            where TNet : INetwork<T> where T : unmanaged
        {
            if (destination is null) throw new ArgumentNullException(nameof(destination));
            NetworkWeights.RequireWritable(format, nameof(format));
            (WeightsTensor[] tensors, List<KeyValuePair<string, string>> metadata) = Build<TNet, T>(network, state, moments);
            Write(destination, format, tensors, metadata);
        }

        /// <summary>Writes a checkpoint to <paramref name="path"/> (<c>.safetensors</c> or <c>.json</c>), replacing it atomically.</summary>
        public static void Save<TNet, T>(in TNet network, TrainingState state, ReadOnlySpan<T> moments, string path)
            where TNet : INetwork<T> where T : unmanaged
        {
            WeightsFormat format = NetworkWeights.FormatOfPath(path);
            (WeightsTensor[] tensors, List<KeyValuePair<string, string>> metadata) = Build<TNet, T>(network, state, moments);
            AtomicFile.Write(path, stream => Write(stream, format, tensors, metadata));
        }

        private static void Write(Stream destination, WeightsFormat format, WeightsTensor[] tensors, List<KeyValuePair<string, string>> metadata)
        {
            if (format == WeightsFormat.Safetensors) SafetensorsWriter.Write(destination, tensors, metadata);
            else WeightsJsonWriter.Write(destination, tensors, metadata);
        }

        private static (WeightsTensor[], List<KeyValuePair<string, string>>) Build<TNet, T>(in TNet network, TrainingState state, ReadOnlySpan<T> moments)
            where TNet : INetwork<T> where T : unmanaged
        {
            (WeightsTensor[] parameters, byte[] data, NetworkShape shape) = NetworkWeights.Encode<TNet, T>(network);
            int count = shape.ParameterCount;
            if (moments.Length != 0) NetworkValidation.RequireLength(moments.Length, 2 * count, nameof(moments), "2 x ParameterCount optimizer moments");
            byte[] momentBytes = new byte[2 * count * TensorTypes.Size(parameters[0].Type)];
            if (moments.Length != 0) System.Runtime.InteropServices.MemoryMarshal.AsBytes(moments).CopyTo(momentBytes);
            if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Checkpoints are written on little-endian hosts only.");
            var all = new byte[data.Length + momentBytes.Length];
            data.CopyTo(all, 0);
            momentBytes.CopyTo(all, data.Length);
            var tensors = new WeightsTensor[6];
            int at = 0;
            for (int t = 0; t < 4; t++)
            {
                tensors[t] = new WeightsTensor(parameters[t].Name, parameters[t].Type, parameters[t].Shape, new ReadOnlyMemory<byte>(all, at, parameters[t].Data.Length));
                at += parameters[t].Data.Length;
            }
            int half = momentBytes.Length / 2;
            tensors[4] = new WeightsTensor(FirstMoments, parameters[0].Type, new[] { count }, new ReadOnlyMemory<byte>(all, at, half));
            tensors[5] = new WeightsTensor(SecondMoments, parameters[0].Type, new[] { count }, new ReadOnlyMemory<byte>(all, at + half, half));
            List<KeyValuePair<string, string>> metadata = WeightsMetadata.For(shape, all);
            foreach ((string key, string value) in state.ToText()) metadata.Add(new KeyValuePair<string, string>(MetadataPrefix + key, value));
            return (tensors, metadata);
        }

        /// <summary>A checkpoint's training state, read before anything is loaded.</summary>
        internal sealed class Saved<T> where T : unmanaged
        {
            public Saved(TrainingState state, T[] moments)
            {
                State = state;
                Moments = moments;
            }

            public TrainingState State { get; }

            public T[] Moments { get; }
        }

        /// <summary>Reads and removes a checkpoint's tensors and keys (the data buffer, which the checksum covers, is kept whole);
        /// content without them is returned as it is, with no state.</summary>
        internal static (WeightsContent, Saved<T>?) Split<T>(WeightsContent content, NetworkShape shape) where T : unmanaged
        {
            bool keys = content.Metadata.Keys.Any(k => k.StartsWith(MetadataPrefix, StringComparison.Ordinal));
            WeightsTensor? first = content.Tensors.FirstOrDefault(t => t.Name == FirstMoments);
            WeightsTensor? second = content.Tensors.FirstOrDefault(t => t.Name == SecondMoments);
            if (!keys && first == null && second == null) return (content, null);
            if (!keys || first == null || second == null)
                throw new WeightsFormatException($"checkpoint: expected the tensors {FirstMoments} and {SecondMoments} and the {MetadataPrefix}* keys together, found only some of them.");
            int count = shape.ParameterCount;
            foreach (WeightsTensor t in new[] { first, second })
                if (t.Shape.Length != 1 || t.Shape[0] != count)
                    throw new WeightsFormatException($"tensor {t.Name}: expected shape [{count}] (one moment per parameter), found {t.ShapeText}.");
            TrainingState state;
            try
            {
                state = TrainingState.FromText(key => content.Metadata.TryGetValue(MetadataPrefix + key, out string? value) ? value
                    : throw new FormatException($"expected the key \"{MetadataPrefix + key}\", found none."));
            }
            catch (FormatException e)
            {
                throw new WeightsFormatException("checkpoint: " + e.Message);
            }
            T[] moments = ParameterTensors.ToParameters<T>(new[] { first, second }, 2 * count);
            var rest = new WeightsContent(content.Format, content.Tensors.Where(t => t != first && t != second).ToList(),
                content.Metadata.Where(e => !e.Key.StartsWith(MetadataPrefix, StringComparison.Ordinal)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal),
                content.DataBuffer);
            return (rest, new Saved<T>(state, moments));
        }
    }
}
