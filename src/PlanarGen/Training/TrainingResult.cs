using System.Globalization;

namespace PlanarGen
{
    /// <summary>What a <c>Train</c> call did.</summary>
    public readonly struct TrainingResult
    {
        /// <summary>Creates a result; generated code calls this.</summary>
        public TrainingResult(int iterationsCompleted, int lastCostIteration, double lastCost, int divergedAtIteration)
        {
            IterationsCompleted = iterationsCompleted;
            LastCostIteration = lastCostIteration;
            LastCost = lastCost;
            DivergedAtIteration = divergedAtIteration;
        }

        /// <summary>Creates a result that may say why training stopped before its iterations; generated code calls this.</summary>
        public TrainingResult(int iterationsCompleted, int lastCostIteration, double lastCost, int divergedAtIteration, bool stoppedByObserver,
            bool outOfTime)
            : this(iterationsCompleted, lastCostIteration, lastCost, divergedAtIteration)
        {
            StoppedByObserver = stoppedByObserver;
            OutOfTime = outOfTime;
        }

        /// <summary>Whether the observer's <see cref="ITrainingObserver.OnCost"/> returned false (after that iteration's update,
        /// which <see cref="IterationsCompleted"/> counts).</summary>
        public bool StoppedByObserver { get; }

        /// <summary>Whether <c>TrainFor</c> stopped because its time budget was spent (<see cref="IterationsCompleted"/> steps ran).</summary>
        public bool OutOfTime { get; }

        /// <summary>Number of updates applied to the parameters.</summary>
        public int IterationsCompleted { get; }

        /// <summary>The iteration whose cost is <see cref="LastCost"/>, or -1 when no cost was computed.</summary>
        public int LastCostIteration { get; }

        /// <summary>The last cost computed (before that iteration's update); NaN when none was computed.</summary>
        public double LastCost { get; }

        /// <summary>The iteration at which training stopped because it diverged by <see cref="DivergenceRule"/> (a
        /// pre-activation beyond its bound, or a cost, gradient or updated parameter not finite), or -1. The network then
        /// holds the parameters from before that iteration's update.</summary>
        public int DivergedAtIteration { get; }

        /// <summary>Whether training stopped early because it diverged.</summary>
        public bool Diverged => DivergedAtIteration >= 0;

        /// <inheritdoc />
        public override string ToString() => StoppedByObserver || OutOfTime
            ? string.Format(CultureInfo.InvariantCulture, "{0} iterations completed, then stopped {1}; last cost {2:R} at iteration {3}.",
                IterationsCompleted, StoppedByObserver ? "by the observer" : "by the time budget", LastCost, LastCostIteration)
            : Diverged
            ? string.Format(CultureInfo.InvariantCulture,
                "Diverged at iteration {0} (a pre-activation exceeded the bound, or a cost, gradient or parameter became non-finite); {1} iterations completed, parameters kept from before that update.",
                DivergedAtIteration, IterationsCompleted)
            : string.Format(CultureInfo.InvariantCulture, "{0} iterations completed; last cost {1:R} at iteration {2}.",
                IterationsCompleted, LastCost, LastCostIteration);
    }
}
