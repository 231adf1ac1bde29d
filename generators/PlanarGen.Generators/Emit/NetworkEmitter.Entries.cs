using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    internal static partial class NetworkEmitter
    {
        // The public batch methods of both forms: their checks, then a call of their core (the Vector512 twin of it where
        // PlanarGen.SimdPath chose those), then the core and its twin. The cores differ by form; the entries do not.

        /// <summary>One public batch method: its documentation (summary first line, then the parameter lines), signature and
        /// checks, and the core it calls with <see cref="Arguments"/> (returning its value when <see cref="Returns"/>).</summary>
        private sealed record BatchEntry(string Documentation, string Signature, string Checks, string Core, string Arguments, bool Returns);

        private static void WritePredictBatchEntry(CodeWriter w, NetworkSpec spec, Spelling n, System.Action<Spelling> writeCore) =>
            WriteBatchEntry(w, n, new BatchEntry(
                Documentation: $"""
                    /// <summary>Predicts every sample of <paramref name="data"/> (SIMD across samples, no allocation).
                    /// {ThreadSafeReading}</summary>
                    /// <param name="data">Samples with <see cref="InputCount"/> features; labels are not needed.</param>
                    /// <param name="probabilities">Receives OutputCount x SampleCount {(spec.OutputActivation == Activation.Sigmoid ? "probabilities" : OutputsDoc(spec))}, row-major like Y; must not overlap the
                    /// features, unless it is exactly the same memory.</param>
                    """,
                Signature: $"public void PredictBatch({KnownNames.DataSet}<{n.T}> data, {KnownNames.Span}<{n.T}> probabilities)",
                Checks: $"""
                    RequireData(data, needsLabels: false);
                    {KnownNames.NetworkValidation}.RequireLength(probabilities.Length, (long)OutputCount * data.SampleCount, nameof(probabilities), "OutputCount x SampleCount probabilities");
                    {KnownNames.NetworkValidation}.RequireSeparate(data.X, probabilities, "data.X", nameof(probabilities));
                    """,
                Core: "PredictBatchCore", Arguments: "data, probabilities", Returns: false), writeCore);

        private static void WriteCostEntry(CodeWriter w, NetworkSpec spec, Spelling n, System.Action<Spelling> writeCore) =>
            WriteBatchEntry(w, n, new BatchEntry(
                Documentation: $"""
                    /// <summary>{CostDoc(spec)}
                    /// {ThreadSafeReading}</summary>
                    /// <param name="data">A labelled data set of this network's shape.</param>
                    """,
                Signature: $"public {n.T} Cost({KnownNames.DataSet}<{n.T}> data)",
                Checks: "RequireData(data, needsLabels: true);",
                Core: "CostCore", Arguments: "data", Returns: true), writeCore);

        private static void WriteAccuracyEntry(CodeWriter w, NetworkSpec spec, Spelling n, System.Action<Spelling> writeCore) =>
            WriteBatchEntry(w, n, new BatchEntry(
                Documentation: $"""
                    /// <summary>{AccuracyDoc(spec)}
                    /// {ThreadSafeReading}</summary>
                    /// <param name="data">A labelled data set of this network's shape.</param>
                    """,
                Signature: $"public double Accuracy({KnownNames.DataSet}<{n.T}> data)",
                Checks: "RequireData(data, needsLabels: true);",
                Core: "AccuracyCore", Arguments: "data", Returns: true), writeCore);

        /// <summary>One public batch method and its cores; the summary states that it is safe from several threads at once
        /// (it only reads the parameters; any scratch is on the stack or per thread).</summary>
        private static void WriteBatchEntry(CodeWriter w, Spelling n, BatchEntry entry, System.Action<Spelling> writeCore)
        {
            w.Lines(entry.Documentation);
            w.Line(GeneratedCode);
            using (w.Block(entry.Signature))
            {
                w.Lines(entry.Checks);
                string call = $"{entry.Core}({entry.Arguments})";
                WriteVector512Choice(w, n.Vector512Twin, $"{entry.Core}512({entry.Arguments})", entry.Returns);
                w.Line(entry.Returns ? $"return {call};" : $"{call};");
            }
            w.Line();
            writeCore(n);
            WriteVector512Twin(w, n.Vector512Twin, writeCore);
        }

        /// <summary>The thread-safety sentence of Predict, PredictBatch, Cost and Accuracy.</summary>
        private const string ThreadSafeReading =
            "Safe to call on one network from several threads at once, as long as no thread trains or loads it meanwhile.";

        /// <summary>For a network with 512-bit kernels (<paramref name="wide"/> not null): the run-time choice of them, compiled
        /// where Vector512 exists. <paramref name="call"/> is the 512-bit kernel's call, returned when <paramref name="returns"/>.</summary>
        private static void WriteVector512Choice(CodeWriter w, Spelling? wide, string call, bool returns)
        {
            if (wide is null) return;
            w.Line($"#if {KnownNames.Vector512Symbol}");
            using (w.Block($"if ({KnownNames.SimdPathUsesVector512})"))
                w.Lines(returns ? $"return {call};" : $"{call};\nreturn;");
            w.Line("#endif");
        }

        /// <summary>Writes the 512-bit twin of a kernel (<paramref name="write"/> with the Vector512 names), compiled where Vector512 exists.</summary>
        private static void WriteVector512Twin(CodeWriter w, Spelling? wide, System.Action<Spelling> write)
        {
            if (wide is null) return;
            w.Line($"#if {KnownNames.Vector512Symbol}");
            write(wide);
            w.Line("#endif");
            w.Line();
        }
    }
}
