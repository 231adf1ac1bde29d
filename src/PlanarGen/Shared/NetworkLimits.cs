namespace PlanarGen
{
    /// <summary>The sizes the generator accepts for a [Network] declaration.</summary>
    /// <remarks>Compiled into the runtime and the generator, so the analyzer and the docs quote the same numbers.</remarks>
    public static class NetworkLimits
    {
        /// <summary>Smallest number of units in any layer.</summary>
        public const int MinUnits = 1;

        /// <summary>Largest number of input features.</summary>
        public const int MaxInputs = 1024;

        /// <summary>Largest number of hidden units.</summary>
        public const int MaxHidden = 1024;

        /// <summary>Largest number of outputs.</summary>
        public const int MaxOutputs = 64;

        /// <summary>Most parameters a network declared as a <c>struct</c> may have (16 KiB of floats, 32 KiB of doubles): a struct
        /// keeps its parameters inline so that a copy is independent, and every copy copies them all. Larger networks are
        /// declared as a <c>partial class</c> (PGEN040 otherwise).</summary>
        public const int MaxStructParameters = 4096;

        /// <summary>Default negative-side slope of <see cref="Activation.LeakyReLU"/>.</summary>
        public const double DefaultLeakySlope = 0.01;
    }
}
