namespace PlanarGen
{
    /// <summary>
    /// The one rule by which a generated <c>Train</c> and <c>TrainStep</c> (both forms, both precisions, every vector path) decide
    /// that an iteration diverged: a pre-activation Z1 or Z2 of some sample whose magnitude is above
    /// <see cref="PreActivationBound"/> or that is NaN, a gradient or updated parameter that is not finite, or (only where the
    /// cost is computed: every <c>TrainStep</c>, and <c>Train</c> at its report iterations) a cost that is not finite. The
    /// network then keeps the parameters it had before that iteration's update.
    /// </summary>
    /// <remarks>
    /// Checking the pre-activations is what makes the rule independent of the cost: with a huge learning rate a double network's
    /// parameters can stay finite (about 1e307) while every Z overflows and tanh/sigmoid saturate, so only the cost, which
    /// <c>Train</c> computes at report iterations only, would show it. Below the bound the cost cannot overflow: a sample's term
    /// softplus(z) - y z (labels 0 or 1) is at most |z| + ln 2, and a data set holds fewer than 2^31 samples, so the sum stays
    /// below 2.2e29 (float reaches 3.4e38). That is why a computed cost never flags an iteration that the rule lets through, and
    /// <c>Train</c> with or without reporting stops at the same iteration as a loop of <c>TrainStep</c> calls.
    /// </remarks>
    public static class DivergenceRule
    {
        /// <summary>
        /// The largest pre-activation magnitude training accepts: 1e20. Far past any meaningful training (tanh and sigmoid are
        /// flat to the last bit beyond about 20), and small enough that the cost sum of any data set stays finite in float.
        /// </summary>
        public const double PreActivationBound = 1e20;
    }
}
