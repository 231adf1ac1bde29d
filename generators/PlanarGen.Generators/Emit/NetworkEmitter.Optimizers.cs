using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    /// <summary>
    /// The optimizer and mini-batch path shared by every form (docs/training.md): the training state (PlanarGen.TrainingState and
    /// the moments, 2 x ParameterCount values held by the network: inline in a struct, an array in a class), ResetOptimizer,
    /// TrainFor, and TrainStateful, the loop that gathers a batch, asks the form's gradient (GradientCore) and lets the runtime's
    /// vectorised kernel update. Full-batch gradient descent in Train keeps its own loop (StepCore): Train branches once per call.
    /// </summary>
    internal static partial class NetworkEmitter
    {
        private const string TrainingState = "global::PlanarGen.TrainingState";
        private const string Stopwatch = "global::System.Diagnostics.Stopwatch";

        /// <summary>Whether Train takes the stateful path: any optimizer but gradient descent, or mini-batches.</summary>
        private const string UsesTrainingState =
            "options.Optimizer != global::PlanarGen.Optimizer.GradientDescent || options.BatchSize != 0";

        /// <summary>The span of the optimizer moments: the struct's inline storage, or the class's array (allocated on first use).</summary>
        private static string MomentsSpan(NetworkSpec spec, Spelling n) =>
            spec.Target.IsClass ? $"new {KnownNames.Span}<{n.T}>(_moments ??= new {n.T}[2 * ParameterCount])" : "MomentsOf(ref _moments)";

        private static void WriteTrainingStateMembers(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            string momentsRead = spec.Target.IsClass ? "_moments" : "MomentsOf(ref _moments)";
            w.Lines($$"""
                // Optimizer and mini-batch state (docs/training.md): the step count, bias corrections and shuffle position, and the
                // moments (first ParameterCount values: momentum buffer or Adam's m; next ParameterCount: Adam's v), {{(spec.Target.IsClass
                    ? "an array allocated by the first Train with Momentum or Adam (Clone copies it)."
                    : "inline, so a copy of the struct carries its own state.")}}
                {{GeneratedCode}}
                private {{TrainingState}} _training;

                """);
            if (spec.Target.IsClass)
            {
                w.Lines($"""
                    {GeneratedCode}
                    private {n.T}[]? _moments;

                    """);
            }
            else
            {
                w.Lines($"""
                    {GeneratedCode}
                    private OptimizerMoments _moments;

                    /// <summary>2 x {spec.ParameterCount} optimizer moments side by side (sequential layout), read as a span.</summary>
                    {GeneratedCode}
                    [global::System.Runtime.InteropServices.StructLayout(global::System.Runtime.InteropServices.LayoutKind.Sequential)]
                    """);
                WriteInlineStorageBody(w, n, "OptimizerMoments", "MomentsOf", "M", 2 * spec.ParameterCount);
            }
            w.Lines($$"""
                /// <summary>The optimizer and mini-batch state this network carries between Train calls (steps taken, epoch, position).</summary>
                {{GeneratedCode}}
                public {{TrainingState}} TrainingState => _training;

                /// <summary>Forgets the optimizer's moments and step count and the mini-batch shuffle position: the next Train or TrainFor
                /// starts them afresh. Initialize, InitializeZeros, LoadParameters and loading weights do this too.</summary>
                {{GeneratedCode}}
                public void ResetOptimizer()
                {
                    _training = default;
                }

                /// <summary>Writes a checkpoint: the weights file <see cref="SaveWeights(global::System.IO.Stream, global::PlanarGen.WeightsFormat)"/> writes,
                /// plus the optimizer moments and <see cref="TrainingState"/>, so that LoadWeights resumes training exactly here.</summary>
                {{GeneratedCode}}
                public void SaveCheckpoint(global::System.IO.Stream destination, global::PlanarGen.WeightsFormat format = global::PlanarGen.WeightsFormat.Safetensors) =>
                    global::PlanarGen.NetworkCheckpoint.Save<{{spec.Target.Name}}, {{n.T}}>(this, _training, {{momentsRead}}, destination, format);

                /// <summary>Writes a checkpoint to a <c>.safetensors</c> or <c>.json</c> file, replacing it atomically.</summary>
                {{GeneratedCode}}
                public void SaveCheckpoint(string path) =>
                    global::PlanarGen.NetworkCheckpoint.Save<{{spec.Target.Name}}, {{n.T}}>(this, _training, {{momentsRead}}, path);

                /// <summary>Sets the training state and the optimizer moments (2 x ParameterCount values), as loading a checkpoint does.</summary>
                {{GeneratedCode}}
                public void RestoreTrainingState({{TrainingState}} state, {{KnownNames.ReadOnlySpan}}<{{n.T}}> moments)
                {
                    {{KnownNames.NetworkValidation}}.RequireLength(moments.Length, 2 * ParameterCount, nameof(moments), "2 x ParameterCount optimizer moments");
                    moments.CopyTo({{MomentsSpan(spec, n)}});
                    _training = state;
                }

                """);
        }

        /// <summary>The body of an inline storage struct (<paramref name="count"/> fields named prefix0..) and its span accessor.</summary>
        private static void WriteInlineStorageBody(CodeWriter w, Spelling n, string type, string accessor, string prefix, int count)
        {
            using (w.Block($"private struct {type}"))
            {
                w.Line($"// Only ever read and written through {accessor}, never by name.");
                w.Line("#pragma warning disable CS0169, CS0649");
                for (int k = 0; k < count; k += StorageFieldsPerLine)
                {
                    int first = k;
                    w.Line($"private {n.T} {Join(System.Math.Min(StorageFieldsPerLine, count - k), j => $"{prefix}{first + j}")};");
                }
                w.Line("#pragma warning restore CS0169, CS0649");
            }
            w.Lines($"""

                {GeneratedCode}
                private static {KnownNames.Span}<{n.T}> {accessor}(ref {type} storage) => {KnownNames.MemoryMarshal}.Cast<{type}, {n.T}>({KnownNames.MemoryMarshal}.CreateSpan(ref storage, 1));

                """);
        }

        /// <summary>Train's branch to the stateful path, once per call, before the gradient-descent loop (which then clears the state:
        /// a gradient-descent step changes the parameters the moments were built on).</summary>
        private static void WriteStatefulBranch(CodeWriter w, Spelling n)
        {
            using (w.Block($"if ({UsesTrainingState})"))
            {
                WriteVector512Choice(w, n.Vector512Twin, "TrainStateful512(data, options, options.Iterations, long.MaxValue, ref observer)", returns: true);
                w.Line("return TrainStateful(data, options, options.Iterations, long.MaxValue, ref observer);");
            }
            w.Line("_training = default;");
        }

        /// <summary>The gradient-descent loop's observer call: a report that returns false stops after that iteration's update.</summary>
        private static string ObserverStop =>
            $"if (report && !observer.OnCost(iteration, cost)) return new {KnownNames.TrainingResult}(iteration + 1, lastIteration, lastCost, -1, true, false);";

        private static void WriteTrainFor(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            string observer = $"where TObserver : struct, {KnownNames.ITrainingObserver}";
            string rateCheck = n.IsSingle
                ? $"{KnownNames.NetworkValidation}.RequireLearningRate(options.LearningRate, (float)options.LearningRate);"
                : $"{KnownNames.NetworkValidation}.RequireLearningRate(options.LearningRate);";
            w.Lines($$"""
                /// <summary>Runs training steps (the optimizer and batches of <paramref name="options"/>) while they fit in <paramref name="budget"/>:
                /// at least one, then another only while less than the budget has passed (Stopwatch, checked before each step), and never more
                /// than <see cref="global::PlanarGen.TrainingOptions.Iterations"/> when that is above 0. Allocation-free; the state carries over to
                /// the next call, so a game can spend a fixed time per frame. {{TrainsAlone}}</summary>
                /// <param name="data">A labelled data set of this network's shape.</param>
                /// <param name="options">Optimizer, batches, learning rate, report interval; Iterations caps the steps when above 0.</param>
                /// <param name="budget">Time to spend, at least zero.</param>
                {{GeneratedCode}}
                public {{KnownNames.TrainingResult}} TrainFor({{KnownNames.DataSet}}<{{n.T}}> data, {{KnownNames.TrainingOptions}} options, global::System.TimeSpan budget)
                {
                    var observer = default({{KnownNames.NoTrainingObserver}});
                    return TrainFor(data, options, budget, ref observer);
                }

                /// <summary>As <see cref="TrainFor({{KnownNames.DataSet}}{{{n.T}}}, {{KnownNames.TrainingOptions}}, global::System.TimeSpan)"/>, telling
                /// <paramref name="observer"/> the cost every ReportEvery steps of this call; it stops training by returning false.</summary>
                /// <param name="data">A labelled data set of this network's shape.</param>
                /// <param name="options">Optimizer, batches, learning rate, report interval; Iterations caps the steps when above 0.</param>
                /// <param name="budget">Time to spend, at least zero.</param>
                /// <param name="observer">A struct observer, called directly (no allocation).</param>
                {{GeneratedCode}}
                """);
            using (w.Block($"public {KnownNames.TrainingResult} TrainFor<TObserver>({KnownNames.DataSet}<{n.T}> data, {KnownNames.TrainingOptions} options, global::System.TimeSpan budget, ref TObserver observer) {observer}"))
            {
                w.Lines($"""
                    long deadline = {TrainingState}.Deadline({Stopwatch}.GetTimestamp(), budget);
                    RequireData(data, needsLabels: true);
                    options.Validate();
                    {rateCheck}
                    int steps = options.Iterations > 0 ? options.Iterations : int.MaxValue;
                    """);
                WriteVector512Choice(w, n.Vector512Twin, "TrainStateful512(data, options, steps, deadline, ref observer)", returns: true);
                w.Line("return TrainStateful(data, options, steps, deadline, ref observer);");
            }
            w.Line();
            WriteTrainStateful(w, spec, n);
            WriteVector512Twin(w, n.Vector512Twin, twin => WriteTrainStateful(w, spec, twin));
            if (spec.Deterministic) return;
            WriteGradientCore(w, spec, n);
            WriteVector512Twin(w, n.Vector512Twin, twin => WriteGradientCore(w, spec, twin));
            if (n.Plan.Unrolled) WriteStoreParameters(w, spec, n);
        }

        /// <summary>TrainStateful (or its 512-bit twin): up to <c>steps</c> optimizer steps, until the Stopwatch deadline.</summary>
        private static void WriteTrainStateful(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            string gradient = spec.Deterministic
                ? $"global::PlanarGen.DeterministicNetwork.Gradient(parameters, {KernelShape(spec)}, batch, gradient, report, out {n.T} cost)"
                : $"GradientCore{n.Suffix}(batch, {ScratchArgument(n, "options.Threads")}gradient, report, out {n.T} cost)";
            string parameters = n.Plan.Unrolled
                ? $"""
                    // The fields copied to the stack once per call, updated in place, stored back after every step.
                    {KnownNames.Span}<{n.Vec}> scratch = stackalloc {n.Vec}[{StepScratchLength(n)}];
                    {KnownNames.Span}<{n.T}> parameters = stackalloc {n.T}[ParameterCount];
                    CopyParametersTo(parameters);
                """
                : $"    {KnownNames.Span}<{n.T}> parameters = {LoopParameters(spec, n)};";
            string store = n.Plan.Unrolled ? "\n        StoreParameters(parameters);" : "";
            w.Lines($$"""
                /// <summary>Up to <paramref name="steps"/> steps of the optimizer in <paramref name="options"/>, each on the next batch, starting
                /// no step after <paramref name="deadline"/> (a Stopwatch timestamp; long.MaxValue: none) but the first. Stops at divergence
                /// (state and parameters from before that step) or when the observer returns false.</summary>
                {{GeneratedCode}}
                {{HotLoop}}
                private {{KnownNames.TrainingResult}} TrainStateful{{n.Suffix}}<TObserver>({{KnownNames.DataSet}}<{{n.T}}> data, {{KnownNames.TrainingOptions}} options, int steps, long deadline, ref TObserver observer) where TObserver : struct, {{KnownNames.ITrainingObserver}}
                {
                {{parameters}}
                    {{KnownNames.Span}}<{{n.T}}> moments = {{MomentsSpan(spec, n)}};
                    _training.Begin(options, data.SampleCount, moments);
                    // Per-thread memory: the gradient, the candidate parameters and moments, one gathered batch.
                    {{KnownNames.Span}}<{{n.T}}> work = {{TrainingState}}.Work<{{n.T}}>(ParameterCount, InputCount + OutputCount, options, data.SampleCount);
                    {{KnownNames.Span}}<{{n.T}}> gradient = work.Slice(0, ParameterCount);
                    {{KnownNames.Span}}<{{n.T}}> candidates = work.Slice(ParameterCount, 3 * ParameterCount);
                    {{KnownNames.Span}}<{{n.T}}> batchMemory = work.Slice(4 * ParameterCount);
                    int lastIteration = -1;
                    double lastCost = double.NaN;
                    for (int iteration = 0; iteration < steps; iteration++)
                    {
                        if (iteration > 0 && deadline != long.MaxValue && {{Stopwatch}}.GetTimestamp() >= deadline)
                            return new {{KnownNames.TrainingResult}}(iteration, lastIteration, lastCost, -1, false, true);
                        bool report = options.Reports(iteration);
                        var batch = _training.Batch(data, batchMemory);
                        bool finite = {{gradient}}
                            && !({{n.IsNaN($"cost * {n.Lit(0)}")}})
                            && _training.TryUpdate(options, parameters, gradient, moments, candidates);
                        if (report)
                        {
                            lastIteration = iteration;
                            lastCost = cost;
                        }
                        if (!finite) return new {{KnownNames.TrainingResult}}(iteration, lastIteration, lastCost, iteration);{{store}}
                        if (report && !observer.OnCost(iteration, cost)) return new {{KnownNames.TrainingResult}}(iteration + 1, lastIteration, lastCost, -1, true, false);
                    }
                    return new {{KnownNames.TrainingResult}}(steps, lastIteration, lastCost, -1, false, false);
                }

                """);
        }

        /// <summary>GradientCore (or its twin): the mean gradient (1/m) * sum into <c>gradient</c>, the values StepCore subtracts.</summary>
        private static void WriteGradientCore(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            string sums = n.Plan.Unrolled
                ? $"""
                    bool inBound = GradientSums{n.Suffix}(data, withCost, scratch, gradient, out {n.T} sCost);
                    {n.T} invM = {n.Lit(1)} / data.SampleCount;
                    for (int k = 0; k < ParameterCount; k++) gradient[k] = invM * gradient[k];
                    cost = withCost ? sCost * ({n.Lit(1)} / data.SampleCount){MeanOverOutputs(spec)} : {n.Lit(0)};
                """
                : $"""
                    var g = new {KnownNames.Span}<{n.T}>(ThreadScratch(), 0, ParameterCount);
                    int m = data.SampleCount;
                    bool inBound = {SplitSums(n, LoopParameters(spec, n), "threads")};
                    {n.T} invM = {n.Lit(1)} / m;
                    for (int k = 0; k < ParameterCount; k++) gradient[k] = invM * g[k];
                    cost = sCost * invM{MeanOverOutputs(spec)};
                """;
            string scratch = n.Plan.Unrolled ? $"{KnownNames.Span}<{n.Vec}> scratch, " : "int threads, ";
            w.Lines($$"""
                /// <summary>The mean gradient (notebook order) into <paramref name="gradient"/>, the cost when asked (else 0); whether every
                /// pre-activation was within PlanarGen.DivergenceRule's bound.</summary>
                {{GeneratedCode}}
                {{HotLoop}}
                private bool GradientCore{{n.Suffix}}({{KnownNames.DataSet}}<{{n.T}}> data, {{scratch}}{{KnownNames.Span}}<{{n.T}}> gradient, bool withCost, out {{n.T}} cost)
                {
                {{sums}}
                    return inBound;
                }

                """);
        }

        /// <summary>StoreParameters: the unrolled fields from a span, unchecked (the optimizer checked every value).</summary>
        private static void WriteStoreParameters(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            w.Line(GeneratedCode);
            using (w.Block($"private void StoreParameters({KnownNames.ReadOnlySpan}<{n.T}> source)"))
            {
                int k = 0;
                foreach (string name in ParameterNames(spec)) w.Line($"{name} = source[{k++}];");
            }
            w.Line();
        }
    }
}
