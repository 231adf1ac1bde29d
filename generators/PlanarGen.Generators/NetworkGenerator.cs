using Microsoft.CodeAnalysis;

namespace PlanarGen.Generators
{
    /// <summary>Emits the network code for every [Network] partial struct.</summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class NetworkGenerator : IIncrementalGenerator
    {
        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
        }
    }
}
