using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Sdk;

namespace PlanarGen.Generators.Tests.Infrastructure
{
    /// <summary>
    /// A small received/verified snapshot helper. The verified file for a test is
    /// <c>Snapshots/{TestClass}.{Test}[_{variant}].verified.cs</c> in the test project's <c>Snapshots</c> folder
    /// (found from the test's source path through <see cref="CallerFilePathAttribute"/>). Text is compared with
    /// CRLF normalised to LF and the generator version scrubbed to <c>VERSION</c>.
    /// </summary>
    /// <remarks>
    /// On a mismatch the actual text is written beside it as <c>.received.cs</c> (git-ignored) and the test fails with
    /// the first 20 differing lines. <c>PLANARGEN_ACCEPT_SNAPSHOTS=1</c> overwrites the verified file instead (local use
    /// only); <c>tests/accept-snapshots.sh</c> renames reviewed received files to verified.
    /// </remarks>
    public static class Snapshot
    {
        public const string AcceptVariable = "PLANARGEN_ACCEPT_SNAPSHOTS";

        private static readonly Regex GeneratedCodeVersion = new Regex(
            "(?<head>GeneratedCode\\(\"PlanarGen\\.Generators\", \")[^\"]*(?<tail>\"\\))", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(10));

        /// <summary>Compares <paramref name="actual"/> with the verified snapshot of the calling test.</summary>
        /// <param name="actual">The text produced by the code under test.</param>
        /// <param name="variant">Distinguishes the cases of a theory; appended as <c>_{variant}</c>.</param>
        /// <param name="testClass">The test class name; defaults to the test file's name.</param>
        public static void Match(string actual, string? variant = null, string? testClass = null,
            [CallerFilePath] string testFile = "", [CallerMemberName] string test = "")
        {
            string name = FileName(testClass ?? Path.GetFileNameWithoutExtension(testFile), test, variant);
            string directory = Directory(testFile);
            string verified = Path.Combine(directory, name + ".verified.cs");
            string received = Path.Combine(directory, name + ".received.cs");
            string text = Normalize(actual);

            bool accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1";
            if (accept)
            {
                System.IO.Directory.CreateDirectory(directory);
                File.WriteAllText(verified, text, Utf8NoBom);
                File.Delete(received);
                return;
            }

            string? expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
            if (expected == text)
            {
                File.Delete(received);
                return;
            }

            System.IO.Directory.CreateDirectory(directory);
            File.WriteAllText(received, text, Utf8NoBom);
            string message = expected is null
                ? $"No verified snapshot {verified}. Review {received}, then run tests/accept-snapshots.sh."
                : $"Snapshot differs: compare {received} with {verified}.\n{FirstDifferences(expected, text, 20)}";
            throw new XunitException(message);
        }

        /// <summary>The snapshot file stem for a test, without the <c>.verified.cs</c> suffix.</summary>
        public static string FileName(string testClass, string test, string? variant) =>
            $"{testClass}.{test}{(variant is null ? "" : "_" + variant)}";

        /// <summary>The Snapshots folder of the test project that contains <paramref name="testFile"/>.</summary>
        /// <remarks>Falls back to searching upwards from the test binaries when the compile-time path does not exist
        /// (a build with <c>ContinuousIntegrationBuild</c> maps source paths to <c>/_/</c>).</remarks>
        public static string Directory([CallerFilePath] string testFile = "")
        {
            string? project = ProjectFolder(Path.GetDirectoryName(testFile)) ?? ProjectFolder(AppContext.BaseDirectory);
            return project is not null
                ? Path.Combine(project, "Snapshots")
                : throw new InvalidOperationException($"No test project folder above {testFile} or {AppContext.BaseDirectory}.");
        }

        private static string? ProjectFolder(string? start)
        {
            for (string? dir = start; !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            {
                if (System.IO.Directory.Exists(dir) && System.IO.Directory.GetFiles(dir, "PlanarGen.Generators.Tests.csproj").Length > 0)
                    return dir;
            }
            return null;
        }

        /// <summary>LF line ends and the generator version replaced with <c>VERSION</c>.</summary>
        public static string Normalize(string text) =>
            GeneratedCodeVersion.Replace(text.Replace("\r\n", "\n"), "${head}VERSION${tail}");

        /// <summary>Up to <paramref name="max"/> lines of a line-by-line diff, with line numbers.</summary>
        public static string FirstDifferences(string expected, string actual, int max)
        {
            string[] e = expected.Split('\n');
            string[] a = actual.Split('\n');
            var lines = new List<string>();
            int count = Math.Max(e.Length, a.Length);
            for (int k = 0; k < count && lines.Count < max; k++)
            {
                string? left = k < e.Length ? e[k] : null;
                string? right = k < a.Length ? a[k] : null;
                if (left == right) continue;
                if (left is not null) lines.Add($"{k + 1,5} - {left}");
                if (right is not null && lines.Count < max) lines.Add($"{k + 1,5} + {right}");
            }
            if (e.Length != a.Length && lines.Count < max) lines.Add($"(expected {e.Length} lines, got {a.Length})");
            return string.Join("\n", lines);
        }

        private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    }
}
