using System.Collections.Generic;

namespace PlanarGen.Generators.Weights
{
    /// <summary>One tensor as text: its dtype name, shape and the positions of its numbers (start, length pairs).</summary>
    internal sealed class WeightsJsonTensor
    {
        public WeightsJsonTensor(string name, string dtype, int[] shape, List<int> numbers)
        {
            Name = name;
            DType = dtype;
            Shape = shape;
            Numbers = numbers;
        }

        public string Name { get; }

        public string DType { get; }

        public int[] Shape { get; }

        public List<int> Numbers { get; }

        public int Count => Numbers.Count / 2;
    }
}
