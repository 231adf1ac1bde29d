using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    internal static partial class NetworkEmitter
    {
        private const string InputScalingApi = "global::PlanarGen.InputScaling";

        private const int ScalingBlockSize = 16;

        /// <summary>Input scaling (docs/weights.md#input-scaling): offsets then scales held inline in every form, so a struct copy
        /// has its own and a class's Clone (MemberwiseClone) copies them; the arithmetic and checks are the runtime's
        /// InputScaling. Nothing else reads the storage: Predict and training see exactly the inputs they are given.</summary>
        private static void WriteInputScaling(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            int count = 2 * spec.Inputs;
            // Blocks of 16 values keep the declaration short for wide inputs (784 inputs: 98 block fields, not 1,568);
            // the span is cut to the exact length.
            int blocks = (count + ScalingBlockSize - 1) / ScalingBlockSize;
            string span = $"{KnownNames.Span}<{n.T}>";
            string readOnlySpan = $"{KnownNames.ReadOnlySpan}<{n.T}>";
            const string Sequential = "[global::System.Runtime.InteropServices.StructLayout(global::System.Runtime.InteropServices.LayoutKind.Sequential)]";
            w.Lines($"""
                // Input scaling: {spec.Inputs} offsets, then {spec.Inputs} scales; all zero and unused until SetInputScaling.
                {GeneratedCode}
                private InputScalingStorage _inputScaling;

                {GeneratedCode}
                private bool _hasInputScaling;

                /// <summary>{blocks} x {ScalingBlockSize} values side by side (sequential layout, no padding between fields of one type), read as a span.</summary>
                {GeneratedCode}
                {Sequential}
                """);
            using (w.Block("private struct InputScalingStorage"))
            {
                w.Line("#pragma warning disable CS0169, CS0649");
                for (int k = 0; k < blocks; k += StorageFieldsPerLine)
                {
                    int first = k;
                    w.Line($"private InputScalingBlock {Join(System.Math.Min(StorageFieldsPerLine, blocks - k), j => $"B{first + j}")};");
                }
                w.Line("#pragma warning restore CS0169, CS0649");
            }
            w.Line();
            w.Line(GeneratedCode);
            w.Line(Sequential);
            using (w.Block("private struct InputScalingBlock"))
            {
                w.Line("#pragma warning disable CS0169, CS0649");
                w.Line($"private {n.T} {Join(ScalingBlockSize, j => $"S{j}")};");
                w.Line("#pragma warning restore CS0169, CS0649");
            }
            w.Lines($$"""

                {{GeneratedCode}}
                private static {{span}} InputScalingOf(ref InputScalingStorage storage) => {{KnownNames.MemoryMarshal}}.Cast<InputScalingStorage, {{n.T}}>({{KnownNames.MemoryMarshal}}.CreateSpan(ref storage, 1)).Slice(0, {{count}});

                // Input scaling's members: documented on global::PlanarGen.INetwork<T> (docs/weights.md#input-scaling).
                /// <inheritdoc/>
                {{GeneratedCode}}
                public bool HasInputScaling => _hasInputScaling;

                /// <inheritdoc/>
                {{GeneratedCode}}
                public bool TryGetInputScaling({{span}} offsets, {{span}} scales) => {{InputScalingApi}}.TryGet(_hasInputScaling, InputScalingOf(ref _inputScaling), offsets, scales);

                /// <inheritdoc/>
                {{GeneratedCode}}
                public void SetInputScaling({{readOnlySpan}} offsets, {{readOnlySpan}} scales)
                {
                    {{InputScalingApi}}.Set(InputScalingOf(ref _inputScaling), offsets, scales);
                    _hasInputScaling = true;
                }

                /// <inheritdoc/>
                {{GeneratedCode}}
                public void ClearInputScaling()
                {
                    _inputScaling = default;
                    _hasInputScaling = false;
                }

                /// <inheritdoc/>
                {{GeneratedCode}}
                public void ScaleInputs({{readOnlySpan}} raw, {{span}} scaled) => {{InputScalingApi}}.Apply(_hasInputScaling, InputScalingOf(ref _inputScaling), raw, scaled);

                /// <inheritdoc/>
                {{GeneratedCode}}
                public void ScaleFeatures({{readOnlySpan}} features, {{span}} scaled, int sampleCount) => {{InputScalingApi}}.ApplyToFeatures(_hasInputScaling, InputScalingOf(ref _inputScaling), features, scaled, sampleCount);

                """);
        }
    }
}
