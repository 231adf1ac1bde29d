using System;
using System.Collections.Generic;
using System.Linq;
using PlanarGen.Cli.Running;
using PlanarGen.Generated;

namespace PlanarGen.Cli.Networks
{
    /// <summary>Finds the generated 2-N-1 network for a hidden size, activation and precision. Built from the generator's
    /// registry of this assembly's networks (CatalogNetworks.cs declares them), so there is no hand-kept mirror.</summary>
    internal static class NetworkCatalog
    {
        private static readonly Dictionary<(int Hidden, Activation Activation, Precision Precision), Func<IRunner>> Table = Build();

        /// <summary>The hidden sizes with a generated network, ascending.</summary>
        public static readonly int[] HiddenSizes = Table.Keys.Select(k => k.Hidden).Distinct().OrderBy(h => h).ToArray();

        public static IRunner? Find(int hidden, Activation activation, Precision precision) =>
            Table.TryGetValue((hidden, activation, precision), out Func<IRunner>? make) ? make() : null;

        private static Dictionary<(int, Activation, Precision), Func<IRunner>> Build()
        {
            var builder = new TableBuilder(new Dictionary<(int, Activation, Precision), Func<IRunner>>());
            NetworkRegistry.Accept(ref builder);
            return builder.Table;
        }

        /// <summary>Adds a runner factory per registered network; every one must be a 2-N-1 planar network.</summary>
        private readonly struct TableBuilder : INetworkVisitor
        {
            public TableBuilder(Dictionary<(int, Activation, Precision), Func<IRunner>> table) => Table = table;

            public Dictionary<(int, Activation, Precision), Func<IRunner>> Table { get; }

            public void Visit<TNetwork, T>(string name, NetworkShape shape)
                where TNetwork : INetwork<T>, new()
                where T : unmanaged
            {
                if (shape.Outputs == Spiral.SpiralModel.Classes) return; // the spiral's networks, taken by SpiralModel
                if (shape.Inputs != 2 || shape.Outputs != 1)
                    throw new InvalidOperationException($"{name} is {shape}; the CLI's planar networks take 2 inputs and 1 output (the spiral's take 2 and 3).");
                Table.Add((shape.Hidden, shape.HiddenActivation, shape.Precision), static () => new FastRunner<TNetwork, T>());
            }
        }
    }
}
