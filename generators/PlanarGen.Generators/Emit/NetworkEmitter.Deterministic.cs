using System.Threading;
using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    /// <summary>
    /// [Network(Deterministic = true)]: the loop form's parameter storage (a span in notebook order), initialisation and copies,
    /// with Predict, PredictBatch, Cost, Accuracy, TrainStep and Train as thin calls of the runtime's
    /// PlanarGen.DeterministicNetwork, whose kernels give the same bits on every host (docs/determinism.md). No Vector512 twins
    /// and no fused multiply-adds: the kernels choose their own vectors, which never change the result.
    /// </summary>
    internal static partial class NetworkEmitter
    {
        private const string DeterministicNetwork = "global::PlanarGen.DeterministicNetwork";

        private static void WriteDeterministicBody(CodeWriter w, NetworkSpec spec, Spelling n, CancellationToken ct)
        {
            WriteLoopStorage(w, spec, n);
            WriteLoopInitialize(w, spec, n);
            WriteLoopParameterCopies(w, spec, n);
            ct.ThrowIfCancellationRequested();
            WriteDeterministicPredict(w, spec, n);
            WriteDeterministicTrain(w, spec, n);
            WriteTrainingStateMembers(w, spec, n);
            WriteTrainFor(w, spec, n);
        }

        /// <summary>The shape argument of every kernel call (a struct built in place, nothing allocated).</summary>
        private static string KernelShape(NetworkSpec spec) => ShapeExpression(spec);

        private const string DeterministicRemark = "Deterministic: the same bits on every host (PlanarGen.DeterministicNetwork).";

        private static void WriteDeterministicPredict(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            string p = LoopParameters(spec, n), shape = KernelShape(spec);
            w.Line("/// <summary>Predicts one sample; the same bits as its column of PredictBatch. " + DeterministicRemark);
            w.Line($"/// {ThreadSafeReading}</summary>");
            w.Line("/// <param name=\"input\">The <see cref=\"InputCount\"/> finite features of one sample.</param>");
            w.Line($"/// <param name=\"probabilities\">Receives the <see cref=\"OutputCount\"/> {OutputsDoc(spec)}.</param>");
            w.Line(GeneratedCode);
            w.Open($"public void Predict({KnownNames.ReadOnlySpan}<{n.T}> input, {KnownNames.Span}<{n.T}> probabilities)");
            w.Line($"{KnownNames.NetworkValidation}.RequireLength(input.Length, InputCount, nameof(input), \"one value per input feature\");");
            w.Line($"{KnownNames.NetworkValidation}.RequireLength(probabilities.Length, OutputCount, nameof(probabilities), \"one value per output\");");
            w.Line($"for (int i = 0; i < InputCount; i++) if ({n.IsNaN("input[i] - input[i]")}) {KnownNames.NetworkValidation}.RequireFinite(input[i], nameof(input), i);");
            w.Line($"{DeterministicNetwork}.Predict({p}, {shape}, input, probabilities);");
            w.Close();
            w.Line();

            w.Line("/// <summary>Predicts every sample of <paramref name=\"data\"/> (no allocation). " + DeterministicRemark);
            w.Line($"/// {ThreadSafeReading}</summary>");
            w.Line("/// <param name=\"data\">Samples with <see cref=\"InputCount\"/> features; labels are not needed.</param>");
            w.Line($"/// <param name=\"probabilities\">Receives OutputCount x SampleCount {(IsSigmoidOutput(spec) ? "probabilities" : OutputsDoc(spec))}, row-major like Y; must not overlap the");
            w.Line("/// features, unless it is exactly the same memory.</param>");
            w.Line(GeneratedCode);
            w.Line(HotLoop);
            w.Open($"public void PredictBatch({KnownNames.DataSet}<{n.T}> data, {KnownNames.Span}<{n.T}> probabilities)");
            w.Line("RequireData(data, needsLabels: false);");
            w.Line($"{KnownNames.NetworkValidation}.RequireLength(probabilities.Length, (long)OutputCount * data.SampleCount, nameof(probabilities), \"OutputCount x SampleCount probabilities\");");
            w.Line($"{KnownNames.NetworkValidation}.RequireSeparate(data.X, probabilities, \"data.X\", nameof(probabilities));");
            w.Line($"{DeterministicNetwork}.PredictBatch({p}, {shape}, data, probabilities);");
            w.Close();
            w.Line();

            w.Line($"/// <summary>{CostDoc(spec)} " + DeterministicRemark);
            w.Line($"/// {ThreadSafeReading}</summary>");
            w.Line("/// <param name=\"data\">A labelled data set of this network's shape.</param>");
            w.Line(GeneratedCode);
            w.Line(HotLoop);
            w.Open($"public {n.T} Cost({KnownNames.DataSet}<{n.T}> data)");
            w.Line("RequireData(data, needsLabels: true);");
            w.Line($"return {DeterministicNetwork}.Cost({p}, {shape}, data);");
            w.Close();
            w.Line();

            if (IsLinear(spec))
            {
                WriteUndefinedAccuracy(w, spec, n);
                return;
            }
            w.Line($"/// <summary>{AccuracyDoc(spec)}");
            w.Line($"/// {ThreadSafeReading}</summary>");
            w.Line("/// <param name=\"data\">A labelled data set of this network's shape.</param>");
            w.Line(GeneratedCode);
            w.Line(HotLoop);
            w.Open($"public double Accuracy({KnownNames.DataSet}<{n.T}> data)");
            w.Line("RequireData(data, needsLabels: true);");
            w.Line($"return {DeterministicNetwork}.Accuracy({p}, {shape}, data);");
            w.Close();
            w.Line();
        }

        private static void WriteDeterministicTrain(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            string p = LoopParameters(spec, n), shape = KernelShape(spec);
            w.Line("/// <summary>One full-batch gradient-descent iteration; returns the cost computed before the update, as the notebook's loop does.");
            w.Line($"/// {DeterministicRemark} {TrainsAlone}</summary>");
            w.Line("/// <param name=\"data\">A labelled data set of this network's shape.</param>");
            w.Line("/// <param name=\"learningRate\">Step size; finite and positive.</param>");
            w.Line("/// <exception cref=\"global::PlanarGen.TrainingDivergedException\">The step diverged by <see cref=\"global::PlanarGen.DivergenceRule\"/> (a pre-activation beyond its bound,");
            w.Line("/// or the cost, a gradient or an updated parameter not finite); the parameters are left unchanged.</exception>");
            w.Line(GeneratedCode);
            w.Line(HotLoop);
            w.Open($"public {n.T} TrainStep({KnownNames.DataSet}<{n.T}> data, {n.T} learningRate)");
            w.Line("RequireData(data, needsLabels: true);");
            w.Line($"{KnownNames.NetworkValidation}.RequireLearningRate(learningRate);");
            w.Line("_training = default;");
            w.Line($"if (!{DeterministicNetwork}.TrainStep({p}, {shape}, data, learningRate, true, out {n.T} cost)) throw {KnownNames.NetworkValidation}.Diverged(NetworkName, cost);");
            w.Line("return cost;");
            w.Close();
            w.Line();

            w.Line("/// <summary>Runs <see cref=\"global::PlanarGen.TrainingOptions.Iterations\"/> gradient-descent iterations; stops early if training diverges.");
            w.Line($"/// {DeterministicRemark} {TrainsAlone}</summary>");
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
            w.Line("/// If an iteration diverges by <see cref=\"global::PlanarGen.DivergenceRule\"/>, training stops, the result says at which iteration,");
            w.Line("/// and the network keeps the parameters from before that update.");
            w.Line($"/// {DeterministicRemark} {TrainsAlone}");
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
            WriteStatefulBranch(w, n);
            w.Line("int lastIteration = -1;");
            w.Line("double lastCost = double.NaN;");
            w.Open("for (int iteration = 0; iteration < options.Iterations; iteration++)");
            w.Line("bool report = options.Reports(iteration);");
            w.Line($"bool finite = {DeterministicNetwork}.TrainStep({p}, {shape}, data, learningRate, report, out {n.T} cost);");
            w.Open("if (report)");
            w.Line("lastIteration = iteration;");
            w.Line("lastCost = cost;");
            w.Close();
            w.Line($"if (!finite) return new {KnownNames.TrainingResult}(iteration, lastIteration, lastCost, iteration);");
            w.Line(ObserverStop);
            w.Close();
            w.Line($"return new {KnownNames.TrainingResult}(options.Iterations, lastIteration, lastCost, -1);");
            w.Close();
            w.Line();
        }

        /// <summary>Precompile's call for a deterministic network: its members and the storage helpers they use.</summary>
        private static string DeterministicPrepareCall(NetworkSpec spec)
        {
            var names = new System.Collections.Generic.List<string>
            {
                "Predict", "PredictBatch", "Cost", "Accuracy", "TrainStep", "Train", "RequireData", "ThreadScratch",
                "TrainFor", "TrainStateful",
            };
            if (!spec.Target.IsClass) names.AddRange(new[] { "ParametersOf", "MomentsOf" });
            return $"global::PlanarGen.CodePreparation.Prepare(typeof({spec.Target.Name}), {Join(names.Count, k => $"nameof({names[k]})")})";
        }
    }
}
