using System.Linq;
using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    internal static partial class NetworkEmitter
    {
        private static void WriteInitialize(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            WriteInitializeOpening(w, remark: null);
            string cast = n.IsSingle ? "(float)" : "";
            int b1 = spec.Hidden * spec.Inputs, w2 = b1 + spec.Hidden, b2 = w2 + spec.Outputs * spec.Hidden;
            w.Line("// Drawn in the notebook's order into zeroed stack memory (the biases stay zero), checked, then loaded: a scale that");
            w.Line("// overflows a parameter leaves the network unchanged.");
            w.Line($"{KnownNames.Span}<{n.T}> p = stackalloc {n.T}[ParameterCount];");
            w.Line($"for (int k = 0; k < {b1}; k++) p[k] = {cast}(random.Randn() * scale);");
            w.Line($"for (int k = {w2}; k < {b2}; k++) p[k] = {cast}(random.Randn() * scale);");
            w.Line($"{KnownNames.NetworkValidation}.RequireFiniteDraws(p, scale);");
            w.Line("LoadParameters(p);");
            w.Close();
            w.Line();

            w.Line("/// <summary>Sets every parameter to zero: the symmetric start that keeps all hidden units identical.</summary>");
            w.Line(GeneratedCode);
            w.Open("public void InitializeZeros()");
            foreach (string name in ParameterNames(spec)) w.Line($"{name} = {n.Lit(0)};");
            w.Close();
            w.Line();
        }

        private static void WriteParameterCopies(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            string[] names = ParameterNames(spec).ToArray();
            w.Line("/// <summary>Copies the parameters in the notebook's order: W1 (Hidden x Inputs, row-major), b1, W2 (Outputs x Hidden, row-major), b2.</summary>");
            w.Line("/// <param name=\"destination\">Exactly <see cref=\"ParameterCount\"/> values.</param>");
            w.Line(GeneratedCode);
            w.Open($"public void CopyParametersTo({KnownNames.Span}<{n.T}> destination)");
            w.Line($"{KnownNames.NetworkValidation}.RequireLength(destination.Length, ParameterCount, nameof(destination), \"the parameters W1, b1, W2, b2\");");
            for (int k = 0; k < names.Length; k++) w.Line($"destination[{k}] = {names[k]};");
            w.Close();
            w.Line();

            w.Line("/// <summary>Loads parameters in the order <see cref=\"CopyParametersTo\"/> writes; every value must be finite.</summary>");
            w.Line("/// <param name=\"source\">Exactly <see cref=\"ParameterCount\"/> finite values.</param>");
            w.Line(GeneratedCode);
            w.Open($"public void LoadParameters({KnownNames.ReadOnlySpan}<{n.T}> source)");
            w.Line($"{KnownNames.NetworkValidation}.RequireLength(source.Length, ParameterCount, nameof(source), \"the parameters W1, b1, W2, b2\");");
            w.Line($"for (int k = 0; k < source.Length; k++) {KnownNames.NetworkValidation}.RequireFinite(source[k], nameof(source), k);");
            for (int k = 0; k < names.Length; k++) w.Line($"{names[k]} = source[{k}];");
            w.Close();
            w.Line();
        }

        /// <summary>Initialize's documentation, signature and argument checks, shared by both forms; <paramref name="remark"/> is
        /// an extra line for the summary.</summary>
        private static void WriteInitializeOpening(CodeWriter w, string? remark)
        {
            w.Line("/// <summary>");
            w.Line("/// Initialises as the notebook does: W1 = scale * randn(Hidden, Inputs) row-major, then W2 = scale * randn(Outputs, Hidden),");
            w.Line("/// biases zero. Seed <paramref name=\"random\"/> with 2 to get the notebook's weights.");
            if (remark != null) w.Line("/// " + remark);
            w.Line("/// </summary>");
            w.Line("/// <param name=\"random\">NumPy-compatible source of the normal draws.</param>");
            w.Line("/// <param name=\"scale\">Factor applied to each draw (in double, as numpy does); finite and positive, and small enough that");
            w.Line("/// every parameter is finite (else the network is left unchanged).</param>");
            w.Line(GeneratedCode);
            w.Open($"public void Initialize({KnownNames.NumPyRandom} random, double scale = 0.01)");
            w.Line($"if (random is null) throw new {KnownNames.ArgumentNullException}(nameof(random));");
            w.Line($"{KnownNames.NetworkValidation}.RequireScale(scale);");
        }
    }
}
