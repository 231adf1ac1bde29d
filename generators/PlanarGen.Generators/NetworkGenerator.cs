using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PlanarGen.Generators.Emit;
using PlanarGen.Generators.Model;
using PlanarGen.Generators.Parsing;
using PlanarGen.Generators.Weights;

namespace PlanarGen.Generators
{
    /// <summary>Emits the network code for every valid [Network] partial struct or class. Wiring only: parsing lives in
    /// <see cref="NetworkParser"/>, text in <see cref="NetworkEmitter"/>. Invalid declarations produce nothing here;
    /// the analyzer reports them.</summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class NetworkGenerator : IIncrementalGenerator
    {
        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<NetworkSpec> networks = context.SyntaxProvider
                .ForAttributeWithMetadataName(KnownNames.NetworkAttributeMetadataName,
                    static (node, _) => node is StructDeclarationSyntax or ClassDeclarationSyntax,
                    static (ctx, ct) => NetworkParser.TryParse(ctx, ct))
                .WithTrackingName(TrackingNames.Parse)
                .Where(static spec => spec is not null)
                .Select(static (spec, _) => spec!)
                .WithTrackingName(TrackingNames.ValidNetworks);

            // Baked weights (Weights = "file.json"): networks with their parameters read from the additional files.
            IncrementalValuesProvider<NetworkSpec> ready = WeightsPipeline.Bake(networks, WeightsPipeline.Files(context));

            context.RegisterSourceOutput(ready, static (spc, spec) =>
                spc.AddSource(spec.Target.HintName, NetworkEmitter.Emit(spec, spc.CancellationToken)));

            // Opt-in registry of the compilation's networks ([assembly: PlanarGen.NetworkRegistry]); see Registry/.
            Registry.NetworkRegistryPipeline.Register(context);
        }
    }
}
