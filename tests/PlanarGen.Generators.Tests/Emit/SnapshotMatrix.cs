using System.Collections.Generic;
using System.Linq;

namespace PlanarGen.Generators.Tests.Emit
{
    /// <summary>
    /// The emitter snapshot matrix, in one place so the snapshot theory and the orphan check agree. Each snapshot pins text
    /// that no other one does; together with the driver snapshots (<see cref="DriverSnapshotTests"/>, whose networks are chosen
    /// to fill the remaining cells) they cover form x hidden-activation family (smooth: tanh, sigmoid; piecewise: ReLU,
    /// leaky ReLU) x precision, and every branch of the emitter (checked with coverlet, see docs/design.md):
    /// <list type="table">
    /// <item>unrolled, smooth, float: 1-2-3 tanh here (fused arithmetic, layer passes, Vector4 Predict with padding lanes,
    /// multiply-add chains as named partials and single multiply-adds on one line, merged sum loops, Vector512 twins)</item>
    /// <item>unrolled, piecewise, float: 2-10-1 leaky ReLU here (41 parameters: plain arithmetic, one pass per chunk, twins)</item>
    /// <item>unrolled, double (layer passes up to 40 parameters, Vector512 twins): the driver's GlobalNet (tanh), FirstNet (sigmoid), NestedNet (ReLU, two outputs) and SecondNet
    /// (leaky ReLU, slope 0.125); unrolled, smooth, float, one output: its SmallClassNet (1-1-1 sigmoid, a class: fused sums
    /// of one term, sigmoid without the Vector4 Predict)</item>
    /// <item>loops, smooth, float: the driver's LoopClassNet (a class: parameters in an array); loops, piecewise, double: its
    /// LoopStructNet (leaky ReLU, parameters inline)</item>
    /// <item>loops, piecewise, float and loops, smooth, double: 2-22-1 ReLU float and 2-22-1 sigmoid double here</item>
    /// <item>the softmax output: 2-3-3 tanh float softmax here (fused, layer passes, Vector4 Predict, twins; the linear output
    /// and the loop form's softmax are covered by the compile-and-run tests of PlanarGen.Tests)</item>
    /// </list>
    /// </summary>
    public static class SnapshotMatrix
    {
        public static IEnumerable<(int Inputs, int Hidden, int Outputs, Activation Activation, Precision Precision, Activation Output)> Cases()
        {
            yield return (1, 2, 3, Activation.Tanh, Precision.Single, Activation.Sigmoid);
            yield return (2, 10, 1, Activation.LeakyReLU, Precision.Single, Activation.Sigmoid);
            yield return (2, 22, 1, Activation.ReLU, Precision.Single, Activation.Sigmoid);
            yield return (2, 22, 1, Activation.Sigmoid, Precision.Double, Activation.Sigmoid);
            yield return (2, 3, 3, Activation.Tanh, Precision.Single, Activation.Softmax);
        }

        /// <summary>Theory rows: inputs, hidden, outputs, activation, precision, output activation.</summary>
        public static IEnumerable<object[]> Rows() =>
            Cases().Select(c => new object[] { c.Inputs, c.Hidden, c.Outputs, c.Activation, c.Precision, c.Output });

        /// <summary>The snapshot's name; the output activation is named only when it is not the default sigmoid.</summary>
        public static string Variant(int inputs, int hidden, int outputs, Activation activation, Precision precision, Activation output) =>
            $"{inputs}-{hidden}-{outputs}_{activation}_{precision}{(output == Activation.Sigmoid ? "" : "_" + output)}";
    }
}
