using System;
using System.Collections.Generic;
using System.Linq;
using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    internal static partial class NetworkEmitter
    {
        private static void WriteTrain(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            Spelling? wide = n.Vector512Twin;
            w.Lines($"""
                /// <summary>One full-batch gradient-descent iteration; returns the cost computed before the update, as the notebook's loop does.
                /// {TrainsAlone}</summary>
                /// <param name="data">A labelled data set of this network's shape.</param>
                /// <param name="learningRate">Step size; finite and positive.</param>
                /// <exception cref="global::PlanarGen.TrainingDivergedException">The step diverged by <see cref="global::PlanarGen.DivergenceRule"/> (a pre-activation beyond its bound,
                /// or the cost, a gradient or an updated parameter not finite); the parameters are left unchanged.</exception>
                {GeneratedCode}
                """);
            using (w.Block($"public {n.T} TrainStep({KnownNames.DataSet}<{n.T}> data, {n.T} learningRate)"))
            {
                w.Line("RequireData(data, needsLabels: true);");
                w.Line($"{KnownNames.NetworkValidation}.RequireLearningRate(learningRate);");
                w.Line("_training = default;");
                WriteVector512Choice(w, wide, "TrainStep512(data, learningRate)", returns: true);
                WriteTrainStepBody(w, n);
            }
            w.Line();
            WriteVector512Twin(w, wide, twin =>
            {
                w.Line(GeneratedCode);
                using (w.Block($"private {n.T} TrainStep512({KnownNames.DataSet}<{n.T}> data, {n.T} learningRate)"))
                    WriteTrainStepBody(w, twin);
            });

            string observer = $"where TObserver : struct, {KnownNames.ITrainingObserver}";
            w.Lines($$"""
                /// <summary>Runs <see cref="global::PlanarGen.TrainingOptions.Iterations"/> gradient-descent iterations; stops early if training diverges.
                /// {{TrainsAlone}}</summary>
                /// <param name="data">A labelled data set of this network's shape.</param>
                /// <param name="options">Iterations, learning rate and report interval.</param>
                {{GeneratedCode}}
                public {{KnownNames.TrainingResult}} Train({{KnownNames.DataSet}}<{{n.T}}> data, {{KnownNames.TrainingOptions}} options)
                {
                    var observer = default({{KnownNames.NoTrainingObserver}});
                    return Train(data, options, ref observer);
                }

                /// <summary>
                /// Runs <see cref="global::PlanarGen.TrainingOptions.Iterations"/> gradient-descent iterations and tells <paramref name="observer"/>
                /// the cost every <see cref="global::PlanarGen.TrainingOptions.ReportEvery"/> iterations (the cost is computed only then).
                /// If an iteration diverges by <see cref="global::PlanarGen.DivergenceRule"/> (checked at every iteration, whether or not the cost
                /// is reported), training stops, the result says at which iteration, and the network keeps the parameters from before that update.
                /// {{TrainsAlone}}
                /// </summary>
                /// <param name="data">A labelled data set of this network's shape.</param>
                /// <param name="options">Iterations, learning rate and report interval.</param>
                /// <param name="observer">A struct observer, called directly (no allocation).</param>
                {{GeneratedCode}}
                {{HotLoop}}
                """);
            using (w.Block($"public {KnownNames.TrainingResult} Train<TObserver>({KnownNames.DataSet}<{n.T}> data, {KnownNames.TrainingOptions} options, ref TObserver observer) {observer}"))
            {
                w.Lines($"""
                    RequireData(data, needsLabels: true);
                    options.Validate();
                    {n.T} learningRate = ({n.T})options.LearningRate;
                    """);
                w.Line(n.IsSingle
                    ? $"{KnownNames.NetworkValidation}.RequireLearningRate(options.LearningRate, learningRate);"
                    : $"{KnownNames.NetworkValidation}.RequireLearningRate(learningRate);");
                WriteStatefulBranch(w, n);
                WriteVector512Choice(w, wide, "TrainLoop512(data, options, learningRate, ref observer)", returns: true);
                WriteTrainLoopBody(w, n);
            }
            w.Line();
            WriteVector512Twin(w, wide, twin =>
            {
                w.Lines(new[] { GeneratedCode, HotLoop });
                using (w.Block($"private {KnownNames.TrainingResult} TrainLoop512<TObserver>({KnownNames.DataSet}<{n.T}> data, {KnownNames.TrainingOptions} options, {n.T} learningRate, ref TObserver observer) {observer}"))
                    WriteTrainLoopBody(w, twin);
            });
        }

        /// <summary>The thread-safety sentence of TrainStep and Train.</summary>
        private const string TrainsAlone =
            "Training one network from several threads at once is not supported; train copies (a struct copy, or Clone()) instead.";

        /// <summary>TrainStep after its checks: StepCore (or its 512-bit twin) once, throwing if training diverged.</summary>
        private static void WriteTrainStepBody(CodeWriter w, Spelling n)
        {
            if (n.Plan.Unrolled) w.Line($"{KnownNames.Span}<{n.Vec}> scratch = stackalloc {n.Vec}[{StepScratchLength(n)}];");
            w.Lines($"""
                if (!StepCore{n.Suffix}(data, learningRate, true, {ScratchArgument(n, "1")}out {n.T} cost)) throw {KnownNames.NetworkValidation}.Diverged(NetworkName, cost);
                return cost;
                """);
        }

        /// <summary>Train's loop after its checks, over StepCore (or its 512-bit twin).</summary>
        private static void WriteTrainLoopBody(CodeWriter w, Spelling n)
        {
            w.Line("int lastIteration = -1;");
            w.Line("double lastCost = double.NaN;");
            if (n.Plan.Unrolled)
                w.Lines($"""
                    // StepCore's stack space, once for every iteration: the gradient sums and the kept activations (stackalloc clears it,
                    // which costs about as much as a small network's whole step when done per iteration).
                    {KnownNames.Span}<{n.Vec}> scratch = stackalloc {n.Vec}[{StepScratchLength(n)}];
                    """);
            w.Lines($$"""
                for (int iteration = 0; iteration < options.Iterations; iteration++)
                {
                    bool report = options.Reports(iteration);
                    bool finite = StepCore{{n.Suffix}}(data, learningRate, report, {{ScratchArgument(n, "options.Threads")}}out {{n.T}} cost);
                    if (report)
                    {
                        lastIteration = iteration;
                        lastCost = cost;
                    }
                    if (!finite) return new {{KnownNames.TrainingResult}}(iteration, lastIteration, lastCost, iteration);
                    {{ObserverStop}}
                }
                return new {{KnownNames.TrainingResult}}(options.Iterations, lastIteration, lastCost, -1);
                """);
        }

        private static void WriteStepCore(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            WriteStepCoreOf(w, spec, n);
            WriteVector512Twin(w, n.Vector512Twin, twin => WriteStepCoreOf(w, spec, twin));
            WriteStepTail(w, spec, n);
        }

        /// <summary>StepCore, or its 512-bit twin StepCore512: the gradient sums (GradientSums), then the checked update.</summary>
        private static void WriteStepCoreOf(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            string[] names = ParameterNames(spec).ToArray();
            WriteGradientSums(w, spec, n, names);
            w.Lines($"""
                /// <summary>The gradient sums of every sample (GradientSums), then the update.
                /// Returns false, leaving the parameters unchanged, when the step diverged by PlanarGen.DivergenceRule: a pre-activation beyond
                /// the bound or NaN, or a gradient, new parameter or (if computed) the cost not finite.</summary>
                {GeneratedCode}
                {HotLoop}
                """);
            using (w.Block($"private bool StepCore{n.Suffix}({KnownNames.DataSet}<{n.T}> data, {n.T} learningRate, bool withCost, {KnownNames.Span}<{n.Vec}> scratch, out {n.T} cost)"))
            {
                w.Lines($"""
                    int m = data.SampleCount;
                    {KnownNames.Span}<{n.T}> total = stackalloc {n.T}[ParameterCount];
                    bool inBound = GradientSums{n.Suffix}(data, withCost, scratch, total, out {n.T} sCost);
                    """);
                for (int k = 0; k < names.Length; k++) w.Line($"{n.T} s{names[k]} = total[{k}];");

                w.Lines($"""
                    {n.T} invM = {n.Lit(1)} / m;
                    // The cost of the parameters before the update, summed in the gradient pass when asked for (the same terms
                    // in the same order as Cost, so the same value).
                    cost = withCost ? sCost * ({n.Lit(1)} / m){MeanOverOutputs(spec)} : {n.Lit(0)};
                    // Update P = P - learningRate * (1/m) * sum, and probe: x * 0 is NaN exactly when x is not finite.
                    {n.T} probe = withCost ? cost * {n.Lit(0)} : {n.Lit(0)};
                    """);
                foreach (string name in names)
                {
                    w.Line($"s{name} = {name} - learningRate * (invM * s{name});");
                    w.Line($"probe += s{name} * {n.Lit(0)};");
                }
                w.Line($"if (!inBound || {n.IsNaN("probe")}) return false;");
                foreach (string name in names) w.Line($"{name} = s{name};");
                w.Line("return true;");
            }
            w.Line();
        }

        /// <summary>GradientSums (or its 512-bit twin): forward and backward fused per chunk of samples, the sums of every
        /// sample's gradient into <c>total</c> (notebook order), shared by the gradient-descent step and the optimizers.</summary>
        private static void WriteGradientSums(CodeWriter w, NetworkSpec spec, Spelling n, string[] names)
        {
            w.Lines($"""
                /// <summary>Forward and backward fused per chunk of samples, gradient sums in locals, then their horizontal sums into
                /// <paramref name="total"/> (the notebook's parameter order, not yet scaled by 1/m) and, when <paramref name="withCost"/>, the sum of
                /// the cost terms into <paramref name="sCost"/> (else 0). Returns whether every pre-activation was within PlanarGen.DivergenceRule's bound.</summary>
                {GeneratedCode}
                {HotLoop}
                """);
            using (w.Block($"private bool GradientSums{n.Suffix}({KnownNames.DataSet}<{n.T}> data, bool withCost, {KnownNames.Span}<{n.Vec}> scratch, {KnownNames.Span}<{n.T}> total, out {n.T} sCost)"))
            {
                WriteBatchPrologue(w, spec, n, labels: true);
                WriteBoundLocals(w, n, vector: true);
                w.Line($"var gCost = {n.Vec}.Zero;");

                w.Line($"var sums = scratch.Slice(0, ParameterCount);");
                if (n.Plan.LayerPasses) WriteChunkPasses(w, new Lanes(spec, n, vector: true, guarded: true), names);
                else WriteFusedChunks(w, new Lanes(spec, n, vector: true, guarded: true), names);

                w.Lines($"""
                    // Horizontal sums of the lanes. Samples that do not fill a chunk (every sample without SIMD) go through StepTail, a
                    // separate method, so the JIT compiles that scalar code only for a data set that needs it (a smaller first call).
                    for (int k = 0; k < ParameterCount; k++) total[k] = {n.VecStatic}.Dot(sums[k], one);
                    sCost = {n.VecStatic}.Dot(gCost, one);
                    bool inBound = {n.VecStatic}.EqualsAll(inBounds, {n.AllLanes});
                    if (chunks * {n.Vec}.Count < m) inBound &= StepTail(data, chunks * {n.Vec}.Count, total, withCost, ref sCost);
                    return inBound;
                    """);
            }
            w.Line();
        }

        /// <summary>StepTail, the scalar samples after the chunks, shared by StepCore and StepCore512.</summary>
        private static void WriteStepTail(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            string[] names = ParameterNames(spec).ToArray();
            w.Lines($"""
                /// <summary>Adds the gradient sums of samples <paramref name="start"/> to the end, one at a time, to <paramref name="total"/>
                /// (in the notebook's parameter order), and their cost terms to <paramref name="sCost"/> when <paramref name="withCost"/>:
                /// the same operations per sample as one SIMD lane. Returns whether every
                /// pre-activation was within PlanarGen.DivergenceRule's bound. Fully optimised when first called, like StepCore: no
                /// tier-0 code or tier transitions inside a training loop.</summary>
                {GeneratedCode}
                {HotLoop}
                """);
            using (w.Block($"private bool StepTail({KnownNames.DataSet}<{n.T}> data, int start, {KnownNames.Span}<{n.T}> total, bool withCost, ref {n.T} sCost)"))
            {
                w.Line("int m = data.SampleCount;");
                for (int i = 0; i < spec.Inputs; i++) w.Line($"var X{i} = data.Feature({i});");
                for (int o = 0; o < spec.Outputs; o++) w.Line($"var Y{o} = data.Labels({o});");
                for (int k = 0; k < names.Length; k++) w.Line($"{n.T} s{names[k]} = total[{k}];");
                WriteBoundLocals(w, n, vector: false);
                using (w.Block("for (int s = start; s < m; s++)"))
                    WriteSampleBlock(w, new Lanes(spec, n, vector: false, guarded: true), "s", "sCost");
                for (int k = 0; k < names.Length; k++) w.Line($"total[{k}] = s{names[k]};");
                w.Line("return inBound;");
            }
            w.Line();
        }

        /// <summary>The local of PlanarGen.DivergenceRule's pre-activation test (see <see cref="Lanes.CheckBound"/>): the mask of
        /// lanes within the bound so far (vector) or the flag (scalar), all true to start.</summary>
        private static void WriteBoundLocals(CodeWriter w, Spelling n, bool vector)
        {
            w.Line("// DivergenceRule: every pre-activation is compared with the bound (false for NaN too), without a branch in the loop.");
            w.Line(vector ? $"var inBounds = {n.AllLanes};" : "bool inBound = true;");
        }

        /// <summary>One fused pass per chunk with the gradient sums in vector locals (the form for wide hidden layers), then the
        /// sums into the stack buffer the update reads.</summary>
        private static void WriteFusedChunks(CodeWriter w, Lanes lanes, string[] names)
        {
            foreach (string name in names) w.Line($"var g{name} = {lanes.N.Vec}.Zero;");
            using (w.Block("for (int c = 0; c < chunks; c++)"))
                WriteSampleBlock(w, lanes, "g", "gCost");
            for (int k = 0; k < names.Length; k++) w.Line($"sums[{k}] = g{names[k]};");
        }

        /// <summary>Vectors of stack space StepCore needs: the gradient sums, plus the kept activations when it works in passes.</summary>
        private static string StepScratchLength(Spelling n) =>
            n.Plan.LayerPasses ? $"ParameterCount + {n.Plan.PassBlockChunks} * {KeptPerChunkText}" : "ParameterCount";

        /// <summary>Vectors kept per chunk in the layer passes: A1 and dZ1 per hidden unit, dZ2 per output.</summary>
        private const string KeptPerChunkText = "(2 * HiddenCount + OutputCount)";

        /// <summary>The argument before StepCore's and GradientCore's out: the unrolled form's stack scratch, or the loop form's
        /// thread count (the unrolled form is too small to split, so it ignores TrainingOptions.Threads).</summary>
        private static string ScratchArgument(Spelling n, string threads) => n.Plan.Unrolled ? "scratch, " : $"{threads}, ";

        private static int KeptPerChunk(NetworkSpec spec) => 2 * spec.Hidden + spec.Outputs;

        /// <summary>Most gradient sums one accumulation loop carries, so that they stay in registers (16 on x64 with AVX2).</summary>
        private const int SumsPerLoop = 8;

        /// <summary>One gradient sum a delta feeds, with its other factor (empty for a bias).</summary>
        private sealed record SumTerm(string Sum, string Factor);

        /// <summary>A kept delta (dZ2 of an output or dZ1 of a hidden unit) and up to <see cref="SumsPerLoop"/> sums it feeds.</summary>
        private sealed record DeltaGroup(string Name, string Delta, IReadOnlyList<SumTerm> Terms);

        /// <summary>
        /// The SIMD chunks in blocks, two passes per block. The first pass runs forward and backward up to dZ1 without touching
        /// the gradient sums, so consecutive chunks are independent and the CPU overlaps their long tanh/sigmoid chains; it keeps
        /// A1, dZ1 and dZ2 on the stack. The second pass adds them into the sums, a few sums per loop so that they stay in
        /// registers (the sums live in a stack buffer between loops). Every lane sees the same operations in the same order as
        /// <see cref="WriteSampleBlock"/>, so the results are the same bits as one fused pass.
        /// </summary>
        private static void WriteChunkPasses(CodeWriter w, Lanes lanes, string[] names)
        {
            NetworkSpec spec = lanes.Spec;
            int block = lanes.N.Plan.PassBlockChunks;
            int per = KeptPerChunk(spec);
            int H = spec.Hidden;
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int k = 0; k < names.Length; k++) index[names[k]] = k;

            w.Lines($"""
                // Kept per chunk: A1 at 0 ({H}), dZ1 at KeptDz1 ({H}), dZ2 at KeptDz2 ({Count(spec.Outputs, "output")}); {block} chunks per block
                // (written before read). Gradient sums in the notebook's order, from zero.
                const int KeptDz1 = {H}, KeptDz2 = {2 * H};
                var kept = scratch.Slice(ParameterCount, {block * per});
                for (int k = 0; k < ParameterCount; k++) sums[k] = {lanes.N.Vec}.Zero;
                """);
            using (w.Block($"for (int c0 = 0; c0 < chunks; c0 += {block})"))
            {
                w.Line($"int nb = global::System.Math.Min({block}, chunks - c0);");
                WriteBlockLayers(w, lanes, new KeptBuffer("kept", per), new ChunkWork(Labels: true, WithOutput: true, body =>
                {
                    WriteCostWhenAsked(body, lanes, "gCost");
                    body.Line(IsSigmoidOutput(spec)
                        ? "// Backward up to dZ1: dZ2 = A2 - Y (sigmoid with cross-entropy), dZ1 = (W2^T dZ2) * g'(Z1)."
                        : $"// Backward up to dZ1: {lanes.DeltaComment}, dZ1 = (W2^T dZ2) * g'(Z1).");
                    for (int o = 0; o < spec.Outputs; o++) body.Line($"var dz2_{o} = {lanes.Delta(o)};");
                    // ReLU and leaky ReLU test the sign of Z1 through A1, which has the same sign (the slope is in (0, 1)).
                    for (int h = 0; h < H; h++)
                    {
                        DeclareDeltaHidden(body, lanes, h, $"a1_{h}");
                        body.Line($"keep[KeptDz1 + {h}] = dz1_{h};");
                    }
                    for (int o = 0; o < spec.Outputs; o++) body.Line($"keep[KeptDz2 + {o}] = dz2_{o};");
                }));

                foreach (List<DeltaGroup> loop in MergedGroups(spec))
                    WriteSumLoop(w, lanes, loop, new SumSlots(index, per));
            }
        }

        /// <summary>Where each gradient sum lives in <c>sums</c>, and how many vectors each chunk keeps.</summary>
        private sealed record SumSlots(Dictionary<string, int> Index, int PerChunk);

        /// <summary>The deltas and the sums they feed, in the notebook's order, merged so that one loop carries at most
        /// <see cref="SumsPerLoop"/> sums (e.g. the three sums of each hidden unit of a 2-input network share a loop).</summary>
        private static List<List<DeltaGroup>> MergedGroups(NetworkSpec spec)
        {
            var groups = new List<DeltaGroup>();
            for (int o = 0; o < spec.Outputs; o++)
            {
                var terms = new List<SumTerm> { new SumTerm(B2(o), "") };
                for (int h = 0; h < spec.Hidden; h++) terms.Add(new SumTerm(W2(o, h), $"keep[{h}]"));
                AddGroups(groups, new DeltaGroup($"dZ2 of output {o}", $"keep[KeptDz2 + {o}]", terms));
            }
            for (int h = 0; h < spec.Hidden; h++)
            {
                var terms = new List<SumTerm> { new SumTerm(B1(h), "") };
                for (int i = 0; i < spec.Inputs; i++) terms.Add(new SumTerm(W1(h, i), $"vx{i}[c0 + k]"));
                AddGroups(groups, new DeltaGroup($"dZ1 of hidden unit {h}", $"keep[KeptDz1 + {h}]", terms));
            }
            var merged = new List<List<DeltaGroup>>();
            foreach (DeltaGroup g in groups)
            {
                List<DeltaGroup>? last = merged.Count == 0 ? null : merged[merged.Count - 1];
                if (last != null && last.Sum(x => x.Terms.Count) + g.Terms.Count <= SumsPerLoop) last.Add(g);
                else merged.Add(new List<DeltaGroup> { g });
            }
            return merged;
        }

        /// <summary>Splits <paramref name="whole"/> into groups of at most <see cref="SumsPerLoop"/> sums.</summary>
        private static void AddGroups(List<DeltaGroup> groups, DeltaGroup whole)
        {
            for (int start = 0; start < whole.Terms.Count; start += SumsPerLoop)
            {
                int count = System.Math.Min(SumsPerLoop, whole.Terms.Count - start);
                groups.Add(whole with { Terms = whole.Terms.Skip(start).Take(count).ToList() });
            }
        }

        /// <summary>One accumulation loop over the block: its sums loaded into locals, each kept delta added in, stored back.</summary>
        private static void WriteSumLoop(CodeWriter w, Lanes lanes, List<DeltaGroup> loop, SumSlots slots)
        {
            w.Line($"// Sums of {string.Join(", ", loop.Select(g => g.Name))}.");
            foreach (DeltaGroup g in loop)
                foreach (SumTerm t in g.Terms) w.Line($"var g{t.Sum} = sums[{slots.Index[t.Sum]}];");
            using (w.Block("for (int k = 0; k < nb; k++)"))
            {
                w.Line($"var keep = kept.Slice(k * {slots.PerChunk}, {slots.PerChunk});");
                for (int d = 0; d < loop.Count; d++)
                {
                    w.Line($"var d{d} = {loop[d].Delta};");
                    foreach (SumTerm t in loop[d].Terms)
                        w.Line(t.Factor.Length == 0 ? $"g{t.Sum} += d{d};" : lanes.N.Accumulate($"g{t.Sum}", $"d{d}", t.Factor));
                }
            }
            foreach (DeltaGroup g in loop)
                foreach (SumTerm t in g.Terms) w.Line($"sums[{slots.Index[t.Sum]}] = g{t.Sum};");
        }

        /// <summary>Declares dz1_h, the delta of hidden unit h: (W2^T dZ2)_h * g'(Z1_h), g' tested on <paramref name="signOf"/>.</summary>
        private static void DeclareDeltaHidden(CodeWriter w, Lanes lanes, int h, string signOf)
        {
            var backward = new Products(lanes.Spec.Outputs, o => lanes.P(W2(o, h)), o => $"dz2_{o}", null);
            string derivative = lanes.Derivative(lanes.Spec.HiddenActivation, signOf, $"a1_{h}");
            string[] sum = lanes.N.DeclareSum($"dz1_{h}", backward).ToArray();
            if (sum.Length == 1)
            {
                w.Line($"var dz1_{h} = ({lanes.N.SumOfProducts(backward)}) * {derivative};");
                return;
            }
            w.Lines(sum);
            w.Line($"dz1_{h} *= {derivative};");
        }

        /// <summary>Adds the chunk's (or sample's) cost terms to <paramref name="acc"/> when the caller asked for the cost: a
        /// branch the predictor always gets right, on values the gradient needs anyway.</summary>
        private static void WriteCostWhenAsked(CodeWriter w, Lanes lanes, string acc)
        {
            using (w.Block("if (withCost)"))
                lanes.AddCost(w, acc);
        }

        /// <summary>One chunk (or one sample): forward, cost term when asked, backward into the gradient sums.</summary>
        private static void WriteSampleBlock(CodeWriter w, Lanes lanes, string sum, string costSum)
        {
            NetworkSpec spec = lanes.Spec;
            lanes.LoadInputs(w);
            lanes.LoadLabels(w);
            lanes.Forward(w, withOutput: true);
            WriteCostWhenAsked(w, lanes, costSum);
            w.Line($"// Backward: {lanes.DeltaComment}.");
            for (int o = 0; o < spec.Outputs; o++)
            {
                w.Line($"var dz2_{o} = {lanes.Delta(o)};");
                w.Line($"{sum}{B2(o)} += dz2_{o};");
                for (int h = 0; h < spec.Hidden; h++) w.Line(lanes.N.Accumulate($"{sum}{W2(o, h)}", $"dz2_{o}", $"a1_{h}"));
            }
            w.Line("// dZ1 = (W2^T dZ2) * g'(Z1)");
            for (int h = 0; h < spec.Hidden; h++)
            {
                DeclareDeltaHidden(w, lanes, h, $"z1_{h}");
                w.Line($"{sum}{B1(h)} += dz1_{h};");
                for (int i = 0; i < spec.Inputs; i++) w.Line(lanes.N.Accumulate($"{sum}{W1(h, i)}", $"dz1_{h}", $"x{i}"));
            }
        }
    }
}
