using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    internal static partial class NetworkEmitter
    {
        /// <summary>SaveWeights/LoadWeights: thin wrappers over the runtime's NetworkWeights, which does the formats and checks;
        /// <c>ref this</c> loads the struct in place.</summary>
        private static void WriteWeights(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            const string Api = "global::PlanarGen.NetworkWeights";
            string generic = $"<{spec.Target.Name}, {n.T}>";
            const string Errors = "/// <exception cref=\"global::PlanarGen.WeightsFormatException\">The content is malformed, damaged or does not fit this network; the network is unchanged.</exception>";

            w.Line("/// <summary>Writes the parameters as safetensors (the default) or PlanarGen JSON, with metadata and a checksum (docs/weights.md).</summary>");
            w.Line(GeneratedCode);
            w.Line($"public void SaveWeights(global::System.IO.Stream destination, global::PlanarGen.WeightsFormat format = global::PlanarGen.WeightsFormat.Safetensors) => {Api}.Save{generic}(in this, destination, format);");
            w.Line();
            w.Line("/// <summary>Writes the parameters to a <c>.safetensors</c> or <c>.json</c> file (by extension), replacing it atomically.</summary>");
            w.Line(GeneratedCode);
            w.Line($"public void SaveWeights(string path) => {Api}.Save{generic}(in this, path);");
            w.Line();
            w.Line("/// <summary>Loads parameters from a safetensors, PlanarGen JSON or NumPy .npz stream (read to its end).</summary>");
            w.Line(Errors);
            w.Line(GeneratedCode);
            w.Line($"public void LoadWeights(global::System.IO.Stream source) => {Api}.Load{generic}(ref this, source);");
            w.Line();
            w.Line("/// <summary>Loads parameters from a safetensors, PlanarGen JSON or NumPy .npz file.</summary>");
            w.Line(Errors);
            w.Line(GeneratedCode);
            w.Line($"public void LoadWeights(string path) => {Api}.Load{generic}(ref this, path);");
            w.Line();
            w.Line("/// <summary>Loads parameters from safetensors, PlanarGen JSON or NumPy .npz bytes in memory (e.g. Unity's TextAsset.bytes).</summary>");
            w.Line(Errors);
            w.Line(GeneratedCode);
            w.Line($"public void LoadWeights({KnownNames.ReadOnlySpan}<byte> content) => {Api}.Load{generic}(ref this, content);");
            w.Line();
        }
    }
}
