using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    /// <summary>The loop form's output layer for softmax and linear networks (sigmoid keeps its own text in the kernels):
    /// the same operations in the same order per sample as the unrolled form (NetworkEmitter.Outputs.cs).</summary>
    internal static partial class NetworkEmitter
    {
        /// <summary>The output of one Z2 value for outputs activated on their own: sigmoid(z) or z; softmax's raw z, which
        /// <see cref="WriteLoopSoftmax"/> then turns into probabilities.</summary>
        private static string LoopOutputOf(NetworkSpec spec, Spelling n, string z) =>
            IsSigmoidOutput(spec) ? $"{KnownNames.VectorMath}.{n.SigmoidKernel}({z})" : z;

        /// <summary>One Y value of output o: a vector of chunk c0 + k, or sample s.</summary>
        private static string LoopLabel(Spelling n, bool vector) =>
            vector ? $"{KnownNames.MemoryMarshal}.Cast<{n.T}, {n.Vec}>(Y.Slice(o * m, m))[c0 + k]" : "Y[o * m + s]";

        private static void WriteLoopSoftmaxPredictBatch(CodeWriter w, Spelling n)
        {
            using (LoopBlocks(w, n))
            {
                w.Line($"ForwardBlock{n.Suffix}(p, scratch, X, m, c0, nb);");
                using (w.Block("for (int k = 0; k < nb; k++)"))
                {
                    w.Line("var zk = z2.Slice(k * OutputCount, OutputCount);");
                    WriteLoopSoftmax(w, n, vector: true, "zk", probabilities: true);
                    w.Line($"for (int o = 0; o < OutputCount; o++) {KnownNames.MemoryMarshal}.Cast<{n.T}, {n.Vec}>(probabilities.Slice(o * m, m))[c0 + k] = zk[o];");
                }
            }
            using (w.Block($"for (int s = chunks * {n.Vec}.Count; s < m; s++)"))
            {
                w.Line("ForwardSample(p, X, m, s, t);");
                w.Line("var zs = t.Slice(HiddenCount, OutputCount);");
                WriteLoopSoftmax(w, n, vector: false, "zs", probabilities: true);
                w.Line("for (int o = 0; o < OutputCount; o++) probabilities[o * m + s] = zs[o];");
            }
        }

        /// <summary>The cost of a softmax or linear network in the loop form, after its prologue.</summary>
        private static void WriteLoopOtherCost(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            using (LoopBlocks(w, n))
            {
                w.Line($"ForwardBlock{n.Suffix}(p, scratch, X, m, c0, nb);");
                if (IsLinear(spec))
                {
                    // Output by output, chunk by chunk: the order in which the training pass adds the same terms, so a step
                    // reports exactly this cost.
                    w.Lines($$"""
                        for (int o = 0; o < OutputCount; o++)
                        {
                            var vy = {{KnownNames.MemoryMarshal}}.Cast<{{n.T}}, {{n.Vec}}>(Y.Slice(o * m, m));
                            for (int k = 0; k < nb; k++)
                            {
                                var d = z2[k * OutputCount + o] - vy[c0 + k];
                                gCost += d * d;
                            }
                        }
                        """);
                }
                else
                {
                    using (w.Block("for (int k = 0; k < nb; k++)"))
                    {
                        w.Line("var zk = z2.Slice(k * OutputCount, OutputCount);");
                        WriteLoopCostTerm(w, spec, n, vector: true, "zk", "gCost");
                    }
                }
            }
            w.Line($"{n.T} sCost = {n.VecStatic}.Dot(gCost, {n.Vec}.One);");
            using (w.Block($"for (int s = chunks * {n.Vec}.Count; s < m; s++)"))
            {
                w.Line("ForwardSample(p, X, m, s, t);");
                w.Line("var zs = t.Slice(HiddenCount, OutputCount);");
                WriteLoopCostTerm(w, spec, n, vector: false, "zs", "sCost");
            }
            w.Line($"return sCost * ({n.Lit(1)} / m){MeanOverOutputs(spec)};");
        }

        /// <summary>One sample's (or chunk's) cost terms from its Z2 in span <paramref name="z"/>, added to <paramref name="acc"/>.</summary>
        private static void WriteLoopCostTerm(CodeWriter w, NetworkSpec spec, Spelling n, bool vector, string z, string acc)
        {
            string label = LoopLabel(n, vector);
            if (IsLinear(spec))
            {
                w.Lines($$"""
                    for (int o = 0; o < OutputCount; o++)
                    {
                        var d = {{z}}[o] - {{label}};
                        {{acc}} += d * d;
                    }
                    """);
                return;
            }
            WriteLoopMax(w, n, vector, z, "zmax");
            w.Lines($$"""
                var esum = {{(vector ? $"{n.Vec}.Zero" : n.Lit(0))}};
                var dot = {{(vector ? $"{n.Vec}.Zero" : n.Lit(0))}};
                for (int o = 0; o < OutputCount; o++)
                {
                    esum += {{KnownNames.VectorMath}}.Exp({{z}}[o] - zmax);
                    dot += {{label}} * ({{z}}[o] - zmax);
                }
                {{acc}} += {{KnownNames.VectorMath}}.Log(esum) - dot;
                """);
        }

        private static void WriteLoopMax(CodeWriter w, Spelling n, bool vector, string z, string max)
        {
            w.Line($"var {max} = {z}[0];");
            w.Line($"for (int o = 1; o < OutputCount; o++) {max} = {(vector ? $"{n.VecStatic}.Max({max}, {z}[o])" : $"({max} > {z}[o] ? {max} : {z}[o])")};");
        }

        /// <summary>The training step's output deltas of a softmax or linear network, written over Z2 (vector: the chunks of
        /// the block in z2; scalar: sample s in t[HiddenCount..]), with the cost terms when withCost.</summary>
        private static void WriteLoopOtherDeltas(CodeWriter w, NetworkSpec spec, Spelling n, bool vector)
        {
            string label = LoopLabel(n, vector);
            string acc = vector ? "gCost" : "sCost";
            string indent = vector ? "" : "    ";
            var lines = new System.Collections.Generic.List<string>();
            if (IsLinear(spec))
            {
                string scale = vector ? "mseScale" : n.Lit(2.0 / spec.Outputs);
                lines.Add("// Backward: linear with mean squared error gives dZ2 = 2 (A2 - Y) / Outputs (written over Z2); its cost term is (z - y)^2.");
                lines.Add("for (int o = 0; o < OutputCount; o++)");
                lines.Add("{");
                if (vector)
                {
                    lines.Add("    for (int k = 0; k < nb; k++)");
                    lines.Add("    {");
                    lines.Add($"        var d = z2[k * OutputCount + o] - {label};");
                    lines.Add($"        if (withCost) {acc} += d * d;");
                    lines.Add($"        z2[k * OutputCount + o] = d * {scale};");
                    lines.Add("    }");
                }
                else
                {
                    lines.Add($"    var d = t[HiddenCount + o] - {label};");
                    lines.Add($"    if (withCost) {acc} += d * d;");
                    lines.Add($"    t[HiddenCount + o] = d * {scale};");
                }
                lines.Add("}");
            }
            else
            {
                string zero = vector ? "zero" : n.Lit(0);
                string max = vector ? $"{n.VecStatic}.Max(zmax, zk[o])" : "(zmax > zk[o] ? zmax : zk[o])";
                lines.Add("// Backward: softmax with categorical cross-entropy gives dZ2 = A2 - Y (written over Z2); its cost term is log(esum) - y.(z - zmax).");
                if (vector)
                {
                    lines.Add("for (int k = 0; k < nb; k++)");
                    lines.Add("{");
                }
                string b = vector ? "    " : "";
                lines.Add($"{b}var zk = {(vector ? "z2.Slice(k * OutputCount, OutputCount)" : "t.Slice(HiddenCount, OutputCount)")};");
                lines.Add($"{b}var zmax = zk[0];");
                lines.Add($"{b}for (int o = 1; o < OutputCount; o++) zmax = {max};");
                lines.Add($"{b}var esum = {zero};");
                lines.Add($"{b}var dot = {zero};");
                lines.Add($"{b}for (int o = 0; o < OutputCount; o++)");
                lines.Add($"{b}{{");
                lines.Add($"{b}    var e = {KnownNames.VectorMath}.Exp(zk[o] - zmax);");
                lines.Add($"{b}    if (withCost) dot += {label} * (zk[o] - zmax);");
                lines.Add($"{b}    zk[o] = e;");
                lines.Add($"{b}    esum += e;");
                lines.Add($"{b}}}");
                lines.Add($"{b}if (withCost) {acc} += {KnownNames.VectorMath}.Log(esum) - dot;");
                lines.Add($"{b}for (int o = 0; o < OutputCount; o++) zk[o] = zk[o] / esum - {label};");
                if (vector) lines.Add("}");
            }
            foreach (string line in lines) w.Line(indent + line);
        }

        /// <summary>Accuracy of a softmax network in the loop form: the first class with the largest probability against the
        /// label's one-hot row, as in the unrolled form.</summary>
        private static void WriteLoopSoftmaxAccuracyCore(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            w.Lines(new[] { GeneratedCode, HotLoop });
            using (w.Block($"private double AccuracyCore{n.Suffix}({KnownNames.DataSet}<{n.T}> data)"))
            {
                WriteLoopPrologue(w, spec, n);
                w.Lines($"""
                    var Y = data.Y;
                    // Each equal mask lane is -1, so subtracting it counts the correct predictions.
                    var correct = {n.Mask}.Zero;
                    """);
                using (LoopBlocks(w, n))
                {
                    w.Line($"ForwardBlock{n.Suffix}(p, scratch, X, m, c0, nb);");
                    using (w.Block("for (int k = 0; k < nb; k++)"))
                    {
                        w.Line("var zk = z2.Slice(k * OutputCount, OutputCount);");
                        WriteLoopSoftmax(w, n, vector: true, "zk", probabilities: true);
                        WriteLoopMax(w, n, vector: true, "zk", "amax");
                        w.Lines($"""
                            var predicted = {n.Broadcast($"({n.T})(OutputCount - 1)")};
                            for (int o = OutputCount - 2; o >= 0; o--) predicted = {n.VecStatic}.ConditionalSelect({n.VecStatic}.Equals(zk[o], amax), {n.Broadcast($"({n.T})o")}, predicted);
                            var labelled = {n.Vec}.Zero;
                            for (int o = 0; o < OutputCount; o++) labelled += {LoopLabel(n, vector: true)} * {n.Broadcast($"({n.T})o")};
                            correct -= {n.AsMask($"{n.VecStatic}.Equals(predicted, labelled)")};
                            """);
                    }
                }
                w.Line($"long count = {n.VecStatic}.Dot(correct, {n.Mask}.One);");
                using (w.Block($"for (int s = chunks * {n.Vec}.Count; s < m; s++)"))
                {
                    w.Line("ForwardSample(p, X, m, s, t);");
                    w.Line("var zs = t.Slice(HiddenCount, OutputCount);");
                    WriteLoopSoftmax(w, n, vector: false, "zs", probabilities: true);
                    WriteLoopMax(w, n, vector: false, "zs", "amax");
                    w.Lines($"""
                        {n.T} predicted = OutputCount - 1;
                        for (int o = OutputCount - 2; o >= 0; o--) predicted = zs[o] == amax ? o : predicted;
                        {n.T} labelled = 0;
                        for (int o = 0; o < OutputCount; o++) labelled += Y[o * m + s] * o;
                        if (predicted == labelled) count++;
                        """);
                }
                w.Line("return (double)count / m;");
            }
            w.Line();
        }
    }
}
