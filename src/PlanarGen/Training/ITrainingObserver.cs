namespace PlanarGen
{
    /// <summary>
    /// Receives the cost during <c>Train</c>. Implement it on a struct and pass it by <c>ref</c>: the call is then
    /// a direct, inlinable call with no delegate or boxing allocation.
    /// </summary>
    public interface ITrainingObserver
    {
        /// <summary>Called with the cost computed before the update of <paramref name="iteration"/> (after that update is applied).</summary>
        /// <returns>True to go on; false to stop training now (the result's <see cref="TrainingResult.StoppedByObserver"/> is then
        /// true and <see cref="TrainingResult.IterationsCompleted"/> is <paramref name="iteration"/> + 1).</returns>
        bool OnCost(int iteration, double cost);
    }
}
