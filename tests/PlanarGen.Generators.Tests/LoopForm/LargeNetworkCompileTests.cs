extern alias runtime;

using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using PlanarGen.Generators.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

using runtime::PlanarGen;
namespace PlanarGen.Generators.Tests.LoopForm
{
    public class LargeNetworkCompileTests
    {
        private readonly ITestOutputHelper _output;

        public LargeNetworkCompileTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void Mnist784x128x10GeneratesTheLoopFormAndCompilesInSeconds()
        {
            var stopwatch = Stopwatch.StartNew();
            GeneratorRun run = GeneratorHarness.Run("""
                using PlanarGen;
                namespace Demo
                {
                    [Network(Inputs = 784, Hidden = 128, Outputs = 10)]
                    public partial class DigitNet { }
                }
                """);
            long generate = stopwatch.ElapsedMilliseconds;
            Assert.Empty(run.GeneratorDiagnostics);
            string text = run.SourceText("Demo.DigitNet.Network.g.cs");
            Assert.Contains("private float[] _parameters = new float[ParameterCount];", text);
            Assert.DoesNotContain("W1_0_0", text);
            Assert.Empty(run.Problems.Select(d => d.ToString()));
            using var stream = new MemoryStream();
            Assert.True(run.Output.Emit(stream).Success);
            stopwatch.Stop();
            _output.WriteLine($"784-128-10: generate {generate} ms, generate + compile + emit {stopwatch.ElapsedMilliseconds} ms, {text.Length} chars");
            // The unrolled form of this shape would be ~100,000 fields and ~500,000 locals; the loop form is a few hundred lines
            // (about 64,000 characters since 0.2.0 added weights files, Fingerprint, the divergence checks and Clone; about 80,000
            // with the optimizers' TrainFor, TrainStateful, GradientCore and their Vector512 twins; about 86,000 with input scaling).
            // The size does not grow with the shape: that is what this bound guards (raised with each feature, in CHANGELOG).
            Assert.True(text.Length < 90_000, $"loop form is {text.Length} chars");
            Assert.True(stopwatch.Elapsed.TotalSeconds < 30, $"took {stopwatch.Elapsed}");

            Assembly assembly = Assembly.Load(stream.ToArray());
            var net = (INetwork<float>)System.Activator.CreateInstance(assembly.GetType("Demo.DigitNet")!)!;
            net.Initialize(new NumPyRandom(2), 0.01);
            PlanarData<float> data = LoopFormCompiler.Synthetic<float>(784, 10, 37, 11);
            float before = net.Cost(data.AsDataSet());
            float first = net.TrainStep(data.AsDataSet(), 0.5f);
            for (int k = 0; k < 5; k++) net.TrainStep(data.AsDataSet(), 0.5f);
            float after = net.Cost(data.AsDataSet());
            Assert.Equal(before, first, 5);
            Assert.True(after < before, $"cost {before} -> {after}");
        }

        [Fact]
        public void BudgetDecidesTheForm()
        {
            Assert.True(LoopFormCompiler.Spec("A", 2, 4, 1, null).Plan.Unrolled);
            Assert.True(LoopFormCompiler.Spec("B", 2, 15, 1, null).Plan.Unrolled);    // 61 parameters: measured 2x faster unrolled
            Assert.True(LoopFormCompiler.Spec("C", 1, 21, 1, null).Plan.Unrolled);    // 64 parameters: at the budget
            Assert.True(LoopFormCompiler.Spec("C", 61, 1, 1, null).Plan.Unrolled);    // 64 parameters, the most locals (390) within it
            Assert.False(LoopFormCompiler.Spec("D", 2, 16, 1, null).Plan.Unrolled);   // 65 parameters
            Assert.False(LoopFormCompiler.Spec("D", 2, 50, 1, null).Plan.Unrolled);   // 201 parameters: measured 4.6x faster as loops
            Assert.False(LoopFormCompiler.Spec("E", 16, 16, 4, null).Plan.Unrolled);  // 340 parameters
            Assert.True(LoopFormCompiler.Spec("F", 1, 2, 20, null).Plan.Unrolled);    // 64 parameters, 20 outputs
            Assert.False(LoopFormCompiler.Spec("F", 1, 2, 21, null).Plan.Unrolled);   // 67 parameters
            Assert.False(LoopFormCompiler.Spec("G", 784, 128, 10, null).Plan.Unrolled);
            Assert.NotEqual(LoopFormCompiler.Spec("H", 2, 4, 1, false), LoopFormCompiler.Spec("H", 2, 4, 1, null));
            Assert.Equal(LoopFormCompiler.Spec("H", 2, 4, 1, false), LoopFormCompiler.Spec("H", 2, 4, 1, false));
        }

        /// <summary>The parameter budget also keeps the JIT within its locals: every shape it lets through has an unrolled
        /// StepCore below the measured limit from which the loop form trains faster (docs/unrolling-budget.md).</summary>
        [Fact]
        public void EveryUnrolledShapeStaysBelowTheLocalsLimit()
        {
            int budget = Plan.EmitPlan.UnrolledParameterBudget, worst = 0, unrolled = 0;
            for (int inputs = 1; inputs <= budget; inputs++)
                for (int hidden = 1; hidden <= budget; hidden++)
                    for (int outputs = 1; outputs <= budget; outputs++)
                    {
                        if (!Plan.EmitPlan.IsUnrolled(Parsing.NetworkRules.ParameterCount(inputs, hidden, outputs))) continue;
                        unrolled++;
                        worst = System.Math.Max(worst, Plan.EmitPlan.EstimatedUnrolledLocals(inputs, hidden, outputs));
                    }
            Assert.True(unrolled > 1000, $"{unrolled} unrolled shapes");
            Assert.Equal(397, worst); // 61-1-1
            Assert.True(worst < Plan.EmitPlan.UnrolledLocalsLimit, $"{worst} estimated locals");
        }

        /// <summary>The locals estimate behind the budget must track the unrolled emitter: if this fails after a change
        /// to the unrolled StepCore, refit <c>EmitPlan.EstimatedUnrolledLocals</c>. The estimate is of the plain
        /// (unfused) StepCore, the form of unrolled float networks of 41-64 parameters and of every unrolled double network;
        /// larger shapes are forced unrolled in double, because a float network above the budget fuses (EmitPlan.For).</summary>
        [Theory]
        [InlineData(2, 15, 1, false)]
        [InlineData(4, 7, 3, false)]
        [InlineData(2, 16, 1, true)]
        [InlineData(2, 30, 1, true)]
        [InlineData(2, 50, 1, true)]
        [InlineData(16, 8, 4, true)]
        [InlineData(4, 10, 3, true)]
        public void LocalsEstimateMatchesTheUnrolledStepCore(int inputs, int hidden, int outputs, bool isDouble)
        {
            var spec = LoopFormCompiler.Spec("L", inputs, hidden, outputs, true, LoopFormCompiler.ReLU, isDouble);
            var (assembly, _, _) = LoopFormCompiler.Compile(spec);
            var flags = BindingFlags.NonPublic | BindingFlags.Instance;
            // The step is StepCore plus the GradientSums it calls (split so the optimizers share the sums).
            System.Type type = assembly.GetType("Measured.L")!;
            int locals = type.GetMethod("StepCore", flags)!.GetMethodBody()!.LocalVariables.Count
                + type.GetMethod("GradientSums", flags)!.GetMethodBody()!.LocalVariables.Count;
            int estimate = Plan.EmitPlan.EstimatedUnrolledLocals(inputs, hidden, outputs);
            Assert.InRange(locals, estimate - 8, estimate + 8);
        }
    }
}
