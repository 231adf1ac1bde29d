namespace PlanarGen.Cli.Running
{
    /// <summary>
    /// How many hidden units the exact path takes. <see cref="NotebookModel"/> keeps NumPy's arrays: each iteration
    /// allocates Z1, A1 and dZ1, three hidden x samples matrices of doubles (the flower has 400 samples), so at N
    /// hidden units one iteration allocates about 3 x 8 x 400 x N bytes and evaluates 400 x N activations and their
    /// derivatives. At the limit that is about 100 MB and roughly a tenth of a second per iteration: the notebook's
    /// 10,000 iterations take tens of minutes, and memory stays bounded; beyond it both grow without end.
    /// </summary>
    internal static class ExactLimits
    {
        public const int MaxHidden = 10000;

        private const int FlowerSamples = 400;

        /// <summary>The reason, for the error message.</summary>
        public static readonly string Why =
            $"it takes at most {MaxHidden} hidden units, since its NumPy-order arrays make one iteration on the flower allocate "
            + $"3 x 8 bytes x {FlowerSamples} samples x N ({3L * 8 * FlowerSamples * MaxHidden / 1_000_000} MB at {MaxHidden}) and take time in proportion to N.";
    }
}
