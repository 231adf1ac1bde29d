using System;
using System.IO;
using System.Linq;
using PlanarGen.Cli.Output;
using Xunit;

namespace PlanarGen.Cli.Tests
{
    /// <summary>Issue 15, finding 5: a failure while writing a picture leaves no half-written file under its name.</summary>
    public sealed class AtomicFileTests
    {
        [Fact]
        public void AFailureMidWriteKeepsTheOldFileAndLeavesNothingElse()
        {
            string folder = CliHarness.NewFolder("atomic-old");
            string path = Path.Combine(folder, "flower-logistic.png");
            File.WriteAllBytes(path, new byte[] { 1, 2, 3 });

            var e = Assert.Throws<IOException>(() => AtomicFile.Write(path, WriteKilobytes(64), FailingAfter(10_000)));

            Assert.Equal($"could not write '{path}' (No space left on device); no partial file was left under that name.", e.Message);
            Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(path));
            Assert.Equal(new[] { "flower-logistic.png" }, Directory.GetFiles(folder).Select(Path.GetFileName).ToArray());
        }

        [Fact]
        public void AFailureMidWriteOfANewFileLeavesNoFile()
        {
            string folder = CliHarness.NewFolder("atomic-new");
            string path = Path.Combine(folder, "sweep.png");

            Assert.Throws<IOException>(() => AtomicFile.Write(path, WriteKilobytes(64), FailingAfter(10_000)));

            Assert.Empty(Directory.GetFiles(folder));
        }

        [Fact]
        public void AFailureInTheWriterItselfLeavesNoFile()
        {
            string folder = CliHarness.NewFolder("atomic-writer");
            string path = Path.Combine(folder, "zero-init.png");

            Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
            {
                stream.Write(new byte[100]);
                throw new InvalidOperationException("encoder failed");
            }));

            Assert.Empty(Directory.GetFiles(folder));
        }

        [Fact]
        public void ASuccessfulWriteReplacesTheOldFileAndLeavesNothingElse()
        {
            string folder = CliHarness.NewFolder("atomic-ok");
            string path = Path.Combine(folder, "flower-data.png");
            File.WriteAllBytes(path, new byte[] { 9 });

            AtomicFile.Write(path, WriteKilobytes(64));

            Assert.Equal(64 * 1024, new FileInfo(path).Length);
            Assert.Equal(new[] { "flower-data.png" }, Directory.GetFiles(folder).Select(Path.GetFileName).ToArray());
        }

        private static Action<Stream> WriteKilobytes(int kilobytes) => stream =>
        {
            var chunk = new byte[1024];
            for (int i = 0; i < kilobytes; i++) stream.Write(chunk);
        };

        /// <summary>Opens the real temporary file, wrapped so that it fails like a full disk after <paramref name="bytes"/> bytes.</summary>
        private static Func<string, Stream> FailingAfter(int bytes) =>
            path => new FullDiskStream(new FileStream(path, FileMode.CreateNew, FileAccess.Write), bytes);

        private sealed class FullDiskStream : Stream
        {
            private readonly Stream _inner;
            private long _room;

            public FullDiskStream(Stream inner, long room)
            {
                _inner = inner;
                _room = room;
            }

            public override bool CanRead => false;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => _inner.Length;
            public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }

            public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

            public override void Write(ReadOnlySpan<byte> buffer)
            {
                int fits = (int)Math.Min(_room, buffer.Length);
                _inner.Write(buffer.Slice(0, fits));
                _inner.Flush(); // the part that fits is really in the temporary file
                _room -= fits;
                if (fits < buffer.Length) throw new IOException("No space left on device");
            }

            public override void Flush() => _inner.Flush();
            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing) _inner.Dispose();
                base.Dispose(disposing);
            }
        }
    }
}
