using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    internal static partial class NetworkEmitter
    {
        private static void WritePredict(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            var lanes = new Lanes(spec, n, vector: false);
            w.Line("/// <summary>Predicts one sample: unrolled scalar code, no allocation.</summary>");
            w.Line("/// <param name=\"input\">The <see cref=\"InputCount\"/> finite features of one sample.</param>");
            w.Line("/// <param name=\"probabilities\">Receives the <see cref=\"OutputCount\"/> output probabilities (class 1 when above 0.5).</param>");
            w.Line(GeneratedCode);
            w.Open($"public void Predict({KnownNames.ReadOnlySpan}<{n.T}> input, {KnownNames.Span}<{n.T}> probabilities)");
            w.Line($"{KnownNames.NetworkValidation}.RequireLength(input.Length, InputCount, nameof(input), \"one value per input feature\");");
            w.Line($"{KnownNames.NetworkValidation}.RequireLength(probabilities.Length, OutputCount, nameof(probabilities), \"one value per output\");");
            for (int i = 0; i < spec.Inputs; i++) w.Line($"var x{i} = input[{i}];");
            w.Line("// x - x is NaN exactly when x is not finite, and a sum with a NaN term is NaN: one test for every input.");
            w.Line($"if ({n.IsNaN(Join(spec.Inputs, i => $"(x{i} - x{i})", " + "))}) {KnownNames.NetworkValidation}.ThrowNotFinite(input, nameof(input));");
            if (n.IsSingle && spec.HiddenActivation == Activation.Tanh) WriteForwardByFour(w, spec, n);
            else lanes.Forward(w, withOutput: true);
            for (int o = 0; o < spec.Outputs; o++) w.Line($"probabilities[{o}] = a2_{o};");
            w.Close();
            w.Line();
        }

        /// <summary>Layer 1 four hidden units at a time in a System.Numerics.Vector4 (a 128-bit register), the same operations
        /// and order per unit as the scalar form, so the results are the same bits; padding lanes compute tanh(0).</summary>
        private static void WriteForwardByFour(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            const string V4 = "global::System.Numerics.Vector4";
            w.Line($"// Layer 1: {spec.Inputs} inputs -> {spec.Hidden} hidden, tanh, four units per Vector4");
            int groups = (spec.Hidden + 3) / 4;
            for (int g = 0; g < groups; g++)
            {
                int gg = g;
                string Pack(System.Func<int, string> field) =>
                    $"new {V4}({Join(4, k => 4 * gg + k < spec.Hidden ? field(4 * gg + k) : "0f", ", ")})";
                string sum = n.SumOfProducts(spec.Inputs, i => Pack(h => W1(h, i)), i => $"new {V4}(x{i})", Pack(B1));
                w.Line($"var a1x4_{g} = {KnownNames.VectorMath}.TanhFast({sum});");
            }
            string[] lane = { "X", "Y", "Z", "W" };
            w.Line($"// Layer 2: {spec.Hidden} hidden -> {spec.Outputs} outputs, sigmoid");
            for (int o = 0; o < spec.Outputs; o++)
            {
                int oo = o;
                w.Line($"var z2_{o} = {n.SumOfProducts(spec.Hidden, h => W2(oo, h), h => $"a1x4_{h / 4}.{lane[h % 4]}", B2(o))};");
                w.Line($"var a2_{o} = {KnownNames.VectorMath}.{n.SigmoidKernel}(z2_{o});");
            }
        }

        private static void WritePredictBatch(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            w.Line("/// <summary>Predicts every sample of <paramref name=\"data\"/> (SIMD across samples, no allocation).</summary>");
            w.Line("/// <param name=\"data\">Samples with <see cref=\"InputCount\"/> features; labels are not needed.</param>");
            w.Line("/// <param name=\"probabilities\">Receives OutputCount x SampleCount probabilities, row-major like Y.</param>");
            w.Line(GeneratedCode);
            w.Open($"public void PredictBatch({KnownNames.DataSet}<{n.T}> data, {KnownNames.Span}<{n.T}> probabilities)");
            w.Line("RequireData(data, needsLabels: false);");
            w.Line($"{KnownNames.NetworkValidation}.RequireLength(probabilities.Length, OutputCount * data.SampleCount, nameof(probabilities), \"OutputCount x SampleCount probabilities\");");
            NumericNames? wide = n.Vector512Twin();
            WriteVector512Choice(w, wide, "PredictBatchCore512(data, probabilities);", returns: false);
            w.Line("PredictBatchCore(data, probabilities);");
            w.Close();
            w.Line();
            WritePredictBatchCore(w, spec, n);
            WriteVector512Twin(w, wide, twin => WritePredictBatchCore(w, spec, twin));
        }

        private static void WritePredictBatchCore(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            w.Line(GeneratedCode);
            w.Line(HotLoop);
            w.Open($"private void PredictBatchCore{n.Suffix}({KnownNames.DataSet}<{n.T}> data, {KnownNames.Span}<{n.T}> probabilities)");
            WriteBatchPrologue(w, spec, n, labels: false);
            for (int o = 0; o < spec.Outputs; o++)
            {
                w.Line($"var P{o} = probabilities.Slice({o} * m, m);");
                w.Line($"var vp{o} = {KnownNames.MemoryMarshal}.Cast<{n.T}, {n.Vec}>(P{o});");
            }
            WriteChunks(w, new Lanes(spec, n, vector: true), labels: false, withOutput: true, body =>
            {
                for (int o = 0; o < spec.Outputs; o++) body.Line($"vp{o}[c] = a2_{o};");
            });
            w.Open($"for (int s = chunks * {n.Vec}.Count; s < m; s++)");
            var scalar = new Lanes(spec, n, vector: false);
            scalar.LoadInputs(w);
            scalar.Forward(w, withOutput: true);
            for (int o = 0; o < spec.Outputs; o++) w.Line($"P{o}[s] = a2_{o};");
            w.Close();
            w.Close();
            w.Line();
        }

        private static void WriteCost(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            w.Line("/// <summary>The cross-entropy cost -(1/m) sum(Y log A2 + (1 - Y) log(1 - A2)), computed stably from Z2.</summary>");
            w.Line("/// <param name=\"data\">A labelled data set of this network's shape.</param>");
            w.Line(GeneratedCode);
            w.Open($"public {n.T} Cost({KnownNames.DataSet}<{n.T}> data)");
            w.Line("RequireData(data, needsLabels: true);");
            NumericNames? wide = n.Vector512Twin();
            WriteVector512Choice(w, wide, "CostCore512(data)", returns: true);
            w.Line("return CostCore(data);");
            w.Close();
            w.Line();
            WriteCostCore(w, spec, n);
            WriteVector512Twin(w, wide, twin => WriteCostCore(w, spec, twin));
        }

        private static void WriteCostCore(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            w.Line(GeneratedCode);
            w.Line(HotLoop);
            w.Open($"private {n.T} CostCore{n.Suffix}({KnownNames.DataSet}<{n.T}> data)");
            WriteBatchPrologue(w, spec, n, labels: true);
            w.Line($"var gCost = {n.Vec}.Zero;");
            WriteChunks(w, new Lanes(spec, n, vector: true), labels: true, withOutput: false, body =>
            {
                for (int o = 0; o < spec.Outputs; o++) body.Line($"gCost += {KnownNames.VectorMath}.Softplus(z2_{o}) - y{o} * z2_{o};");
            });
            w.Line($"{n.T} sCost = {n.VecStatic}.Dot(gCost, one);");
            w.Open($"for (int s = chunks * {n.Vec}.Count; s < m; s++)");
            var scalar = new Lanes(spec, n, vector: false);
            scalar.LoadInputs(w);
            scalar.LoadLabels(w);
            scalar.Forward(w, withOutput: false);
            for (int o = 0; o < spec.Outputs; o++) w.Line($"sCost += {KnownNames.VectorMath}.Softplus(z2_{o}) - y{o} * z2_{o};");
            w.Close();
            w.Line($"return sCost * ({n.Lit(1)} / m);");
            w.Close();
            w.Line();
        }

        private static void WriteAccuracy(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            w.Line("/// <summary>Fraction of outputs predicted correctly (probability above 0.5 means class 1), over every sample and output.</summary>");
            w.Line("/// <param name=\"data\">A labelled data set of this network's shape.</param>");
            w.Line(GeneratedCode);
            w.Open($"public double Accuracy({KnownNames.DataSet}<{n.T}> data)");
            w.Line("RequireData(data, needsLabels: true);");
            NumericNames? wide = n.Vector512Twin();
            WriteVector512Choice(w, wide, "AccuracyCore512(data)", returns: true);
            w.Line("return AccuracyCore(data);");
            w.Close();
            w.Line();
            WriteAccuracyCore(w, spec, n);
            WriteVector512Twin(w, wide, twin => WriteAccuracyCore(w, spec, twin));
        }

        private static void WriteAccuracyCore(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            w.Line(GeneratedCode);
            w.Line(HotLoop);
            w.Open($"private double AccuracyCore{n.Suffix}({KnownNames.DataSet}<{n.T}> data)");
            WriteBatchPrologue(w, spec, n, labels: true);
            w.Line($"var half = {n.Broadcast(n.Lit(0.5))};");
            w.Line("// Each equal mask lane is -1, so subtracting it counts the correct predictions.");
            w.Line($"var correct = {n.Mask}.Zero;");
            w.Open("for (int c = 0; c < chunks; c++)");
            var vector = new Lanes(spec, n, vector: true);
            vector.LoadInputs(w);
            vector.LoadLabels(w);
            vector.Forward(w, withOutput: true);
            for (int o = 0; o < spec.Outputs; o++)
                w.Line($"correct -= {n.VecStatic}.Equals({n.AsMask($"{n.VecStatic}.GreaterThan(a2_{o}, half)")}, {n.AsMask($"{n.VecStatic}.Equals(y{o}, one)")});");
            w.Close();
            w.Line($"long count = {n.VecStatic}.Dot(correct, {n.Mask}.One);");
            w.Open($"for (int s = chunks * {n.Vec}.Count; s < m; s++)");
            var scalar = new Lanes(spec, n, vector: false);
            scalar.LoadInputs(w);
            scalar.LoadLabels(w);
            scalar.Forward(w, withOutput: true);
            for (int o = 0; o < spec.Outputs; o++)
                w.Line($"if ((a2_{o} > {n.Lit(0.5)}) == (y{o} == {n.Lit(1)})) count++;");
            w.Close();
            w.Line("return (double)count / ((long)OutputCount * m);");
            w.Close();
            w.Line();
        }

        /// <summary>For a network with 512-bit kernels (<paramref name="wide"/> not null): the run-time choice of them, compiled
        /// where Vector512 exists. <paramref name="call"/> is the 512-bit kernel's call, returned when <paramref name="returns"/>.</summary>
        private static void WriteVector512Choice(CodeWriter w, NumericNames? wide, string call, bool returns)
        {
            if (wide is null) return;
            w.Line($"#if {KnownNames.Vector512Symbol}");
            w.Open($"if ({KnownNames.SimdPathUsesVector512})");
            if (returns) w.Line($"return {call};");
            else
            {
                w.Line(call);
                w.Line("return;");
            }
            w.Close();
            w.Line("#endif");
        }

        /// <summary>Writes the 512-bit twin of a kernel (<paramref name="write"/> with the Vector512 names), compiled where Vector512 exists.</summary>
        private static void WriteVector512Twin(CodeWriter w, NumericNames? wide, System.Action<NumericNames> write)
        {
            if (wide is null) return;
            w.Line($"#if {KnownNames.Vector512Symbol}");
            write(wide);
            w.Line("#endif");
            w.Line();
        }

        private static void WriteRequireData(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            w.Line(GeneratedCode);
            w.Open($"private static void RequireData({KnownNames.DataSet}<{n.T}> data, bool needsLabels)");
            w.Line($"{KnownNames.NetworkValidation}.RequireShape(data.FeatureCount, data.OutputCount, InputCount, OutputCount, needsLabels, NetworkName);");
            w.Close();
        }
    }
}
