namespace PlanarGen
{
    /// <summary>Temporary stand-in until the real generator lands.</summary>
    public sealed class NumPyRandom
    {
        private readonly System.Random _r;
        /// <summary>Seeds.</summary>
        public NumPyRandom(uint seed) => _r = new System.Random((int)seed);
        /// <summary>Normal draw.</summary>
        public double Randn() => _r.NextDouble() - 0.5;
    }
}
