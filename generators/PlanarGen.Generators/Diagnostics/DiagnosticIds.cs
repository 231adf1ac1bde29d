namespace PlanarGen.Generators.Diagnostics
{
    /// <summary>Every diagnostic id PlanarGen reports, listed once. The README diagnostics table has one row per id.</summary>
    public static class DiagnosticIds
    {
        /// <summary>[Network] is on an interface, record, enum or delegate rather than a plain struct or class.</summary>
        public const string NotAStructOrClass = "PGEN001";

        /// <summary>The network struct is not declared partial.</summary>
        public const string NotPartial = "PGEN002";

        /// <summary>A type containing the network struct is not declared partial.</summary>
        public const string ContainerNotPartial = "PGEN003";

        /// <summary>The network struct is generic or nested in a generic type.</summary>
        public const string Generic = "PGEN004";

        /// <summary>Inputs, Hidden or Outputs is missing or outside <c>NetworkLimits</c>.</summary>
        public const string SizeOutOfRange = "PGEN005";

        /// <summary>The parameter count is above the unrolling budget; the code is emitted as loops (Info).</summary>
        public const string AboveUnrollingBudget = "PGEN006";

        /// <summary>An activation or precision value is undefined, or the output activation is a hidden-only one (Tanh, ReLU, LeakyReLU).</summary>
        public const string UnsupportedEnumValue = "PGEN007";

        /// <summary>LeakySlope is not a finite number in (0, 1).</summary>
        public const string InvalidLeakySlope = "PGEN008";

        /// <summary>A user member (or the type itself) has a name the generated code declares.</summary>
        public const string MemberNameClash = "PGEN009";

        /// <summary>The struct is readonly or ref, the class static or abstract, or the type file-local.</summary>
        public const string UnsupportedModifier = "PGEN010";

        /// <summary>[Network] is applied more than once to the same type.</summary>
        public const string DuplicateAttribute = "PGEN011";

        /// <summary>An attribute argument is positional, unknown, repeated or not a valid constant.</summary>
        public const string InvalidArgument = "PGEN012";

        /// <summary>HiddenActivation is Softmax or Linear, which are output activations only.</summary>
        public const string OutputOnlyActivation = "PGEN030";

        /// <summary>OutputActivation is Softmax with fewer than 2 outputs.</summary>
        public const string SoftmaxNeedsTwoOutputs = "PGEN031";

        /// <summary>A struct network has more parameters than <c>NetworkLimits.MaxStructParameters</c>: it must be a class.</summary>
        public const string StructTooLarge = "PGEN040";

        /// <summary>The Weights file is not among the additional files.</summary>
        public const string WeightsFileNotFound = "PGEN020";

        /// <summary>More than one additional file has the Weights file name.</summary>
        public const string WeightsFileAmbiguous = "PGEN021";

        /// <summary>The Weights file cannot be read, is not PlanarGen JSON, or holds a value not finite in its precision.</summary>
        public const string WeightsFileInvalid = "PGEN022";

        /// <summary>The Weights file's tensors or metadata do not match the declaration (shape, activation, slope, precision).</summary>
        public const string WeightsMismatch = "PGEN023";

        /// <summary>The Weights file's planargen.checksum does not match its data.</summary>
        public const string WeightsChecksum = "PGEN024";
    }
}
