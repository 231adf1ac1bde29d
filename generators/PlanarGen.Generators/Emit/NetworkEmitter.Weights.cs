using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    internal static partial class NetworkEmitter
    {
        private const string WeightsApi = "global::PlanarGen.NetworkWeights";

        /// <summary>SaveWeights/LoadWeights: thin wrappers over the runtime's NetworkWeights, which does the formats and checks.
        /// A struct passes itself by reference (saved without a copy, loaded in place); a class passes its reference.</summary>
        private static void WriteWeights(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            string generic = $"<{spec.Target.Name}, {n.T}>";
            string self = spec.Target.IsClass ? "this" : "in this";
            const string Errors = "/// <exception cref=\"global::PlanarGen.WeightsFormatException\">The content is malformed, damaged or does not fit this network; the network is unchanged.</exception>";

            w.Lines($"""
                /// <summary>Writes the parameters as safetensors (the default) or PlanarGen JSON, with metadata and a checksum (docs/weights.md).</summary>
                {GeneratedCode}
                public void SaveWeights(global::System.IO.Stream destination, global::PlanarGen.WeightsFormat format = global::PlanarGen.WeightsFormat.Safetensors) => {WeightsApi}.Save{generic}({self}, destination, format);

                /// <summary>Writes the parameters to a <c>.safetensors</c> or <c>.json</c> file (by extension), replacing it atomically.</summary>
                {GeneratedCode}
                public void SaveWeights(string path) => {WeightsApi}.Save{generic}({self}, path);

                /// <summary>Loads parameters from a safetensors, PlanarGen JSON or NumPy .npz stream (read to its end).</summary>
                {Errors}
                """);
            WriteLoadWeights(w, spec, generic, "global::System.IO.Stream source");
            w.Lines($"""
                /// <summary>Loads parameters from a safetensors, PlanarGen JSON or NumPy .npz file.</summary>
                {Errors}
                """);
            WriteLoadWeights(w, spec, generic, "string path");
            w.Lines($"""
                /// <summary>Loads parameters from safetensors, PlanarGen JSON or NumPy .npz bytes in memory (e.g. Unity's TextAsset.bytes).</summary>
                {Errors}
                """);
            WriteLoadWeights(w, spec, generic, $"{KnownNames.ReadOnlySpan}<byte> content");
        }

        /// <summary>One LoadWeights overload: a struct loads into <c>ref this</c>; a class, whose <c>this</c> cannot be passed by
        /// reference, through a local that holds the same reference.</summary>
        private static void WriteLoadWeights(CodeWriter w, NetworkSpec spec, string generic, string parameter)
        {
            string argument = parameter.Substring(parameter.LastIndexOf(' ') + 1);
            w.Line(GeneratedCode);
            if (!spec.Target.IsClass)
                w.Line($"public void LoadWeights({parameter}) => {WeightsApi}.Load{generic}(ref this, {argument});");
            else
                w.Lines($$"""
                    public void LoadWeights({{parameter}})
                    {
                        var self = this;
                        {{WeightsApi}}.Load{{generic}}(ref self, {{argument}});
                    }
                    """);
            w.Line();
        }
    }
}
