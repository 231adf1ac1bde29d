using PlanarGen.Generators.Model;
using PlanarGen.Generators.Parsing;

namespace PlanarGen.Generators.Weights
{
    /// <summary>The <see cref="BakeTarget"/> of a declaration (analyzer) or of a parsed model (generator).</summary>
    internal static class BakeTargets
    {
        public static BakeTarget Of(in NetworkArguments a) =>
            new BakeTarget(a.Inputs, a.Hidden, a.Outputs, (Activation)a.HiddenActivation, a.LeakySlope, (Precision)a.Precision,
                (Activation)a.OutputActivation);

        public static BakeTarget Of(NetworkSpec spec) =>
            new BakeTarget(spec.Inputs, spec.Hidden, spec.Outputs, spec.HiddenActivation, spec.LeakySlope, spec.Precision, spec.OutputActivation);
    }
}
