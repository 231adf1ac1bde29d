extern alias runtime;

using System.Linq;
using PlanarGen.Generators.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace PlanarGen.Generators.Tests.CompileAndRun
{
    /// <summary>
    /// A cheap compile-and-run check (8 networks, one compilation, a few seconds): every hidden activation in both
    /// precisions. CI also runs this class with <c>DOTNET_EnableHWIntrinsic=0</c>, where
    /// <c>Vector.IsHardwareAccelerated</c> is false and every sample takes the generated scalar path:
    /// <c>DOTNET_EnableHWIntrinsic=0 dotnet test tests/PlanarGen.Generators.Tests -c Release --no-build --filter Category=ScalarPath</c>,
    /// and with <c>PLANARGEN_VECTOR512=1</c> (<c>--filter Category=Vector512Path</c>), where the float networks run their
    /// Vector512 kernels (compiled here because the harness defines the net10.0 symbols, NET8_0_OR_GREATER among them).
    /// </summary>
    [Trait("Category", "ScalarPath")]
    [Trait("Category", "Vector512Path")]
    public class ScalarPathTests
    {
        private readonly ITestOutputHelper _output;

        public ScalarPathTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void SmallNetworksMatchReferenceInEveryActivationAndPrecision()
        {
            Activation[] activations = { Activation.Tanh, Activation.Sigmoid, Activation.ReLU, Activation.LeakyReLU };
            (int, int, int)[] shapes = { (1, 1, 1), (2, 4, 1), (3, 6, 2), (5, 9, 3) };
            NetworkCase[] cases = activations
                .SelectMany((a, k) => new[]
                {
                    new NetworkCase(shapes[k].Item1, shapes[k].Item2, shapes[k].Item3, a, Precision.Single),
                    new NetworkCase(shapes[3 - k].Item1, shapes[3 - k].Item2, shapes[3 - k].Item3, a, Precision.Double),
                })
                .ToArray();
            bool wide = runtime::PlanarGen.SimdPath.UsesVector512;
            _output.WriteLine($"Vector.IsHardwareAccelerated = {System.Numerics.Vector.IsHardwareAccelerated}, Vector<float>.Count = {System.Numerics.Vector<float>.Count}, " +
                $"SimdPath.UsesVector512 = {wide}");
            using CompiledNetworks compiled = CompiledNetworks.Compile(cases);
            for (int k = 0; k < cases.Length; k++) NetworkChecks.Check(compiled, cases[k], seed: 42 + k);
        }
    }
}
