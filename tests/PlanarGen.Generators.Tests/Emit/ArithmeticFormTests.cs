using System.Threading;
using PlanarGen.Generators.Emit;
using PlanarGen.Generators.Plan;
using PlanarGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PlanarGen.Generators.Tests.Emit
{
    /// <summary>
    /// Which arithmetic the plan chooses (EmitPlan.For): fused multiply-adds for float networks of at most 40 parameters,
    /// plain arithmetic for larger unrolled float networks (the JIT stops inlining past about 100 helper calls) and for every
    /// double network (which tracks the exact NumPy path); the chunk passes for every unrolled network of at most 40
    /// parameters, float or double, one fused pass above.
    /// </summary>
    public class ArithmeticFormTests
    {
        [Theory]
        [InlineData(2, 4, 1, Precision.Single, true, true)]     // the flower network: 17 parameters
        [InlineData(2, 9, 1, Precision.Single, true, true)]     // 37 parameters
        [InlineData(3, 6, 2, Precision.Single, true, true)]     // 38 parameters
        [InlineData(2, 10, 1, Precision.Single, false, false)]  // 41 parameters
        [InlineData(2, 15, 1, Precision.Single, false, false)]  // 61 parameters, the largest unrolled 2-H-1
        [InlineData(2, 4, 1, Precision.Double, false, true)]    // double: plain, but in passes up to 40 parameters
        [InlineData(3, 6, 2, Precision.Double, false, true)]
        [InlineData(2, 10, 1, Precision.Double, false, false)]
        public void FusesOnlySmallFloatNetworks(int inputs, int hidden, int outputs, Precision precision, bool fused, bool passes)
        {
            string text = NetworkEmitter.Emit(Specs.Network(inputs, hidden, outputs, Activation.Tanh, precision, name: "Net"),
                CancellationToken.None).ToString();
            Assert.Equal(fused, text.Contains("global::PlanarGen.VectorMath.MultiplyAdd("));
            Assert.Equal(passes, text.Contains("// Kept per chunk:"));
            Assert.Equal(passes, text.Contains("// Layer by layer over blocks of"));
            Assert.Contains("private bool StepTail(", text);
        }

        [Fact]
        public void FusedNetworksKeepSmallPassBlocks()
        {
            // The pass buffers are sized on the assumption that only networks of at most 40 parameters work in passes (so at
            // most 13 hidden units): every such unrolled shape, float or double, must keep a block of kept vectors within 216
            // (7 KB at 256 bits, 14 KB at 512).
            int worst = 0;
            foreach (Precision precision in new[] { Precision.Single, Precision.Double })
            for (int inputs = 1; inputs <= 40; inputs++)
                for (int hidden = 1; hidden <= 40; hidden++)
                    for (int outputs = 1; outputs <= 40; outputs++)
                    {
                        var spec = Specs.Network(inputs, hidden, outputs, Activation.Tanh, precision, name: "Net");
                        var plan = EmitPlan.For(spec);
                        if (!plan.Unrolled || !plan.LayerPasses) continue;
                        worst = System.Math.Max(worst, plan.PassBlockChunks * (2 * hidden + outputs));
                    }
            Assert.InRange(worst, 1, 216);
        }

        [Fact]
        public void LoopFormFusesItsDotProducts()
        {
            // Loops call the helper a few times only, so the loop form fuses whatever its size (and matches its unrolled twin,
            // which fuses too when small: LoopVersusUnrolledTests).
            var spec = Specs.Network(16, 64, 4, Activation.Tanh, Precision.Single, name: "Wide");
            string text = NetworkEmitter.Emit(spec, CancellationToken.None).ToString();
            Assert.False(EmitPlan.For(spec).Unrolled);
            Assert.Contains("z = global::PlanarGen.VectorMath.MultiplyAdd(", text);
        }
    }
}
