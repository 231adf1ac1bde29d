using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    internal static partial class NetworkEmitter
    {
        /// <summary>How one sample block is spelled: a SIMD chunk (samples in lanes) or one scalar sample.
        /// Both spellings compute the same operations in the same order, so the scalar tail agrees with the lanes.</summary>
        private sealed class Lanes
        {
            public Lanes(NetworkSpec spec, NumericNames n, bool vector, bool guarded = false)
            {
                Spec = spec;
                N = n;
                IsVector = vector;
                Guarded = guarded;
            }

            public NetworkSpec Spec { get; }
            public NumericNames N { get; }
            public bool IsVector { get; }

            /// <summary>Whether each pre-activation is checked against the divergence bound (training only), see <see cref="CheckBound"/>.</summary>
            public bool Guarded { get; }

            /// <summary>DivergenceRule's test of a pre-activation: |z| &lt;= bound, false for NaN too, ANDed into the mask
            /// <c>inBounds</c> (vector) or the flag <c>inBound</c> (scalar), which the caller declares. The bound is written
            /// as a constant, not a local: the unrolled StepCore's locals are budgeted (NetworkRules.EstimatedUnrolledLocals).</summary>
            public string CheckBound(string z) => IsVector
                ? $"inBounds &= {N.AsMask($"{N.VecStatic}.LessThanOrEqual({N.VecStatic}.Abs({z}), {N.Broadcast(N.PreActivationBound)})")};"
                : $"inBound &= global::System.Math.Abs({z}) <= {N.PreActivationBound};";

            /// <summary>A parameter: the broadcast local in vector code, the field in scalar code.</summary>
            public string P(string name) => IsVector ? "v" + name : name;

            public string One => IsVector ? "one" : N.Lit(1);

            public string Zero => IsVector ? "zero" : N.Lit(0);

            public string Slope => IsVector ? "slope" : N.Lit(Spec.LeakySlope);

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
                w.Line($"// Layer 1: {Spec.Inputs} inputs -> {Spec.Hidden} hidden, {Describe(Spec.HiddenActivation)}");
                for (int h = 0; h < Spec.Hidden; h++)
                {
                    int hh = h;
                    w.Line($"var z1_{h} = {N.SumOfProducts(Spec.Inputs, i => P(W1(hh, i)), i => $"x{i}", P(B1(h)))};");
                    if (Guarded) w.Line(CheckBound($"z1_{h}"));
                    w.Line($"var a1_{h} = {Activate(Spec.HiddenActivation, $"z1_{h}")};");
                }
            }

            /// <summary>Layer 2 from a1_h: z2_o, and a2_o when <paramref name="withOutput"/>.</summary>
            public void ForwardOutput(CodeWriter w, bool withOutput)
            {
                w.Line($"// Layer 2: {Spec.Hidden} hidden -> {Spec.Outputs} outputs, sigmoid");
                for (int o = 0; o < Spec.Outputs; o++)
                {
                    int oo = o;
                    w.Line($"var z2_{o} = {N.SumOfProducts(Spec.Hidden, h => P(W2(oo, h)), h => $"a1_{h}", P(B2(o)))};");
                    if (Guarded) w.Line(CheckBound($"z2_{o}"));
                    if (withOutput) w.Line($"var a2_{o} = {KnownNames.VectorMath}.{N.SigmoidKernel}(z2_{o});");
                }
            }
        }

        /// <summary>The SIMD chunks of a batch kernel: layer by layer for small float networks (see NumericNames.For and
        /// <see cref="WriteChunksByLayer"/>), else one fused pass per chunk.</summary>
        private static void WriteChunks(CodeWriter w, Lanes lanes, bool labels, bool withOutput, System.Action<CodeWriter> useOutput)
        {
            if (lanes.N.Fused)
            {
                WriteChunksByLayer(w, lanes, labels, withOutput, useOutput);
                return;
            }
            w.Open("for (int c = 0; c < chunks; c++)");
            lanes.LoadInputs(w);
            if (labels) lanes.LoadLabels(w);
            lanes.Forward(w, withOutput);
            useOutput(w);
            w.Close();
        }

        /// <summary>Chunks per block of the layer passes (<see cref="WriteChunksByLayer"/> and the training passes). Only fused
        /// networks use them, and those have at most 40 parameters, so at most 13 hidden units: a block keeps at most
        /// 8 x (2 x 13 + 1) = 216 vectors (7 KB of stack at 256-bit vectors, 14 KB in the Vector512 twins).</summary>
        internal const int PassBlockChunks = 8;

        /// <summary>
        /// The SIMD chunks in blocks, one layer at a time: the hidden layer of every chunk of the block (its activations kept on
        /// the stack), then the output layer of every chunk, followed by <paramref name="useOutput"/>. Each loop body is short
        /// next to the latency of its tanh/sigmoid chain, so the CPU overlaps several chunks; the operations per lane are the
        /// same as in one fused pass, so are the bits.
        /// </summary>
        private static void WriteChunksByLayer(CodeWriter w, Lanes lanes, bool labels, bool withOutput, System.Action<CodeWriter> useOutput)
        {
            NetworkSpec spec = lanes.Spec;
            const int block = PassBlockChunks;
            int H = spec.Hidden;
            w.Line($"// Layer by layer over blocks of {block} chunks; the hidden activations of a block are kept on the stack.");
            w.Line($"{KnownNames.Span}<{lanes.N.Vec}> hidden = stackalloc {lanes.N.Vec}[{block * H}];");
            w.Open($"for (int c0 = 0; c0 < chunks; c0 += {block})");
            w.Line($"int nb = global::System.Math.Min({block}, chunks - c0);");
            WriteBlockLayers(w, lanes, "hidden", H, labels, withOutput, useOutput);
            w.Close();
        }

        /// <summary>The two layer loops over the chunks c0 .. c0 + nb - 1 of one block: the hidden layer of each chunk into
        /// <paramref name="buffer"/> (<paramref name="per"/> vectors per chunk, A1 first), then the output layer of each chunk
        /// from there, followed by <paramref name="useOutput"/> (which may write the rest of the chunk's slice, <c>keep</c>).</summary>
        private static void WriteBlockLayers(CodeWriter w, Lanes lanes, string buffer, int per, bool labels, bool withOutput, System.Action<CodeWriter> useOutput)
        {
            int H = lanes.Spec.Hidden;
            w.Open("for (int k = 0; k < nb; k++)");
            w.Line("int c = c0 + k;");
            w.Line($"var keep = {buffer}.Slice(k * {per}, {per});");
            lanes.LoadInputs(w);
            lanes.ForwardHidden(w);
            for (int h = 0; h < H; h++) w.Line($"keep[{h}] = a1_{h};");
            w.Close();
            w.Open("for (int k = 0; k < nb; k++)");
            w.Line("int c = c0 + k;");
            w.Line($"var keep = {buffer}.Slice(k * {per}, {per});");
            for (int h = 0; h < H; h++) w.Line($"var a1_{h} = keep[{h}];");
            if (labels) lanes.LoadLabels(w);
            lanes.ForwardOutput(w, withOutput);
            useOutput(w);
            w.Close();
        }

        /// <summary><c>int chunks</c>, the SIMD chunks of a batch kernel (<paramref name="vectors"/> where the kernel runs
        /// chunks at all, see <see cref="NumericNames.ChunkCount"/>).</summary>
        private static void WriteChunkCount(CodeWriter w, NumericNames n, string vectors)
        {
            if (!n.IsVector512) w.Line("// Without hardware SIMD (e.g. Unity Mono) every sample takes the scalar path, which computes the same thing.");
            w.Line($"int chunks = {n.ChunkCount(vectors)};");
        }

        /// <summary>Locals shared by every batch kernel: the feature rows, their SIMD views and the chunk count.</summary>
        private static void WriteBatchPrologue(CodeWriter w, NetworkSpec spec, NumericNames n, bool labels)
        {
            w.Line("int m = data.SampleCount;");
            for (int i = 0; i < spec.Inputs; i++) w.Line($"var X{i} = data.Feature({i});");
            if (labels)
                for (int o = 0; o < spec.Outputs; o++) w.Line($"var Y{o} = data.Labels({o});");
            for (int i = 0; i < spec.Inputs; i++) w.Line($"var vx{i} = {KnownNames.MemoryMarshal}.Cast<{n.T}, {n.Vec}>(X{i});");
            if (labels)
                for (int o = 0; o < spec.Outputs; o++) w.Line($"var vy{o} = {KnownNames.MemoryMarshal}.Cast<{n.T}, {n.Vec}>(Y{o});");
            WriteChunkCount(w, n, "vx0.Length");
            w.Line($"var one = {n.Vec}.One;");
            w.Line($"var zero = {n.Vec}.Zero;");
            if (spec.HiddenActivation == Activation.LeakyReLU) w.Line($"var slope = {n.Broadcast(n.Lit(spec.LeakySlope))};");
            foreach (string name in ParameterNames(spec)) w.Line($"var v{name} = {n.Broadcast(name)};");
        }
    }
}
