using System.Threading;
using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    /// <summary>
    /// The loop form, used above <see cref="Parsing.NetworkRules.UnrolledParameterBudget"/> parameters: the same public
    /// members as the unrolled form, but loops over the parameters (notebook order) held by the instance: inline in a struct
    /// (a generated storage struct read as a span, so a copy is independent), in an array the instance owns in a class. The
    /// gradient sums and the SIMD scratch of one block of samples are per thread, allocated once per thread and type, so one
    /// network can predict from many threads at once and the hot paths (Predict, PredictBatch, Cost, Accuracy, TrainStep,
    /// Train) allocate nothing in steady state.
    /// </summary>
    internal static partial class NetworkEmitter
    {
        /// <summary>Chunks of Vector&lt;T&gt;.Count samples processed together: their gradient contributions are summed
        /// lane-wise before one horizontal sum, so the horizontal cost is paid once per block, not once per chunk.</summary>
        internal const int BlockChunks = 4;

        private static void WriteLoopBody(CodeWriter w, NetworkSpec spec, NumericNames n, CancellationToken ct)
        {
            var o = new LoopOffsets(spec);
            WriteLoopStorage(w, spec, n, o);
            ct.ThrowIfCancellationRequested();
            WriteLoopInitialize(w, spec, n, o);
            WriteLoopParameterCopies(w, spec, n);
            ct.ThrowIfCancellationRequested();
            WriteLoopPredict(w, spec, n, o);
            WriteLoopPredictBatch(w, spec, n);
            WriteLoopCost(w, spec, n);
            WriteLoopAccuracy(w, spec, n);
            ct.ThrowIfCancellationRequested();
            WriteTrain(w, spec, n);
            WriteLoopStepCore(w, spec, n, o);
            WriteVector512Twin(w, n.Vector512Twin, twin => WriteLoopStepCore(w, spec, twin, o));
            ct.ThrowIfCancellationRequested();
            WriteLoopForwardBlock(w, spec, n, o);
            WriteVector512Twin(w, n.Vector512Twin, twin => WriteLoopForwardBlock(w, spec, twin, o));
            WriteLoopForwardSample(w, spec, n, o);
        }

        /// <summary>Where each parameter block starts in the array (notebook order).</summary>
        private sealed class LoopOffsets
        {
            public LoopOffsets(NetworkSpec spec)
            {
                B1 = spec.Hidden * spec.Inputs;
                W2 = B1 + spec.Hidden;
                B2 = W2 + spec.Outputs * spec.Hidden;
            }

            public int B1 { get; }
            public int W2 { get; }
            public int B2 { get; }
        }

        /// <summary>The loop form's parameter span: a struct reads its inline storage, a class its own array.</summary>
        private static string LoopParameters(NetworkSpec spec, NumericNames n) =>
            spec.Target.IsClass ? $"new {KnownNames.Span}<{n.T}>(_parameters)" : "ParametersOf(ref _parameters)";

        /// <summary>Numbers of the inline storage's fields on one line of generated text.</summary>
        private const int StorageFieldsPerLine = 16;

        private static void WriteLoopStorage(CodeWriter w, NetworkSpec spec, NumericNames n, LoopOffsets o)
        {
            w.Line($"// Loop form ({spec.ParameterCount} parameters, above the unrolling budget): the parameters in the notebook's order,");
            w.Line($"// W1 (Hidden x Inputs) at 0, b1 at {o.B1}, W2 (Outputs x Hidden) at {o.W2}, b2 at {o.B2}, are held by this instance:");
            if (spec.Target.IsClass)
            {
                w.Line("// an array it owns (Clone copies it). A default instance holds zeros.");
                w.Line(GeneratedCode);
                w.Line($"private {n.T}[] _parameters = new {n.T}[ParameterCount];");
                w.Line();
            }
            else
            {
                w.Line("// inline, so a copy of the struct is an independent network and a default instance holds zeros.");
                w.Line(GeneratedCode);
                w.Line("private ParameterStorage _parameters;");
                w.Line();
                w.Line($"/// <summary>{spec.ParameterCount} parameters side by side (sequential layout, no padding between fields of one type), read as a span.</summary>");
                w.Line(GeneratedCode);
                w.Line("[global::System.Runtime.InteropServices.StructLayout(global::System.Runtime.InteropServices.LayoutKind.Sequential)]");
                w.Open("private struct ParameterStorage");
                w.Line("// Only ever read and written through ParametersOf, never by name.");
                w.Line("#pragma warning disable CS0169, CS0649");
                for (int k = 0; k < spec.ParameterCount; k += StorageFieldsPerLine)
                {
                    int first = k;
                    w.Line($"private {n.T} {Join(System.Math.Min(StorageFieldsPerLine, spec.ParameterCount - k), j => $"P{first + j}")};");
                }
                w.Line("#pragma warning restore CS0169, CS0649");
                w.Close();
                w.Line();
                w.Line(GeneratedCode);
                w.Line($"private static {KnownNames.Span}<{n.T}> ParametersOf(ref ParameterStorage storage) => {KnownNames.MemoryMarshal}.Cast<ParameterStorage, {n.T}>({KnownNames.MemoryMarshal}.CreateSpan(ref storage, 1));");
                w.Line();
            }
            w.Line($"// Per thread, never part of the network: the gradient sums of a training step [0, ParameterCount), then the SIMD scratch");
            w.Line($"// of one block of {BlockChunks} chunks: inputs ({BlockChunks} x Inputs vectors), hidden activations ({BlockChunks} x Hidden), outputs ({BlockChunks} x Outputs).");
            w.Line("// Allocated on a thread's first batch call for this type, then reused by every instance on that thread.");
            w.Line(GeneratedCode);
            w.Line("[global::System.ThreadStatic]");
            w.Line($"private static {n.T}[]? _threadScratch;");
            w.Line();
            w.Line(GeneratedCode);
            // Networks with 512-bit kernels size the scratch for whichever vectors SimdPath picks (Vector512 holds 16 floats).
            // The length is written out here, not in a property of its own, so Precompile leaves no call for the JIT.
            string lanes = n.Vector512Twin is null ? $"{n.Vec}.Count" : $"global::System.Math.Max({n.Vec}.Count, 16)";
            w.Line($"private static {n.T}[] ThreadScratch() => _threadScratch ??= new {n.T}[ParameterCount + {BlockChunks} * (InputCount + HiddenCount + OutputCount) * {lanes}];");
            w.Line();
        }

        private static void WriteLoopInitialize(CodeWriter w, NetworkSpec spec, NumericNames n, LoopOffsets o)
        {
            WriteInitializeOpening(w, remark: null);
            // Drawn into this thread's scratch and checked before anything is stored, so a scale that overflows leaves the network
            // unchanged (the scratch holds at least ParameterCount values; no training runs on this thread during the call).
            w.Line($"var p = new {KnownNames.Span}<{n.T}>(ThreadScratch(), 0, ParameterCount);");
            w.Line("p.Clear();");
            string cast = n.IsSingle ? "(float)" : "";
            w.Line($"for (int k = 0; k < {o.B1}; k++) p[k] = {cast}(random.Randn() * scale);");
            w.Line($"for (int k = {o.W2}; k < {o.B2}; k++) p[k] = {cast}(random.Randn() * scale);");
            w.Line($"{KnownNames.NetworkValidation}.RequireFiniteDraws(p, scale);");
            w.Line($"p.CopyTo({LoopParameters(spec, n)});");
            w.Close();
            w.Line();

            w.Line("/// <summary>Sets every parameter to zero: the symmetric start that keeps all hidden units identical.</summary>");
            w.Line(GeneratedCode);
            w.Open("public void InitializeZeros()");
            w.Line($"{LoopParameters(spec, n)}.Clear();");
            w.Close();
            w.Line();
        }

        private static void WriteLoopParameterCopies(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            w.Line("/// <summary>Copies the parameters in the notebook's order: W1 (Hidden x Inputs, row-major), b1, W2 (Outputs x Hidden, row-major), b2.</summary>");
            w.Line("/// <param name=\"destination\">Exactly <see cref=\"ParameterCount\"/> values.</param>");
            w.Line(GeneratedCode);
            w.Open($"public void CopyParametersTo({KnownNames.Span}<{n.T}> destination)");
            w.Line($"{KnownNames.NetworkValidation}.RequireLength(destination.Length, ParameterCount, nameof(destination), \"the parameters W1, b1, W2, b2\");");
            w.Line($"{LoopParameters(spec, n)}.CopyTo(destination);");
            w.Close();
            w.Line();

            w.Line("/// <summary>Loads parameters in the order <see cref=\"CopyParametersTo\"/> writes; every value must be finite.</summary>");
            w.Line("/// <param name=\"source\">Exactly <see cref=\"ParameterCount\"/> finite values.</param>");
            w.Line(GeneratedCode);
            w.Open($"public void LoadParameters({KnownNames.ReadOnlySpan}<{n.T}> source)");
            w.Line($"{KnownNames.NetworkValidation}.RequireLength(source.Length, ParameterCount, nameof(source), \"the parameters W1, b1, W2, b2\");");
            w.Line($"for (int k = 0; k < source.Length; k++) {KnownNames.NetworkValidation}.RequireFinite(source[k], nameof(source), k);");
            w.Line($"source.CopyTo({LoopParameters(spec, n)});");
            w.Close();
            w.Line();
        }

        private static void WriteLoopPredict(CodeWriter w, NetworkSpec spec, NumericNames n, LoopOffsets o)
        {
            var scalar = new Lanes(spec, n, vector: false);
            w.Line("/// <summary>Predicts one sample: scalar loops, no allocation (the hidden layer lives on the stack).");
            w.Line($"/// {ThreadSafeReading}</summary>");
            w.Line("/// <param name=\"input\">The <see cref=\"InputCount\"/> finite features of one sample.</param>");
            w.Line("/// <param name=\"probabilities\">Receives the <see cref=\"OutputCount\"/> output probabilities (class 1 when above 0.5).</param>");
            w.Line(GeneratedCode);
            w.Open($"public void Predict({KnownNames.ReadOnlySpan}<{n.T}> input, {KnownNames.Span}<{n.T}> probabilities)");
            w.Line($"{KnownNames.NetworkValidation}.RequireLength(input.Length, InputCount, nameof(input), \"one value per input feature\");");
            w.Line($"{KnownNames.NetworkValidation}.RequireLength(probabilities.Length, OutputCount, nameof(probabilities), \"one value per output\");");
            w.Line($"for (int i = 0; i < InputCount; i++) if ({n.IsNaN("input[i] - input[i]")}) {KnownNames.NetworkValidation}.RequireFinite(input[i], nameof(input), i);");
            w.Line($"{KnownNames.ReadOnlySpan}<{n.T}> p = {LoopParameters(spec, n)};");
            w.Line($"{KnownNames.Span}<{n.T}> a1 = stackalloc {n.T}[HiddenCount];");
            w.Line($"// Layer 1: {spec.Inputs} inputs -> {spec.Hidden} hidden, {Describe(spec.HiddenActivation)}");
            w.Open("for (int h = 0; h < HiddenCount; h++)");
            w.Line("var row = p.Slice(h * InputCount, InputCount);");
            WriteLoopDot(w, n, $"{n.T} z", $"p[{o.B1} + h]", "i", "row[i]", "input[i]");
            w.Line($"a1[h] = {scalar.Activate(spec.HiddenActivation, "z")};");
            w.Close();
            w.Line($"// Layer 2: {spec.Hidden} hidden -> {spec.Outputs} outputs, sigmoid");
            w.Open("for (int o = 0; o < OutputCount; o++)");
            w.Line($"var row = p.Slice({o.W2} + o * HiddenCount, HiddenCount);");
            WriteLoopDot(w, n, $"{n.T} z", $"p[{o.B2} + o]", "h", "row[h]", "a1[h]");
            w.Line($"probabilities[o] = {KnownNames.VectorMath}.{n.SigmoidKernel}(z);");
            w.Close();
            w.Close();
            w.Line();
        }

        /// <summary>Locals shared by the loop-form batch kernels.</summary>
        private static void WriteLoopPrologue(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            w.Line($"var p = {LoopParameters(spec, n)};");
            w.Line("int m = data.SampleCount;");
            w.Line("var X = data.X;");
            WriteChunkCount(w, n, $"m / {n.Vec}.Count");
            w.Line("var scratch = ThreadScratch();");
            w.Line($"var sv = {KnownNames.MemoryMarshal}.Cast<{n.T}, {n.Vec}>(new {KnownNames.Span}<{n.T}>(scratch, ParameterCount, scratch.Length - ParameterCount));");
            w.Line($"var z2 = sv.Slice({BlockChunks} * (InputCount + HiddenCount), {BlockChunks} * OutputCount);");
            w.Line($"{KnownNames.Span}<{n.T}> t = stackalloc {n.T}[HiddenCount + OutputCount];");
        }

        private static void WriteLoopPredictBatch(CodeWriter w, NetworkSpec spec, NumericNames n) =>
            WritePredictBatchEntry(w, spec, n, names => WriteLoopPredictBatchCore(w, spec, names));

        private static void WriteLoopPredictBatchCore(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            w.Line(GeneratedCode);
            w.Line(HotLoop);
            w.Open($"private void PredictBatchCore{n.Suffix}({KnownNames.DataSet}<{n.T}> data, {KnownNames.Span}<{n.T}> probabilities)");
            WriteLoopPrologue(w, spec, n);
            w.Open($"for (int c0 = 0; c0 < chunks; c0 += {BlockChunks})");
            w.Line($"int nb = global::System.Math.Min({BlockChunks}, chunks - c0);");
            w.Line($"ForwardBlock{n.Suffix}(p, sv, X, m, c0, nb);");
            w.Line("for (int k = 0; k < nb; k++)");
            w.Line("    for (int o = 0; o < OutputCount; o++)");
            w.Line($"        {KnownNames.MemoryMarshal}.Cast<{n.T}, {n.Vec}>(probabilities.Slice(o * m, m))[c0 + k] = {KnownNames.VectorMath}.{n.SigmoidKernel}(z2[k * OutputCount + o]);");
            w.Close();
            w.Open($"for (int s = chunks * {n.Vec}.Count; s < m; s++)");
            w.Line("ForwardSample(p, X, m, s, t);");
            w.Line($"for (int o = 0; o < OutputCount; o++) probabilities[o * m + s] = {KnownNames.VectorMath}.{n.SigmoidKernel}(t[HiddenCount + o]);");
            w.Close();
            w.Close();
            w.Line();
        }

        private static void WriteLoopCost(CodeWriter w, NetworkSpec spec, NumericNames n) =>
            WriteCostEntry(w, spec, n, names => WriteLoopCostCore(w, spec, names));

        private static void WriteLoopCostCore(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            w.Line(GeneratedCode);
            w.Line(HotLoop);
            w.Open($"private {n.T} CostCore{n.Suffix}({KnownNames.DataSet}<{n.T}> data)");
            WriteLoopPrologue(w, spec, n);
            w.Line("var Y = data.Y;");
            w.Line($"var gCost = {n.Vec}.Zero;");
            w.Open($"for (int c0 = 0; c0 < chunks; c0 += {BlockChunks})");
            w.Line($"int nb = global::System.Math.Min({BlockChunks}, chunks - c0);");
            w.Line($"ForwardBlock{n.Suffix}(p, sv, X, m, c0, nb);");
            w.Open("for (int o = 0; o < OutputCount; o++)");
            w.Line($"var vy = {KnownNames.MemoryMarshal}.Cast<{n.T}, {n.Vec}>(Y.Slice(o * m, m));");
            w.Open("for (int k = 0; k < nb; k++)");
            w.Line("var z = z2[k * OutputCount + o];");
            w.Line($"gCost += {KnownNames.VectorMath}.Softplus(z) - vy[c0 + k] * z;");
            w.Close();
            w.Close();
            w.Close();
            w.Line($"{n.T} sCost = {n.VecStatic}.Dot(gCost, {n.Vec}.One);");
            w.Open($"for (int s = chunks * {n.Vec}.Count; s < m; s++)");
            w.Line("ForwardSample(p, X, m, s, t);");
            w.Open("for (int o = 0; o < OutputCount; o++)");
            w.Line("var z = t[HiddenCount + o];");
            w.Line($"sCost += {KnownNames.VectorMath}.Softplus(z) - Y[o * m + s] * z;");
            w.Close();
            w.Close();
            w.Line($"return sCost * ({n.Lit(1)} / m);");
            w.Close();
            w.Line();
        }

        private static void WriteLoopAccuracy(CodeWriter w, NetworkSpec spec, NumericNames n) =>
            WriteAccuracyEntry(w, spec, n, names => WriteLoopAccuracyCore(w, spec, names));

        private static void WriteLoopAccuracyCore(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            w.Line(GeneratedCode);
            w.Line(HotLoop);
            w.Open($"private double AccuracyCore{n.Suffix}({KnownNames.DataSet}<{n.T}> data)");
            WriteLoopPrologue(w, spec, n);
            w.Line("var Y = data.Y;");
            w.Line($"var half = {n.Broadcast(n.Lit(0.5))};");
            w.Line("// Each equal mask lane is -1, so subtracting it counts the correct predictions.");
            w.Line($"var correct = {n.Mask}.Zero;");
            w.Open($"for (int c0 = 0; c0 < chunks; c0 += {BlockChunks})");
            w.Line($"int nb = global::System.Math.Min({BlockChunks}, chunks - c0);");
            w.Line($"ForwardBlock{n.Suffix}(p, sv, X, m, c0, nb);");
            w.Open("for (int o = 0; o < OutputCount; o++)");
            w.Line($"var vy = {KnownNames.MemoryMarshal}.Cast<{n.T}, {n.Vec}>(Y.Slice(o * m, m));");
            w.Line("for (int k = 0; k < nb; k++)");
            w.Line($"    correct -= {n.VecStatic}.Equals({n.AsMask($"{n.VecStatic}.GreaterThan({KnownNames.VectorMath}.{n.SigmoidKernel}(z2[k * OutputCount + o]), half)")}, {n.AsMask($"{n.VecStatic}.Equals(vy[c0 + k], {n.Vec}.One)")});");
            w.Close();
            w.Close();
            w.Line($"long count = {n.VecStatic}.Dot(correct, {n.Mask}.One);");
            w.Open($"for (int s = chunks * {n.Vec}.Count; s < m; s++)");
            w.Line("ForwardSample(p, X, m, s, t);");
            w.Line("for (int o = 0; o < OutputCount; o++)");
            w.Line($"    if (({KnownNames.VectorMath}.{n.SigmoidKernel}(t[HiddenCount + o]) > {n.Lit(0.5)}) == (Y[o * m + s] == {n.Lit(1)})) count++;");
            w.Close();
            w.Line("return (double)count / ((long)OutputCount * m);");
            w.Close();
            w.Line();
        }

        private static void WriteLoopForwardBlock(CodeWriter w, NetworkSpec spec, NumericNames n, LoopOffsets o)
        {
            var vector = new Lanes(spec, n, vector: true);
            w.Line($"/// <summary>Forward pass of chunks c0 .. c0 + nb - 1 (nb at most {BlockChunks}): copies their inputs into the scratch,");
            w.Line("/// leaves the hidden activations and the output pre-activations Z2 there. Same operation order as the unrolled form.");
            w.Line("/// Returns the lanes whose pre-activations were all within PlanarGen.DivergenceRule's bound (training checks them).</summary>");
            w.Line(GeneratedCode);
            w.Line(HotLoop);
            w.Open($"private static {n.Mask} ForwardBlock{n.Suffix}({KnownNames.ReadOnlySpan}<{n.T}> p, {KnownNames.Span}<{n.Vec}> sv, {KnownNames.ReadOnlySpan}<{n.T}> X, int m, int c0, int nb)");
            w.Line($"var xb = sv.Slice(0, {BlockChunks} * InputCount);");
            w.Line($"var a1 = sv.Slice({BlockChunks} * InputCount, {BlockChunks} * HiddenCount);");
            w.Line($"var z2 = sv.Slice({BlockChunks} * (InputCount + HiddenCount), {BlockChunks} * OutputCount);");
            w.Line($"var zero = {n.Vec}.Zero;");
            if (spec.HiddenActivation == Activation.LeakyReLU) w.Line($"var slope = {n.Broadcast(n.Lit(spec.LeakySlope))};");
            WriteBoundLocals(w, n, vector: true);
            w.Open("for (int i = 0; i < InputCount; i++)");
            w.Line($"var row = {KnownNames.MemoryMarshal}.Cast<{n.T}, {n.Vec}>(X.Slice(i * m, m));");
            w.Line("for (int k = 0; k < nb; k++) xb[k * InputCount + i] = row[c0 + k];");
            w.Close();
            w.Open("for (int k = 0; k < nb; k++)");
            w.Line("var xk = xb.Slice(k * InputCount, InputCount);");
            w.Line("var ak = a1.Slice(k * HiddenCount, HiddenCount);");
            w.Line($"// Layer 1: {spec.Inputs} inputs -> {spec.Hidden} hidden, {Describe(spec.HiddenActivation)}");
            w.Open("for (int h = 0; h < HiddenCount; h++)");
            w.Line("var row = p.Slice(h * InputCount, InputCount);");
            WriteLoopDot(w, n, "var z", n.Broadcast($"p[{o.B1} + h]"), "i", n.Broadcast("row[i]"), "xk[i]");
            w.Line(vector.CheckBound("z"));
            w.Line($"ak[h] = {vector.Activate(spec.HiddenActivation, "z")};");
            w.Close();
            w.Line($"// Layer 2: {spec.Hidden} hidden -> {spec.Outputs} outputs, sigmoid (applied by the caller)");
            w.Open("for (int o = 0; o < OutputCount; o++)");
            w.Line($"var row = p.Slice({o.W2} + o * HiddenCount, HiddenCount);");
            WriteLoopDot(w, n, "var z", n.Broadcast($"p[{o.B2} + o]"), "h", n.Broadcast("row[h]"), "ak[h]");
            w.Line(vector.CheckBound("z"));
            w.Line("z2[k * OutputCount + o] = z;");
            w.Close();
            w.Close();
            w.Line("return inBounds;");
            w.Close();
            w.Line();
        }

        private static void WriteLoopForwardSample(CodeWriter w, NetworkSpec spec, NumericNames n, LoopOffsets o)
        {
            var scalar = new Lanes(spec, n, vector: false);
            w.Line("/// <summary>Forward pass of sample s: t[0, Hidden) receives the hidden activations, t[Hidden, Hidden + Outputs) Z2.");
            w.Line("/// Returns whether its pre-activations were all within PlanarGen.DivergenceRule's bound (training checks it).</summary>");
            w.Line(GeneratedCode);
            w.Open($"private static bool ForwardSample({KnownNames.ReadOnlySpan}<{n.T}> p, {KnownNames.ReadOnlySpan}<{n.T}> X, int m, int s, {KnownNames.Span}<{n.T}> t)");
            WriteBoundLocals(w, n, vector: false);
            w.Open("for (int h = 0; h < HiddenCount; h++)");
            w.Line("var row = p.Slice(h * InputCount, InputCount);");
            WriteLoopDot(w, n, $"{n.T} z", $"p[{o.B1} + h]", "i", "row[i]", "X[i * m + s]");
            w.Line(scalar.CheckBound("z"));
            w.Line($"t[h] = {scalar.Activate(spec.HiddenActivation, "z")};");
            w.Close();
            w.Open("for (int o = 0; o < OutputCount; o++)");
            w.Line($"var row = p.Slice({o.W2} + o * HiddenCount, HiddenCount);");
            WriteLoopDot(w, n, $"{n.T} z", $"p[{o.B2} + o]", "h", "row[h]", "t[h]");
            w.Line(scalar.CheckBound("z"));
            w.Line("t[HiddenCount + o] = z;");
            w.Close();
            w.Line("return inBound;");
            w.Close();
            w.Line();
        }

        /// <summary>z = sum over the row of weight * input, plus the bias, in the unrolled form's order and rounding: when fused the
        /// bias first and then one multiply-add per term (see NumericNames.SumOfProducts); else the plain sum, bias last.</summary>
        private static void WriteLoopDot(CodeWriter w, NumericNames n, string declaration, string bias, string index, string weight, string input)
        {
            if (n.Fused)
            {
                w.Line($"{declaration} = {bias};");
                w.Line($"for (int {index} = 0; {index} < row.Length; {index}++) z = {n.MulAdd(weight, input, "z")};");
            }
            else
            {
                w.Line($"{declaration} = {(declaration.StartsWith("var") ? "zero" : n.Lit(0))};");
                w.Line($"for (int {index} = 0; {index} < row.Length; {index}++) z += {weight} * {input};");
                w.Line($"z += {bias};");
            }
        }
    }
}
