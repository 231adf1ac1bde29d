using System;
using System.Collections.Generic;
using System.Globalization;
using PlanarGen.Hashing;

namespace PlanarGen.Weights
{
    /// <summary>
    /// The metadata PlanarGen writes into its files (string to string, safetensors' <c>__metadata__</c> or the JSON form's
    /// <c>metadata</c>) and the checks made on load. A file with no <c>planargen.</c> key is foreign and is accepted on its
    /// tensor shapes alone; a file with any such key must carry all of them, consistent with the network and the data.
    /// </summary>
    internal static class WeightsMetadata
    {
        public const string Prefix = "planargen.";
        public const string FormatVersion = "planargen.format_version";
        public const string Shape = "planargen.shape";
        public const string HiddenActivation = "planargen.hidden_activation";
        public const string OutputActivation = "planargen.output_activation";
        public const string LeakySlope = "planargen.leaky_slope";
        public const string Precision = "planargen.precision";
        public const string Checksum = "planargen.checksum";

        /// <summary>The only format version this code reads and writes.</summary>
        public const string CurrentVersion = "1";

        private const string ChecksumPrefix = "xxh64:";

        private const int ChecksumDigits = 16;

        private const int ParameterTensorCount = 4;

        private static readonly string[] AllKeys = { FormatVersion, Shape, HiddenActivation, OutputActivation, LeakySlope, Precision, Checksum };

        /// <summary>The metadata for a network of <paramref name="shape"/> whose data buffer is <paramref name="data"/>, in the order written.</summary>
        public static List<KeyValuePair<string, string>> For(NetworkShape shape, ReadOnlySpan<byte> data) => new List<KeyValuePair<string, string>>
        {
            new KeyValuePair<string, string>(FormatVersion, CurrentVersion),
            new KeyValuePair<string, string>(Shape, ShapeText(shape)),
            new KeyValuePair<string, string>(HiddenActivation, ActivationName(shape.HiddenActivation)),
            new KeyValuePair<string, string>(OutputActivation, ActivationName(shape.OutputActivation)),
            new KeyValuePair<string, string>(LeakySlope, NumberText.Format(shape.LeakySlope)),
            new KeyValuePair<string, string>(Precision, PrecisionName(shape.Precision)),
            new KeyValuePair<string, string>(Checksum, ChecksumText(XxHash64.Hash(data))),
        };

        public static string ShapeText(NetworkShape shape) => $"{shape.Inputs}-{shape.Hidden}-{shape.Outputs}";

        public static string ActivationName(Activation activation) => activation switch
        {
            Activation.Tanh => "tanh",
            Activation.Sigmoid => "sigmoid",
            Activation.ReLU => "relu",
            Activation.Softmax => "softmax",
            Activation.Linear => "linear",
            _ => "leaky_relu",
        };

        public static string PrecisionName(Precision precision) => precision == PlanarGen.Precision.Single ? "single" : "double";

        /// <summary>The checksum text of a data buffer's XXH64: for a network saved by PlanarGen it equals the network's
        /// <c>Fingerprint()</c> (the buffer holds the parameters' little-endian bits in notebook order).</summary>
        public static string ChecksumText(ulong hash) => ChecksumPrefix + hash.ToString("x16", CultureInfo.InvariantCulture);

        public static string Describe(NetworkShape shape) =>
            $"{ShapeText(shape)}, hidden {ActivationName(shape.HiddenActivation)}{(shape.HiddenActivation == Activation.LeakyReLU ? " (slope " + NumberText.Format(shape.LeakySlope) + ")" : "")}, output {ActivationName(shape.OutputActivation)}, {PrecisionName(shape.Precision)}";

        /// <summary>Checks PlanarGen's metadata, when present, against the network and the file's tensors and data buffer.</summary>
        public static void Check(WeightsContent content, NetworkShape shape)
        {
            IReadOnlyDictionary<string, string> metadata = content.Metadata;
            bool any = false;
            foreach (KeyValuePair<string, string> entry in metadata)
            {
                if (!entry.Key.StartsWith(Prefix, StringComparison.Ordinal)) continue;
                any = true;
                if (Array.IndexOf(AllKeys, entry.Key) < 0)
                    throw Error($"found the unknown key \"{entry.Key}\"; expected only {string.Join(", ", AllKeys)}.");
            }
            if (!any) return;
            foreach (string key in AllKeys)
                if (!metadata.ContainsKey(key)) throw Error($"expected the key \"{key}\" (the file has other planargen.* keys), found none.");

            string version = metadata[FormatVersion];
            if (version != CurrentVersion) throw Error($"{FormatVersion} is \"{version}\"; this PlanarGen reads version {CurrentVersion}.");
            string network = $"the network ({Describe(shape)})";
            Require(metadata, Shape, ShapeText(shape), network);
            Require(metadata, HiddenActivation, ActivationName(shape.HiddenActivation), network);
            Require(metadata, OutputActivation, ActivationName(shape.OutputActivation), network);

            string slopeText = metadata[LeakySlope];
            if (!double.TryParse(slopeText, NumberStyles.Float, CultureInfo.InvariantCulture, out double slope) || double.IsNaN(slope) || double.IsInfinity(slope))
                throw Error($"{LeakySlope} is \"{slopeText}\"; expected a finite number.");
            if (shape.HiddenActivation == Activation.LeakyReLU && slope != shape.LeakySlope)
                throw Error($"{LeakySlope} is \"{slopeText}\", but {network} has slope {NumberText.Format(shape.LeakySlope)}.");

            string precisionText = metadata[Precision];
            TensorType stored = precisionText == "single" ? TensorType.F32 : precisionText == "double" ? TensorType.F64
                : throw Error($"{Precision} is \"{precisionText}\"; expected \"single\" or \"double\".");
            foreach (WeightsTensor tensor in content.Tensors)
                if (tensor.Type != stored)
                    throw Error($"{Precision} is \"{precisionText}\", so every tensor should be {TensorTypes.Name(stored)}, but {tensor.Name} is {TensorTypes.Name(tensor.Type)}.");
            if (content.Tensors.Count != ParameterTensorCount)
                throw Error($"expected exactly the {ParameterTensorCount} parameter tensors W1, b1, W2, b2 in a PlanarGen file, found {content.Tensors.Count}.");

            string checksumText = metadata[Checksum];
            string actual = ChecksumText(XxHash64.Hash(content.DataBuffer.Span));
            if (!IsChecksumText(checksumText)) throw Error($"{Checksum} is \"{checksumText}\"; expected \"xxh64:\" and 16 lowercase hex digits.");
            if (checksumText != actual)
                throw Error($"{Checksum} is \"{checksumText}\", but the tensor data gives \"{actual}\": the data was altered or damaged.");
        }

        private static bool IsChecksumText(string text)
        {
            if (text.Length != ChecksumPrefix.Length + ChecksumDigits || !text.StartsWith(ChecksumPrefix, StringComparison.Ordinal)) return false;
            for (int k = ChecksumPrefix.Length; k < text.Length; k++)
            {
                char c = text[k];
                if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) return false;
            }
            return true;
        }

        private static void Require(IReadOnlyDictionary<string, string> metadata, string key, string expected, string network)
        {
            string found = metadata[key];
            if (found != expected) throw Error($"{key} is \"{found}\", but {network} needs \"{expected}\".");
        }

        private static WeightsFormatException Error(string message) => new WeightsFormatException("metadata: " + message);
    }
}
