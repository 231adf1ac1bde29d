using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    internal static partial class NetworkEmitter
    {
        private const string InputScalingApi = "global::PlanarGen.InputScaling";

        /// <summary>Input scaling (docs/weights.md#input-scaling): offsets then scales held inline in every form, so a struct copy
        /// has its own and a class's Clone (MemberwiseClone) copies them; the arithmetic and checks are the runtime's
        /// InputScaling. Nothing else reads the storage: Predict and training see exactly the inputs they are given.</summary>
        private static void WriteInputScaling(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            int count = 2 * spec.Inputs;
            string span = $"{KnownNames.Span}<{n.T}>";
            string readOnlySpan = $"{KnownNames.ReadOnlySpan}<{n.T}>";
            w.Lines($"""
                // Input scaling: {spec.Inputs} offsets, then {spec.Inputs} scales; all zero and unused until SetInputScaling.
                {GeneratedCode}
                private InputScalingStorage _inputScaling;

                {GeneratedCode}
                private bool _hasInputScaling;

                /// <summary>{count} values side by side (sequential layout, no padding between fields of one type), read as a span.</summary>
                {GeneratedCode}
                [global::System.Runtime.InteropServices.StructLayout(global::System.Runtime.InteropServices.LayoutKind.Sequential)]
                """);
            using (w.Block("private struct InputScalingStorage"))
            {
                w.Line("// Only ever read and written through InputScalingOf, never by name.");
                w.Line("#pragma warning disable CS0169, CS0649");
                for (int k = 0; k < count; k += StorageFieldsPerLine)
                {
                    int first = k;
                    w.Line($"private {n.T} {Join(System.Math.Min(StorageFieldsPerLine, count - k), j => $"S{first + j}")};");
                }
                w.Line("#pragma warning restore CS0169, CS0649");
            }
            w.Lines($$"""

                {{GeneratedCode}}
                private static {{span}} InputScalingOf(ref InputScalingStorage storage) => {{KnownNames.MemoryMarshal}}.Cast<InputScalingStorage, {{n.T}}>({{KnownNames.MemoryMarshal}}.CreateSpan(ref storage, 1));

                /// <summary>Whether this network carries input scaling, <c>x' = (x - offset) * scale</c> per input (set by SetInputScaling or
                /// by loading a weights file that has it). Predict never applies it: call ScaleInputs or ScaleFeatures first.</summary>
                {{GeneratedCode}}
                public bool HasInputScaling => _hasInputScaling;

                /// <summary>Copies the {{spec.Inputs}} input offsets and scales out and returns true, or returns false (writing nothing) when the network has none.</summary>
                /// <exception cref="global::System.ArgumentException">A span's length is not the input count.</exception>
                {{GeneratedCode}}
                public bool TryGetInputScaling({{span}} offsets, {{span}} scales) => {{InputScalingApi}}.TryGet(_hasInputScaling, InputScalingOf(ref _inputScaling), offsets, scales);

                /// <summary>Sets the input scaling: one finite offset and one finite, non-zero scale per input. The network is unchanged on error.</summary>
                /// <exception cref="global::System.ArgumentException">A length is not the input count, a value is not finite, or a scale is zero.</exception>
                {{GeneratedCode}}
                public void SetInputScaling({{readOnlySpan}} offsets, {{readOnlySpan}} scales)
                {
                    {{InputScalingApi}}.Set(InputScalingOf(ref _inputScaling), offsets, scales);
                    _hasInputScaling = true;
                }

                /// <summary>Removes the input scaling; ScaleInputs and ScaleFeatures then copy their input unchanged.</summary>
                {{GeneratedCode}}
                public void ClearInputScaling()
                {
                    _inputScaling = default;
                    _hasInputScaling = false;
                }

                /// <summary>One raw sample ({{spec.Inputs}} values) to the network's input space: <c>(raw[i] - offset[i]) * scale[i]</c>, or a copy
                /// when the network has no input scaling. <paramref name="raw"/> and <paramref name="scaled"/> may be the same span. Allocation-free.</summary>
                /// <exception cref="global::System.ArgumentException">A length is not the input count.</exception>
                {{GeneratedCode}}
                public void ScaleInputs({{readOnlySpan}} raw, {{span}} scaled) => {{InputScalingApi}}.Apply(_hasInputScaling, InputScalingOf(ref _inputScaling), raw, scaled);

                /// <summary>A feature matrix in DataSet layout ({{spec.Inputs}} rows of <paramref name="sampleCount"/> values, feature-major) scaled
                /// per feature, or copied when the network has no input scaling. The spans may be the same. Allocation-free.</summary>
                /// <exception cref="global::System.ArgumentException">A length is not Inputs x sampleCount.</exception>
                {{GeneratedCode}}
                public void ScaleFeatures({{readOnlySpan}} features, {{span}} scaled, int sampleCount) => {{InputScalingApi}}.ApplyToFeatures(_hasInputScaling, InputScalingOf(ref _inputScaling), features, scaled, sampleCount);

                """);
        }
    }
}
