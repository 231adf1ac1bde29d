using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using PlanarGen.Generators.Emit;
using PlanarGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PlanarGen.Generators.Tests.Emit
{
    /// <summary>
    /// Which networks get 512-bit twins of their batch kernels, and how they are fenced: float and double networks (both forms;
    /// Deterministic ones have none, DeterministicEmitTests), every twin inside <c>#if NET8_0_OR_GREATER</c> (netstandard2.1 has no Vector512), each chosen through PlanarGen.SimdPath.
    /// </summary>
    public class Vector512TwinTests
    {
        private static readonly string[] Twins = { "PredictBatchCore512", "CostCore512", "AccuracyCore512", "TrainStep512", "TrainLoop512", "StepCore512" };

        [Theory]
        [InlineData(2, 4, 1, Precision.Single, true)]     // fused, in passes
        [InlineData(2, 15, 1, Precision.Single, true)]    // plain arithmetic, one pass
        [InlineData(2, 4, 1, Precision.Double, true)]     // the accurate double kernels have 512-bit forms too; in passes
        [InlineData(2, 15, 1, Precision.Double, true)]    // one pass
        [InlineData(16, 64, 4, Precision.Single, true)]   // loop form
        [InlineData(16, 64, 4, Precision.Double, true)]
        public void FloatAndDoubleNetworksHaveTwins(int inputs, int hidden, int outputs, Precision precision, bool twins)
        {
            string text = Emit(inputs, hidden, outputs, precision);
            foreach (string twin in Twins) Assert.Equal(twins, text.Contains($" {twin}("));
            bool loopForm = !Plan.EmitPlan.For(Specs.Network(inputs, hidden, outputs, Activation.Tanh, precision, name: "Net")).Unrolled;
            Assert.Equal(twins && loopForm, text.Contains(" ForwardBlock512("));
            Assert.Equal(twins, text.Contains("global::PlanarGen.SimdPath.UsesVector512"));
            string element = precision == Precision.Single ? "float" : "double";
            Assert.Equal(twins, text.Contains($"global::System.Runtime.Intrinsics.Vector512<{element}>"));
        }

        [Theory]
        [InlineData(3, 6, 2, 16)]     // unrolled: eight choices (five kernels, Train's optimizer branch, TrainFor, Precompile), eight twins
        [InlineData(16, 64, 4, 17)]   // loop form: also ForwardBlock512
        public void EveryTwinAndEveryChoiceIsInsideTheNet8Fence(int inputs, int hidden, int outputs, int expectedFences)
        {
            string text = Emit(inputs, hidden, outputs, Precision.Single);
            string[] lines = text.Split('\n');
            int depth = 0, fences = 0;
            foreach (string raw in lines)
            {
                string line = raw.Trim();
                if (line == "#if NET8_0_OR_GREATER") { Assert.Equal(0, depth); depth++; fences++; continue; }
                if (line == "#endif") { Assert.Equal(1, depth); depth--; continue; }
                if (line.Contains("Vector512") || line.Contains("SimdPath")) Assert.True(depth == 1, $"outside the fence: {line}");
            }
            Assert.Equal(0, depth);
            // A choice in each of the five public kernels, Train's optimizer branch, TrainFor and Precompile, and a fence around each twin.
            Assert.Equal(expectedFences, fences);
            Assert.Equal(8, Regex.Matches(text, @"if \(global::PlanarGen\.SimdPath\.UsesVector512\)", RegexOptions.None, System.TimeSpan.FromSeconds(10)).Count);
        }

        [Theory]
        [InlineData(Precision.Single)]
        [InlineData(Precision.Double)]
        public void TwinsUseTheSameArithmeticAsTheirVectorTKernels(Precision precision)
        {
            // Same kernels per lane (so the same bits per sample): only the vector spelling differs.
            string text = Emit(2, 4, 1, precision);
            string element = precision == Precision.Single ? "float" : "double";
            string Body(string method)
            {
                int start = text.IndexOf($"private void {method}(", System.StringComparison.Ordinal);
                int end = text.IndexOf("\n        }\n", start, System.StringComparison.Ordinal);
                return text.Substring(start, end - start);
            }
            string vectorT = Body("PredictBatchCore").Replace($"global::System.Numerics.Vector<{element}>", "V").Replace("new V(", "B(")
                .Replace("int chunks = global::System.Numerics.Vector.IsHardwareAccelerated ? vx0.Length : 0;", "int chunks = vx0.Length;")
                .Replace("            // Without hardware SIMD (e.g. Unity Mono) every sample takes the scalar path, which computes the same thing.\n", "");
            string wide = Body("PredictBatchCore512").Replace($"global::System.Runtime.Intrinsics.Vector512<{element}>", "V")
                .Replace("global::System.Runtime.Intrinsics.Vector512.Create(", "B(").Replace("PredictBatchCore512", "PredictBatchCore");
            Assert.Equal(vectorT, wide);
        }

        private static string Emit(int inputs, int hidden, int outputs, Precision precision) =>
            NetworkEmitter.Emit(Specs.Network(inputs, hidden, outputs, Activation.Tanh, precision, name: "Net"), CancellationToken.None).ToString();
    }
}
