using PlanarGen.Generators.Model;
using PlanarGen.Generators.Plan;

namespace PlanarGen.Generators.Emit
{
    internal static partial class NetworkEmitter
    {
        /// <summary>How one sample block is spelled: a SIMD chunk (samples in lanes) or one scalar sample.
        /// Both spellings compute the same operations in the same order, so the scalar tail agrees with the lanes.</summary>
        private sealed partial class Lanes
        {
            public Lanes(NetworkSpec spec, Spelling n, bool vector, bool guarded = false)
            {
                Spec = spec;
                N = n;
                IsVector = vector;
                Guarded = guarded;
            }

            public NetworkSpec Spec { get; }
            public Spelling N { get; }
            public bool IsVector { get; }

            /// <summary>Whether each pre-activation is checked against the divergence bound (training only), see <see cref="CheckBound"/>.</summary>
            public bool Guarded { get; }

            /// <summary>DivergenceRule's test of a pre-activation: |z| &lt;= bound, false for NaN too, ANDed into the mask
            /// <c>inBounds</c> (vector) or the flag <c>inBound</c> (scalar), which the caller declares. The bound is written
            /// as a constant, not a local: the unrolled StepCore's locals are budgeted (EmitPlan.EstimatedUnrolledLocals).</summary>
            public string CheckBound(string z) => IsVector
                ? $"inBounds &= {N.AsMask($"{N.VecStatic}.LessThanOrEqual({N.VecStatic}.Abs({z}), {N.Broadcast(N.PreActivationBound)})")};"
                : $"inBound &= global::System.Math.Abs({z}) <= {N.PreActivationBound};";

            /// <summary>A parameter: the broadcast local in vector code, the field in scalar code.</summary>
            public string P(string name) => IsVector ? "v" + name : name;

            public string One => IsVector ? "one" : N.Lit(1);

            /// <summary>Scalar literals (vector code names its broadcast locals <c>zero</c> and <c>slope</c> directly).</summary>
            private string Zero => N.Lit(0);

            private string Slope => N.Lit(Spec.LeakySlope);

            public string Activate(Activation activation, string z) => activation switch
            {
                Activation.Tanh => $"{KnownNames.VectorMath}.{N.TanhKernel}({z})",
                Activation.Sigmoid => $"{KnownNames.VectorMath}.{N.SigmoidKernel}({z})",
                Activation.ReLU => IsVector ? $"{N.VecStatic}.Max({z}, zero)" : $"({z} > {Zero} ? {z} : {Zero})",
                _ => IsVector
                    ? $"{N.VecStatic}.ConditionalSelect({N.VecStatic}.GreaterThan({z}, zero), {z}, {z} * slope)"
                    : $"({z} > {Zero} ? {z} : {z} * {Slope})",
            };

            /// <summary>g'(z) written from the activation's output where that is cheaper (tanh, sigmoid).</summary>
            public string Derivative(Activation activation, string z, string a) => activation switch
            {
                Activation.Tanh => N.Fused ? $"{KnownNames.VectorMath}.NegatedMultiplyAdd({a}, {a}, {One})" : $"({One} - {a} * {a})",
                Activation.Sigmoid => $"{a} * ({One} - {a})",
                Activation.ReLU => IsVector
                    ? $"{N.VecStatic}.ConditionalSelect({N.VecStatic}.GreaterThan({z}, zero), one, zero)"
                    : $"({z} > {Zero} ? {One} : {Zero})",
                _ => IsVector
                    ? $"{N.VecStatic}.ConditionalSelect({N.VecStatic}.GreaterThan({z}, zero), one, slope)"
                    : $"({z} > {Zero} ? {One} : {Slope})",
            };

            /// <summary>Loads x0..x{Inputs-1} of chunk c or sample s.</summary>
            public void LoadInputs(CodeWriter w)
            {
                for (int i = 0; i < Spec.Inputs; i++)
                    w.Line(IsVector ? $"var x{i} = vx{i}[c];" : $"var x{i} = X{i}[s];");
            }

            public void LoadLabels(CodeWriter w)
            {
                for (int o = 0; o < Spec.Outputs; o++)
                    w.Line(IsVector ? $"var y{o} = vy{o}[c];" : $"var y{o} = Y{o}[s];");
            }

            /// <summary>Layer 1 and layer 2 pre-activations; a2 only when <paramref name="withOutput"/>.</summary>
            public void Forward(CodeWriter w, bool withOutput)
            {
                ForwardHidden(w);
                ForwardOutput(w, withOutput);
            }

            /// <summary>Layer 1: z1_h and a1_h.</summary>
            public void ForwardHidden(CodeWriter w)
            {
                w.Line($"// Layer 1: {Count(Spec.Inputs, "input")} -> {Spec.Hidden} hidden, {Describe(Spec.HiddenActivation)}");
                for (int h = 0; h < Spec.Hidden; h++)
                {
                    int hh = h;
                    w.Lines(N.DeclareSum($"z1_{h}", new Products(Spec.Inputs, i => P(W1(hh, i)), i => $"x{i}", P(B1(h)))));
                    if (Guarded) w.Line(CheckBound($"z1_{h}"));
                    w.Line($"var a1_{h} = {Activate(Spec.HiddenActivation, $"z1_{h}")};");
                }
            }

            /// <summary>Layer 2 from a1_h: z2_o, and a2_o when <paramref name="withOutput"/>.</summary>
            public void ForwardOutput(CodeWriter w, bool withOutput)
            {
                w.Line($"// Layer 2: {Spec.Hidden} hidden -> {Count(Spec.Outputs, "output")}, {Describe(Spec.OutputActivation)}");
                for (int o = 0; o < Spec.Outputs; o++)
                {
                    int oo = o;
                    w.Lines(N.DeclareSum($"z2_{o}", new Products(Spec.Hidden, h => P(W2(oo, h)), h => $"a1_{h}", P(B2(o)))));
                    if (Guarded) w.Line(CheckBound($"z2_{o}"));
                    if (withOutput && OutputOf(o) is string activated) w.Line(activated);
                }
                if (withOutput && Spec.OutputActivation == Activation.Softmax) WriteSoftmax(w);
            }
        }

        /// <summary>What one batch kernel does with each chunk: whether it loads labels and computes A2, and what it writes
        /// with them (<see cref="UseOutput"/> may also write the rest of the chunk's kept slice, <c>keep</c>).</summary>
        private sealed record ChunkWork(bool Labels, bool WithOutput, System.Action<CodeWriter> UseOutput);

        /// <summary>The SIMD chunks of a batch kernel: layer by layer for small fused networks (the plan's
        /// <see cref="EmitPlan.LayerPasses"/>, see <see cref="WriteChunksByLayer"/>), else one fused pass per chunk.</summary>
        private static void WriteChunks(CodeWriter w, Lanes lanes, ChunkWork work)
        {
            if (lanes.N.Plan.LayerPasses)
            {
                WriteChunksByLayer(w, lanes, work);
                return;
            }
            using (w.Block("for (int c = 0; c < chunks; c++)"))
            {
                lanes.LoadInputs(w);
                if (work.Labels) lanes.LoadLabels(w);
                lanes.Forward(w, work.WithOutput);
                work.UseOutput(w);
            }
        }

        /// <summary>
        /// The SIMD chunks in blocks, one layer at a time: the hidden layer of every chunk of the block (its activations kept on
        /// the stack), then the output layer of every chunk, followed by the chunk's work. Each loop body is short next to the
        /// latency of its tanh/sigmoid chain, so the CPU overlaps several chunks; the operations per lane are the same as in one
        /// fused pass, so are the bits.
        /// </summary>
        private static void WriteChunksByLayer(CodeWriter w, Lanes lanes, ChunkWork work)
        {
            int block = lanes.N.Plan.PassBlockChunks;
            int H = lanes.Spec.Hidden;
            w.Line($"// Layer by layer over blocks of {block} chunks; the hidden activations of a block are kept on the stack.");
            w.Line($"{KnownNames.Span}<{lanes.N.Vec}> hidden = stackalloc {lanes.N.Vec}[{block * H}];");
            using (w.Block($"for (int c0 = 0; c0 < chunks; c0 += {block})"))
            {
                w.Line($"int nb = global::System.Math.Min({block}, chunks - c0);");
                WriteBlockLayers(w, lanes, new KeptBuffer("hidden", H), work);
            }
        }

        /// <summary>The stack buffer of one block's kept vectors: <paramref name="PerChunk"/> per chunk, A1 first.</summary>
        private sealed record KeptBuffer(string Name, int PerChunk);

        /// <summary>The two layer loops over the chunks c0 .. c0 + nb - 1 of one block: the hidden layer of each chunk into the
        /// buffer, then the output layer of each chunk from there, followed by the chunk's work.</summary>
        private static void WriteBlockLayers(CodeWriter w, Lanes lanes, KeptBuffer buffer, ChunkWork work)
        {
            int H = lanes.Spec.Hidden;
            using (w.Block("for (int k = 0; k < nb; k++)"))
            {
                w.Line("int c = c0 + k;");
                w.Line($"var keep = {buffer.Name}.Slice(k * {buffer.PerChunk}, {buffer.PerChunk});");
                lanes.LoadInputs(w);
                lanes.ForwardHidden(w);
                for (int h = 0; h < H; h++) w.Line($"keep[{h}] = a1_{h};");
            }
            using (w.Block("for (int k = 0; k < nb; k++)"))
            {
                w.Line("int c = c0 + k;");
                w.Line($"var keep = {buffer.Name}.Slice(k * {buffer.PerChunk}, {buffer.PerChunk});");
                for (int h = 0; h < H; h++) w.Line($"var a1_{h} = keep[{h}];");
                if (work.Labels) lanes.LoadLabels(w);
                lanes.ForwardOutput(w, work.WithOutput);
                work.UseOutput(w);
            }
        }

        /// <summary><c>int chunks</c>, the SIMD chunks of a batch kernel (<paramref name="vectors"/> where the kernel runs
        /// chunks at all, see <see cref="Spelling.ChunkCount"/>).</summary>
        private static void WriteChunkCount(CodeWriter w, Spelling n, string vectors)
        {
            if (!n.IsVector512) w.Line("// Without hardware SIMD (e.g. Unity Mono) every sample takes the scalar path, which computes the same thing.");
            w.Line($"int chunks = {n.ChunkCount(vectors)};");
        }

        /// <summary>Locals shared by every batch kernel: the feature rows, their SIMD views and the chunk count.</summary>
        private static void WriteBatchPrologue(CodeWriter w, NetworkSpec spec, Spelling n, bool labels)
        {
            int outputs = labels ? spec.Outputs : 0;
            w.Line("int m = data.SampleCount;");
            for (int i = 0; i < spec.Inputs; i++) w.Line($"var X{i} = data.Feature({i});");
            for (int o = 0; o < outputs; o++) w.Line($"var Y{o} = data.Labels({o});");
            for (int i = 0; i < spec.Inputs; i++) w.Line($"var vx{i} = {KnownNames.MemoryMarshal}.Cast<{n.T}, {n.Vec}>(X{i});");
            for (int o = 0; o < outputs; o++) w.Line($"var vy{o} = {KnownNames.MemoryMarshal}.Cast<{n.T}, {n.Vec}>(Y{o});");
            WriteChunkCount(w, n, "vx0.Length");
            w.Line($"var one = {n.Vec}.One;");
            w.Line($"var zero = {n.Vec}.Zero;");
            if (spec.HiddenActivation == Activation.LeakyReLU) w.Line($"var slope = {n.Broadcast(n.Lit(spec.LeakySlope))};");
            if (labels) WriteMseScaleLocal(w, spec, n);
            foreach (string name in ParameterNames(spec)) w.Line($"var v{name} = {n.Broadcast(name)};");
        }
    }
}
