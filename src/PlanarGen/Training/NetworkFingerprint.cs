using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using PlanarGen.Hashing;

namespace PlanarGen
{
    /// <summary>
    /// The fingerprint of a network's parameters, as every generated network's <c>Fingerprint()</c> returns it: XXH64
    /// (seed 0) of the parameters' IEEE 754 bit patterns, each written little-endian (4 bytes for float, 8 for double), in
    /// the notebook's order W1 (Hidden x Inputs, row-major), b1, W2 (Outputs x Hidden, row-major), b2. The same on every
    /// machine, runtime and release, so peers of a lockstep game, a replay and a server can compare states; equal
    /// parameters give equal fingerprints, and -0 and +0 (or two NaN payloads) differ, as their bits do. Allocation-free.
    /// </summary>
    public static class NetworkFingerprint
    {
        /// <summary>The fingerprint of float parameters in the notebook's order.</summary>
        public static ulong Compute(ReadOnlySpan<float> parameters)
        {
            if (BitConverter.IsLittleEndian) return XxHash64.Hash(MemoryMarshal.AsBytes(parameters));
            var hash = new XxHash64();
            Span<byte> bytes = stackalloc byte[sizeof(float)];
            foreach (float value in parameters)
            {
                BinaryPrimitives.WriteInt32LittleEndian(bytes, BitConverter.SingleToInt32Bits(value));
                hash.Append(bytes);
            }
            return hash.Digest();
        }

        /// <summary>The fingerprint of double parameters in the notebook's order.</summary>
        public static ulong Compute(ReadOnlySpan<double> parameters)
        {
            if (BitConverter.IsLittleEndian) return XxHash64.Hash(MemoryMarshal.AsBytes(parameters));
            var hash = new XxHash64();
            Span<byte> bytes = stackalloc byte[sizeof(double)];
            foreach (double value in parameters)
            {
                BinaryPrimitives.WriteInt64LittleEndian(bytes, BitConverter.DoubleToInt64Bits(value));
                hash.Append(bytes);
            }
            return hash.Digest();
        }
    }
}
