using System.IO;

namespace PlanarGen
{
    /// <summary>
    /// Thrown when a weights file (safetensors, NumPy .npz or PlanarGen JSON) is malformed, truncated, altered, or does not
    /// fit the network it is loaded into. The message says which part of the file is wrong, what was expected and what
    /// was found. The network being loaded is left unchanged.
    /// </summary>
    /// <remarks>Derived from <see cref="IOException"/> (<see cref="InvalidDataException"/>, the closer match, is sealed),
    /// so code that handles failed file reads handles this too.</remarks>
    public sealed class WeightsFormatException : IOException
    {
        /// <summary>Creates the exception with a message that names the part of the file, the expectation and the finding.</summary>
        public WeightsFormatException(string message) : base(message)
        {
        }

        /// <summary>Creates the exception for the file at <paramref name="path"/>, wrapping the problem found in its content.</summary>
        public WeightsFormatException(string path, WeightsFormatException inner)
            : base($"Weights file '{path}': {inner.Message}", inner)
        {
            Path = path;
        }

        /// <summary>The file the weights came from, when they were loaded from a path; otherwise null.</summary>
        public string? Path { get; }
    }
}
