using System.Buffers.Binary;

namespace PlanarGen.Weights
{
    /// <summary>Tells the formats apart by content: safetensors when the first 8 bytes give a header length N with 8 + N
    /// within the input and byte 8 is '{'; else "PK" (a zip, so npz); else JSON (after an optional UTF-8 BOM).</summary>
    internal static class WeightsDetection
    {
        public static WeightsFormat Detect(byte[] input)
        {
            if (input.Length >= 9 && input[8] == (byte)'{')
            {
                ulong n = BinaryPrimitives.ReadUInt64LittleEndian(input);
                if (n <= (ulong)(input.Length - 8)) return WeightsFormat.Safetensors;
                // A header length that runs past the end: a truncated safetensors file unless the input could start JSON.
                if (!CanStartJson(input[0])) return WeightsFormat.Safetensors;
            }
            if (input.Length >= 2 && input[0] == (byte)'P' && input[1] == (byte)'K') return WeightsFormat.Npz;
            return WeightsFormat.Json;
        }

        /// <summary>Where the JSON text starts: after a UTF-8 byte order mark, if there is one.</summary>
        public static int JsonStart(byte[] input) =>
            input.Length >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF ? 3 : 0;

        private static bool CanStartJson(byte b) => b == (byte)'{' || b == (byte)' ' || b == (byte)'\t' || b == (byte)'\n' || b == (byte)'\r' || b == 0xEF;
    }
}
