namespace PlanarGen
{
    /// <summary>The result of <see cref="NotebookModel.NnModel"/>: the trained model and every iteration's cost.</summary>
    public sealed class NotebookRun
    {
        internal NotebookRun(NotebookModel model, double[] costs, int divergedAtIteration)
        {
            Model = model;
            Costs = costs;
            DivergedAtIteration = divergedAtIteration;
        }

        /// <summary>The trained model (on divergence: the parameters that produced the first non-finite cost).</summary>
        public NotebookModel Model { get; }

        /// <summary>The cost of every iteration, computed before that iteration's update (as the notebook prints it).
        /// On divergence it ends with the first non-finite cost.</summary>
        public double[] Costs { get; }

        /// <summary>The iteration whose cost was first not finite, or -1 if training never diverged.</summary>
        public int DivergedAtIteration { get; }

        /// <summary>Whether training stopped on a non-finite cost.</summary>
        public bool Diverged => DivergedAtIteration >= 0;
    }
}
