using System.Linq;
using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    internal static partial class NetworkEmitter
    {
        private static void WriteInitialize(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            WriteInitializeOpening(w);
            w.Lines($$"""
                    // Drawn in the notebook's order into zeroed stack memory (the biases stay zero), checked, then loaded: a scale that
                    // overflows a parameter leaves the network unchanged.
                    {{KnownNames.Span}}<{{n.T}}> p = stackalloc {{n.T}}[ParameterCount];
                {{RandomDraws(spec, n)}}
                    {{KnownNames.NetworkValidation}}.RequireFiniteDraws(p, scale);
                    LoadParameters(p);
                }

                /// <summary>Sets every parameter to zero: the symmetric start that keeps all hidden units identical.</summary>
                {{GeneratedCode}}
                public void InitializeZeros()
                {
                """);
            foreach (string name in ParameterNames(spec)) w.Line($"    {name} = {n.Lit(0)};");
            w.Line("    _training = default;");
            w.Lines("""
                }

                """);
        }

        /// <summary>The normal draws of W1 and W2 into <c>p</c>, in the notebook's order (the biases are left zero).</summary>
        private static string RandomDraws(NetworkSpec spec, Spelling n)
        {
            string cast = n.IsSingle ? "(float)" : "";
            ParameterLayout at = spec.Layout;
            return $"""
                    for (int k = 0; k < {at.B1}; k++) p[k] = {cast}(random.Randn() * scale);
                    for (int k = {at.W2}; k < {at.B2}; k++) p[k] = {cast}(random.Randn() * scale);
                """;
        }

        private static void WriteParameterCopies(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            string[] names = ParameterNames(spec).ToArray();
            WriteCopyParametersToOpening(w, n);
            for (int k = 0; k < names.Length; k++) w.Line($"    destination[{k}] = {names[k]};");
            w.Line("}");
            w.Line();
            WriteLoadParametersOpening(w, n);
            for (int k = 0; k < names.Length; k++) w.Line($"    {names[k]} = source[{k}];");
            w.Line("}");
            w.Line();
        }

        /// <summary>CopyParametersTo's documentation, signature and check, shared by both forms (the caller writes the copy and the closing brace).</summary>
        private static void WriteCopyParametersToOpening(CodeWriter w, Spelling n) =>
            w.Lines($$"""
                /// <summary>Copies the parameters in the notebook's order: W1 (Hidden x Inputs, row-major), b1, W2 (Outputs x Hidden, row-major), b2.</summary>
                /// <param name="destination">Exactly <see cref="ParameterCount"/> values.</param>
                {{GeneratedCode}}
                public void CopyParametersTo({{KnownNames.Span}}<{{n.T}}> destination)
                {
                    {{KnownNames.NetworkValidation}}.RequireLength(destination.Length, ParameterCount, nameof(destination), "the parameters W1, b1, W2, b2");
                """);

        /// <summary>LoadParameters' documentation, signature and checks, shared by both forms (the caller writes the load and the closing brace).</summary>
        private static void WriteLoadParametersOpening(CodeWriter w, Spelling n) =>
            w.Lines($$"""
                /// <summary>Loads parameters in the order <see cref="CopyParametersTo"/> writes; every value must be finite.</summary>
                /// <param name="source">Exactly <see cref="ParameterCount"/> finite values.</param>
                {{GeneratedCode}}
                public void LoadParameters({{KnownNames.ReadOnlySpan}}<{{n.T}}> source)
                {
                    {{KnownNames.NetworkValidation}}.RequireLength(source.Length, ParameterCount, nameof(source), "the parameters W1, b1, W2, b2");
                    for (int k = 0; k < source.Length; k++) {{KnownNames.NetworkValidation}}.RequireFinite(source[k], nameof(source), k);
                    _training = default;
                """);

        /// <summary>Initialize's documentation, signature and argument checks, shared by both forms (the caller writes the body,
        /// indented one level, and the closing brace).</summary>
        private static void WriteInitializeOpening(CodeWriter w) =>
            w.Lines($$"""
                /// <summary>
                /// Initialises as the notebook does: W1 = scale * randn(Hidden, Inputs) row-major, then W2 = scale * randn(Outputs, Hidden),
                /// biases zero. Seed <paramref name="random"/> with 2 to get the notebook's weights.
                /// </summary>
                /// <param name="random">NumPy-compatible source of the normal draws.</param>
                /// <param name="scale">Factor applied to each draw (in double, as numpy does); finite and positive, and small enough that
                /// every parameter is finite (else the network is left unchanged).</param>
                {{GeneratedCode}}
                public void Initialize({{KnownNames.NumPyRandom}} random, double scale = 0.01)
                {
                    if (random is null) throw new {{KnownNames.ArgumentNullException}}(nameof(random));
                    {{KnownNames.NetworkValidation}}.RequireScale(scale);
                """);
    }
}
