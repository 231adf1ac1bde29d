namespace PlanarGen
{
    /// <summary>The floating-point type a generated network computes in.</summary>
    public enum Precision
    {
        /// <summary>32-bit <see cref="float"/>: twice the SIMD lanes, about 7 significant digits.</summary>
        Single = 0,

        /// <summary>64-bit <see cref="double"/>: agrees with the exact notebook path to about 1e-9.</summary>
        Double = 1,
    }
}
