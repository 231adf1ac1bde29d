using Xunit;

namespace PlanarGen.Generators.Tests.CompileAndRun
{
    /// <summary>The second half of <see cref="GridTests"/>' batches, in its own class so the two halves run in parallel.</summary>
    public class GridTestsSecondHalf
    {
        [Theory]
        [MemberData(nameof(GridTests.SecondHalf), MemberType = typeof(GridTests))]
        public void GeneratedNetworksMatchReference(int batch) => GridTests.RunBatch(batch);
    }
}
