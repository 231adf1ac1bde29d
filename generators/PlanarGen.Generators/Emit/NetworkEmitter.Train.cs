using System.Linq;
using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    internal static partial class NetworkEmitter
    {
        private static void WriteTrain(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            w.Line("/// <summary>One full-batch gradient-descent iteration; returns the cost computed before the update, as the notebook's loop does.</summary>");
            w.Line("/// <param name=\"data\">A labelled data set of this network's shape.</param>");
            w.Line("/// <param name=\"learningRate\">Step size; finite and positive.</param>");
            w.Line("/// <exception cref=\"global::PlanarGen.TrainingDivergedException\">The cost, a gradient or an updated parameter is not finite; the parameters are left unchanged.</exception>");
            w.Line(GeneratedCode);
            w.Open($"public {n.T} TrainStep({KnownNames.DataSet}<{n.T}> data, {n.T} learningRate)");
            w.Line("RequireData(data, needsLabels: true);");
            w.Line($"{KnownNames.NetworkValidation}.RequireLearningRate(learningRate);");
            w.Line($"if (!StepCore(data, learningRate, true, out {n.T} cost)) throw {KnownNames.NetworkValidation}.Diverged(NetworkName, cost);");
            w.Line("return cost;");
            w.Close();
            w.Line();

            w.Line("/// <summary>Runs <see cref=\"global::PlanarGen.TrainingOptions.Iterations\"/> gradient-descent iterations; stops early if training diverges.</summary>");
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
            w.Line("/// If a cost, gradient or updated parameter becomes non-finite, training stops, the result says at which iteration,");
            w.Line("/// and the network keeps the parameters from before that update.");
            w.Line("/// </summary>");
            w.Line("/// <param name=\"data\">A labelled data set of this network's shape.</param>");
            w.Line("/// <param name=\"options\">Iterations, learning rate and report interval.</param>");
            w.Line("/// <param name=\"observer\">A struct observer, called directly (no allocation).</param>");
            w.Line(GeneratedCode);
            w.Line($"[{KnownNames.MethodImpl}({KnownNames.AggressiveOptimization})]");
            w.Open($"public {KnownNames.TrainingResult} Train<TObserver>({KnownNames.DataSet}<{n.T}> data, {KnownNames.TrainingOptions} options, ref TObserver observer) where TObserver : struct, {KnownNames.ITrainingObserver}");
            w.Line("RequireData(data, needsLabels: true);");
            w.Line("options.Validate();");
            w.Line($"{n.T} learningRate = ({n.T})options.LearningRate;");
            w.Line(n.IsSingle
                ? $"{KnownNames.NetworkValidation}.RequireLearningRate(options.LearningRate, learningRate);"
                : $"{KnownNames.NetworkValidation}.RequireLearningRate(learningRate);");
            w.Line("int lastIteration = -1;");
            w.Line("double lastCost = double.NaN;");
            w.Open("for (int iteration = 0; iteration < options.Iterations; iteration++)");
            w.Line("bool report = options.Reports(iteration);");
            w.Line($"bool finite = StepCore(data, learningRate, report, out {n.T} cost);");
            w.Open("if (report)");
            w.Line("lastIteration = iteration;");
            w.Line("lastCost = cost;");
            w.Close();
            w.Line($"if (!finite) return new {KnownNames.TrainingResult}(iteration, lastIteration, lastCost, iteration);");
            w.Line("if (report) observer.OnCost(iteration, cost);");
            w.Close();
            w.Line($"return new {KnownNames.TrainingResult}(options.Iterations, lastIteration, lastCost, -1);");
            w.Close();
            w.Line();
        }

        private static void WriteStepCore(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            string[] names = ParameterNames(spec).ToArray();
            w.Line("/// <summary>Forward and backward fused per chunk of samples, gradient sums in locals, then the update.");
            w.Line("/// Returns false, leaving the parameters unchanged, when the cost (if computed), a gradient or a new parameter is not finite.</summary>");
            w.Line(GeneratedCode);
            w.Line($"[{KnownNames.MethodImpl}({KnownNames.AggressiveOptimization})]");
            w.Open($"private bool StepCore({KnownNames.DataSet}<{n.T}> data, {n.T} learningRate, bool withCost, out {n.T} cost)");
            WriteBatchPrologue(w, spec, n, labels: true);
            foreach (string name in names) w.Line($"var g{name} = {n.Vec}.Zero;");

            w.Open("for (int c = 0; c < chunks; c++)");
            WriteSampleBlock(w, new Lanes(spec, n, vector: true), "g");
            w.Close();

            w.Line("// Horizontal sums of the lanes, then the scalar tail adds the remaining samples.");
            foreach (string name in names) w.Line($"{n.T} s{name} = {KnownNames.Vector}.Dot(g{name}, one);");
            w.Open($"for (int s = chunks * {n.Vec}.Count; s < m; s++)");
            WriteSampleBlock(w, new Lanes(spec, n, vector: false), "s");
            w.Close();

            w.Line($"{n.T} invM = {n.Lit(1)} / m;");
            w.Line("// The cost, only when asked for: a separate pass over the same parameters (the same sums as Cost), which keeps");
            w.Line("// the softplus out of the hot loop.");
            w.Line($"cost = withCost ? CostCore(data) : {n.Lit(0)};");
            w.Line("// Update P = P - learningRate * (1/m) * sum, and probe: x * 0 is NaN exactly when x is not finite.");
            w.Line($"{n.T} probe = withCost ? cost * {n.Lit(0)} : {n.Lit(0)};");
            foreach (string name in names)
            {
                w.Line($"s{name} = {name} - learningRate * (invM * s{name});");
                w.Line($"probe += s{name} * {n.Lit(0)};");
            }
            w.Line($"if ({n.IsNaN("probe")}) return false;");
            foreach (string name in names) w.Line($"{name} = s{name};");
            w.Line("return true;");
            w.Close();
            w.Line();
        }

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
                for (int h = 0; h < spec.Hidden; h++) w.Line($"{sum}{W2(o, h)} += dz2_{o} * a1_{h};");
            }
            w.Line($"// dZ1 = (W2^T dZ2) * g'(Z1)");
            for (int h = 0; h < spec.Hidden; h++)
            {
                int hh = h;
                w.Line($"var dz1_{h} = ({Join(spec.Outputs, o => $"{lanes.P(W2(o, hh))} * dz2_{o}", " + ")}) * {lanes.Derivative(spec.HiddenActivation, $"z1_{h}", $"a1_{h}")};");
                w.Line($"{sum}{B1(h)} += dz1_{h};");
                for (int i = 0; i < spec.Inputs; i++) w.Line($"{sum}{W1(h, i)} += dz1_{h} * x{i};");
            }
        }
    }
}
