namespace PlanarGen
{
    /// <summary>Temporary stand-in until the real data sets land.</summary>
    public static class PlanarDataSets
    {
        /// <summary>Not the flower yet.</summary>
        public static PlanarData<double> Flower() => throw new System.NotSupportedException("The flower data set is not merged yet.");
    }
}
