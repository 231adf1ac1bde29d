using System.Collections.Generic;

namespace PlanarGen.Generators.Weights
{
    /// <summary>What <see cref="WeightsJsonReader"/> read: metadata in file order and tensors in file order.</summary>
    internal sealed class WeightsJsonDocument
    {
        public WeightsJsonDocument(List<KeyValuePair<string, string>> metadata, List<WeightsJsonTensor> tensors)
        {
            Metadata = metadata;
            Tensors = tensors;
        }

        public List<KeyValuePair<string, string>> Metadata { get; }

        public List<WeightsJsonTensor> Tensors { get; }
    }
}
