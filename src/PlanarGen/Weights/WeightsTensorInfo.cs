using System.Collections.Generic;

namespace PlanarGen
{
    /// <summary>One tensor of a weights file as <see cref="WeightsFile.Inspect(string)"/> reports it.</summary>
    public sealed class WeightsTensorInfo
    {
        internal WeightsTensorInfo(string name, string dtype, int[] shape)
        {
            Name = name;
            DType = dtype;
            Shape = shape;
        }

        /// <summary>The tensor's name in the file, e.g. <c>W1</c> or <c>0.weight</c>.</summary>
        public string Name { get; }

        /// <summary>The element type in safetensors' spelling: <c>F32</c> or <c>F64</c>.</summary>
        public string DType { get; }

        /// <summary>The dimensions, outermost first (row-major).</summary>
        public IReadOnlyList<int> Shape { get; }
    }
}
