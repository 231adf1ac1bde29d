using System.Collections.Generic;
using System.Threading;
using PlanarGen.Generators.Emit;
using PlanarGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PlanarGen.Generators.Tests.Emit
{
    /// <summary>Emitter output from hand-built models (no Roslyn), one snapshot per <see cref="SnapshotMatrix"/> case.</summary>
    public class EmitterSnapshotTests
    {
        public static IEnumerable<object[]> Matrix() => SnapshotMatrix.Rows();

        [Theory]
        [MemberData(nameof(Matrix))]
        public void EmitsNetwork(int inputs, int hidden, int outputs, Activation activation, Precision precision, Activation output)
        {
            var spec = Specs.Network(inputs, hidden, outputs, activation, precision,
                name: $"Net{inputs}x{hidden}x{outputs}") with { OutputActivation = output };
            string text = NetworkEmitter.Emit(spec, CancellationToken.None).ToString();
            Snapshot.Match(text, SnapshotMatrix.Variant(inputs, hidden, outputs, activation, precision, output));
        }
    }
}
