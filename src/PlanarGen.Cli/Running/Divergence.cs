using System.Collections.Generic;
using System.Globalization;

namespace PlanarGen.Cli.Running
{
    /// <summary>
    /// When a run counts as diverged. The exact path's cost becomes infinite once a prediction saturates at 0 or 1
    /// (NumPy's <c>log(0)</c>), but the generated networks compute the cost stably, so a runaway learning rate there gives
    /// a large finite cost instead (217 after 10,000 steps at rate 1000). Both count: a non-finite cost or update,
    /// or a cost above ten times the cost of guessing 0.5 everywhere (ln 2).
    /// </summary>
    internal static class Divergence
    {
        public const double GuessCost = 0.69314718055994531;
        public const double BlowUpCost = 10 * GuessCost;

        public const string NonFinite = "the cost or an update became non-finite; the parameters from before that iteration were kept";

        /// <summary>The first recorded iteration (or <paramref name="iterations"/> for the final cost) whose cost is above
        /// <see cref="BlowUpCost"/>, with the reason; (-1, null) when there is none.</summary>
        public static (int Iteration, string? Reason) FindBlowUp(IReadOnlyList<(int Iteration, double Cost)> costs, int iterations, double finalCost)
        {
            foreach ((int iteration, double cost) in costs)
                if (cost > BlowUpCost) return (iteration, Reason(cost));
            return finalCost > BlowUpCost ? (iterations, Reason(finalCost)) : (-1, null);
        }

        private static string Reason(double cost) => string.Format(CultureInfo.InvariantCulture,
            "the cost rose to {0:F6}, more than ten times the cost of guessing (ln 2 = 0.693147)", cost);
    }
}
