namespace PlanarGen
{
    /// <summary>The file formats a network's weights can be stored in (see docs/weights.md).</summary>
    public enum WeightsFormat
    {
        /// <summary>safetensors: an 8-byte header length, a JSON header, then the raw little-endian tensors. Extension <c>.safetensors</c>.</summary>
        Safetensors = 0,

        /// <summary>PlanarGen's JSON text form: metadata and, per tensor, dtype, shape and a flat data array. Extension <c>.json</c>.</summary>
        Json = 1,

        /// <summary>NumPy <c>.npz</c> (what <c>np.savez</c> writes); read only.</summary>
        Npz = 2,
    }
}
