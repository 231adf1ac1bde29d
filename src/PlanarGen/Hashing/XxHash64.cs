using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace PlanarGen.Hashing
{
    /// <summary>
    /// XXH64 (Yann Collet's xxHash, 64-bit variant, seed 0) over a stream of bytes appended in pieces, with no allocation.
    /// The algorithm as published: four accumulators over 32-byte stripes, then the 8-, 4- and 1-byte tails, then the
    /// avalanche. Written here from the specification; the tests check it against System.IO.Hashing.XxHash64 and the
    /// reference test vectors.
    /// </summary>
    internal struct XxHash64
    {
        private const ulong Prime1 = 11400714785074694791UL;
        private const ulong Prime2 = 14029467366897019727UL;
        private const ulong Prime3 = 1609587929392839161UL;
        private const ulong Prime4 = 9650029242287828579UL;
        private const ulong Prime5 = 2870177450012600261UL;
        private const int StripeLength = 32;

        private ulong _v1, _v2, _v3, _v4;
        private ulong _length;
        private Stripe _pending;     // bytes not yet consumed as a full stripe
        private int _pendingLength;
        private bool _started;

        /// <summary>The 32-byte buffer of a partial stripe, inline so the hasher lives on the stack; written only as bytes
        /// through <see cref="PendingBytes"/>, so the compiler cannot see its fields assigned.</summary>
        private struct Stripe
        {
#pragma warning disable CS0649
            public ulong A, B, C, D;
#pragma warning restore CS0649
        }

        /// <summary>XXH64 of <paramref name="data"/> in one call.</summary>
        public static ulong Hash(ReadOnlySpan<byte> data)
        {
            var hash = new XxHash64();
            hash.Append(data);
            return hash.Digest();
        }

        /// <summary>Feeds more bytes.</summary>
        public void Append(ReadOnlySpan<byte> data)
        {
            if (!_started) Start();
            _length += (ulong)data.Length;
            Span<byte> pending = PendingBytes();
            if (_pendingLength > 0)
            {
                int take = Math.Min(StripeLength - _pendingLength, data.Length);
                data.Slice(0, take).CopyTo(pending.Slice(_pendingLength));
                _pendingLength += take;
                data = data.Slice(take);
                if (_pendingLength < StripeLength) return;
                ConsumeStripe(pending);
                _pendingLength = 0;
            }
            while (data.Length >= StripeLength)
            {
                ConsumeStripe(data);
                data = data.Slice(StripeLength);
            }
            data.CopyTo(pending);
            _pendingLength = data.Length;
        }

        /// <summary>The hash of every byte appended so far (the hasher may go on receiving bytes).</summary>
        public ulong Digest()
        {
            if (!_started) Start();
            ulong h = _length >= StripeLength
                ? MergeRound(MergeRound(MergeRound(MergeRound(
                    RotateLeft(_v1, 1) + RotateLeft(_v2, 7) + RotateLeft(_v3, 12) + RotateLeft(_v4, 18), _v1), _v2), _v3), _v4)
                : Prime5;     // seed 0 + Prime5
            h += _length;
            ReadOnlySpan<byte> tail = PendingBytes().Slice(0, _pendingLength);
            while (tail.Length >= 8)
            {
                h ^= Round(0, BinaryPrimitives.ReadUInt64LittleEndian(tail));
                h = RotateLeft(h, 27) * Prime1 + Prime4;
                tail = tail.Slice(8);
            }
            if (tail.Length >= 4)
            {
                h ^= BinaryPrimitives.ReadUInt32LittleEndian(tail) * Prime1;
                h = RotateLeft(h, 23) * Prime2 + Prime3;
                tail = tail.Slice(4);
            }
            foreach (byte b in tail)
            {
                h ^= b * Prime5;
                h = RotateLeft(h, 11) * Prime1;
            }
            h ^= h >> 33;
            h *= Prime2;
            h ^= h >> 29;
            h *= Prime3;
            h ^= h >> 32;
            return h;
        }

        private void Start()
        {
            unchecked
            {
                _v1 = Prime1 + Prime2;   // seed 0
                _v2 = Prime2;
                _v3 = 0;
                _v4 = 0 - Prime1;
            }
            _started = true;
        }

        private Span<byte> PendingBytes() =>
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref _pending, 1));

        private void ConsumeStripe(ReadOnlySpan<byte> stripe)
        {
            _v1 = Round(_v1, BinaryPrimitives.ReadUInt64LittleEndian(stripe));
            _v2 = Round(_v2, BinaryPrimitives.ReadUInt64LittleEndian(stripe.Slice(8)));
            _v3 = Round(_v3, BinaryPrimitives.ReadUInt64LittleEndian(stripe.Slice(16)));
            _v4 = Round(_v4, BinaryPrimitives.ReadUInt64LittleEndian(stripe.Slice(24)));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong Round(ulong accumulator, ulong lane) => RotateLeft(accumulator + lane * Prime2, 31) * Prime1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong MergeRound(ulong h, ulong accumulator) => (h ^ Round(0, accumulator)) * Prime1 + Prime4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong RotateLeft(ulong value, int count) => (value << count) | (value >> (64 - count));
    }
}
