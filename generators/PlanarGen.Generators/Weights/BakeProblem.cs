namespace PlanarGen.Generators.Weights
{
    /// <summary>Why weights cannot be baked; each kind is one diagnostic id (docs/diagnostics.md).</summary>
    internal enum BakeProblemKind
    {
        /// <summary>PGEN020: no additional file has the name.</summary>
        NotFound,

        /// <summary>PGEN021: several additional files have the name.</summary>
        Ambiguous,

        /// <summary>PGEN022: the file cannot be read, is not PlanarGen JSON, or holds a value that is not finite in its dtype.</summary>
        Invalid,

        /// <summary>PGEN023: tensor names or shapes, or the metadata's shape, activations, slope or precision, differ from the declaration.</summary>
        Mismatch,

        /// <summary>PGEN024: planargen.checksum is not the XXH64 of the data.</summary>
        Checksum,
    }

    /// <summary>A problem and its explanation (one clause, no trailing period: it ends a diagnostic message).</summary>
    internal sealed record BakeProblem(BakeProblemKind Kind, string Detail);
}
