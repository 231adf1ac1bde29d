using System.Collections.Generic;
using System.Linq;

namespace PlanarGen.Generators.Tests.Emit
{
    /// <summary>
    /// The emitter snapshot matrix, in one place so the snapshot theory and the orphan check agree.
    /// Sizes 1-1-1, 2-4-1, 3-6-2 and 4-7-3 (59 parameters, within the unrolling budget) each get every hidden activation; the precision alternates so every size and
    /// every activation is seen in both precisions (16 files). The large 2-15-1 (the largest unrolled 2-H-1) gets two cases (tanh/float, ReLU/double),
    /// not eight, to keep the snapshot folder readable: 18 emitter snapshots in all.
    /// </summary>
    public static class SnapshotMatrix
    {
        public static readonly (int Inputs, int Hidden, int Outputs)[] SmallSizes = { (1, 1, 1), (2, 4, 1), (3, 6, 2), (4, 7, 3) };

        public static readonly Activation[] Activations = { Activation.Tanh, Activation.Sigmoid, Activation.ReLU, Activation.LeakyReLU };

        public static IEnumerable<(int Inputs, int Hidden, int Outputs, Activation Activation, Precision Precision)> Cases()
        {
            for (int s = 0; s < SmallSizes.Length; s++)
                for (int a = 0; a < Activations.Length; a++)
                {
                    var (i, h, o) = SmallSizes[s];
                    yield return (i, h, o, Activations[a], (s + a) % 2 == 0 ? Precision.Single : Precision.Double);
                }
            yield return (2, 15, 1, Activation.Tanh, Precision.Single);
            yield return (2, 15, 1, Activation.ReLU, Precision.Double);
        }

        /// <summary>Theory rows: inputs, hidden, outputs, activation, precision.</summary>
        public static IEnumerable<object[]> Rows() =>
            Cases().Select(c => new object[] { c.Inputs, c.Hidden, c.Outputs, c.Activation, c.Precision });

        public static string Variant(int inputs, int hidden, int outputs, Activation activation, Precision precision) =>
            $"{inputs}-{hidden}-{outputs}_{activation}_{precision}";
    }
}
