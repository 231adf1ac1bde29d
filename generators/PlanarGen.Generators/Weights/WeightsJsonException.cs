using System;

namespace PlanarGen.Generators.Weights
{
    /// <summary>A malformed weights file; the message gives the line, the column and what was expected.</summary>
    internal sealed class WeightsJsonException : Exception
    {
        public WeightsJsonException(string message) : base(message) { }
    }
}
