using System;
using System.Collections.Generic;
using PlanarGen.Generators.Emit;
using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Parsing
{
    /// <summary>The single place that decides whether [Network] arguments are valid, shared by the parser
    /// (which then generates nothing) and the analyzer (which reports why), so the two cannot disagree.</summary>
    internal static partial class NetworkRules
    {
        /// <summary>Whether a network of this shape may be declared as a struct: the loop form keeps its parameters inline
        /// (a copy is independent), so at most <see cref="NetworkLimits.MaxStructParameters"/> of them (PGEN040 otherwise).</summary>
        public static bool FitsInStruct(int inputs, int hidden, int outputs) =>
            ParameterCount(inputs, hidden, outputs) <= NetworkLimits.MaxStructParameters;

        public static bool IsSizeValid(int value, int max) => value >= NetworkLimits.MinUnits && value <= max;

        public static bool IsActivationDefined(int value) => value >= 0 && value <= (int)Activation.Linear;

        /// <summary>Softmax and Linear belong to the output layer only (PGEN030 as a hidden activation).</summary>
        public static bool IsHiddenActivationSupported(int value) =>
            IsActivationDefined(value) && value != (int)Activation.Softmax && value != (int)Activation.Linear;

        /// <summary>The output activations, each with its cost: sigmoid (binary cross-entropy), softmax (categorical
        /// cross-entropy), linear (mean squared error).</summary>
        public static bool IsOutputActivationSupported(int value) =>
            value == (int)Activation.Sigmoid || value == (int)Activation.Softmax || value == (int)Activation.Linear;

        /// <summary>Softmax over a single output is the constant 1 (PGEN031).</summary>
        public static bool HasEnoughOutputs(int outputActivation, int outputs) => outputActivation != (int)Activation.Softmax || outputs >= 2;

        public static bool IsPrecisionDefined(int value) => value == (int)Precision.Single || value == (int)Precision.Double;

        public static bool IsLeakySlopeValid(double slope) => !double.IsNaN(slope) && !double.IsInfinity(slope) && slope > 0 && slope < 1;

        public static int ParameterCount(int inputs, int hidden, int outputs) => ParameterLayout.Of(inputs, hidden, outputs).Count;

        /// <summary>True when every argument is usable; the analyzer reports each failing rule separately.</summary>
        public static bool AreValid(in NetworkArguments a) =>
            IsSizeValid(a.Inputs, NetworkLimits.MaxInputs)
            && IsSizeValid(a.Hidden, NetworkLimits.MaxHidden)
            && IsSizeValid(a.Outputs, NetworkLimits.MaxOutputs)
            && IsHiddenActivationSupported(a.HiddenActivation)
            && IsOutputActivationSupported(a.OutputActivation)
            && HasEnoughOutputs(a.OutputActivation, a.Outputs)
            && IsPrecisionDefined(a.Precision)
            && IsLeakySlopeValid(a.LeakySlope);

        /// <summary>Whether <paramref name="name"/> is declared by the generated code for a network of this shape.</summary>
        public static bool IsGeneratedMemberName(string name, int inputs, int hidden, int outputs)
        {
            if (Array.IndexOf(GeneratedMembers.FixedNames, name) >= 0 || Array.IndexOf(GeneratedMembers.ReservedNames, name) >= 0) return true;
            return IsParameterName(name, "W1_", hidden, inputs) || IsParameterName(name, "B1_", hidden, -1)
                || IsParameterName(name, "W2_", outputs, hidden) || IsParameterName(name, "B2_", outputs, -1);
        }

        private static bool IsParameterName(string name, string prefix, int rows, int columns)
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) return false;
            string[] parts = name.Substring(prefix.Length).Split('_');
            if (columns < 0)
                return parts.Length == 1 && IsIndex(parts[0], rows);
            return parts.Length == 2 && IsIndex(parts[0], rows) && IsIndex(parts[1], columns);
        }

        /// <summary>Whether <paramref name="text"/> is an index below <paramref name="count"/> written as the emitter writes it
        /// (invariant digits, no sign or leading zero), so W1_01_0 is a user's name, not a generated one.</summary>
        private static bool IsIndex(string text, int count) =>
            int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value)
            && value < count && text == value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
