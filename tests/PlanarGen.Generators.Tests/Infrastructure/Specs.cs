using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Tests.Infrastructure
{
    /// <summary>Hand-built generator models, so emitter tests need no Roslyn compilation.</summary>
    internal static class Specs
    {
        /// <summary>The same network declared as a partial class.</summary>
        public static NetworkSpec AsClass(this NetworkSpec spec) => spec with { Target = spec.Target with { IsClass = true } };

        /// <summary>A network struct named <paramref name="name"/> in <paramref name="ns"/> (global when empty).</summary>
        public static NetworkSpec Network(int inputs, int hidden, int outputs,
            Activation activation = Activation.Tanh, Precision precision = Precision.Single,
            string name = "TestNet", string ns = "PlanarGen.Snapshots", double leakySlope = NetworkLimits.DefaultLeakySlope,
            params string[] containers)
        {
            string hint = TypeShape.HintNameFor(ns, ContainerNames(containers), name);
            var shape = new TypeShape(ns, new EquatableArray<string>(containers), name, hint);
            return new NetworkSpec(shape, inputs, hidden, outputs, activation, leakySlope, Activation.Sigmoid, precision);
        }

        private static string[] ContainerNames(string[] containers)
        {
            var names = new string[containers.Length];
            for (int k = 0; k < containers.Length; k++)
            {
                string[] words = containers[k].Split(' ');
                names[k] = words[words.Length - 1];
            }
            return names;
        }
    }
}
