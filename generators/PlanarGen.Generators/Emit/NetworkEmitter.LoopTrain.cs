using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    internal static partial class NetworkEmitter
    {
        /// <summary>The loop form's training step: forward and backward per block of chunks, gradient sums in the per-thread
        /// scratch (lane-wise over the block, then one horizontal sum), a scalar tail, then the checked update.</summary>
        private static void WriteLoopStepCore(CodeWriter w, NetworkSpec spec, NumericNames n, LoopOffsets o)
        {
            var vector = new Lanes(spec, n, vector: true);
            var scalar = new Lanes(spec, n, vector: false);
            w.Line("/// <summary>Forward and backward per block of chunks, gradient sums in this thread's scratch, then the update.");
            w.Line("/// Returns false, leaving the parameters unchanged, when the step diverged by PlanarGen.DivergenceRule: a pre-activation beyond");
            w.Line("/// the bound or NaN, or a gradient, new parameter or (if computed) the cost not finite.</summary>");
            w.Line(GeneratedCode);
            w.Line(HotLoop);
            w.Open($"private bool StepCore{n.Suffix}({KnownNames.DataSet}<{n.T}> data, {n.T} learningRate, bool withCost, out {n.T} cost)");
            WriteLoopPrologue(w, spec, n);
            w.Line("var Y = data.Y;");
            w.Line($"var xb = sv.Slice(0, {BlockChunks} * InputCount);");
            w.Line($"var a1 = sv.Slice({BlockChunks} * InputCount, {BlockChunks} * HiddenCount);");
            w.Line("var one = " + n.Vec + ".One;");
            w.Line("var zero = " + n.Vec + ".Zero;");
            if (spec.HiddenActivation == Activation.LeakyReLU) w.Line($"var slope = {n.Broadcast(n.Lit(spec.LeakySlope))};");
            w.Line($"var g = new {KnownNames.Span}<{n.T}>(scratch, 0, ParameterCount);");
            w.Line("g.Clear();");
            w.Line($"var gCost = {n.Vec}.Zero;");
            w.Line("// DivergenceRule: ForwardBlock and ForwardSample return whether every pre-activation was within the bound.");
            w.Line($"var inBounds = {n.AllLanes};");

            w.Open($"for (int c0 = 0; c0 < chunks; c0 += {BlockChunks})");
            w.Line($"int nb = global::System.Math.Min({BlockChunks}, chunks - c0);");
            w.Line($"inBounds &= ForwardBlock{n.Suffix}(p, sv, X, m, c0, nb);");
            w.Line("// Backward: sigmoid with cross-entropy gives dZ2 = A2 - Y (written over Z2); its cost term is softplus(z) - y z.");
            w.Open("for (int o = 0; o < OutputCount; o++)");
            w.Line($"var vy = {KnownNames.MemoryMarshal}.Cast<{n.T}, {n.Vec}>(Y.Slice(o * m, m));");
            w.Open("for (int k = 0; k < nb; k++)");
            w.Line("var z = z2[k * OutputCount + o];");
            w.Line("var y = vy[c0 + k];");
            w.Line($"if (withCost) gCost += {KnownNames.VectorMath}.Softplus(z) - y * z;");
            w.Line($"z2[k * OutputCount + o] = {KnownNames.VectorMath}.{n.SigmoidKernel}(z) - y;");
            w.Close();
            w.Close();
            w.Line("// dW2 += dZ2 A1^T, db2 += sum dZ2: lane sums over the block, then one horizontal sum each.");
            w.Open("for (int o = 0; o < OutputCount; o++)");
            w.Line("var db = zero;");
            w.Line("for (int k = 0; k < nb; k++) db += z2[k * OutputCount + o];");
            w.Line($"g[{o.B2} + o] += {n.VecStatic}.Dot(db, one);");
            w.Line($"var gRow = g.Slice({o.W2} + o * HiddenCount, HiddenCount);");
            w.Open("for (int h = 0; h < gRow.Length; h++)");
            w.Line("var acc = zero;");
            w.Line("for (int k = 0; k < nb; k++) acc += z2[k * OutputCount + o] * a1[k * HiddenCount + h];");
            w.Line($"gRow[h] += {n.VecStatic}.Dot(acc, one);");
            w.Close();
            w.Close();
            w.Line("// dZ1 = (W2^T dZ2) * g'(Z1), written over A1 (g' is taken from the activation).");
            w.Open("for (int k = 0; k < nb; k++)");
            w.Open("for (int h = 0; h < HiddenCount; h++)");
            w.Line("var d = zero;");
            w.Line($"for (int o = 0; o < OutputCount; o++) d += {n.Broadcast($"p[{o.W2} + o * HiddenCount + h]")} * z2[k * OutputCount + o];");
            w.Line("var a = a1[k * HiddenCount + h];");
            w.Line($"a1[k * HiddenCount + h] = d * {vector.Derivative(spec.HiddenActivation, "a", "a")};");
            w.Close();
            w.Close();
            w.Line("// dW1 += dZ1 X^T, db1 += sum dZ1.");
            w.Open("for (int h = 0; h < HiddenCount; h++)");
            w.Line("var db = zero;");
            w.Line("for (int k = 0; k < nb; k++) db += a1[k * HiddenCount + h];");
            w.Line($"g[{o.B1} + h] += {n.VecStatic}.Dot(db, one);");
            w.Line("var gRow = g.Slice(h * InputCount, InputCount);");
            w.Open($"if (nb == {BlockChunks})");
            w.Line($"var d0 = a1[h]; var d1 = a1[HiddenCount + h]; var d2 = a1[2 * HiddenCount + h]; var d3 = a1[3 * HiddenCount + h];");
            w.Line("var x0 = xb.Slice(0, InputCount); var x1 = xb.Slice(InputCount, InputCount); var x2 = xb.Slice(2 * InputCount, InputCount); var x3 = xb.Slice(3 * InputCount, InputCount);");
            w.Line($"for (int i = 0; i < gRow.Length; i++) gRow[i] += {n.VecStatic}.Dot(d0 * x0[i] + d1 * x1[i] + d2 * x2[i] + d3 * x3[i], one);");
            w.Close();
            w.Open("else");
            w.Open("for (int i = 0; i < gRow.Length; i++)");
            w.Line("var acc = zero;");
            w.Line("for (int k = 0; k < nb; k++) acc += a1[k * HiddenCount + h] * xb[k * InputCount + i];");
            w.Line($"gRow[i] += {n.VecStatic}.Dot(acc, one);");
            w.Close();
            w.Close();
            w.Close();
            w.Close();

            w.Line("// Horizontal sum of the cost lanes, then the scalar tail adds the remaining samples.");
            w.Line($"{n.T} sCost = {n.VecStatic}.Dot(gCost, one);");
            w.Line($"bool inBound = {n.VecStatic}.EqualsAll(inBounds, {n.AllLanes});");
            w.Open($"for (int s = chunks * {n.Vec}.Count; s < m; s++)");
            w.Line("inBound &= ForwardSample(p, X, m, s, t);");
            w.Open("for (int o = 0; o < OutputCount; o++)");
            w.Line("var z = t[HiddenCount + o];");
            w.Line("var y = Y[o * m + s];");
            w.Line($"if (withCost) sCost += {KnownNames.VectorMath}.Softplus(z) - y * z;");
            w.Line($"var dz = {KnownNames.VectorMath}.{n.SigmoidKernel}(z) - y;");
            w.Line("t[HiddenCount + o] = dz;");
            w.Line($"g[{o.B2} + o] += dz;");
            w.Line($"var gRow = g.Slice({o.W2} + o * HiddenCount, HiddenCount);");
            w.Line("for (int h = 0; h < gRow.Length; h++) gRow[h] += dz * t[h];");
            w.Close();
            w.Open("for (int h = 0; h < HiddenCount; h++)");
            w.Line($"{n.T} d = {n.Lit(0)};");
            w.Line($"for (int o = 0; o < OutputCount; o++) d += p[{o.W2} + o * HiddenCount + h] * t[HiddenCount + o];");
            w.Line("var a = t[h];");
            w.Line($"var dz = d * {scalar.Derivative(spec.HiddenActivation, "a", "a")};");
            w.Line($"g[{o.B1} + h] += dz;");
            w.Line("var gRow = g.Slice(h * InputCount, InputCount);");
            w.Line("for (int i = 0; i < gRow.Length; i++) gRow[i] += dz * X[i * m + s];");
            w.Close();
            w.Close();

            w.Line($"{n.T} invM = {n.Lit(1)} / m;");
            w.Line("cost = sCost * invM;");
            w.Line("// Update P = P - learningRate * (1/m) * sum into the gradient region, and probe: x * 0 is NaN exactly when x is not finite.");
            w.Line($"{n.T} probe = withCost ? cost * {n.Lit(0)} : {n.Lit(0)};");
            w.Open("for (int k = 0; k < g.Length; k++)");
            w.Line("var v = p[k] - learningRate * (invM * g[k]);");
            w.Line("g[k] = v;");
            w.Line($"probe += v * {n.Lit(0)};");
            w.Close();
            w.Line($"if (!inBound || {n.IsNaN("probe")}) return false;");
            w.Line("g.CopyTo(p);");
            w.Line("return true;");
            w.Close();
            w.Line();
        }
    }
}
