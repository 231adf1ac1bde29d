namespace PlanarGen
{
    /// <summary>Whether a weights file's <c>planargen.checksum</c> agrees with its tensor data.</summary>
    public enum WeightsChecksumStatus
    {
        /// <summary>The file has no <c>planargen.checksum</c> key: a foreign file (NumPy, PyTorch, ...).</summary>
        None = 0,

        /// <summary>The stored checksum equals the XXH64 of the tensor data.</summary>
        Matches = 1,

        /// <summary>The stored checksum differs from the XXH64 of the tensor data (or is not a checksum at all): the data was altered or damaged.</summary>
        DoesNotMatch = 2,
    }
}
