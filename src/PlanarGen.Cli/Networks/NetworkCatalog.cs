using System;
using System.Collections.Generic;
using PlanarGen.Cli.Running;

namespace PlanarGen.Cli.Networks
{
    /// <summary>Finds the generated 2-N-1 network for a hidden size, activation and precision.</summary>
    internal static class NetworkCatalog
    {
        private static readonly Dictionary<(int Hidden, Activation Activation, Precision Precision), Func<IRunner>> Table = Build();

        /// <summary>The hidden sizes with a generated network, ascending.</summary>
        public static readonly int[] HiddenSizes = { 1, 2, 3, 4, 5, 10, 20, 50 };

        public static IRunner? Find(int hidden, Activation activation, Precision precision) =>
            Table.TryGetValue((hidden, activation, precision), out Func<IRunner>? make) ? make() : null;

        private static Dictionary<(int, Activation, Precision), Func<IRunner>> Build()
        {
            var table = new Dictionary<(int, Activation, Precision), Func<IRunner>>();
            Add(table, 1, Activation.Tanh, Precision.Single, () => new FastRunner<Planar1TanhF32, float>());
            Add(table, 1, Activation.Tanh, Precision.Double, () => new FastRunner<Planar1TanhF64, double>());
            Add(table, 1, Activation.Sigmoid, Precision.Single, () => new FastRunner<Planar1SigmoidF32, float>());
            Add(table, 1, Activation.Sigmoid, Precision.Double, () => new FastRunner<Planar1SigmoidF64, double>());
            Add(table, 1, Activation.ReLU, Precision.Single, () => new FastRunner<Planar1ReluF32, float>());
            Add(table, 1, Activation.ReLU, Precision.Double, () => new FastRunner<Planar1ReluF64, double>());
            Add(table, 1, Activation.LeakyReLU, Precision.Single, () => new FastRunner<Planar1LeakyReluF32, float>());
            Add(table, 1, Activation.LeakyReLU, Precision.Double, () => new FastRunner<Planar1LeakyReluF64, double>());
            Add(table, 2, Activation.Tanh, Precision.Single, () => new FastRunner<Planar2TanhF32, float>());
            Add(table, 2, Activation.Tanh, Precision.Double, () => new FastRunner<Planar2TanhF64, double>());
            Add(table, 2, Activation.Sigmoid, Precision.Single, () => new FastRunner<Planar2SigmoidF32, float>());
            Add(table, 2, Activation.Sigmoid, Precision.Double, () => new FastRunner<Planar2SigmoidF64, double>());
            Add(table, 2, Activation.ReLU, Precision.Single, () => new FastRunner<Planar2ReluF32, float>());
            Add(table, 2, Activation.ReLU, Precision.Double, () => new FastRunner<Planar2ReluF64, double>());
            Add(table, 2, Activation.LeakyReLU, Precision.Single, () => new FastRunner<Planar2LeakyReluF32, float>());
            Add(table, 2, Activation.LeakyReLU, Precision.Double, () => new FastRunner<Planar2LeakyReluF64, double>());
            Add(table, 3, Activation.Tanh, Precision.Single, () => new FastRunner<Planar3TanhF32, float>());
            Add(table, 3, Activation.Tanh, Precision.Double, () => new FastRunner<Planar3TanhF64, double>());
            Add(table, 3, Activation.Sigmoid, Precision.Single, () => new FastRunner<Planar3SigmoidF32, float>());
            Add(table, 3, Activation.Sigmoid, Precision.Double, () => new FastRunner<Planar3SigmoidF64, double>());
            Add(table, 3, Activation.ReLU, Precision.Single, () => new FastRunner<Planar3ReluF32, float>());
            Add(table, 3, Activation.ReLU, Precision.Double, () => new FastRunner<Planar3ReluF64, double>());
            Add(table, 3, Activation.LeakyReLU, Precision.Single, () => new FastRunner<Planar3LeakyReluF32, float>());
            Add(table, 3, Activation.LeakyReLU, Precision.Double, () => new FastRunner<Planar3LeakyReluF64, double>());
            Add(table, 4, Activation.Tanh, Precision.Single, () => new FastRunner<Planar4TanhF32, float>());
            Add(table, 4, Activation.Tanh, Precision.Double, () => new FastRunner<Planar4TanhF64, double>());
            Add(table, 4, Activation.Sigmoid, Precision.Single, () => new FastRunner<Planar4SigmoidF32, float>());
            Add(table, 4, Activation.Sigmoid, Precision.Double, () => new FastRunner<Planar4SigmoidF64, double>());
            Add(table, 4, Activation.ReLU, Precision.Single, () => new FastRunner<Planar4ReluF32, float>());
            Add(table, 4, Activation.ReLU, Precision.Double, () => new FastRunner<Planar4ReluF64, double>());
            Add(table, 4, Activation.LeakyReLU, Precision.Single, () => new FastRunner<Planar4LeakyReluF32, float>());
            Add(table, 4, Activation.LeakyReLU, Precision.Double, () => new FastRunner<Planar4LeakyReluF64, double>());
            Add(table, 5, Activation.Tanh, Precision.Single, () => new FastRunner<Planar5TanhF32, float>());
            Add(table, 5, Activation.Tanh, Precision.Double, () => new FastRunner<Planar5TanhF64, double>());
            Add(table, 5, Activation.Sigmoid, Precision.Single, () => new FastRunner<Planar5SigmoidF32, float>());
            Add(table, 5, Activation.Sigmoid, Precision.Double, () => new FastRunner<Planar5SigmoidF64, double>());
            Add(table, 5, Activation.ReLU, Precision.Single, () => new FastRunner<Planar5ReluF32, float>());
            Add(table, 5, Activation.ReLU, Precision.Double, () => new FastRunner<Planar5ReluF64, double>());
            Add(table, 5, Activation.LeakyReLU, Precision.Single, () => new FastRunner<Planar5LeakyReluF32, float>());
            Add(table, 5, Activation.LeakyReLU, Precision.Double, () => new FastRunner<Planar5LeakyReluF64, double>());
            Add(table, 10, Activation.Tanh, Precision.Single, () => new FastRunner<Planar10TanhF32, float>());
            Add(table, 10, Activation.Tanh, Precision.Double, () => new FastRunner<Planar10TanhF64, double>());
            Add(table, 10, Activation.Sigmoid, Precision.Single, () => new FastRunner<Planar10SigmoidF32, float>());
            Add(table, 10, Activation.Sigmoid, Precision.Double, () => new FastRunner<Planar10SigmoidF64, double>());
            Add(table, 10, Activation.ReLU, Precision.Single, () => new FastRunner<Planar10ReluF32, float>());
            Add(table, 10, Activation.ReLU, Precision.Double, () => new FastRunner<Planar10ReluF64, double>());
            Add(table, 10, Activation.LeakyReLU, Precision.Single, () => new FastRunner<Planar10LeakyReluF32, float>());
            Add(table, 10, Activation.LeakyReLU, Precision.Double, () => new FastRunner<Planar10LeakyReluF64, double>());
            Add(table, 20, Activation.Tanh, Precision.Single, () => new FastRunner<Planar20TanhF32, float>());
            Add(table, 20, Activation.Tanh, Precision.Double, () => new FastRunner<Planar20TanhF64, double>());
            Add(table, 20, Activation.Sigmoid, Precision.Single, () => new FastRunner<Planar20SigmoidF32, float>());
            Add(table, 20, Activation.Sigmoid, Precision.Double, () => new FastRunner<Planar20SigmoidF64, double>());
            Add(table, 20, Activation.ReLU, Precision.Single, () => new FastRunner<Planar20ReluF32, float>());
            Add(table, 20, Activation.ReLU, Precision.Double, () => new FastRunner<Planar20ReluF64, double>());
            Add(table, 20, Activation.LeakyReLU, Precision.Single, () => new FastRunner<Planar20LeakyReluF32, float>());
            Add(table, 20, Activation.LeakyReLU, Precision.Double, () => new FastRunner<Planar20LeakyReluF64, double>());
            Add(table, 50, Activation.Tanh, Precision.Single, () => new FastRunner<Planar50TanhF32, float>());
            Add(table, 50, Activation.Tanh, Precision.Double, () => new FastRunner<Planar50TanhF64, double>());
            Add(table, 50, Activation.Sigmoid, Precision.Single, () => new FastRunner<Planar50SigmoidF32, float>());
            Add(table, 50, Activation.Sigmoid, Precision.Double, () => new FastRunner<Planar50SigmoidF64, double>());
            Add(table, 50, Activation.ReLU, Precision.Single, () => new FastRunner<Planar50ReluF32, float>());
            Add(table, 50, Activation.ReLU, Precision.Double, () => new FastRunner<Planar50ReluF64, double>());
            Add(table, 50, Activation.LeakyReLU, Precision.Single, () => new FastRunner<Planar50LeakyReluF32, float>());
            Add(table, 50, Activation.LeakyReLU, Precision.Double, () => new FastRunner<Planar50LeakyReluF64, double>());
            return table;
        }

        private static void Add(Dictionary<(int, Activation, Precision), Func<IRunner>> table, int hidden, Activation activation, Precision precision, Func<IRunner> make) =>
            table.Add((hidden, activation, precision), make);
    }
}
