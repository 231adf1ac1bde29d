using System.Threading;
using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    /// <summary>
    /// The loop form, used above <see cref="Plan.EmitPlan.UnrolledParameterBudget"/> parameters: the same public
    /// members as the unrolled form, but loops over the parameters (notebook order) held by the instance: inline in a struct
    /// (a generated storage struct read as a span, so a copy is independent), in an array the instance owns in a class. The
    /// gradient sums and the SIMD scratch of one block of samples are per thread, allocated once per thread and type, so one
    /// network can predict from many threads at once and the hot paths (Predict, PredictBatch, Cost, Accuracy, TrainStep,
    /// Train) allocate nothing in steady state. Blocks are the plan's <see cref="Plan.EmitPlan.LoopSampleBlock"/> samples, whose
    /// layers are products of PlanarGen.MatrixKernel (see <see cref="LoopRegions"/>).
    /// </summary>
    internal static partial class NetworkEmitter
    {
        private static void WriteLoopBody(CodeWriter w, NetworkSpec spec, Spelling n, CancellationToken ct)
        {
            WriteLoopStorage(w, spec, n);
            ct.ThrowIfCancellationRequested();
            WriteLoopInitialize(w, spec, n);
            WriteLoopParameterCopies(w, spec, n);
            ct.ThrowIfCancellationRequested();
            WriteLoopPredict(w, spec, n);
            WriteLoopPredictBatch(w, spec, n);
            WriteLoopCost(w, spec, n);
            WriteLoopAccuracy(w, spec, n);
            ct.ThrowIfCancellationRequested();
            WriteTrain(w, spec, n);
            WriteLoopStepCore(w, spec, n);
            WriteVector512Twin(w, n.Vector512Twin, twin => WriteLoopStepCore(w, spec, twin));
            WriteTrainingStateMembers(w, spec, n);
            WriteTrainFor(w, spec, n);
            ct.ThrowIfCancellationRequested();
            WriteLoopForwardBlock(w, spec, n);
            WriteVector512Twin(w, n.Vector512Twin, twin => WriteLoopForwardBlock(w, spec, twin));
            WriteLoopForwardSample(w, spec, n);
        }

        /// <summary>The loop form's parameter span: a struct reads its inline storage, a class its own array.</summary>
        private static string LoopParameters(NetworkSpec spec, Spelling n) =>
            spec.Target.IsClass ? $"new {KnownNames.Span}<{n.T}>(_parameters)" : "ParametersOf(ref _parameters)";

        /// <summary>Numbers of the inline storage's fields on one line of generated text.</summary>
        private const int StorageFieldsPerLine = 16;

        private static void WriteLoopStorage(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            ParameterLayout at = spec.Layout;
            w.Lines($"""
                // Loop form ({spec.ParameterCount} parameters, above the unrolling budget): the parameters in the notebook's order,
                // W1 (Hidden x Inputs) at 0, b1 at {at.B1}, W2 (Outputs x Hidden) at {at.W2}, b2 at {at.B2}, are held by this instance:
                """);
            if (spec.Target.IsClass)
            {
                w.Lines($"""
                    // an array it owns (Clone copies it). A default instance holds zeros.
                    {GeneratedCode}
                    private {n.T}[] _parameters = new {n.T}[ParameterCount];

                    """);
            }
            else
            {
                w.Lines($"""
                    // inline, so a copy of the struct is an independent network and a default instance holds zeros.
                    {GeneratedCode}
                    private ParameterStorage _parameters;

                    /// <summary>{spec.ParameterCount} parameters side by side (sequential layout, no padding between fields of one type), read as a span.</summary>
                    {GeneratedCode}
                    [global::System.Runtime.InteropServices.StructLayout(global::System.Runtime.InteropServices.LayoutKind.Sequential)]
                    """);
                using (w.Block("private struct ParameterStorage"))
                {
                    w.Line("// Only ever read and written through ParametersOf, never by name.");
                    w.Line("#pragma warning disable CS0169, CS0649");
                    for (int k = 0; k < spec.ParameterCount; k += StorageFieldsPerLine)
                    {
                        int first = k;
                        w.Line($"private {n.T} {Join(System.Math.Min(StorageFieldsPerLine, spec.ParameterCount - k), j => $"P{first + j}")};");
                    }
                    w.Line("#pragma warning restore CS0169, CS0649");
                }
                w.Lines($"""

                    {GeneratedCode}
                    private static {KnownNames.Span}<{n.T}> ParametersOf(ref ParameterStorage storage) => {KnownNames.MemoryMarshal}.Cast<ParameterStorage, {n.T}>({KnownNames.MemoryMarshal}.CreateSpan(ref storage, 1));

                    """);
            }
            var r = new LoopRegions(spec, n.Plan.LoopSampleBlock);
            w.Lines($"""
                // Per thread, never part of the network: the gradient sums of a training step [0, ParameterCount), then one block of
                // {r.Block} samples, feature-major (a row per unit, the block's samples side by side): Z2 as vectors of each chunk's outputs,
                // A1 (then dZ1), dA1, Z2 (then dZ2) by rows, and the matrix kernel's packed panel.
                // Allocated on a thread's first batch call for this type, then reused by every instance on that thread.
                {GeneratedCode}
                [global::System.ThreadStatic]
                private static {n.T}[]? _threadScratch;

                {GeneratedCode}
                private static {n.T}[] ThreadScratch() => _threadScratch ??= new {n.T}[{r.Panel} + {r.PanelLength}];

                """);
        }

        /// <summary>Where a loop-form block lives in the per-thread scratch (generated expressions of element offsets and lengths):
        /// after the gradient sums, Z2 of the block's chunks as vectors (chunk k, output o at k * OutputCount + o: the layout the
        /// output kernels read), then A1, dA1 and Z2 as rows of <see cref="Block"/> samples, then the panel of the matrix kernel,
        /// long enough for every product of the network (depth Inputs, Hidden, Outputs, or the block).</summary>
        private sealed class LoopRegions
        {
            public LoopRegions(NetworkSpec spec, int block)
            {
                Block = block;
                PanelLength = $"global::PlanarGen.MatrixKernel.PanelColumns * {System.Math.Max(System.Math.Max(spec.Inputs, spec.Hidden), System.Math.Max(spec.Outputs, block))}";
            }

            public int Block { get; }

            public string Chunks => "ParameterCount";

            public string A1 => $"ParameterCount + {Block} * OutputCount";

            public string DA1 => $"ParameterCount + {Block} * (OutputCount + HiddenCount)";

            public string Z2 => $"ParameterCount + {Block} * (OutputCount + 2 * HiddenCount)";

            public string Panel => $"ParameterCount + {Block} * (2 * OutputCount + 2 * HiddenCount)";

            public string PanelLength { get; }

            public string Rows(int count) => $"{Block} * {(count == 0 ? "OutputCount" : "HiddenCount")}";
        }

        private static void WriteLoopInitialize(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            WriteInitializeOpening(w);
            // Drawn into this thread's scratch and checked before anything is stored, so a scale that overflows leaves the network
            // unchanged (the scratch holds at least ParameterCount values; no training runs on this thread during the call).
            w.Lines($$"""
                    var p = new {{KnownNames.Span}}<{{n.T}}>(ThreadScratch(), 0, ParameterCount);
                    p.Clear();
                {{RandomDraws(spec, n)}}
                    {{KnownNames.NetworkValidation}}.RequireFiniteDraws(p, scale);
                    p.CopyTo({{LoopParameters(spec, n)}});
                    _training = default;
                }

                /// <summary>Sets every parameter to zero: the symmetric start that keeps all hidden units identical.</summary>
                {{GeneratedCode}}
                public void InitializeZeros()
                {
                    {{LoopParameters(spec, n)}}.Clear();
                    _training = default;
                }

                """);
        }

        private static void WriteLoopParameterCopies(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            WriteCopyParametersToOpening(w, n);
            w.Lines($$"""
                    {{LoopParameters(spec, n)}}.CopyTo(destination);
                }

                """);
            WriteLoadParametersOpening(w, n);
            w.Lines($$"""
                    source.CopyTo({{LoopParameters(spec, n)}});
                }

                """);
        }

        private static void WriteLoopPredict(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            var scalar = new Lanes(spec, n, vector: false);
            ParameterLayout at = spec.Layout;
            w.Lines($"""
                /// <summary>Predicts one sample: scalar loops, no allocation (the hidden layer lives on the stack).
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
                    for (int i = 0; i < InputCount; i++) if ({n.IsNaN("input[i] - input[i]")}) {KnownNames.NetworkValidation}.RequireFinite(input[i], nameof(input), i);
                    {KnownNames.ReadOnlySpan}<{n.T}> p = {LoopParameters(spec, n)};
                    {KnownNames.Span}<{n.T}> a1 = stackalloc {n.T}[HiddenCount];
                    // Layer 1: {Count(spec.Inputs, "input")} -> {spec.Hidden} hidden, {Describe(spec.HiddenActivation)}
                    """);
                using (w.Block("for (int h = 0; h < HiddenCount; h++)"))
                {
                    w.Line("var row = p.Slice(h * InputCount, InputCount);");
                    WriteLoopDot(w, n, new LoopDot(Vector: false, $"p[{at.B1} + h]", "i", "row[i]", "input[i]"));
                    w.Line($"a1[h] = {scalar.Activate(spec.HiddenActivation, "z")};");
                }
                w.Line($"// Layer 2: {spec.Hidden} hidden -> {Count(spec.Outputs, "output")}, {Describe(spec.OutputActivation)}");
                using (w.Block("for (int o = 0; o < OutputCount; o++)"))
                {
                    w.Line($"var row = p.Slice({at.W2} + o * HiddenCount, HiddenCount);");
                    WriteLoopDot(w, n, new LoopDot(Vector: false, $"p[{at.B2} + o]", "h", "row[h]", "a1[h]"));
                    w.Line($"probabilities[o] = {LoopOutputOf(spec, n, "z")};");
                }
                if (IsSoftmax(spec)) WriteLoopSoftmax(w, n, vector: false, "probabilities", probabilities: true);
            }
            w.Line();
        }

        /// <summary>Locals shared by the loop-form batch kernels. A ranged kernel (the gradient sums of samples [sampleStart,
        /// sampleEnd), which has p, X and m as parameters) counts its chunks from sampleStart / Count up to chunks.</summary>
        private static void WriteLoopPrologue(CodeWriter w, NetworkSpec spec, Spelling n, bool ranged = false)
        {
            if (ranged)
            {
                WriteChunkCount(w, n, $"sampleEnd / {n.Vec}.Count");
            }
            else
            {
                w.Line($"var p = {LoopParameters(spec, n)};");
                w.Line("int m = data.SampleCount;");
                w.Line("var X = data.X;");
                WriteChunkCount(w, n, $"m / {n.Vec}.Count");
            }
            var r = new LoopRegions(spec, n.Plan.LoopSampleBlock);
            w.Lines($"""
                var scratch = ThreadScratch();
                var z2 = {KnownNames.MemoryMarshal}.Cast<{n.T}, {n.Vec}>(new {KnownNames.Span}<{n.T}>(scratch, {r.Chunks}, {r.Rows(0)}));
                {KnownNames.Span}<{n.T}> t = stackalloc {n.T}[HiddenCount + OutputCount];
                """);
        }

        /// <summary>The block loop header shared by the loop-form kernels: c0 steps over the chunks, nb chunks in this block.</summary>
        private static CodeWriter.Scope LoopBlocks(CodeWriter w, Spelling n, string firstChunk = "0")
        {
            string block = $"{n.Plan.LoopSampleBlock} / {n.Vec}.Count";
            CodeWriter.Scope scope = w.Block($"for (int c0 = {firstChunk}; c0 < chunks; c0 += {block})");
            w.Line($"int nb = global::System.Math.Min({block}, chunks - c0);");
            return scope;
        }

        private static void WriteLoopPredictBatch(CodeWriter w, NetworkSpec spec, Spelling n) =>
            WritePredictBatchEntry(w, spec, n, names => WriteLoopPredictBatchCore(w, spec, names));

        private static void WriteLoopPredictBatchCore(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            w.Lines(new[] { GeneratedCode, HotLoop });
            using (w.Block($"private void PredictBatchCore{n.Suffix}({KnownNames.DataSet}<{n.T}> data, {KnownNames.Span}<{n.T}> probabilities)"))
            {
                WriteLoopPrologue(w, spec, n);
                if (IsSoftmax(spec))
                {
                    WriteLoopSoftmaxPredictBatch(w, n);
                    return;
                }
                using (LoopBlocks(w, n))
                    w.Lines($"""
                        ForwardBlock{n.Suffix}(p, scratch, X, m, c0, nb);
                        for (int k = 0; k < nb; k++)
                            for (int o = 0; o < OutputCount; o++)
                                {KnownNames.MemoryMarshal}.Cast<{n.T}, {n.Vec}>(probabilities.Slice(o * m, m))[c0 + k] = {LoopOutputOf(spec, n, "z2[k * OutputCount + o]")};
                        """);
                using (w.Block($"for (int s = chunks * {n.Vec}.Count; s < m; s++)"))
                    w.Lines($"""
                        ForwardSample(p, X, m, s, t);
                        for (int o = 0; o < OutputCount; o++) probabilities[o * m + s] = {LoopOutputOf(spec, n, "t[HiddenCount + o]")};
                        """);
            }
            w.Line();
        }

        private static void WriteLoopCost(CodeWriter w, NetworkSpec spec, Spelling n) =>
            WriteCostEntry(w, spec, n, names => WriteLoopCostCore(w, spec, names));

        private static void WriteLoopCostCore(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            w.Lines(new[] { GeneratedCode, HotLoop });
            using (w.Block($"private {n.T} CostCore{n.Suffix}({KnownNames.DataSet}<{n.T}> data)"))
            {
                WriteLoopPrologue(w, spec, n);
                w.Line("var Y = data.Y;");
                w.Line($"var gCost = {n.Vec}.Zero;");
                if (!IsSigmoidOutput(spec))
                {
                    WriteLoopOtherCost(w, spec, n);
                    return;
                }
                using (LoopBlocks(w, n))
                    w.Lines($$"""
                        ForwardBlock{{n.Suffix}}(p, scratch, X, m, c0, nb);
                        for (int o = 0; o < OutputCount; o++)
                        {
                            var vy = {{KnownNames.MemoryMarshal}}.Cast<{{n.T}}, {{n.Vec}}>(Y.Slice(o * m, m));
                            for (int k = 0; k < nb; k++)
                            {
                                var z = z2[k * OutputCount + o];
                                gCost += {{KnownNames.VectorMath}}.{{n.SoftplusKernel}}(z) - vy[c0 + k] * z;
                            }
                        }
                        """);
                w.Lines($$"""
                    {{n.T}} sCost = {{n.VecStatic}}.Dot(gCost, {{n.Vec}}.One);
                    for (int s = chunks * {{n.Vec}}.Count; s < m; s++)
                    {
                        ForwardSample(p, X, m, s, t);
                        for (int o = 0; o < OutputCount; o++)
                        {
                            var z = t[HiddenCount + o];
                            sCost += {{KnownNames.VectorMath}}.{{n.SoftplusKernel}}(z) - Y[o * m + s] * z;
                        }
                    }
                    return sCost * ({{n.Lit(1)}} / m);
                    """);
            }
            w.Line();
        }

        private static void WriteLoopAccuracy(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            if (IsLinear(spec)) WriteUndefinedAccuracy(w, spec, n);
            else if (IsSoftmax(spec)) WriteAccuracyEntry(w, spec, n, names => WriteLoopSoftmaxAccuracyCore(w, spec, names));
            else WriteAccuracyEntry(w, spec, n, names => WriteLoopAccuracyCore(w, spec, names));
        }

        private static void WriteLoopAccuracyCore(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            w.Lines(new[] { GeneratedCode, HotLoop });
            using (w.Block($"private double AccuracyCore{n.Suffix}({KnownNames.DataSet}<{n.T}> data)"))
            {
                WriteLoopPrologue(w, spec, n);
                w.Lines($"""
                    var Y = data.Y;
                    var half = {n.Broadcast(n.Lit(0.5))};
                    // Each equal mask lane is -1, so subtracting it counts the correct predictions.
                    var correct = {n.Mask}.Zero;
                    """);
                string predicted = n.AsMask($"{n.VecStatic}.GreaterThan({KnownNames.VectorMath}.{n.SigmoidKernel}(z2[k * OutputCount + o]), half)");
                string labelled = n.AsMask($"{n.VecStatic}.Equals(vy[c0 + k], {n.Vec}.One)");
                using (LoopBlocks(w, n))
                    w.Lines($$"""
                        ForwardBlock{{n.Suffix}}(p, scratch, X, m, c0, nb);
                        for (int o = 0; o < OutputCount; o++)
                        {
                            var vy = {{KnownNames.MemoryMarshal}}.Cast<{{n.T}}, {{n.Vec}}>(Y.Slice(o * m, m));
                            for (int k = 0; k < nb; k++)
                                correct -= {{n.VecStatic}}.Equals({{predicted}}, {{labelled}});
                        }
                        """);
                w.Lines($$"""
                    long count = {{n.VecStatic}}.Dot(correct, {{n.Mask}}.One);
                    for (int s = chunks * {{n.Vec}}.Count; s < m; s++)
                    {
                        ForwardSample(p, X, m, s, t);
                        for (int o = 0; o < OutputCount; o++)
                            if (({{KnownNames.VectorMath}}.{{n.SigmoidKernel}}(t[HiddenCount + o]) > {{n.Lit(0.5)}}) == (Y[o * m + s] == {{n.Lit(1)}})) count++;
                    }
                    return (double)count / ((long)OutputCount * m);
                    """);
            }
            w.Line();
        }

        private static void WriteLoopForwardBlock(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            var vector = new Lanes(spec, n, vector: true);
            ParameterLayout at = spec.Layout;
            var r = new LoopRegions(spec, n.Plan.LoopSampleBlock);
            string fused = n.Fused ? "true" : "false";
            w.Lines($"""
                /// <summary>Forward pass of chunks c0 .. c0 + nb - 1 (at most {r.Block} samples): Z1 = W1 X + b1 and Z2 = W2 A1 + b2 by the matrix
                /// kernel, each element in the unrolled form's order and rounding; leaves A1 by rows and Z2 as vectors of each chunk in the scratch.
                /// Returns the lanes whose pre-activations were all within PlanarGen.DivergenceRule's bound (training checks them).</summary>
                {GeneratedCode}
                {HotLoop}
                """);
            using (w.Block($"private static {n.Mask} ForwardBlock{n.Suffix}({KnownNames.ReadOnlySpan}<{n.T}> p, {n.T}[] scratch, {KnownNames.ReadOnlySpan}<{n.T}> X, int m, int c0, int nb)"))
            {
                w.Lines($"""
                    int rowChunks = {r.Block} / {n.Vec}.Count;
                    var z2 = {KnownNames.MemoryMarshal}.Cast<{n.T}, {n.Vec}>(new {KnownNames.Span}<{n.T}>(scratch, {r.Chunks}, {r.Rows(0)}));
                    var a1 = new {KnownNames.Span}<{n.T}>(scratch, {r.A1}, {r.Rows(1)});
                    var z2Rows = new {KnownNames.Span}<{n.T}>(scratch, {r.Z2}, {r.Rows(0)});
                    var panel = new {KnownNames.Span}<{n.T}>(scratch, {r.Panel}, {r.PanelLength});
                    var zero = {n.Vec}.Zero;
                    """);
                if (spec.HiddenActivation == Activation.LeakyReLU) w.Line($"var slope = {n.Broadcast(n.Lit(spec.LeakySlope))};");
                WriteBoundLocals(w, n, vector: true);
                w.Lines($$"""
                    // Layer 1: {{Count(spec.Inputs, "input")}} -> {{spec.Hidden}} hidden, {{Describe(spec.HiddenActivation)}}
                    {{KnownNames.MatrixKernel}}.Multiply(p.Slice(0, HiddenCount * InputCount), InputCount, 1, X.Slice(c0 * {{n.Vec}}.Count), m, a1, {{r.Block}},
                        HiddenCount, InputCount, nb * {{n.Vec}}.Count, p.Slice({{at.B1}}, HiddenCount), {{fused}}, panel);
                    var hidden = {{KnownNames.MemoryMarshal}}.Cast<{{n.T}}, {{n.Vec}}>(a1);
                    for (int h = 0; h < HiddenCount; h++)
                    {
                        var row = hidden.Slice(h * rowChunks, nb);
                        for (int k = 0; k < row.Length; k++)
                        {
                            var z = row[k];
                            {{vector.CheckBound("z")}}
                            row[k] = {{vector.Activate(spec.HiddenActivation, "z")}};
                        }
                    }
                    // Layer 2: {{spec.Hidden}} hidden -> {{Count(spec.Outputs, "output")}}, {{Describe(spec.OutputActivation)}} (applied by the caller)
                    {{KnownNames.MatrixKernel}}.Multiply(p.Slice({{at.W2}}, OutputCount * HiddenCount), HiddenCount, 1, a1, {{r.Block}}, z2Rows, {{r.Block}},
                        OutputCount, HiddenCount, nb * {{n.Vec}}.Count, p.Slice({{at.B2}}, OutputCount), {{fused}}, panel);
                    var outputs = {{KnownNames.MemoryMarshal}}.Cast<{{n.T}}, {{n.Vec}}>(z2Rows);
                    for (int o = 0; o < OutputCount; o++)
                    {
                        var row = outputs.Slice(o * rowChunks, nb);
                        for (int k = 0; k < row.Length; k++)
                        {
                            var z = row[k];
                            {{vector.CheckBound("z")}}
                            z2[k * OutputCount + o] = z;
                        }
                    }
                    return inBounds;
                    """);
            }
            w.Line();
        }

        private static void WriteLoopForwardSample(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            var scalar = new Lanes(spec, n, vector: false);
            ParameterLayout at = spec.Layout;
            w.Lines($"""
                /// <summary>Forward pass of sample s: t[0, Hidden) receives the hidden activations, t[Hidden, Hidden + Outputs) Z2.
                /// Returns whether its pre-activations were all within PlanarGen.DivergenceRule's bound (training checks it).</summary>
                {GeneratedCode}
                """);
            using (w.Block($"private static bool ForwardSample({KnownNames.ReadOnlySpan}<{n.T}> p, {KnownNames.ReadOnlySpan}<{n.T}> X, int m, int s, {KnownNames.Span}<{n.T}> t)"))
            {
                WriteBoundLocals(w, n, vector: false);
                using (w.Block("for (int h = 0; h < HiddenCount; h++)"))
                {
                    w.Line("var row = p.Slice(h * InputCount, InputCount);");
                    WriteLoopDot(w, n, new LoopDot(Vector: false, $"p[{at.B1} + h]", "i", "row[i]", "X[i * m + s]"));
                    w.Line(scalar.CheckBound("z"));
                    w.Line($"t[h] = {scalar.Activate(spec.HiddenActivation, "z")};");
                }
                using (w.Block("for (int o = 0; o < OutputCount; o++)"))
                {
                    w.Line($"var row = p.Slice({at.W2} + o * HiddenCount, HiddenCount);");
                    WriteLoopDot(w, n, new LoopDot(Vector: false, $"p[{at.B2} + o]", "h", "row[h]", "t[h]"));
                    w.Line(scalar.CheckBound("z"));
                    w.Line("t[HiddenCount + o] = z;");
                }
                w.Line("return inBound;");
            }
            w.Line();
        }

        /// <summary>One dot product of the loop form, <c>z</c> = sum over <c>row</c> of Weight * Input, plus Bias; Vector says
        /// whether z is a vector (else a T scalar). Index is the loop variable the Weight and Input expressions use.</summary>
        private sealed record LoopDot(bool Vector, string Bias, string Index, string Weight, string Input);

        /// <summary>z = sum over the row of weight * input, plus the bias, in the unrolled form's order and rounding: when fused the
        /// bias first and then one multiply-add per term (see Spelling.SumOfProducts); else the plain sum, bias last.</summary>
        private static void WriteLoopDot(CodeWriter w, Spelling n, LoopDot dot)
        {
            string declaration = dot.Vector ? "var z" : $"{n.T} z";
            string loop = $"for (int {dot.Index} = 0; {dot.Index} < row.Length; {dot.Index}++)";
            if (n.Fused)
            {
                w.Line($"{declaration} = {dot.Bias};");
                w.Line($"{loop} z = {n.MulAdd(dot.Weight, dot.Input, "z")};");
            }
            else
            {
                w.Line($"{declaration} = {(dot.Vector ? "zero" : n.Lit(0))};");
                w.Line($"{loop} z += {dot.Weight} * {dot.Input};");
                w.Line($"z += {dot.Bias};");
            }
        }
    }
}
