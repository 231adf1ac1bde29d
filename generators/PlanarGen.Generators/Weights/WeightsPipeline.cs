using System.Linq;
using Microsoft.CodeAnalysis;
using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Weights
{
    /// <summary>
    /// The generator's baking steps. The text of every additional file that can hold weights (a .json file or Unity's
    /// <c>.additionalfile</c> form) is read once per change into a value-equal list; each network is combined with that list
    /// and its Weights file baked into <see cref="NetworkSpec.Baked"/>. Editing one weights file changes only the models that
    /// name it (the others come out equal, so their source stays cached); a network whose weights cannot be baked is dropped
    /// (the analyzer reports why, PGEN020-024), as any invalid declaration is.
    /// </summary>
    internal static class WeightsPipeline
    {
        public static IncrementalValueProvider<EquatableArray<WeightsFileText>> Files(IncrementalGeneratorInitializationContext context) =>
            context.AdditionalTextsProvider
                .Where(static text => WeightsFileMatch.IsCandidate(WeightsFileMatch.FileName(text.Path)))
                .Select(static (text, ct) => new WeightsFileText(WeightsFileMatch.FileName(text.Path), text.GetText(ct)?.ToString()))
                .Collect()
                .Select(static (files, _) => new EquatableArray<WeightsFileText>(files.ToArray()))
                .WithTrackingName(TrackingNames.WeightsFiles);

        public static IncrementalValuesProvider<NetworkSpec> Bake(IncrementalValuesProvider<NetworkSpec> networks,
            IncrementalValueProvider<EquatableArray<WeightsFileText>> files) =>
            networks.Combine(files)
                .Select(static (pair, _) => Bake(pair.Left, pair.Right))
                .WithTrackingName(TrackingNames.Baked)
                .Where(static spec => spec is not null)
                .Select(static (spec, _) => spec!)
                .WithTrackingName(TrackingNames.NetworkSources);

        /// <summary>The model with its baked parameters, the model itself when it names no file, or null when baking fails.</summary>
        public static NetworkSpec? Bake(NetworkSpec spec, EquatableArray<WeightsFileText> files)
        {
            if (spec.WeightsFile is null) return spec;
            (BakedWeights? baked, _) = WeightsBaker.Bake(spec.WeightsFile, files.ToList(), BakeTargets.Of(spec));
            return baked is null ? null : spec with { Baked = baked };
        }
    }
}
