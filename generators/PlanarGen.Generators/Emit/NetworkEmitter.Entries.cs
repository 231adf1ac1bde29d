using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    internal static partial class NetworkEmitter
    {
        // The public batch methods of both forms: their checks, then a call of their core (the Vector512 twin of it where
        // PlanarGen.SimdPath chose those), then the core and its twin. The cores differ by form; the entries do not.

        private static void WritePredictBatchEntry(CodeWriter w, NetworkSpec spec, NumericNames n, System.Action<NumericNames> writeCore) =>
            WriteBatchEntry(w, spec, n, "Predicts every sample of <paramref name=\"data\"/> (SIMD across samples, no allocation).",
                new[]
                {
                    "/// <param name=\"data\">Samples with <see cref=\"InputCount\"/> features; labels are not needed.</param>",
                    "/// <param name=\"probabilities\">Receives OutputCount x SampleCount probabilities, row-major like Y; must not overlap the",
                    "/// features, unless it is exactly the same memory.</param>",
                },
                $"public void PredictBatch({KnownNames.DataSet}<{n.T}> data, {KnownNames.Span}<{n.T}> probabilities)",
                new[]
                {
                    "RequireData(data, needsLabels: false);",
                    $"{KnownNames.NetworkValidation}.RequireLength(probabilities.Length, (long)OutputCount * data.SampleCount, nameof(probabilities), \"OutputCount x SampleCount probabilities\");",
                    $"{KnownNames.NetworkValidation}.RequireSeparate(data.X, probabilities, \"data.X\", nameof(probabilities));",
                },
                "PredictBatchCore", "data, probabilities", returns: false, writeCore);

        private static void WriteCostEntry(CodeWriter w, NetworkSpec spec, NumericNames n, System.Action<NumericNames> writeCore) =>
            WriteBatchEntry(w, spec, n, "The cross-entropy cost -(1/m) sum(Y log A2 + (1 - Y) log(1 - A2)), computed stably from Z2.",
                new[] { "/// <param name=\"data\">A labelled data set of this network's shape.</param>" },
                $"public {n.T} Cost({KnownNames.DataSet}<{n.T}> data)", new[] { "RequireData(data, needsLabels: true);" },
                "CostCore", "data", returns: true, writeCore);

        private static void WriteAccuracyEntry(CodeWriter w, NetworkSpec spec, NumericNames n, System.Action<NumericNames> writeCore) =>
            WriteBatchEntry(w, spec, n, "Fraction of outputs predicted correctly (probability above 0.5 means class 1), over every sample and output.",
                new[] { "/// <param name=\"data\">A labelled data set of this network's shape.</param>" },
                $"public double Accuracy({KnownNames.DataSet}<{n.T}> data)", new[] { "RequireData(data, needsLabels: true);" },
                "AccuracyCore", "data", returns: true, writeCore);

        /// <summary>One public batch method and its cores; the summary states that it is safe from several threads at once
        /// (it only reads the parameters; any scratch is on the stack or per thread).</summary>
        private static void WriteBatchEntry(CodeWriter w, NetworkSpec spec, NumericNames n, string summary, string[] parameterDocs,
            string signature, string[] checks, string core, string arguments, bool returns, System.Action<NumericNames> writeCore)
        {
            w.Line($"/// <summary>{summary}");
            w.Line($"/// {ThreadSafeReading}</summary>");
            foreach (string line in parameterDocs) w.Line(line);
            w.Line(GeneratedCode);
            w.Open(signature);
            foreach (string check in checks) w.Line(check);
            NumericNames? wide = n.Vector512Twin;
            WriteVector512Choice(w, wide, $"{core}512({arguments})", returns);
            w.Line(returns ? $"return {core}({arguments});" : $"{core}({arguments});");
            w.Close();
            w.Line();
            writeCore(n);
            WriteVector512Twin(w, wide, writeCore);
        }

        /// <summary>The thread-safety sentence of Predict, PredictBatch, Cost and Accuracy.</summary>
        private const string ThreadSafeReading =
            "Safe to call on one network from several threads at once, as long as no thread trains or loads it meanwhile.";

        /// <summary>For a network with 512-bit kernels (<paramref name="wide"/> not null): the run-time choice of them, compiled
        /// where Vector512 exists. <paramref name="call"/> is the 512-bit kernel's call, returned when <paramref name="returns"/>.</summary>
        private static void WriteVector512Choice(CodeWriter w, NumericNames? wide, string call, bool returns)
        {
            if (wide is null) return;
            w.Line($"#if {KnownNames.Vector512Symbol}");
            w.Open($"if ({KnownNames.SimdPathUsesVector512})");
            if (returns) w.Line($"return {call};");
            else
            {
                w.Line(call + ";");
                w.Line("return;");
            }
            w.Close();
            w.Line("#endif");
        }

        /// <summary>Writes the 512-bit twin of a kernel (<paramref name="write"/> with the Vector512 names), compiled where Vector512 exists.</summary>
        private static void WriteVector512Twin(CodeWriter w, NumericNames? wide, System.Action<NumericNames> write)
        {
            if (wide is null) return;
            w.Line($"#if {KnownNames.Vector512Symbol}");
            write(wide);
            w.Line("#endif");
            w.Line();
        }
    }
}
