using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace PlanarGen.Onnx
{
    /// <summary>
    /// The protocol-buffers wire format, as much of it as an ONNX model needs: a field is a tag (field number x 8 + wire
    /// type) as a varint, then a varint (type 0), four little-endian bytes (type 5) or a varint length and that many bytes
    /// (type 2: strings, bytes, packed arrays and nested messages). Fields are written in the order called.
    /// </summary>
    internal sealed class ProtoWriter
    {
        private const int WireVarint = 0;
        private const int WireLengthDelimited = 2;
        private const int WireFixed32 = 5;

        private readonly MemoryStream _bytes = new MemoryStream();

        /// <summary>An integer field (int32, int64 and enums share the varint encoding; only values of zero or more occur here).</summary>
        public ProtoWriter Int(int field, long value)
        {
            if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), value, "Expected a value of zero or more.");
            Tag(field, WireVarint);
            Varint((ulong)value);
            return this;
        }

        /// <summary>A <c>float</c> field: four little-endian bytes.</summary>
        public ProtoWriter Float(int field, float value)
        {
            Tag(field, WireFixed32);
            Span<byte> bytes = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(bytes, BitConverter.SingleToInt32Bits(value));
            _bytes.Write(bytes);
            return this;
        }

        public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public ProtoWriter Bytes(int field, ReadOnlySpan<byte> value)
        {
            Tag(field, WireLengthDelimited);
            Varint((ulong)value.Length);
            _bytes.Write(value);
            return this;
        }

        /// <summary>A nested message: its encoding as a length-delimited field.</summary>
        public ProtoWriter Message(int field, ProtoWriter message) => Bytes(field, message.ToArray());

        public byte[] ToArray() => _bytes.ToArray();

        private void Tag(int field, int wireType) => Varint(((ulong)field << 3) | (uint)wireType);

        /// <summary>Seven bits per byte, least significant first, the high bit set on every byte but the last.</summary>
        private void Varint(ulong value)
        {
            while (value >= 0x80)
            {
                _bytes.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }
            _bytes.WriteByte((byte)value);
        }
    }
}
