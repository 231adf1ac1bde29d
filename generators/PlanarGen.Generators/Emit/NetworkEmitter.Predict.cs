using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    internal static partial class NetworkEmitter
    {
        private static void WritePredict(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            w.Lines($"""
                /// <summary>Predicts one sample: unrolled scalar code, no allocation.
                /// {ThreadSafeReading}</summary>
                /// <param name="input">The <see cref="InputCount"/> finite features of one sample.</param>
                /// <param name="probabilities">Receives the <see cref="OutputCount"/> {OutputsDoc(spec)}.</param>
                {GeneratedCode}
                """);
            using (w.Block($"public void Predict({KnownNames.ReadOnlySpan}<{n.T}> input, {KnownNames.Span}<{n.T}> probabilities)"))
            {
                w.Lines($"""
                    {KnownNames.NetworkValidation}.RequireLength(input.Length, InputCount, nameof(input), "one value per input feature");
                    {KnownNames.NetworkValidation}.RequireLength(probabilities.Length, OutputCount, nameof(probabilities), "one value per output");
                    """);
                for (int i = 0; i < spec.Inputs; i++) w.Line($"var x{i} = input[{i}];");
                w.Lines($"""
                    // x - x is NaN exactly when x is not finite, and a sum with a NaN term is NaN: one test for every input.
                    if ({n.IsNaN(Join(spec.Inputs, i => $"(x{i} - x{i})", " + "))}) {KnownNames.NetworkValidation}.ThrowNotFinite(input, nameof(input));
                    """);
                if (n.Plan.PredictByFour) WriteForwardByFour(w, spec, n);
                else new Lanes(spec, n, vector: false).Forward(w, withOutput: true);
                for (int o = 0; o < spec.Outputs; o++) w.Line($"probabilities[{o}] = a2_{o};");
            }
            w.Line();
        }

        /// <summary>Layer 1 four hidden units at a time in a System.Numerics.Vector4 (a 128-bit register), the same operations
        /// and order per unit as the scalar form, so the results are the same bits; padding lanes compute tanh(0).</summary>
        private static void WriteForwardByFour(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            const string V4 = "global::System.Numerics.Vector4";
            w.Line($"// Layer 1: {Count(spec.Inputs, "input")} -> {spec.Hidden} hidden, tanh, four units per Vector4");
            int groups = (spec.Hidden + 3) / 4;
            for (int g = 0; g < groups; g++)
            {
                int gg = g;
                string Pack(System.Func<int, string> field) =>
                    $"new {V4}({Join(4, k => 4 * gg + k < spec.Hidden ? field(4 * gg + k) : "0f", ", ")})";
                w.Lines(n.DeclareSum($"z1x4_{g}", new Products(spec.Inputs, i => Pack(h => W1(h, i)), i => $"new {V4}(x{i})", Pack(B1))));
                w.Line($"var a1x4_{g} = {KnownNames.VectorMath}.TanhFast(z1x4_{g});");
            }
            string[] lane = { "X", "Y", "Z", "W" };
            w.Line($"// Layer 2: {spec.Hidden} hidden -> {Count(spec.Outputs, "output")}, {Describe(spec.OutputActivation)}");
            var scalar = new Lanes(spec, n, vector: false);
            for (int o = 0; o < spec.Outputs; o++)
            {
                int oo = o;
                w.Lines(n.DeclareSum($"z2_{o}", new Products(spec.Hidden, h => W2(oo, h), h => $"a1x4_{h / 4}.{lane[h % 4]}", B2(o))));
                if (scalar.OutputOf(o) is string activated) w.Line(activated);
            }
            if (IsSoftmax(spec)) scalar.WriteSoftmax(w);
        }

        private static void WritePredictBatch(CodeWriter w, NetworkSpec spec, Spelling n) =>
            WritePredictBatchEntry(w, spec, n, names => WritePredictBatchCore(w, spec, names));

        private static void WritePredictBatchCore(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            w.Lines(new[] { GeneratedCode, HotLoop });
            using (w.Block($"private void PredictBatchCore{n.Suffix}({KnownNames.DataSet}<{n.T}> data, {KnownNames.Span}<{n.T}> probabilities)"))
            {
                WriteBatchPrologue(w, spec, n, labels: false);
                for (int o = 0; o < spec.Outputs; o++)
                {
                    w.Line($"var P{o} = probabilities.Slice({o} * m, m);");
                    w.Line($"var vp{o} = {KnownNames.MemoryMarshal}.Cast<{n.T}, {n.Vec}>(P{o});");
                }
                WriteChunks(w, new Lanes(spec, n, vector: true), new ChunkWork(Labels: false, WithOutput: true, body =>
                {
                    for (int o = 0; o < spec.Outputs; o++) body.Line($"vp{o}[c] = a2_{o};");
                }));
                using (w.Block($"for (int s = chunks * {n.Vec}.Count; s < m; s++)"))
                {
                    var scalar = new Lanes(spec, n, vector: false);
                    scalar.LoadInputs(w);
                    scalar.Forward(w, withOutput: true);
                    for (int o = 0; o < spec.Outputs; o++) w.Line($"P{o}[s] = a2_{o};");
                }
            }
            w.Line();
        }

        private static void WriteCost(CodeWriter w, NetworkSpec spec, Spelling n) =>
            WriteCostEntry(w, spec, n, names => WriteCostCore(w, spec, names));

        private static void WriteCostCore(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            w.Lines(new[] { GeneratedCode, HotLoop });
            using (w.Block($"private {n.T} CostCore{n.Suffix}({KnownNames.DataSet}<{n.T}> data)"))
            {
                WriteBatchPrologue(w, spec, n, labels: true);
                w.Line($"var gCost = {n.Vec}.Zero;");
                var lanes = new Lanes(spec, n, vector: true);
                WriteChunks(w, lanes, new ChunkWork(Labels: true, WithOutput: lanes.CostNeedsOutput, body => lanes.AddCost(body, "gCost")));
                w.Line($"{n.T} sCost = {n.VecStatic}.Dot(gCost, one);");
                using (w.Block($"for (int s = chunks * {n.Vec}.Count; s < m; s++)"))
                {
                    var scalar = new Lanes(spec, n, vector: false);
                    scalar.LoadInputs(w);
                    scalar.LoadLabels(w);
                    scalar.Forward(w, withOutput: scalar.CostNeedsOutput);
                    scalar.AddCost(w, "sCost");
                }
                w.Line($"return sCost * ({n.Lit(1)} / m){MeanOverOutputs(spec)};");
            }
            w.Line();
        }

        private static void WriteAccuracy(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            if (IsLinear(spec)) WriteUndefinedAccuracy(w, spec, n);
            else WriteAccuracyEntry(w, spec, n, names => WriteAccuracyCore(w, spec, names));
        }

        private static void WriteAccuracyCore(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            w.Lines(new[] { GeneratedCode, HotLoop });
            using (w.Block($"private double AccuracyCore{n.Suffix}({KnownNames.DataSet}<{n.T}> data)"))
            {
                WriteBatchPrologue(w, spec, n, labels: true);
                w.Lines($"""
                    var half = {n.Broadcast(n.Lit(0.5))};
                    // Each equal mask lane is -1, so subtracting it counts the correct predictions.
                    var correct = {n.Mask}.Zero;
                    """);
                using (w.Block("for (int c = 0; c < chunks; c++)"))
                {
                    var vector = new Lanes(spec, n, vector: true);
                    vector.LoadInputs(w);
                    vector.LoadLabels(w);
                    vector.Forward(w, withOutput: true);
                    if (IsSoftmax(spec))
                    {
                        WriteSoftmaxClasses(w, vector);
                        w.Line($"correct -= {n.AsMask($"{n.VecStatic}.Equals(predicted, labelled)")};");
                    }
                    else
                        for (int o = 0; o < spec.Outputs; o++)
                            w.Line($"correct -= {n.VecStatic}.Equals({n.AsMask($"{n.VecStatic}.GreaterThan(a2_{o}, half)")}, {n.AsMask($"{n.VecStatic}.Equals(y{o}, one)")});");
                }
                w.Line($"long count = {n.VecStatic}.Dot(correct, {n.Mask}.One);");
                using (w.Block($"for (int s = chunks * {n.Vec}.Count; s < m; s++)"))
                {
                    var scalar = new Lanes(spec, n, vector: false);
                    scalar.LoadInputs(w);
                    scalar.LoadLabels(w);
                    scalar.Forward(w, withOutput: true);
                    if (IsSoftmax(spec))
                    {
                        WriteSoftmaxClasses(w, scalar);
                        w.Line("if (predicted == labelled) count++;");
                    }
                    else
                        for (int o = 0; o < spec.Outputs; o++)
                            w.Line($"if ((a2_{o} > {n.Lit(0.5)}) == (y{o} == {n.Lit(1)})) count++;");
                }
                w.Line(IsSoftmax(spec) ? "return (double)count / m;" : "return (double)count / ((long)OutputCount * m);");
            }
            w.Line();
        }

        private static void WriteRequireData(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            w.Line(GeneratedCode);
            using (w.Block($"private static void RequireData({KnownNames.DataSet}<{n.T}> data, bool needsLabels)"))
            {
                w.Line($"{KnownNames.NetworkValidation}.RequireShape(data.FeatureCount, data.OutputCount, InputCount, OutputCount, needsLabels, NetworkName);");
                WriteLabelRule(w, spec);
                // Every network but the deterministic ones (which never read SimdPath) reads SimdPath.UsesVector512 next, which
                // reports a bad PLANARGEN_VECTOR512 setting.
            }
        }
    }
}
