using System;
using System.Collections.Generic;

namespace PlanarGen.Cli.Pictures
{
    /// <summary>
    /// Bounds the work of a decision-boundary picture. The notebook's picture predicts every point of a 0.01 grid
    /// (about a million points on the flower), and a model costs time per hidden unit at every point: a big exact
    /// model would take minutes. So when points x hidden units, summed over a picture's panels, exceeds
    /// <see cref="UnitEvaluationsPerPicture"/>, every panel's grid is widened by the same factor until it fits. The
    /// picture still shows the model's own class at the centre of every cell, on a coarser grid that its title states.
    /// </summary>
    internal static class GridBudget
    {
        /// <summary>Hidden-unit evaluations per picture. The exact path evaluates a few 10^7 a second, so this is
        /// about 2 s at worst; every picture of the generated networks (at most 50 units) stays on the notebook's grid.</summary>
        public const long UnitEvaluationsPerPicture = 60_000_000;

        /// <summary>The grid step for every panel: <paramref name="step"/>, or the smallest wider step that brings the
        /// work within <paramref name="budget"/> (never fewer than one cell per panel).</summary>
        public static double Step(IReadOnlyList<((double XMin, double XMax, double YMin, double YMax) Limits, int UnitsPerPoint)> panels, double step, long budget)
        {
            double Work(double s)
            {
                double work = 0;
                foreach (var panel in panels) work += (double)Cells(panel.Limits, s) * Math.Max(1, panel.UnitsPerPoint);
                return work;
            }

            bool Single(double s)
            {
                foreach (var panel in panels)
                    if (Cells(panel.Limits, s) > 1) return false;
                return true;
            }

            double used = step;
            if (Work(step) > budget)
            {
                used = step * Math.Sqrt(Work(step) / Math.Max(1, budget));
                while (Work(used) > budget && !Single(used)) used *= 1.01; // whole cells round up, so the estimate can overshoot a little
            }

            return used;
        }

        /// <summary>Grid cells of a panel's regions at step <paramref name="step"/>, as drawn: whole cells covering the range.</summary>
        public static long Cells((double XMin, double XMax, double YMin, double YMax) limits, double step) =>
            (long)Columns(limits, step) * Rows(limits, step);

        public static int Columns((double XMin, double XMax, double YMin, double YMax) limits, double step) => (int)Math.Ceiling((limits.XMax - limits.XMin) / step);

        public static int Rows((double XMin, double XMax, double YMin, double YMax) limits, double step) => (int)Math.Ceiling((limits.YMax - limits.YMin) / step);
    }
}
