using System;
using System.Buffers.Binary;

namespace PlanarGen.Weights
{
    /// <summary>The element types a weights file may hold: IEEE 754 binary32 and binary64, little-endian.</summary>
    internal enum TensorType
    {
        F32 = 0,
        F64 = 1,
    }

    /// <summary>Names, sizes and little-endian decoding of <see cref="TensorType"/>.</summary>
    internal static class TensorTypes
    {
        public static int Size(TensorType type) => type == TensorType.F32 ? 4 : 8;

        public static string Name(TensorType type) => type == TensorType.F32 ? "F32" : "F64";

        public static TensorType ForPrecision(Precision precision) => precision == Precision.Single ? TensorType.F32 : TensorType.F64;

        /// <summary>The safetensors dtype names this reader knows but does not accept, so the error can say "unsupported"
        /// rather than "unknown".</summary>
        public static bool IsOtherSafetensorsType(string name) => Array.IndexOf(OtherNames, name) >= 0;

        private static readonly string[] OtherNames =
            { "F16", "BF16", "F8_E4M3", "F8_E5M2", "I8", "U8", "I16", "U16", "I32", "U32", "I64", "U64", "BOOL" };

        /// <summary>Element <paramref name="index"/> of little-endian <paramref name="data"/>, as a double (exact for F32).</summary>
        public static double Read(TensorType type, ReadOnlySpan<byte> data, int index) => type == TensorType.F32
            ? BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadInt32LittleEndian(data.Slice(index * 4, 4)))
            : BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(data.Slice(index * 8, 8)));

        public static float ReadSingle(ReadOnlySpan<byte> data, int index) =>
            BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadInt32LittleEndian(data.Slice(index * 4, 4)));
    }
}
