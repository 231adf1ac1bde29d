using System.Threading;
using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    /// <summary>
    /// The loop form, used above <see cref="Parsing.NetworkRules.UnrolledParameterBudget"/> parameters: the same public
    /// members as the unrolled form, but loops over one array that holds the parameters (notebook order), the gradient
    /// sums and the SIMD scratch of one block of samples. The array is allocated by Initialize, InitializeZeros and
    /// LoadParameters; the hot paths (Predict, PredictBatch, Cost, Accuracy, TrainStep, Train) never allocate.
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
            WriteLoopParameterCopies(w, n);
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

        private static void WriteLoopStorage(CodeWriter w, NetworkSpec spec, NumericNames n, LoopOffsets o)
        {
            w.Line($"// Loop form ({spec.ParameterCount} parameters, above the unrolling budget): one array holds");
            w.Line($"// [0, ParameterCount) the parameters in the notebook's order: W1 (Hidden x Inputs) at 0, b1 at {o.B1}, W2 (Outputs x Hidden) at {o.W2}, b2 at {o.B2};");
            w.Line("// [ParameterCount, 2 ParameterCount) the gradient sums of a training step;");
            w.Line($"// then the SIMD scratch of one block of {BlockChunks} chunks: inputs ({BlockChunks} x Inputs vectors), hidden activations ({BlockChunks} x Hidden), outputs ({BlockChunks} x Outputs).");
            w.Line("// Copies of the struct share the array until one of them calls Initialize, InitializeZeros or LoadParameters.");
            w.Line(GeneratedCode);
            w.Line($"private {n.T}[]? _p;");
            w.Line();
            w.Line(GeneratedCode);
            // Networks with 512-bit kernels size the scratch for whichever vectors SimdPath picks (Vector512 holds 16 floats).
            string lanes = n.Vector512Twin is null ? $"{n.Vec}.Count" : $"global::System.Math.Max({n.Vec}.Count, 16)";
            w.Line($"private static int StorageLength => 2 * ParameterCount + {BlockChunks} * (InputCount + HiddenCount + OutputCount) * {lanes};");
            w.Line();
            w.Line(GeneratedCode);
            w.Line($"private {n.T}[] RequireParameters() => _p ?? throw new global::System.InvalidOperationException(NetworkName + \" has no parameters yet: a network this large keeps them in an array, so call Initialize, InitializeZeros or LoadParameters before using it (a default instance holds none).\");");
            w.Line();
        }

        private static void WriteLoopInitialize(CodeWriter w, NetworkSpec spec, NumericNames n, LoopOffsets o)
        {
            WriteInitializeOpening(w, "This network is large enough to keep its parameters in an array: this call allocates it (once; training reuses it).");
            w.Line($"var p = new {n.T}[StorageLength];");
            string cast = n.IsSingle ? "(float)" : "";
            w.Line($"for (int k = 0; k < {o.B1}; k++) p[k] = {cast}(random.Randn() * scale);");
            w.Line($"for (int k = {o.W2}; k < {o.B2}; k++) p[k] = {cast}(random.Randn() * scale);");
            w.Line($"{KnownNames.NetworkValidation}.RequireFiniteDraws(new {KnownNames.ReadOnlySpan}<{n.T}>(p, 0, ParameterCount), scale);");
            w.Line("_p = p;");
            w.Close();
            w.Line();

            w.Line("/// <summary>Sets every parameter to zero: the symmetric start that keeps all hidden units identical. Allocates the parameter array.</summary>");
            w.Line(GeneratedCode);
            w.Open("public void InitializeZeros()");
            w.Line($"_p = new {n.T}[StorageLength];");
            w.Close();
            w.Line();
        }

        private static void WriteLoopParameterCopies(CodeWriter w, NumericNames n)
        {
            w.Line("/// <summary>Copies the parameters in the notebook's order: W1 (Hidden x Inputs, row-major), b1, W2 (Outputs x Hidden, row-major), b2.</summary>");
            w.Line("/// <param name=\"destination\">Exactly <see cref=\"ParameterCount\"/> values.</param>");
            w.Line("/// <exception cref=\"global::System.InvalidOperationException\">The network has not been initialised or loaded.</exception>");
            w.Line(GeneratedCode);
            w.Open($"public void CopyParametersTo({KnownNames.Span}<{n.T}> destination)");
            w.Line($"{KnownNames.NetworkValidation}.RequireLength(destination.Length, ParameterCount, nameof(destination), \"the parameters W1, b1, W2, b2\");");
            w.Line($"new {KnownNames.ReadOnlySpan}<{n.T}>(RequireParameters(), 0, ParameterCount).CopyTo(destination);");
            w.Close();
            w.Line();

            w.Line("/// <summary>Loads parameters in the order <see cref=\"CopyParametersTo\"/> writes; every value must be finite.");
            w.Line("/// Allocates a fresh parameter array, so a copy of this struct made earlier keeps its own parameters.</summary>");
            w.Line("/// <param name=\"source\">Exactly <see cref=\"ParameterCount\"/> finite values.</param>");
            w.Line(GeneratedCode);
            w.Open($"public void LoadParameters({KnownNames.ReadOnlySpan}<{n.T}> source)");
            w.Line($"{KnownNames.NetworkValidation}.RequireLength(source.Length, ParameterCount, nameof(source), \"the parameters W1, b1, W2, b2\");");
            w.Line($"for (int k = 0; k < source.Length; k++) {KnownNames.NetworkValidation}.RequireFinite(source[k], nameof(source), k);");
            w.Line($"var p = new {n.T}[StorageLength];");
            w.Line($"source.CopyTo(p);");
            w.Line("_p = p;");
            w.Close();
            w.Line();
        }

        private static void WriteLoopPredict(CodeWriter w, NetworkSpec spec, NumericNames n, LoopOffsets o)
        {
            var scalar = new Lanes(spec, n, vector: false);
            w.Line("/// <summary>Predicts one sample: scalar loops, no allocation (the hidden layer lives on the stack).</summary>");
            w.Line("/// <param name=\"input\">The <see cref=\"InputCount\"/> finite features of one sample.</param>");
            w.Line("/// <param name=\"probabilities\">Receives the <see cref=\"OutputCount\"/> output probabilities (class 1 when above 0.5).</param>");
            w.Line("/// <exception cref=\"global::System.InvalidOperationException\">The network has not been initialised or loaded.</exception>");
            w.Line(GeneratedCode);
            w.Open($"public void Predict({KnownNames.ReadOnlySpan}<{n.T}> input, {KnownNames.Span}<{n.T}> probabilities)");
            w.Line($"{KnownNames.NetworkValidation}.RequireLength(input.Length, InputCount, nameof(input), \"one value per input feature\");");
            w.Line($"{KnownNames.NetworkValidation}.RequireLength(probabilities.Length, OutputCount, nameof(probabilities), \"one value per output\");");
            w.Line($"for (int i = 0; i < InputCount; i++) if ({n.IsNaN("input[i] - input[i]")}) {KnownNames.NetworkValidation}.RequireFinite(input[i], nameof(input), i);");
            w.Line("var p = RequireParameters();");
            w.Line($"{KnownNames.Span}<{n.T}> a1 = stackalloc {n.T}[HiddenCount];");
            w.Line($"// Layer 1: {spec.Inputs} inputs -> {spec.Hidden} hidden, {Describe(spec.HiddenActivation)}");
            w.Open("for (int h = 0; h < HiddenCount; h++)");
            w.Line($"var row = new {KnownNames.ReadOnlySpan}<{n.T}>(p, h * InputCount, InputCount);");
            WriteLoopDot(w, n, $"{n.T} z", $"p[{o.B1} + h]", "i", "row[i]", "input[i]");
            w.Line($"a1[h] = {scalar.Activate(spec.HiddenActivation, "z")};");
            w.Close();
            w.Line($"// Layer 2: {spec.Hidden} hidden -> {spec.Outputs} outputs, sigmoid");
            w.Open("for (int o = 0; o < OutputCount; o++)");
            w.Line($"var row = new {KnownNames.ReadOnlySpan}<{n.T}>(p, {o.W2} + o * HiddenCount, HiddenCount);");
            WriteLoopDot(w, n, $"{n.T} z", $"p[{o.B2} + o]", "h", "row[h]", "a1[h]");
            w.Line($"probabilities[o] = {KnownNames.VectorMath}.{n.SigmoidKernel}(z);");
            w.Close();
            w.Close();
            w.Line();
        }

        /// <summary>Locals shared by the loop-form batch kernels.</summary>
        private static void WriteLoopPrologue(CodeWriter w, NumericNames n)
        {
            w.Line("var p = RequireParameters();");
            w.Line("int m = data.SampleCount;");
            w.Line("var X = data.X;");
            WriteChunkCount(w, n, $"m / {n.Vec}.Count");
            w.Line($"var sv = {KnownNames.MemoryMarshal}.Cast<{n.T}, {n.Vec}>(new {KnownNames.Span}<{n.T}>(p, 2 * ParameterCount, p.Length - 2 * ParameterCount));");
            w.Line($"var z2 = sv.Slice({BlockChunks} * (InputCount + HiddenCount), {BlockChunks} * OutputCount);");
            w.Line($"{KnownNames.Span}<{n.T}> t = stackalloc {n.T}[HiddenCount + OutputCount];");
        }

        private static void WriteLoopPredictBatch(CodeWriter w, NetworkSpec spec, NumericNames n) =>
            WritePredictBatchEntry(w, spec, n, names => WriteLoopPredictBatchCore(w, names));

        private static void WriteLoopPredictBatchCore(CodeWriter w, NumericNames n)
        {
            w.Line(GeneratedCode);
            w.Line(HotLoop);
            w.Open($"private void PredictBatchCore{n.Suffix}({KnownNames.DataSet}<{n.T}> data, {KnownNames.Span}<{n.T}> probabilities)");
            WriteLoopPrologue(w, n);
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
            WriteCostEntry(w, spec, n, names => WriteLoopCostCore(w, names));

        private static void WriteLoopCostCore(CodeWriter w, NumericNames n)
        {
            w.Line(GeneratedCode);
            w.Line(HotLoop);
            w.Open($"private {n.T} CostCore{n.Suffix}({KnownNames.DataSet}<{n.T}> data)");
            WriteLoopPrologue(w, n);
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
            WriteAccuracyEntry(w, spec, n, names => WriteLoopAccuracyCore(w, names));

        private static void WriteLoopAccuracyCore(CodeWriter w, NumericNames n)
        {
            w.Line(GeneratedCode);
            w.Line(HotLoop);
            w.Open($"private double AccuracyCore{n.Suffix}({KnownNames.DataSet}<{n.T}> data)");
            WriteLoopPrologue(w, n);
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
            w.Open($"private static {n.Mask} ForwardBlock{n.Suffix}({n.T}[] p, {KnownNames.Span}<{n.Vec}> sv, {KnownNames.ReadOnlySpan}<{n.T}> X, int m, int c0, int nb)");
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
            w.Line($"var row = new {KnownNames.ReadOnlySpan}<{n.T}>(p, h * InputCount, InputCount);");
            WriteLoopDot(w, n, "var z", n.Broadcast($"p[{o.B1} + h]"), "i", n.Broadcast("row[i]"), "xk[i]");
            w.Line(vector.CheckBound("z"));
            w.Line($"ak[h] = {vector.Activate(spec.HiddenActivation, "z")};");
            w.Close();
            w.Line($"// Layer 2: {spec.Hidden} hidden -> {spec.Outputs} outputs, sigmoid (applied by the caller)");
            w.Open("for (int o = 0; o < OutputCount; o++)");
            w.Line($"var row = new {KnownNames.ReadOnlySpan}<{n.T}>(p, {o.W2} + o * HiddenCount, HiddenCount);");
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
            w.Open($"private static bool ForwardSample({n.T}[] p, {KnownNames.ReadOnlySpan}<{n.T}> X, int m, int s, {KnownNames.Span}<{n.T}> t)");
            WriteBoundLocals(w, n, vector: false);
            w.Open("for (int h = 0; h < HiddenCount; h++)");
            w.Line($"var row = new {KnownNames.ReadOnlySpan}<{n.T}>(p, h * InputCount, InputCount);");
            WriteLoopDot(w, n, $"{n.T} z", $"p[{o.B1} + h]", "i", "row[i]", "X[i * m + s]");
            w.Line(scalar.CheckBound("z"));
            w.Line($"t[h] = {scalar.Activate(spec.HiddenActivation, "z")};");
            w.Close();
            w.Open("for (int o = 0; o < OutputCount; o++)");
            w.Line($"var row = new {KnownNames.ReadOnlySpan}<{n.T}>(p, {o.W2} + o * HiddenCount, HiddenCount);");
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
