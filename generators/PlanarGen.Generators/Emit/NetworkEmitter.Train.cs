using System.Linq;
using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    internal static partial class NetworkEmitter
    {
        private static void WriteTrain(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            w.Line("/// <summary>One full-batch gradient-descent iteration; returns the cost computed before the update, as the notebook's loop does.");
            w.Line($"/// {TrainsAlone}</summary>");
            w.Line("/// <param name=\"data\">A labelled data set of this network's shape.</param>");
            w.Line("/// <param name=\"learningRate\">Step size; finite and positive.</param>");
            w.Line("/// <exception cref=\"global::PlanarGen.TrainingDivergedException\">The step diverged by <see cref=\"global::PlanarGen.DivergenceRule\"/> (a pre-activation beyond its bound,");
            w.Line("/// or the cost, a gradient or an updated parameter not finite); the parameters are left unchanged.</exception>");
            w.Line(GeneratedCode);
            w.Open($"public {n.T} TrainStep({KnownNames.DataSet}<{n.T}> data, {n.T} learningRate)");
            w.Line("RequireData(data, needsLabels: true);");
            w.Line($"{KnownNames.NetworkValidation}.RequireLearningRate(learningRate);");
            NumericNames? wide = n.Vector512Twin;
            WriteVector512Choice(w, wide, "TrainStep512(data, learningRate)", returns: true);
            WriteTrainStepBody(w, spec, n);
            w.Close();
            w.Line();
            WriteVector512Twin(w, wide, twin =>
            {
                w.Line(GeneratedCode);
                w.Open($"private {n.T} TrainStep512({KnownNames.DataSet}<{n.T}> data, {n.T} learningRate)");
                WriteTrainStepBody(w, spec, twin);
                w.Close();
            });

            w.Line("/// <summary>Runs <see cref=\"global::PlanarGen.TrainingOptions.Iterations\"/> gradient-descent iterations; stops early if training diverges.");
            w.Line($"/// {TrainsAlone}</summary>");
            w.Line("/// <param name=\"data\">A labelled data set of this network's shape.</param>");
            w.Line("/// <param name=\"options\">Iterations, learning rate and report interval.</param>");
            w.Line(GeneratedCode);
            w.Open($"public {KnownNames.TrainingResult} Train({KnownNames.DataSet}<{n.T}> data, {KnownNames.TrainingOptions} options)");
            w.Line($"var observer = default({KnownNames.NoTrainingObserver});");
            w.Line("return Train(data, options, ref observer);");
            w.Close();
            w.Line();

            w.Line("/// <summary>");
            w.Line("/// Runs <see cref=\"global::PlanarGen.TrainingOptions.Iterations\"/> gradient-descent iterations and tells <paramref name=\"observer\"/>");
            w.Line("/// the cost every <see cref=\"global::PlanarGen.TrainingOptions.ReportEvery\"/> iterations (the cost is computed only then).");
            w.Line("/// If an iteration diverges by <see cref=\"global::PlanarGen.DivergenceRule\"/> (checked at every iteration, whether or not the cost");
            w.Line("/// is reported), training stops, the result says at which iteration, and the network keeps the parameters from before that update.");
            w.Line($"/// {TrainsAlone}");
            w.Line("/// </summary>");
            w.Line("/// <param name=\"data\">A labelled data set of this network's shape.</param>");
            w.Line("/// <param name=\"options\">Iterations, learning rate and report interval.</param>");
            w.Line("/// <param name=\"observer\">A struct observer, called directly (no allocation).</param>");
            w.Line(GeneratedCode);
            w.Line(HotLoop);
            w.Open($"public {KnownNames.TrainingResult} Train<TObserver>({KnownNames.DataSet}<{n.T}> data, {KnownNames.TrainingOptions} options, ref TObserver observer) where TObserver : struct, {KnownNames.ITrainingObserver}");
            w.Line("RequireData(data, needsLabels: true);");
            w.Line("options.Validate();");
            w.Line($"{n.T} learningRate = ({n.T})options.LearningRate;");
            w.Line(n.IsSingle
                ? $"{KnownNames.NetworkValidation}.RequireLearningRate(options.LearningRate, learningRate);"
                : $"{KnownNames.NetworkValidation}.RequireLearningRate(learningRate);");
            WriteVector512Choice(w, wide, "TrainLoop512(data, options, learningRate, ref observer)", returns: true);
            WriteTrainLoopBody(w, spec, n);
            w.Close();
            w.Line();
            WriteVector512Twin(w, wide, twin =>
            {
                w.Line(GeneratedCode);
                w.Line(HotLoop);
                w.Open($"private {KnownNames.TrainingResult} TrainLoop512<TObserver>({KnownNames.DataSet}<{n.T}> data, {KnownNames.TrainingOptions} options, {n.T} learningRate, ref TObserver observer) where TObserver : struct, {KnownNames.ITrainingObserver}");
                WriteTrainLoopBody(w, spec, twin);
                w.Close();
            });
        }

        /// <summary>The thread-safety sentence of TrainStep and Train.</summary>
        private const string TrainsAlone =
            "Training one network from several threads at once is not supported; train copies (a struct copy, or Clone()) instead.";

        /// <summary>TrainStep after its checks: StepCore (or its 512-bit twin) once, throwing if training diverged.</summary>
        private static void WriteTrainStepBody(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            if (spec.Unrolled) w.Line($"{KnownNames.Span}<{n.Vec}> scratch = stackalloc {n.Vec}[{StepScratchLength(spec, n)}];");
            w.Line($"if (!StepCore{n.Suffix}(data, learningRate, true, {ScratchArgument(spec)}out {n.T} cost)) throw {KnownNames.NetworkValidation}.Diverged(NetworkName, cost);");
            w.Line("return cost;");
        }

        /// <summary>Train's loop after its checks, over StepCore (or its 512-bit twin).</summary>
        private static void WriteTrainLoopBody(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            w.Line("int lastIteration = -1;");
            w.Line("double lastCost = double.NaN;");
            if (spec.Unrolled)
            {
                w.Line("// StepCore's stack space, once for every iteration: the gradient sums and the kept activations (stackalloc clears it,");
                w.Line("// which costs about as much as a small network's whole step when done per iteration).");
                w.Line($"{KnownNames.Span}<{n.Vec}> scratch = stackalloc {n.Vec}[{StepScratchLength(spec, n)}];");
            }
            w.Open("for (int iteration = 0; iteration < options.Iterations; iteration++)");
            w.Line("bool report = options.Reports(iteration);");
            w.Line($"bool finite = StepCore{n.Suffix}(data, learningRate, report, {ScratchArgument(spec)}out {n.T} cost);");
            w.Open("if (report)");
            w.Line("lastIteration = iteration;");
            w.Line("lastCost = cost;");
            w.Close();
            w.Line($"if (!finite) return new {KnownNames.TrainingResult}(iteration, lastIteration, lastCost, iteration);");
            w.Line("if (report) observer.OnCost(iteration, cost);");
            w.Close();
            w.Line($"return new {KnownNames.TrainingResult}(options.Iterations, lastIteration, lastCost, -1);");
        }

        private static void WriteStepCore(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            WriteStepCoreOf(w, spec, n);
            WriteVector512Twin(w, n.Vector512Twin, twin => WriteStepCoreOf(w, spec, twin));
            WriteStepTail(w, spec, n);
        }

        /// <summary>StepCore, or its 512-bit twin StepCore512.</summary>
        private static void WriteStepCoreOf(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            string[] names = ParameterNames(spec).ToArray();
            w.Line("/// <summary>Forward and backward fused per chunk of samples, gradient sums in locals, then the update.");
            w.Line("/// Returns false, leaving the parameters unchanged, when the step diverged by PlanarGen.DivergenceRule: a pre-activation beyond");
            w.Line("/// the bound or NaN, or a gradient, new parameter or (if computed) the cost not finite.</summary>");
            w.Line(GeneratedCode);
            w.Line(HotLoop);
            w.Open($"private bool StepCore{n.Suffix}({KnownNames.DataSet}<{n.T}> data, {n.T} learningRate, bool withCost, {KnownNames.Span}<{n.Vec}> scratch, out {n.T} cost)");
            WriteBatchPrologue(w, spec, n, labels: true);
            WriteBoundLocals(w, n, vector: true);

            w.Line($"var sums = scratch.Slice(0, ParameterCount);");
            if (UsesChunkPasses(n)) WriteChunkPasses(w, new Lanes(spec, n, vector: true, guarded: true), names);
            else WriteFusedChunks(w, new Lanes(spec, n, vector: true, guarded: true), names);

            w.Line("// Horizontal sums of the lanes. Samples that do not fill a chunk (every sample without SIMD) go through StepTail, a");
            w.Line("// separate method, so the JIT compiles that scalar code only for a data set that needs it (a smaller first call).");
            w.Line($"{KnownNames.Span}<{n.T}> total = stackalloc {n.T}[ParameterCount];");
            w.Line($"for (int k = 0; k < ParameterCount; k++) total[k] = {n.VecStatic}.Dot(sums[k], one);");
            w.Line($"bool inBound = {n.VecStatic}.EqualsAll(inBounds, {n.AllLanes});");
            w.Line($"if (chunks * {n.Vec}.Count < m) inBound &= StepTail(data, chunks * {n.Vec}.Count, total);");
            for (int k = 0; k < names.Length; k++) w.Line($"{n.T} s{names[k]} = total[{k}];");

            w.Line($"{n.T} invM = {n.Lit(1)} / m;");
            w.Line("// The cost, only when asked for: a separate pass over the same parameters (the same sums as Cost), which keeps");
            w.Line("// the softplus out of the hot loop.");
            w.Line($"cost = withCost ? CostCore{n.Suffix}(data) : {n.Lit(0)};");
            w.Line("// Update P = P - learningRate * (1/m) * sum, and probe: x * 0 is NaN exactly when x is not finite.");
            w.Line($"{n.T} probe = withCost ? cost * {n.Lit(0)} : {n.Lit(0)};");
            foreach (string name in names)
            {
                w.Line($"s{name} = {name} - learningRate * (invM * s{name});");
                w.Line($"probe += s{name} * {n.Lit(0)};");
            }
            w.Line($"if (!inBound || {n.IsNaN("probe")}) return false;");
            foreach (string name in names) w.Line($"{name} = s{name};");
            w.Line("return true;");
            w.Close();
            w.Line();
        }

        /// <summary>StepTail, the scalar samples after the chunks, shared by StepCore and StepCore512.</summary>
        private static void WriteStepTail(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            string[] names = ParameterNames(spec).ToArray();
            w.Line("/// <summary>Adds the gradient sums of samples <paramref name=\"start\"/> to the end, one at a time, to <paramref name=\"total\"/>");
            w.Line("/// (in the notebook's parameter order): the same operations per sample as one SIMD lane. Returns whether every");
            w.Line("/// pre-activation was within PlanarGen.DivergenceRule's bound.</summary>");
            w.Line(GeneratedCode);
            w.Line("// Fully optimised when first called, like StepCore: no tier-0 code or tier transitions inside a training loop.");
            w.Line(HotLoop);
            w.Open($"private bool StepTail({KnownNames.DataSet}<{n.T}> data, int start, {KnownNames.Span}<{n.T}> total)");
            w.Line("int m = data.SampleCount;");
            for (int i = 0; i < spec.Inputs; i++) w.Line($"var X{i} = data.Feature({i});");
            for (int o = 0; o < spec.Outputs; o++) w.Line($"var Y{o} = data.Labels({o});");
            for (int k = 0; k < names.Length; k++) w.Line($"{n.T} s{names[k]} = total[{k}];");
            WriteBoundLocals(w, n, vector: false);
            w.Open("for (int s = start; s < m; s++)");
            WriteSampleBlock(w, new Lanes(spec, n, vector: false, guarded: true), "s");
            w.Close();
            for (int k = 0; k < names.Length; k++) w.Line($"total[{k}] = s{names[k]};");
            w.Line("return inBound;");
            w.Close();
            w.Line();
        }

        /// <summary>The local of PlanarGen.DivergenceRule's pre-activation test (see <see cref="Lanes.CheckBound"/>): the mask of
        /// lanes within the bound so far (vector) or the flag (scalar), all true to start.</summary>
        private static void WriteBoundLocals(CodeWriter w, NumericNames n, bool vector)
        {
            w.Line("// DivergenceRule: every pre-activation is compared with the bound (false for NaN too), without a branch in the loop.");
            w.Line(vector ? $"var inBounds = {n.AllLanes};" : "bool inBound = true;");
        }

        /// <summary>
        /// Small float networks (those that fuse multiply-adds, see NumericNames.For) train through <see cref="WriteChunkPasses"/>:
        /// their few hidden units leave the CPU idle behind each chunk's tanh/sigmoid chain (2-4-1: 19 ms fused in one pass,
        /// 15 ms in passes). Wider and double networks keep one fused pass, where the many independent units already fill the
        /// CPU and passes over small blocks would reload hundreds of sums per block.
        /// </summary>
        internal static bool UsesChunkPasses(NumericNames n) => n.Fused;

        /// <summary>One fused pass per chunk with the gradient sums in vector locals (the form for wide hidden layers), then the
        /// sums into the stack buffer the update reads.</summary>
        private static void WriteFusedChunks(CodeWriter w, Lanes lanes, string[] names)
        {
            foreach (string name in names) w.Line($"var g{name} = {lanes.N.Vec}.Zero;");
            w.Open("for (int c = 0; c < chunks; c++)");
            WriteSampleBlock(w, lanes, "g");
            w.Close();
            for (int k = 0; k < names.Length; k++) w.Line($"sums[{k}] = g{names[k]};");
        }

        /// <summary>Vectors of stack space StepCore needs: the gradient sums, plus the kept activations when it works in passes.</summary>
        private static string StepScratchLength(NetworkSpec spec, NumericNames n) =>
            UsesChunkPasses(n) ? $"ParameterCount + {PassBlockChunks * KeptPerChunk(spec)}" : "ParameterCount";

        private static string ScratchArgument(NetworkSpec spec) => spec.Unrolled ? "scratch, " : "";

        private static int KeptPerChunk(NetworkSpec spec) => 2 * spec.Hidden + spec.Outputs;

        /// <summary>Most gradient sums one accumulation loop carries, so that they stay in registers (16 on x64 with AVX2).</summary>
        private const int SumsPerLoop = 8;

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
            NumericNames n = lanes.N;
            const int block = PassBlockChunks;
            int per = KeptPerChunk(spec);
            int H = spec.Hidden;
            var index = new System.Collections.Generic.Dictionary<string, int>();
            for (int k = 0; k < names.Length; k++) index[names[k]] = k;

            w.Line($"// Kept per chunk: A1 ({H}), dZ1 ({H}), dZ2 ({spec.Outputs}); {block} chunks per block (written before read). Gradient sums in");
            w.Line("// the notebook's order, from zero.");
            w.Line($"var kept = scratch.Slice(ParameterCount, {block * per});");
            w.Line($"for (int k = 0; k < ParameterCount; k++) sums[k] = {n.Vec}.Zero;");
            w.Open($"for (int c0 = 0; c0 < chunks; c0 += {block})");
            w.Line($"int nb = global::System.Math.Min({block}, chunks - c0);");
            WriteBlockLayers(w, lanes, "kept", per, labels: true, withOutput: true, body =>
            {
                body.Line("// Backward up to dZ1: dZ2 = A2 - Y (sigmoid with cross-entropy), dZ1 = (W2^T dZ2) * g'(Z1).");
                for (int o = 0; o < spec.Outputs; o++) body.Line($"var dz2_{o} = a2_{o} - y{o};");
                // ReLU and leaky ReLU test the sign of Z1 through A1, which has the same sign (the slope is in (0, 1)).
                for (int h = 0; h < H; h++) body.Line($"keep[{H + h}] = {DeltaHidden(lanes, h, $"a1_{h}")};");
                for (int o = 0; o < spec.Outputs; o++) body.Line($"keep[{2 * H + o}] = dz2_{o};");
            });

            // Each group: (the kept value that multiplies, the sums it feeds with their other factor).
            var groups = new System.Collections.Generic.List<(string Name, string Delta, System.Collections.Generic.List<(string Sum, string Factor)> Terms)>();
            for (int o = 0; o < spec.Outputs; o++)
            {
                var terms = new System.Collections.Generic.List<(string, string)> { (B2(o), "") };
                for (int h = 0; h < H; h++) terms.Add((W2(o, h), $"keep[{h}]"));
                AddGroups(groups, $"dZ2 of output {o}", $"keep[{2 * H + o}]", terms);
            }
            for (int h = 0; h < H; h++)
            {
                var terms = new System.Collections.Generic.List<(string, string)> { (B1(h), "") };
                for (int i = 0; i < spec.Inputs; i++) terms.Add((W1(h, i), $"vx{i}[c0 + k]"));
                AddGroups(groups, $"dZ1 of hidden unit {h}", $"keep[{H + h}]", terms);
            }
            // Merge small neighbouring groups (e.g. the three sums of each hidden unit of a 2-input network).
            var merged = new System.Collections.Generic.List<System.Collections.Generic.List<(string Name, string Delta, System.Collections.Generic.List<(string Sum, string Factor)> Terms)>>();
            foreach (var g in groups)
            {
                var last = merged.Count == 0 ? null : merged[merged.Count - 1];
                if (last != null && last.Sum(x => x.Terms.Count) + g.Terms.Count <= SumsPerLoop) last.Add(g);
                else merged.Add(new System.Collections.Generic.List<(string, string, System.Collections.Generic.List<(string, string)>)> { g });
            }
            foreach (var loop in merged)
            {
                w.Line($"// Sums of {string.Join(", ", loop.Select(g => g.Name))}.");
                foreach (var g in loop)
                    foreach (var t in g.Terms) w.Line($"var g{t.Sum} = sums[{index[t.Sum]}];");
                w.Open("for (int k = 0; k < nb; k++)");
                w.Line($"var keep = kept.Slice(k * {per}, {per});");
                int d = 0;
                foreach (var g in loop)
                {
                    w.Line($"var d{d} = {g.Delta};");
                    foreach (var t in g.Terms)
                        w.Line(t.Factor.Length == 0 ? $"g{t.Sum} += d{d};" : n.Accumulate($"g{t.Sum}", $"d{d}", t.Factor));
                    d++;
                }
                w.Close();
                foreach (var g in loop)
                    foreach (var t in g.Terms) w.Line($"sums[{index[t.Sum]}] = g{t.Sum};");
            }
            w.Close();
        }

        private static void AddGroups(
            System.Collections.Generic.List<(string Name, string Delta, System.Collections.Generic.List<(string Sum, string Factor)> Terms)> groups,
            string name, string delta, System.Collections.Generic.List<(string Sum, string Factor)> terms)
        {
            for (int start = 0; start < terms.Count; start += SumsPerLoop)
                groups.Add((name, delta, terms.GetRange(start, System.Math.Min(SumsPerLoop, terms.Count - start))));
        }

        /// <summary>dZ1 of hidden unit h: (W2^T dZ2)_h * g'(Z1_h).</summary>
        private static string DeltaHidden(Lanes lanes, int h, string signOf) =>
            $"({lanes.N.SumOfProducts(lanes.Spec.Outputs, o => lanes.P(W2(o, h)), o => $"dz2_{o}", null)}) * {lanes.Derivative(lanes.Spec.HiddenActivation, signOf, $"a1_{h}")}";

        /// <summary>One chunk (or one sample): forward, cost term, backward into the gradient sums.</summary>
        private static void WriteSampleBlock(CodeWriter w, Lanes lanes, string sum)
        {
            NetworkSpec spec = lanes.Spec;
            lanes.LoadInputs(w);
            lanes.LoadLabels(w);
            lanes.Forward(w, withOutput: true);
            w.Line("// Backward: sigmoid with cross-entropy gives dZ2 = A2 - Y.");
            for (int o = 0; o < spec.Outputs; o++)
            {
                w.Line($"var dz2_{o} = a2_{o} - y{o};");
                w.Line($"{sum}{B2(o)} += dz2_{o};");
                for (int h = 0; h < spec.Hidden; h++) w.Line(lanes.N.Accumulate($"{sum}{W2(o, h)}", $"dz2_{o}", $"a1_{h}"));
            }
            w.Line($"// dZ1 = (W2^T dZ2) * g'(Z1)");
            for (int h = 0; h < spec.Hidden; h++)
            {
                int hh = h;
                w.Line($"var dz1_{h} = {DeltaHidden(lanes, hh, $"z1_{h}")};");
                w.Line($"{sum}{B1(h)} += dz1_{h};");
                for (int i = 0; i < spec.Inputs; i++) w.Line(lanes.N.Accumulate($"{sum}{W1(h, i)}", $"dz1_{h}", $"x{i}"));
            }
        }
    }
}
