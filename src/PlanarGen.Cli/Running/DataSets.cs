using System;
using System.Collections.Generic;
using System.Linq;
using PlanarGen.Cli.Commands;

namespace PlanarGen.Cli.Running
{
    /// <summary>The data sets by the notebook's names (also accepted with dashes: <c>noisy-circles</c>).</summary>
    internal static class DataSets
    {
        /// <summary>The five extra sets of the notebook's part 5, in its order.</summary>
        public static IReadOnlyList<string> Extra => PlanarDataSets.Names.Where(n => n != "flower").ToArray();

        public static string Canonical(string name)
        {
            string key = name.Trim().ToLowerInvariant().Replace('-', '_');
            if (PlanarDataSets.Names.Contains(key, StringComparer.Ordinal)) return key;
            throw new CliException($"Unknown data set '{name}'; expected one of {string.Join(", ", PlanarDataSets.Names)}.");
        }

        public static PlanarData<double> Load(string name) => PlanarDataSets.ByName(Canonical(name));

        /// <summary>"noisy_circles" → "noisy circles".</summary>
        public static string Title(string name) => name.Replace('_', ' ');
    }
}
