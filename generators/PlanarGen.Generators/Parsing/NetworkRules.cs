using System;
using System.Collections.Generic;

namespace PlanarGen.Generators.Parsing
{
    /// <summary>The single place that decides whether [Network] arguments are valid, shared by the parser
    /// (which then generates nothing) and the analyzer (which reports why), so the two cannot disagree.</summary>
    internal static partial class NetworkRules
    {
        /// <summary>Above this many parameters the generator emits the loop form. Measured (docs/unrolling-budget.md,
        /// benchmarks/PlanarGen.BudgetMeasurement and benchmarks/compile-cost.sh): the unrolled form trains 1.5-2x faster
        /// than the loops up to about 120 parameters and slower from 2-31-1 on (see <see cref="UnrolledLocalsLimit"/>), but
        /// its source grows by about 9 KB per hidden unit (both SIMD widths of four batch kernels), and a project with the
        /// networks 2-1-1 ... 2-50-1 must compile in under 20 s and 1 GB: 64 keeps the unrolled form where it is fastest
        /// and that project within the limits.</summary>
        public const int UnrolledParameterBudget = 64;

        /// <summary>Estimated IL locals of the unrolled StepCore (<see cref="EstimatedUnrolledLocals"/>) up to which it is
        /// known to train faster than the loop form (measured: 2-30-1, 471 locals, 2x faster unrolled; 2-31-1, 486 locals,
        /// 1.3x slower; the JIT tracks 1,024 locals, its own temporaries included). Not a rule of its own: every shape within
        /// <see cref="UnrolledParameterBudget"/> stays below it (at most 390, a test checks it).</summary>
        public const int UnrolledLocalsLimit = 470;

        /// <summary>IL locals of the unrolled StepCore in the plain form that every network above
        /// 40 parameters gets (one fused pass per chunk, see NumericNames.For), exact within 1 for the 12 shapes measured from
        /// 2-12-1 to 16-12-4: a gradient vector, a horizontal sum and a broadcast per parameter, z1/a1/dz1 per hidden unit,
        /// the input rows and labels. (Networks of at most 40 parameters have fewer than 200 locals.)</summary>
        public static int EstimatedUnrolledLocals(int inputs, int hidden, int outputs) =>
            3 * ParameterCount(inputs, hidden, outputs) + 3 * hidden + 3 * inputs + 5 * outputs + 7;

        /// <summary>Whether the generator emits the unrolled form (else the loop form): at most
        /// <see cref="UnrolledParameterBudget"/> parameters.</summary>
        public static bool IsUnrolled(int inputs, int hidden, int outputs) =>
            ParameterCount(inputs, hidden, outputs) <= UnrolledParameterBudget;

        /// <summary>Whether a network of this shape may be declared as a struct: the loop form keeps its parameters inline
        /// (a copy is independent), so at most <see cref="NetworkLimits.MaxStructParameters"/> of them (PGEN040 otherwise).</summary>
        public static bool FitsInStruct(int inputs, int hidden, int outputs) =>
            ParameterCount(inputs, hidden, outputs) <= NetworkLimits.MaxStructParameters;

        /// <summary>Names the generated code declares; a user member with one of these names clashes.</summary>
        public static readonly string[] FixedMemberNames =
        {
            "InputCount", "HiddenCount", "OutputCount", "ParameterCount", "Initialize", "InitializeZeros",
            "CopyParametersTo", "LoadParameters", "Predict", "PredictBatch", "Cost", "Accuracy", "TrainStep", "Train",
            "StepCore", "StepTail", "CostCore", "PredictBatchCore", "AccuracyCore", "RequireData", "NetworkName", "Precompile",
            "SaveWeights", "LoadWeights", "Fingerprint",
            // The Vector512 twins of float networks (compiled on .NET 8 and later, but declared in the same struct).
            "StepCore512", "CostCore512", "PredictBatchCore512", "AccuracyCore512", "TrainStep512", "TrainLoop512",
            // Every network: an independent copy.
            "Clone",
            // The loop form (above the unrolling budget) declares these instead of one field per parameter: the parameters
            // (inline storage in a struct, an array in a class) and the per-thread scratch.
            "_parameters", "ParameterStorage", "ParametersOf", "_threadScratch", "ThreadScratch",
            "ForwardBlock", "ForwardBlock512", "ForwardSample",
            // A network with Weights = "..." (reserved for every network, so adding Weights later never breaks a build).
            "Pretrained",
        };

        public static bool IsSizeValid(int value, int max) => value >= NetworkLimits.MinUnits && value <= max;

        public static bool IsActivationDefined(int value) => value >= 0 && value <= (int)Activation.LeakyReLU;

        public static bool IsOutputActivationSupported(int value) => value == (int)Activation.Sigmoid;

        public static bool IsPrecisionDefined(int value) => value == (int)Precision.Single || value == (int)Precision.Double;

        public static bool IsLeakySlopeValid(double slope) => !double.IsNaN(slope) && !double.IsInfinity(slope) && slope > 0 && slope < 1;

        public static int ParameterCount(int inputs, int hidden, int outputs) =>
            hidden * inputs + hidden + outputs * hidden + outputs;

        /// <summary>True when every argument is usable; the analyzer reports each failing rule separately.</summary>
        public static bool AreValid(in NetworkArguments a) =>
            IsSizeValid(a.Inputs, NetworkLimits.MaxInputs)
            && IsSizeValid(a.Hidden, NetworkLimits.MaxHidden)
            && IsSizeValid(a.Outputs, NetworkLimits.MaxOutputs)
            && IsActivationDefined(a.HiddenActivation)
            && IsOutputActivationSupported(a.OutputActivation)
            && IsPrecisionDefined(a.Precision)
            && IsLeakySlopeValid(a.LeakySlope);

        /// <summary>Whether <paramref name="name"/> is declared by the generated code for a network of this shape.</summary>
        public static bool IsGeneratedMemberName(string name, int inputs, int hidden, int outputs)
        {
            if (Array.IndexOf(FixedMemberNames, name) >= 0) return true;
            return IsParameterName(name, "W1_", hidden, inputs) || IsParameterName(name, "B1_", hidden, -1)
                || IsParameterName(name, "W2_", outputs, hidden) || IsParameterName(name, "B2_", outputs, -1);
        }

        private static bool IsParameterName(string name, string prefix, int rows, int columns)
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) return false;
            string[] parts = name.Substring(prefix.Length).Split('_');
            if (columns < 0)
                return parts.Length == 1 && int.TryParse(parts[0], out int r) && r >= 0 && r < rows && parts[0] == r.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return parts.Length == 2 && int.TryParse(parts[0], out int row) && int.TryParse(parts[1], out int col)
                && row >= 0 && row < rows && col >= 0 && col < columns;
        }
    }
}
