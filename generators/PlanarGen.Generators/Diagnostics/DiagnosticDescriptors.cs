using Microsoft.CodeAnalysis;

namespace PlanarGen.Generators.Diagnostics
{
    /// <summary>The descriptors of every PlanarGen diagnostic. Titles are short phrases, messages one sentence with
    /// quoted arguments and no trailing period; docs/diagnostics.md explains every id.</summary>
    public static class DiagnosticDescriptors
    {
        /// <summary>Category of diagnostics about using [Network] correctly.</summary>
        public const string UsageCategory = "PlanarGen.Usage";

        /// <summary>Category of diagnostics about the speed or size of the generated code.</summary>
        public const string PerformanceCategory = "PlanarGen.Performance";

        /// <summary>Empty: the project has no public home to link to yet (docs/diagnostics.md explains every id).</summary>
        public static string HelpLink(string id) => string.Empty;

        /// <summary>PGEN001: '{0}' is declared as '{1}', but [Network] applies only to a partial struct or a partial class.</summary>
        public static readonly DiagnosticDescriptor NotAStructOrClass = Error(DiagnosticIds.NotAStructOrClass,
            "Network type must be a struct or a class",
            "'{0}' is declared as '{1}', but [Network] applies only to a partial struct or a partial class");

        /// <summary>PGEN002: '{0}' is marked [Network] but is not declared partial.</summary>
        public static readonly DiagnosticDescriptor NotPartial = Error(DiagnosticIds.NotPartial,
            "Network struct must be partial",
            "'{0}' is marked [Network] but is not declared partial");

        /// <summary>PGEN003: '{0}' is nested in '{1}', which is not declared partial.</summary>
        public static readonly DiagnosticDescriptor ContainerNotPartial = Error(DiagnosticIds.ContainerNotPartial,
            "Containing type must be partial",
            "'{0}' is nested in '{1}', which is not declared partial");

        /// <summary>PGEN004: '{0}' cannot be a network because '{1}' is generic.</summary>
        public static readonly DiagnosticDescriptor Generic = Error(DiagnosticIds.Generic,
            "Network type cannot be generic",
            "'{0}' cannot be a network because '{1}' is generic");

        /// <summary>PGEN005: '{1}' of '{0}' is '{2}', but it must be from {3} to {4}.</summary>
        public static readonly DiagnosticDescriptor SizeOutOfRange = Error(DiagnosticIds.SizeOutOfRange,
            "Network size out of range",
            "'{1}' of '{0}' is '{2}', but it must be from {3} to {4}");

        /// <summary>PGEN005 (argument missing): '{1}' of '{0}' must be set to a value from {2} to {3}.</summary>
        public static readonly DiagnosticDescriptor SizeNotSet = Error(DiagnosticIds.SizeOutOfRange,
            "Network size out of range",
            "'{1}' of '{0}' must be set to a value from {2} to {3}");

        /// <summary>PGEN006 (Info): '{0}' has {1} parameters, beyond the unrolling budget of {2} parameters: its code is emitted as loops.</summary>
        public static readonly DiagnosticDescriptor AboveUnrollingBudget = new DiagnosticDescriptor(DiagnosticIds.AboveUnrollingBudget,
            "Network is emitted as loops",
            "'{0}' has {1} parameters, beyond the unrolling budget of {2} parameters: its code is emitted as loops",
            PerformanceCategory, DiagnosticSeverity.Info, isEnabledByDefault: true,
            helpLinkUri: HelpLink(DiagnosticIds.AboveUnrollingBudget));

        /// <summary>PGEN007: '{1}' of '{0}' is '{2}', which is not a defined '{3}' value.</summary>
        public static readonly DiagnosticDescriptor UndefinedEnumValue = Error(DiagnosticIds.UnsupportedEnumValue,
            "Unsupported activation or precision",
            "'{1}' of '{0}' is '{2}', which is not a defined '{3}' value");

        /// <summary>PGEN007 (output activation): 'OutputActivation' of '{0}' is '{1}', but an output activation must be 'Sigmoid', 'Softmax' or 'Linear'.</summary>
        public static readonly DiagnosticDescriptor UnsupportedOutputActivation = Error(DiagnosticIds.UnsupportedEnumValue,
            "Unsupported activation or precision",
            "'OutputActivation' of '{0}' is '{1}', but an output activation must be 'Sigmoid', 'Softmax' or 'Linear'");

        /// <summary>PGEN030: 'HiddenActivation' of '{0}' is '{1}', which is an output activation only.</summary>
        public static readonly DiagnosticDescriptor OutputOnlyActivation = Error(DiagnosticIds.OutputOnlyActivation,
            "Output-only activation in the hidden layer",
            "'HiddenActivation' of '{0}' is '{1}', which is an output activation only; use 'Tanh', 'Sigmoid', 'ReLU' or 'LeakyReLU'");

        /// <summary>PGEN031: '{0}' has a 'Softmax' output but 'Outputs' is '{1}'; softmax needs at least 2 outputs.</summary>
        public static readonly DiagnosticDescriptor SoftmaxNeedsTwoOutputs = Error(DiagnosticIds.SoftmaxNeedsTwoOutputs,
            "Softmax needs at least two outputs",
            "'{0}' has a 'Softmax' output but 'Outputs' is '{1}'; softmax needs at least 2 outputs (use 'Sigmoid' for one)");

        /// <summary>PGEN008: 'LeakySlope' of '{0}' is '{1}', but it must be a finite number between 0 and 1, both excluded.</summary>
        public static readonly DiagnosticDescriptor InvalidLeakySlope = Error(DiagnosticIds.InvalidLeakySlope,
            "Leaky slope out of range",
            "'LeakySlope' of '{0}' is '{1}', but it must be a finite number between 0 and 1, both excluded");

        /// <summary>PGEN009: '{1}' in '{0}' clashes with a member the generator declares.</summary>
        public static readonly DiagnosticDescriptor MemberNameClash = Error(DiagnosticIds.MemberNameClash,
            "Name clashes with generated code",
            "'{1}' in '{0}' clashes with a member the generator declares");

        /// <summary>PGEN010: '{0}' is declared '{1}', but a network must be a plain mutable struct or an instantiable class ...</summary>
        public static readonly DiagnosticDescriptor UnsupportedModifier = Error(DiagnosticIds.UnsupportedModifier,
            "Unsupported type modifier",
            "'{0}' is declared '{1}', but a network must be a plain mutable struct or an instantiable class that can implement 'INetwork<T>'");

        /// <summary>PGEN011: '{0}' has more than one [Network] attribute.</summary>
        public static readonly DiagnosticDescriptor DuplicateAttribute = Error(DiagnosticIds.DuplicateAttribute,
            "Network attribute applied more than once",
            "'{0}' has more than one [Network] attribute");

        /// <summary>PGEN012: '{0}' has an invalid [Network] argument '{1}'.</summary>
        public static readonly DiagnosticDescriptor InvalidArgument = Error(DiagnosticIds.InvalidArgument,
            "Invalid Network attribute argument",
            "'{0}' has an invalid [Network] argument '{1}'");

        /// <summary>PGEN040: '{0}' has {1} parameters, more than a struct network holds ({2}).</summary>
        public static readonly DiagnosticDescriptor StructTooLarge = Error(DiagnosticIds.StructTooLarge,
            "Network too large for a struct",
            "'{0}' has {1} parameters, more than a struct network holds ({2}): declare it as a 'partial class' instead (a struct keeps its parameters inline, and every copy would copy them all)");

        /// <summary>PGEN020: '{0}' bakes weights from '{1}', but {2}.</summary>
        public static readonly DiagnosticDescriptor WeightsFileNotFound = Error(DiagnosticIds.WeightsFileNotFound,
            "Weights file not found",
            "'{0}' bakes weights from '{1}', but {2}");

        /// <summary>PGEN021: '{0}' bakes weights from '{1}', but {2}.</summary>
        public static readonly DiagnosticDescriptor WeightsFileAmbiguous = Error(DiagnosticIds.WeightsFileAmbiguous,
            "Weights file name is ambiguous",
            "'{0}' bakes weights from '{1}', but {2}");

        /// <summary>PGEN022: '{0}' cannot bake weights from '{1}': {2}.</summary>
        public static readonly DiagnosticDescriptor WeightsFileInvalid = Error(DiagnosticIds.WeightsFileInvalid,
            "Weights file is invalid",
            "'{0}' cannot bake weights from '{1}': {2}");

        /// <summary>PGEN023: '{0}' cannot bake weights from '{1}': {2}.</summary>
        public static readonly DiagnosticDescriptor WeightsMismatch = Error(DiagnosticIds.WeightsMismatch,
            "Weights do not match the network",
            "'{0}' cannot bake weights from '{1}': {2}");

        /// <summary>PGEN024: '{0}' cannot bake weights from '{1}': {2}.</summary>
        public static readonly DiagnosticDescriptor WeightsChecksum = Error(DiagnosticIds.WeightsChecksum,
            "Weights file checksum does not match",
            "'{0}' cannot bake weights from '{1}': {2}");
        /// <summary>Every descriptor, in id order.</summary>
        public static readonly DiagnosticDescriptor[] All =
        {
            NotAStructOrClass, NotPartial, ContainerNotPartial, Generic, SizeOutOfRange, SizeNotSet, AboveUnrollingBudget,
            UndefinedEnumValue, UnsupportedOutputActivation, InvalidLeakySlope, MemberNameClash, UnsupportedModifier,
            DuplicateAttribute, InvalidArgument, OutputOnlyActivation, SoftmaxNeedsTwoOutputs, StructTooLarge,
            WeightsFileNotFound, WeightsFileAmbiguous, WeightsFileInvalid, WeightsMismatch, WeightsChecksum,
        };

        private static DiagnosticDescriptor Error(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, UsageCategory, DiagnosticSeverity.Error, isEnabledByDefault: true,
                helpLinkUri: HelpLink(id));
    }
}
