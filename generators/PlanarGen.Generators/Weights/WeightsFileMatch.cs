using System;
using System.Collections.Generic;

namespace PlanarGen.Generators.Weights
{
    /// <summary>
    /// Which additional file a <c>Weights = "NAME"</c> argument means. A file whose name (without folders) equals NAME
    /// exactly (ordinal) matches. Failing that, Unity's form matches: Unity passes a file to a generator only when it is
    /// named <c>&lt;Stem&gt;.PlanarGen.Generators.additionalfile</c> with no period in Stem, and Stem must equal NAME up to
    /// its first period (<c>flower.weights.json</c> is found as <c>flower.PlanarGen.Generators.additionalfile</c>).
    /// More than one file at the first level that matches is ambiguous.
    /// </summary>
    internal static class WeightsFileMatch
    {
        /// <summary>The end of Unity's additional file names for this analyzer assembly.</summary>
        public const string UnitySuffix = "." + KnownNames.GeneratorName + ".additionalfile";

        /// <summary>Whether an additional file can hold weights at all: a JSON file or Unity's form (the generator reads no
        /// other additional file's text).</summary>
        public static bool IsCandidate(string fileName) =>
            fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || UnityStem(fileName) is not null;

        /// <summary>The file name of a path, either separator.</summary>
        public static string FileName(string path)
        {
            int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return slash < 0 ? path : path.Substring(slash + 1);
        }

        /// <summary>The Unity file name that <paramref name="weights"/> is found under, e.g. <c>flower.PlanarGen.Generators.additionalfile</c>.</summary>
        public static string UnityName(string weights)
        {
            int dot = weights.IndexOf('.');
            return (dot < 0 ? weights : weights.Substring(0, dot)) + UnitySuffix;
        }

        /// <summary>Indexes of the files <paramref name="weights"/> names: the exact matches, else the Unity-form matches.</summary>
        public static List<int> Find(string weights, IReadOnlyList<string> fileNames)
        {
            var exact = new List<int>();
            var unity = new List<int>();
            string unityName = UnityName(weights);
            for (int k = 0; k < fileNames.Count; k++)
            {
                if (string.Equals(fileNames[k], weights, StringComparison.Ordinal)) exact.Add(k);
                else if (weights.Length > 0 && UnityStem(fileNames[k]) is not null && string.Equals(fileNames[k], unityName, StringComparison.Ordinal)) unity.Add(k);
            }
            return exact.Count > 0 ? exact : unity;
        }

        private static string? UnityStem(string fileName)
        {
            if (!fileName.EndsWith(UnitySuffix, StringComparison.Ordinal)) return null;
            string stem = fileName.Substring(0, fileName.Length - UnitySuffix.Length);
            return stem.Length > 0 && stem.IndexOf('.') < 0 ? stem : null;
        }
    }
}
