using System.Linq;
using PlanarGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PlanarGen.Generators.Tests
{
    public class GeneratorSmokeTests
    {
        [Fact]
        public void FlowerNetCompilesAsCSharp9WithoutWarnings()
        {
            GeneratorRun run = GeneratorHarness.Run("""
                using PlanarGen;
                namespace Demo
                {
                    [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
                    public partial struct FlowerNet { }
                }
                """);
            Assert.Empty(run.GeneratorDiagnostics);
            Assert.Equal("Demo.FlowerNet.Network.g.cs", run.Sources.Single().HintName);
            Assert.Empty(run.Problems.Select(d => d.ToString()));
        }
    }
}
