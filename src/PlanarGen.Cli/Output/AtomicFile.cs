using System;
using System.IO;

namespace PlanarGen.Cli.Output
{
    /// <summary>
    /// Writes a file through the runtime's atomic writer (a temporary name in the same folder, then a replace), so a
    /// failure part-way (a full disk, a killed process) leaves no half-written file under the final name and an older
    /// file of that name stays as it was; a failure is reported with the file's name, for the CLI's one-line error.
    /// </summary>
    internal static class AtomicFile
    {
        public static void Write(string path, Action<Stream> write) =>
            Write(path, write, temp => new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None));

        /// <param name="open">Opens the temporary file (tests pass a stream that fails part-way).</param>
        internal static void Write(string path, Action<Stream> write, Func<string, Stream> open)
        {
            try
            {
                PlanarGen.Weights.AtomicFile.Write(path, write, open);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The one-line error names the file; the system's reason alone ("No space left on device") does not.
                throw new IOException($"could not write '{path}' ({e.Message.TrimEnd('.')}); no partial file was left under that name.", e);
            }
        }
    }
}
