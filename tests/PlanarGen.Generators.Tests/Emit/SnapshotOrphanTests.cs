using System;
using System.IO;
using System.Linq;
using PlanarGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PlanarGen.Generators.Tests.Emit
{
    /// <summary>Fails on any verified snapshot that no test writes any more (and on any missing one), so renamed or
    /// removed cases do not leave stale files behind. The expected list comes from the same tables the tests use.</summary>
    public class SnapshotOrphanTests
    {
        [Fact]
        public void EveryVerifiedSnapshotBelongsToATest()
        {
            var expected = SnapshotMatrix.Cases()
                .Select(c => Snapshot.FileName(nameof(EmitterSnapshotTests), nameof(EmitterSnapshotTests.EmitsNetwork),
                    SnapshotMatrix.Variant(c.Inputs, c.Hidden, c.Outputs, c.Activation, c.Precision, c.Output)))
                .Concat(DriverSnapshotTests.ExpectedSnapshots
                    .Select(e => Snapshot.FileName(nameof(DriverSnapshotTests), e.Test, e.Variant)))
                .Select(stem => stem + ".verified.cs")
                .ToHashSet(StringComparer.Ordinal);

            string[] onDisk = Directory.GetFiles(Snapshot.Directory(), "*.verified.*")
                .Select(p => Path.GetFileName(p)!)
                .ToArray();

            Assert.Empty(onDisk.Where(f => !expected.Contains(f)).OrderBy(f => f, StringComparer.Ordinal));
            Assert.Empty(expected.Where(f => !onDisk.Contains(f)).OrderBy(f => f, StringComparer.Ordinal));
            Assert.Equal(13, expected.Count);
        }
    }
}
