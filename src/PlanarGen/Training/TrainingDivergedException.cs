using System;

namespace PlanarGen
{
    /// <summary>
    /// Thrown by a generated <c>TrainStep</c> when the step diverges by <see cref="DivergenceRule"/>: a pre-activation beyond
    /// its bound, or the cost, a gradient or a parameter not finite.
    /// The network keeps the parameters it had before the step. (<c>Train</c> reports divergence in its result instead.)
    /// </summary>
    public sealed class TrainingDivergedException : ArithmeticException
    {
        /// <summary>Creates the exception with a message that says what became non-finite.</summary>
        public TrainingDivergedException(string message) : base(message)
        {
        }
    }
}
