using System.Collections.Generic;
using System.Linq;
using PlanarGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PlanarGen.Generators.Tests.CompileAndRun
{
    /// <summary>
    /// Every shape Inputs 1..6 x Hidden 1..9 x Outputs 1..3 (162) plus larger ones, generated, compiled as C# 9 with no
    /// warnings, loaded and checked against <see cref="PlanarGen.Testing.ReferenceNetwork"/>. The hidden activation and precision
    /// rotate across shapes (case k gets activation k % 4 and precision (k / 4) % 2), so every combination of the two
    /// appears on about 20 shapes of every size range. Several networks share one compilation to keep it fast.
    /// </summary>
    public class GridTests
    {
        public const int BatchCount = 6;

        public static readonly (int Inputs, int Hidden, int Outputs)[] LargeShapes =
        {
            (8, 32, 4), (2, 50, 1), (16, 24, 4), (12, 20, 3), (3, 40, 2), (10, 10, 10),
        };

        public static IReadOnlyList<NetworkCase> Cases()
        {
            var shapes = new List<(int, int, int)>();
            for (int i = 1; i <= 6; i++)
                for (int h = 1; h <= 9; h++)
                    for (int o = 1; o <= 3; o++) shapes.Add((i, h, o));
            shapes.AddRange(LargeShapes);
            Activation[] activations = { Activation.Tanh, Activation.Sigmoid, Activation.ReLU, Activation.LeakyReLU };
            return shapes.Select((s, k) => new NetworkCase(s.Item1, s.Item2, s.Item3, activations[k % 4],
                (k / 4) % 2 == 0 ? Precision.Single : Precision.Double)).ToArray();
        }

        /// <summary>The first half of the batches; <see cref="GridTestsSecondHalf"/> runs the rest in parallel with this class
        /// (xunit runs test classes, not theory rows, in parallel).</summary>
        public static IEnumerable<object[]> FirstHalf() => Enumerable.Range(0, BatchCount / 2).Select(b => new object[] { b });

        public static IEnumerable<object[]> SecondHalf() => Enumerable.Range(BatchCount / 2, BatchCount - BatchCount / 2).Select(b => new object[] { b });

        [Fact]
        public void GridCoversEveryActivationAndPrecision()
        {
            IReadOnlyList<NetworkCase> cases = Cases();
            Assert.Equal(168, cases.Count);
            foreach (var group in cases.GroupBy(c => (c.Activation, c.Precision)))
                Assert.True(group.Count() >= 20, $"{group.Key}: {group.Count()} shapes");
            Assert.Equal(8, cases.Select(c => (c.Activation, c.Precision)).Distinct().Count());
        }

        [Theory]
        [MemberData(nameof(FirstHalf))]
        public void GeneratedNetworksMatchReference(int batch) => RunBatch(batch);

        internal static void RunBatch(int batch)
        {
            NetworkCase[] cases = Cases().Where((_, k) => k % BatchCount == batch).ToArray();
            using CompiledNetworks compiled = CompiledNetworks.Compile(cases);
            for (int k = 0; k < cases.Length; k++)
                NetworkChecks.Check(compiled, cases[k], seed: 1000 + batch * 100 + k);
        }
    }
}
