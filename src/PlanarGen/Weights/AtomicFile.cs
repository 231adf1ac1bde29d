using System;
using System.IO;

namespace PlanarGen.Weights
{
    /// <summary>Writes a file so that readers see the old content or the new, never a partial one: the content goes to a
    /// temporary file in the same folder, which then replaces the target (File.Replace, since netstandard2.1 has no
    /// File.Move with overwrite) or is renamed to it.</summary>
    internal static class AtomicFile
    {
        public static void Write(string path, Action<Stream> write)
        {
            string full = Path.GetFullPath(path);
            string folder = Path.GetDirectoryName(full) ?? throw new ArgumentException($"Expected a file path, but got the root '{path}'.", nameof(path));
            string temporary = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    write(stream);
                    stream.Flush(flushToDisk: true);
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
