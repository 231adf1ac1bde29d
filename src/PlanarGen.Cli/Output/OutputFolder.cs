using System;
using System.IO;
using PlanarGen.Cli.Commands;

namespace PlanarGen.Cli.Output
{
    /// <summary>Checks the --out folder before any work, so a bad folder fails in a moment rather than after training.</summary>
    internal static class OutputFolder
    {
        /// <summary>Creates <paramref name="folder"/> if missing and writes and deletes a probe file in it; throws a
        /// <see cref="CliException"/> naming --out and the reason when that fails.</summary>
        public static void Prepare(string folder)
        {
            if (string.IsNullOrWhiteSpace(folder))
                throw new CliException($"--out must name a folder for the pictures, but got {(folder.Length == 0 ? "an empty string" : $"'{folder}'")}.");
            if (File.Exists(folder))
                throw new CliException($"--out '{folder}' is a file; it must be a folder (created if missing).");
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (IsFileSystemError(e))
            {
                throw new CliException($"--out '{folder}': the folder cannot be created ({e.Message.TrimEnd('.')}).");
            }

            try
            {
                string probe = Path.Combine(folder, $".planargen-write-test-{Guid.NewGuid():N}.tmp");
                using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
                {
                }
            }
            catch (Exception e) when (IsFileSystemError(e))
            {
                throw new CliException($"--out '{folder}': no file can be written in that folder ({e.Message.TrimEnd('.')}).");
            }
        }

        private static bool IsFileSystemError(Exception e) => e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException;
    }
}
