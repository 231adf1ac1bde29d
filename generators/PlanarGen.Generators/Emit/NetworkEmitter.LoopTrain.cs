using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    internal static partial class NetworkEmitter
    {
        /// <summary>The loop form's training step: forward and backward per block of samples, the weight gradients as matrix
        /// products (PlanarGen.MatrixKernel) added to the sums in the per-thread scratch, a scalar tail, then the checked update.</summary>
        private static void WriteLoopStepCore(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            var vector = new Lanes(spec, n, vector: true);
            var scalar = new Lanes(spec, n, vector: false);
            ParameterLayout at = spec.Layout;
            var r = new LoopRegions(spec, n.Plan.LoopSampleBlock);
            string fused = n.Fused ? "true" : "false";
            string slope = spec.HiddenActivation == Activation.LeakyReLU ? $"\nvar slope = {n.Broadcast(n.Lit(spec.LeakySlope))};" : "";
            w.Lines($$"""
                /// <summary>The gradient sums of every sample (GradientSums, in this thread's scratch), then the update.
                /// Returns false, leaving the parameters unchanged, when the step diverged by PlanarGen.DivergenceRule: a pre-activation beyond
                /// the bound or NaN, or a gradient, new parameter or (if computed) the cost not finite.</summary>
                {{GeneratedCode}}
                {{HotLoop}}
                private bool StepCore{{n.Suffix}}({{KnownNames.DataSet}}<{{n.T}}> data, {{n.T}} learningRate, bool withCost, int threads, out {{n.T}} cost)
                {
                    var p = {{LoopParameters(spec, n)}};
                    var g = new {{KnownNames.Span}}<{{n.T}}>(ThreadScratch(), 0, ParameterCount);
                    int m = data.SampleCount;
                    bool inBound = {{SplitSums(n, "p", "threads")}};
                    {{n.T}} invM = {{n.Lit(1)}} / m;
                    cost = sCost * invM{{MeanOverOutputs(spec)}};
                    // Update P = P - learningRate * (1/m) * sum into the gradient region, and probe: x * 0 is NaN exactly when x is not finite.
                    {{n.T}} probe = withCost ? cost * {{n.Lit(0)}} : {{n.Lit(0)}};
                    for (int k = 0; k < g.Length; k++)
                    {
                        var v = p[k] - learningRate * (invM * g[k]);
                        g[k] = v;
                        probe += v * {{n.Lit(0)}};
                    }
                    if (!inBound || {{n.IsNaN("probe")}}) return false;
                    g.CopyTo(p);
                    return true;
                }

                /// <summary>The gradient range PlanarGen.GradientSplit sums on each thread: GradientSums{{n.Suffix}}.</summary>
                {{GeneratedCode}}
                private readonly struct GradientRange{{n.Suffix}} : global::PlanarGen.IGradientRange<{{n.T}}>
                {
                    public bool Sums({{KnownNames.ReadOnlySpan}}<{{n.T}}> parameters, {{KnownNames.ReadOnlySpan}}<{{n.T}}> x, {{KnownNames.ReadOnlySpan}}<{{n.T}}> y, int sampleCount, int sampleStart, int sampleEnd, {{KnownNames.Span}}<{{n.T}}> gradient, bool withCost, out {{n.T}} cost) =>
                        GradientSums{{n.Suffix}}(parameters, x, y, sampleCount, sampleStart, sampleEnd, gradient, withCost, out cost);
                }

                /// <summary>Forward and backward per block of chunks, the gradient sums of samples [sampleStart, sampleEnd) into g
                /// [0, ParameterCount) (not yet scaled by 1/m) and, when asked, the sum of their cost terms; the SIMD scratch is this
                /// thread's. sampleStart is 0 or a multiple of 16 (PlanarGen.GradientSplit). Returns whether every pre-activation was
                /// within PlanarGen.DivergenceRule's bound.</summary>
                {{GeneratedCode}}
                {{HotLoop}}
                """);
            using (w.Block($"private static bool GradientSums{n.Suffix}({KnownNames.ReadOnlySpan}<{n.T}> p, {KnownNames.ReadOnlySpan}<{n.T}> X, {KnownNames.ReadOnlySpan}<{n.T}> Y, int m, int sampleStart, int sampleEnd, {KnownNames.Span}<{n.T}> g, bool withCost, out {n.T} sCost)"))
            {
                WriteLoopPrologue(w, spec, n, ranged: true);
                w.Lines($"""
                    int rowChunks = {r.Block} / {n.Vec}.Count;
                    var a1 = new {KnownNames.Span}<{n.T}>(scratch, {r.A1}, {r.Rows(1)});
                    var dA1 = new {KnownNames.Span}<{n.T}>(scratch, {r.DA1}, {r.Rows(1)});
                    var z2Rows = new {KnownNames.Span}<{n.T}>(scratch, {r.Z2}, {r.Rows(0)});
                    var panel = new {KnownNames.Span}<{n.T}>(scratch, {r.Panel}, {r.PanelLength});
                    var hidden = {KnownNames.MemoryMarshal}.Cast<{n.T}, {n.Vec}>(a1);
                    var hiddenDeltas = {KnownNames.MemoryMarshal}.Cast<{n.T}, {n.Vec}>(dA1);
                    var outputs = {KnownNames.MemoryMarshal}.Cast<{n.T}, {n.Vec}>(z2Rows);
                    var one = {n.Vec}.One;
                    var zero = {n.Vec}.Zero;{slope}{(IsLinear(spec) ? $"\nvar mseScale = {n.Broadcast(n.Lit(2.0 / spec.Outputs))};" : "")}
                    g.Clear();
                    var gCost = {n.Vec}.Zero;
                    // DivergenceRule: ForwardBlock and ForwardSample return whether every pre-activation was within the bound.
                    var inBounds = {n.AllLanes};
                    """);
                using (LoopBlocks(w, n, $"sampleStart / {n.Vec}.Count"))
                {
                    w.Line($"inBounds &= ForwardBlock{n.Suffix}(p, scratch, X, m, c0, nb);");
                    if (!IsSigmoidOutput(spec)) WriteLoopOtherDeltas(w, spec, n, vector: true);
                    else w.Lines($$"""
                        // Backward: sigmoid with cross-entropy gives dZ2 = A2 - Y (written over Z2); its cost term is softplus(z) - y z.
                        for (int o = 0; o < OutputCount; o++)
                        {
                            var vy = {{KnownNames.MemoryMarshal}}.Cast<{{n.T}}, {{n.Vec}}>(Y.Slice(o * m, m));
                            for (int k = 0; k < nb; k++)
                            {
                                var z = z2[k * OutputCount + o];
                                var y = vy[c0 + k];
                                if (withCost) gCost += {{KnownNames.VectorMath}}.{{n.SoftplusKernel}}(z) - y * z;
                                z2[k * OutputCount + o] = {{KnownNames.VectorMath}}.{{n.SigmoidKernel}}(z) - y;
                            }
                        }
                        """);
                    w.Lines($$"""
                        // dZ2 back into rows; db2 += sum dZ2 (lane sums over the block, then one horizontal sum); dW2 += dZ2 A1^T.
                        int ns = nb * {{n.Vec}}.Count;
                        for (int o = 0; o < OutputCount; o++)
                        {
                            var row = outputs.Slice(o * rowChunks, nb);
                            var db = zero;
                            for (int k = 0; k < row.Length; k++)
                            {
                                var d = z2[k * OutputCount + o];
                                row[k] = d;
                                db += d;
                            }
                            g[{{at.B2}} + o] += {{n.VecStatic}}.Dot(db, one);
                        }
                        {{KnownNames.MatrixKernel}}.MultiplyAddTransposed(z2Rows, {{r.Block}}, a1, {{r.Block}}, g.Slice({{at.W2}}, OutputCount * HiddenCount), HiddenCount,
                            OutputCount, ns, HiddenCount, {{fused}}, panel);
                        // dA1 = W2^T dZ2, then dZ1 = dA1 * g'(Z1) written over A1 (g' is taken from the activation); db1 += sum dZ1.
                        {{KnownNames.MatrixKernel}}.Multiply(p.Slice({{at.W2}}, OutputCount * HiddenCount), 1, HiddenCount, z2Rows, {{r.Block}}, dA1, {{r.Block}},
                            HiddenCount, OutputCount, ns, default, {{fused}}, panel);
                        for (int h = 0; h < HiddenCount; h++)
                        {
                            var row = hidden.Slice(h * rowChunks, nb);
                            var deltas = hiddenDeltas.Slice(h * rowChunks, nb);
                            var db = zero;
                            for (int k = 0; k < row.Length; k++)
                            {
                                var a = row[k];
                                var d = deltas[k] * {{vector.Derivative(spec.HiddenActivation, "a", "a")}};
                                row[k] = d;
                                db += d;
                            }
                            g[{{at.B1}} + h] += {{n.VecStatic}}.Dot(db, one);
                        }
                        // dW1 += dZ1 X^T.
                        {{KnownNames.MatrixKernel}}.MultiplyAddTransposed(a1, {{r.Block}}, X.Slice(c0 * {{n.Vec}}.Count), m, g.Slice(0, HiddenCount * InputCount), InputCount,
                            HiddenCount, ns, InputCount, {{fused}}, panel);
                        """);
                }
                w.Lines($$"""
                    // Horizontal sum of the cost lanes, then the scalar tail adds the remaining samples.
                    sCost = {{n.VecStatic}}.Dot(gCost, one);
                    bool inBound = {{n.VecStatic}}.EqualsAll(inBounds, {{n.AllLanes}});
                    for (int s = global::System.Math.Max(chunks * {{n.Vec}}.Count, sampleStart); s < sampleEnd; s++)
                    {
                        inBound &= ForwardSample(p, X, m, s, t);
                    """);
                if (!IsSigmoidOutput(spec))
                {
                    WriteLoopOtherDeltas(w, spec, n, vector: false);
                    w.Lines($$"""
                            for (int o = 0; o < OutputCount; o++)
                            {
                                var dz = t[HiddenCount + o];
                                g[{{at.B2}} + o] += dz;
                        """);
                }
                else
                    w.Lines($$"""
                            for (int o = 0; o < OutputCount; o++)
                            {
                                var z = t[HiddenCount + o];
                                var y = Y[o * m + s];
                                if (withCost) sCost += {{KnownNames.VectorMath}}.{{n.SoftplusKernel}}(z) - y * z;
                                var dz = {{KnownNames.VectorMath}}.{{n.SigmoidKernel}}(z) - y;
                                t[HiddenCount + o] = dz;
                                g[{{at.B2}} + o] += dz;
                        """);
                w.Lines($$"""
                            var gRow = g.Slice({{at.W2}} + o * HiddenCount, HiddenCount);
                            for (int h = 0; h < gRow.Length; h++) gRow[h] += dz * t[h];
                        }
                        for (int h = 0; h < HiddenCount; h++)
                        {
                            {{n.T}} d = {{n.Lit(0)}};
                            for (int o = 0; o < OutputCount; o++) d += p[{{at.W2}} + o * HiddenCount + h] * t[HiddenCount + o];
                            var a = t[h];
                            var dz = d * {{scalar.Derivative(spec.HiddenActivation, "a", "a")}};
                            g[{{at.B1}} + h] += dz;
                            var gRow = g.Slice(h * InputCount, InputCount);
                            for (int i = 0; i < gRow.Length; i++) gRow[i] += dz * X[i * m + s];
                        }
                    }
                    return inBound;
                    """);
            }
            w.Line();
        }

        /// <summary>The loop form's call of the runtime's splitter over this network's gradient range, into this thread's
        /// scratch <c>g</c>: one thread, or several for a large batch (PlanarGen.GradientSplit decides).</summary>
        private static string SplitSums(Spelling n, string parameters, string threads) =>
            $"global::PlanarGen.GradientSplit.Sums<{n.T}, GradientRange{n.Suffix}>({parameters}, data.X, data.Y, m, g, {threads}, withCost, out {n.T} sCost)";

    }
}
