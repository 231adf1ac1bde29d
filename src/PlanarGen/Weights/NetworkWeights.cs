using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using PlanarGen.Weights;

namespace PlanarGen
{
    /// <summary>
    /// Saves and loads the parameters of any generated network: safetensors or PlanarGen JSON out; safetensors, JSON or
    /// NumPy .npz in (format told from the content). Generic over the network so a struct is read in place and loaded
    /// through <c>ref</c>, with no boxing: <c>NetworkWeights.Load&lt;FlowerNet, float&gt;(ref net, "flower.safetensors")</c>.
    /// Formats, metadata and errors: docs/weights.md.
    /// </summary>
    /// <remarks>
    /// Loading checks everything before it changes the network: any problem with the content is a
    /// <see cref="WeightsFormatException"/> and leaves the network as it was. File-system failures (a missing file, no
    /// permission) keep their own exception types.
    /// </remarks>
    public static class NetworkWeights
    {
        /// <summary>Largest input read, in bytes (256 MiB; the largest network, 1024-1024-64 in JSON, is about 30 MB).</summary>
        public const int MaxInputBytes = 256 * 1024 * 1024;

        /// <summary>Writes the network's parameters to <paramref name="destination"/> in <paramref name="format"/>
        /// (<see cref="WeightsFormat.Safetensors"/> or <see cref="WeightsFormat.Json"/>): F32 for a float network, F64 for a double one.</summary>
        /// <exception cref="ArgumentException">The format is npz (read only), or a parameter is not finite.</exception>
        public static void Save<TNet, T>(in TNet network, Stream destination, WeightsFormat format)
            where TNet : INetwork<T> where T : unmanaged
        {
            if (destination is null) throw new ArgumentNullException(nameof(destination));
            RequireWritable(format, nameof(format));
            (WeightsTensor[] tensors, byte[] data, NetworkShape shape) = Encode<TNet, T>(network);
            var metadata = WeightsMetadata.For(shape, data);
            if (format == WeightsFormat.Safetensors) SafetensorsWriter.Write(destination, tensors, metadata);
            else WeightsJsonWriter.Write(destination, tensors, metadata);
        }

        /// <summary>Writes the network's parameters to <paramref name="path"/>, in the format its extension names
        /// (<c>.safetensors</c> or <c>.json</c>). The file is replaced atomically: written beside the target, then renamed over it.</summary>
        public static void Save<TNet, T>(in TNet network, string path)
            where TNet : INetwork<T> where T : unmanaged
        {
            WeightsFormat format = FormatOfPath(path);
            (WeightsTensor[] tensors, byte[] data, NetworkShape shape) = Encode<TNet, T>(network);
            var metadata = WeightsMetadata.For(shape, data);
            AtomicFile.Write(path, stream =>
            {
                if (format == WeightsFormat.Safetensors) SafetensorsWriter.Write(stream, tensors, metadata);
                else WeightsJsonWriter.Write(stream, tensors, metadata);
            });
        }

        /// <summary>The format a path's extension names: <c>.safetensors</c> or <c>.json</c> (any case).</summary>
        /// <exception cref="ArgumentException">Any other extension.</exception>
        public static WeightsFormat FormatOfPath(string path)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            string extension = Path.GetExtension(path);
            if (extension.Equals(".safetensors", StringComparison.OrdinalIgnoreCase)) return WeightsFormat.Safetensors;
            if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase)) return WeightsFormat.Json;
            if (extension.Equals(".npz", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"Expected a path ending in .safetensors or .json, but got '{path}': .npz is read only (NumPy writes it).", nameof(path));
            throw new ArgumentException($"Expected a path ending in .safetensors or .json, but got '{path}'.", nameof(path));
        }

        /// <summary>Loads parameters from the whole of <paramref name="source"/> (read to its end), in any of the three formats.</summary>
        /// <exception cref="WeightsFormatException">The content is malformed, damaged, or does not fit the network; the network is unchanged.</exception>
        public static void Load<TNet, T>(ref TNet network, Stream source)
            where TNet : INetwork<T> where T : unmanaged
        {
            if (source is null) throw new ArgumentNullException(nameof(source));
            LoadBytes<TNet, T>(ref network, ReadAll(source));
        }

        /// <summary>Loads parameters from the file at <paramref name="path"/>, in any of the three formats.</summary>
        /// <exception cref="WeightsFormatException">The content is malformed, damaged, or does not fit the network (the
        /// message and <see cref="WeightsFormatException.Path"/> name the file); the network is unchanged.</exception>
        public static void Load<TNet, T>(ref TNet network, string path)
            where TNet : INetwork<T> where T : unmanaged
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            try
            {
                LoadBytes<TNet, T>(ref network, ReadFile(path));
            }
            catch (WeightsFormatException e)
            {
                throw new WeightsFormatException(path, e);
            }
        }

        /// <summary>The whole file, refused unread when larger than <see cref="MaxInputBytes"/>.</summary>
        internal static byte[] ReadFile(string path)
        {
            long length = new FileInfo(path).Length;
            if (length > MaxInputBytes) throw TooLarge(length);
            return File.ReadAllBytes(path);
        }

        /// <summary>Decodes any of the three formats (told from the content); an npz is bounded by <paramref name="shape"/>
        /// when given, else by the largest network.</summary>
        internal static WeightsContent Decode(byte[] input, NetworkShape? shape)
        {
            WeightsFormat format = WeightsDetection.Detect(input);
            return format switch
            {
                WeightsFormat.Safetensors => SafetensorsReader.Read(input),
                WeightsFormat.Npz => shape is NetworkShape s ? NpzReader.Read(input, s) : NpzReader.Read(input),
                _ => WeightsJsonReader.Read(input, WeightsDetection.JsonStart(input)),
            };
        }

        /// <summary>Loads parameters from bytes in memory (for example Unity's <c>TextAsset.bytes</c>), in any of the three formats.</summary>
        /// <exception cref="WeightsFormatException">The content is malformed, damaged, or does not fit the network; the network is unchanged.</exception>
        public static void Load<TNet, T>(ref TNet network, ReadOnlySpan<byte> content)
            where TNet : INetwork<T> where T : unmanaged
        {
            if (content.Length > MaxInputBytes) throw TooLarge(content.Length);
            LoadBytes<TNet, T>(ref network, content.ToArray());
        }

        private static void LoadBytes<TNet, T>(ref TNet network, byte[] input)
            where TNet : INetwork<T> where T : unmanaged
        {
            NetworkShape shape = network.Shape;
            RequirePrecision<T>(shape);
            // A checkpoint's optimizer tensors and keys are read and set aside first (NetworkCheckpoint); a plain file has none.
            // Then the input scaling's tensors, if any; what remains are the parameters.
            (WeightsContent withScaling, NetworkCheckpoint.Saved<T>? training) = NetworkCheckpoint.Split<T>(Decode(input, shape), shape);
            WeightsContent content = InputScalingTensors.Split(withScaling, out var scaling);
            WeightsMetadata.Check(content, shape);
            WeightsTensor[] tensors = ParameterTensors.Select(content.Tensors, shape);
            T[] parameters = ParameterTensors.ToParameters<T>(tensors, shape.ParameterCount);
            (T[] Offsets, T[] Scales)? inputScaling = null;
            if (scaling is { } s)
            {
                InputScalingTensors.Check(s, content.Metadata, shape.Inputs);
                inputScaling = InputScalingTensors.ToValues<T>(s, shape.Inputs);
            }
            // Everything is checked: neither call below can fail, so the network changes completely or not at all.
            network.LoadParameters(parameters);
            if (inputScaling is { } values) network.SetInputScaling(values.Offsets, values.Scales);
            else network.ClearInputScaling();
            if (training != null) network.RestoreTrainingState(training.State, training.Moments);
        }

        private static byte[] ReadAll(Stream source)
        {
            if (source.CanSeek)
            {
                long remaining = source.Length - source.Position;
                if (remaining > MaxInputBytes) throw TooLarge(remaining);
            }
            using var copy = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = source.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (copy.Length + n > MaxInputBytes) throw TooLarge(copy.Length + n);
                copy.Write(chunk, 0, n);
            }
            return copy.ToArray();
        }

        internal static WeightsFormatException TooLarge(long length) =>
            new WeightsFormatException($"input: expected at most {MaxInputBytes} bytes, found {(length > MaxInputBytes ? "more than that" : length.ToString(CultureInfo.InvariantCulture))} ({length} bytes or more).");

        internal static void RequireWritable(WeightsFormat format, string argument)
        {
            if (format == WeightsFormat.Safetensors || format == WeightsFormat.Json) return;
            throw new ArgumentException(format == WeightsFormat.Npz
                ? "Expected WeightsFormat.Safetensors or WeightsFormat.Json, but got Npz, which PlanarGen reads but does not write."
                : $"Expected WeightsFormat.Safetensors or WeightsFormat.Json, but got {format}.", argument);
        }

        private static void RequirePrecision<T>(NetworkShape shape)
        {
            Precision expected = typeof(T) == typeof(float) ? Precision.Single : typeof(T) == typeof(double) ? Precision.Double
                : throw new ArgumentException($"Expected a network of float or double, but got one of {typeof(T).Name}.");
            if (shape.Precision != expected)
                throw new ArgumentException($"Expected T to be the network's parameter type ({(shape.Precision == Precision.Single ? "float" : "double")}), but got {typeof(T).Name}.");
        }

        /// <summary>The parameters as four little-endian tensors over one data buffer, in the notebook's shapes
        /// (W1 [Hidden, Inputs], b1 [Hidden, 1], W2 [Outputs, Hidden], b2 [Outputs, 1]).</summary>
        internal static (WeightsTensor[], byte[], NetworkShape) Encode<TNet, T>(in TNet network)
            where TNet : INetwork<T> where T : unmanaged
        {
            NetworkShape shape = network.Shape;
            RequirePrecision<T>(shape);
            int count = shape.ParameterCount;
            int inputs = shape.Inputs;
            bool scaled = network.HasInputScaling;
            // The parameters, then (when set) the input offsets and scales: the tensors input_offset and input_scale follow b2.
            var values = new T[count + (scaled ? 2 * inputs : 0)];
            network.CopyParametersTo(values.AsSpan(0, count));
            if (scaled) network.TryGetInputScaling(values.AsSpan(count, inputs), values.AsSpan(count + inputs, inputs));
            TensorType type = TensorTypes.ForPrecision(shape.Precision);
            int size = TensorTypes.Size(type);
            var data = new byte[values.Length * size];
            for (int k = 0; k < values.Length; k++)
            {
                double value;
                if (typeof(T) == typeof(float))
                {
                    float f = MemoryMarshal.Cast<T, float>(values.AsSpan())[k];
                    BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(k * 4), BitConverter.SingleToInt32Bits(f));
                    value = f;
                }
                else
                {
                    value = MemoryMarshal.Cast<T, double>(values.AsSpan())[k];
                    BinaryPrimitives.WriteInt64LittleEndian(data.AsSpan(k * 8), BitConverter.DoubleToInt64Bits(value));
                }
                if (double.IsNaN(value) || double.IsInfinity(value))
                    throw new ArgumentException($"Expected finite parameters to save, but parameter {k} (notebook order W1, b1, W2, b2) is {NumberText.Format(value)}.", nameof(network));
            }
            int h = shape.Hidden, i = shape.Inputs, o = shape.Outputs;
            var shapes = new[] { new[] { h, i }, new[] { h, 1 }, new[] { o, h }, new[] { o, 1 }, new[] { i }, new[] { i } };
            string[] names = { "W1", "b1", "W2", "b2", InputScalingTensors.OffsetName, InputScalingTensors.ScaleName };
            var tensors = new WeightsTensor[scaled ? 6 : 4];
            int at = 0;
            for (int t = 0; t < tensors.Length; t++)
            {
                int length = shapes[t].Aggregate(1, (a, b) => a * b) * size;
                tensors[t] = new WeightsTensor(names[t], type, shapes[t], new ReadOnlyMemory<byte>(data, at, length));
                at += length;
            }
            return (tensors, data, shape);
        }
    }
}
