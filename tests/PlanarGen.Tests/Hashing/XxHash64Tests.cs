using System;
using System.Text;
using PlanarGen.Hashing;
using Xunit;

namespace PlanarGen.Tests.Hashing
{
    /// <summary>The runtime's own XXH64 against the published test vectors and against System.IO.Hashing.XxHash64 (an
    /// independent implementation, referenced by the tests only).</summary>
    public class XxHash64Tests
    {
        [Theory]
        [InlineData("", 0xEF46DB3751D8E999UL)]
        [InlineData("abc", 0x44BC2CF5AD770999UL)]
        public void MatchesPublishedVectors(string text, ulong expected) =>
            Assert.Equal(expected, XxHash64.Hash(Encoding.ASCII.GetBytes(text)));

        [Fact]
        public void MatchesSystemIOHashingForEveryLengthUpTo300()
        {
            var random = new Random(20261204);
            byte[] data = new byte[300];
            random.NextBytes(data);
            for (int length = 0; length <= data.Length; length++)
            {
                ReadOnlySpan<byte> slice = data.AsSpan(0, length);
                Assert.Equal(System.IO.Hashing.XxHash64.HashToUInt64(slice), XxHash64.Hash(slice));
            }
        }

        [Fact]
        public void AppendingInPiecesEqualsHashingAtOnce()
        {
            var random = new Random(7);
            byte[] data = new byte[1000];
            random.NextBytes(data);
            ulong whole = System.IO.Hashing.XxHash64.HashToUInt64(data);
            foreach (int piece in new[] { 1, 3, 7, 8, 31, 32, 33, 64, 100 })
            {
                var hash = new XxHash64();
                for (int start = 0; start < data.Length; start += piece)
                    hash.Append(data.AsSpan(start, Math.Min(piece, data.Length - start)));
                Assert.Equal(whole, hash.Digest());
            }
        }
    }
}
