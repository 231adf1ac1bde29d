namespace PlanarGen
{
    /// <summary>An observer that ignores every report; used by the <c>Train</c> overload without an observer.</summary>
    public struct NoTrainingObserver : ITrainingObserver
    {
        /// <inheritdoc />
        public bool OnCost(int iteration, double cost) => true;
    }
}
