using System;
using System.IO;

namespace PlanarGen.Weights
{
    /// <summary>Writes a file so that readers see the old content or the new, never a partial one: the content goes to a
    /// temporary file in the same folder, which then replaces the target (File.Replace, since netstandard2.1 has no
    /// File.Move with overwrite) or is renamed to it. The CLI writes its pictures through it too.</summary>
    internal static class AtomicFile
    {
        public static void Write(string path, Action<Stream> write) =>
            Write(path, write, temporary => new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None));

        // open: opens the temporary file (tests pass a stream that fails part-way).
        public static void Write(string path, Action<Stream> write, Func<string, Stream> open)
        {
            string full = Path.GetFullPath(path);
            string folder = Path.GetDirectoryName(full) ?? throw new ArgumentException($"Expected a file path, but got the root '{path}'.", nameof(path));
            string temporary = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                using (Stream stream = open(temporary))
                {
                    write(stream);
                    if (stream is FileStream file) file.Flush(flushToDisk: true);   // the bytes are on disk before the name points at them
                    else stream.Flush();
                }
                if (File.Exists(full)) File.Replace(temporary, full, destinationBackupFileName: null);
                else File.Move(temporary, full);
            }
            catch
            {
                TryDelete(temporary);
                throw;
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
