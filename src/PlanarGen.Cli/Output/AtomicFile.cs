using System;
using System.IO;

namespace PlanarGen.Cli.Output
{
    /// <summary>
    /// Writes a file under a temporary name in the same folder, then renames it over the final name (an atomic
    /// replace on one file system): a failure part-way (a full disk, a killed process) leaves no half-written file
    /// under the final name, and an older file of that name stays as it was.
    /// </summary>
    internal static class AtomicFile
    {
        public static void Write(string path, Action<Stream> write) =>
            Write(path, write, temp => new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None));

        /// <param name="open">Opens the temporary file (tests pass a stream that fails part-way).</param>
        internal static void Write(string path, Action<Stream> write, Func<string, Stream> open)
        {
            string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            string temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
            try
            {
                using (Stream stream = open(temp))
                {
                    write(stream);
                    if (stream is FileStream file) file.Flush(flushToDisk: true); // the bytes are on disk before the name points at them
                    else stream.Flush();
                }

                File.Move(temp, path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                TryDelete(temp);
                // The one-line error names the file; the system's reason alone ("No space left on device") does not.
                throw new IOException($"could not write '{path}' ({e.Message.TrimEnd('.')}); no partial file was left under that name.", e);
            }
            catch
            {
                TryDelete(temp);
                throw;
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The original error matters more; a leftover temporary file is named as such (".name.guid.tmp").
            }
        }
    }
}
