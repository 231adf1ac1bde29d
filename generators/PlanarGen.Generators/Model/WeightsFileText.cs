namespace PlanarGen.Generators.Model
{
    /// <summary>An additional file that may hold baked weights: its file name (no folder) and its text (null when it
    /// could not be read). Value-equal, so an unchanged file keeps everything downstream cached.</summary>
    internal sealed record WeightsFileText(string FileName, string? Text);
}
