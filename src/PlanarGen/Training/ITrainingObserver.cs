namespace PlanarGen
{
    /// <summary>
    /// Receives the cost during <c>Train</c>. Implement it on a struct and pass it by <c>ref</c>: the call is then
    /// a direct, inlinable call with no delegate or boxing allocation.
    /// </summary>
    public interface ITrainingObserver
    {
        /// <summary>Called with the cost computed before the update of <paramref name="iteration"/>.</summary>
        void OnCost(int iteration, double cost);
    }
}
