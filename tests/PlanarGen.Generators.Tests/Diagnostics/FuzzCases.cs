using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Case = PlanarGen.Generators.Tests.Diagnostics.FuzzTests.FuzzCase;

namespace PlanarGen.Generators.Tests.Diagnostics
{
    /// <summary>The fuzzed declarations: three combinatorial grids over the attribute's arguments (each case also varies
    /// the attribute's spelling and where the struct sits), then hand-written odd declarations.</summary>
    internal static class FuzzCases
    {
        private const string P005 = "PGEN005", P007 = "PGEN007", P008 = "PGEN008";
        private static readonly string[] None = System.Array.Empty<string>();

        public static List<Case> All()
        {
            var cases = new List<Case>();
            cases.AddRange(SizeGrid());
            cases.AddRange(ActivationGrid());
            cases.AddRange(OutputAndPrecisionGrid());
            cases.AddRange(HandWritten());
            return cases;
        }

        /// <summary>Spellings of the attribute: simple, with suffix, global::-qualified, alias, namespace-qualified.</summary>
        private static readonly string[] Spellings =
            { "Network", "NetworkAttribute", "global::PlanarGen.Network", "N", "PlanarGen.NetworkAttribute" };

        /// <summary>A [Network] declaration named Net with <paramref name="arguments"/>, placed by <paramref name="variant"/>:
        /// global namespace, a namespace, a partial class, or a partial struct in a dotted namespace.</summary>
        private static (string Source, string Hint) Declare(int variant, string arguments, string body = "")
        {
            string spelling = Spellings[variant % Spellings.Length];
            string declaration = $"[{spelling}({arguments})]\npublic partial struct Net\n{{\n    public const int Size = 4;\n{body}}}\n";
            string usings = "using PlanarGen;\nusing N = PlanarGen.NetworkAttribute;\n";
            return ((variant / Spellings.Length) % 4) switch
            {
                0 => (usings + declaration, "Net.Network.g.cs"),
                1 => (usings + "namespace Demo\n{\n" + declaration + "}\n", "Demo.Net.Network.g.cs"),
                2 => (usings + "namespace Demo\n{\n    public partial class Outer\n    {\n" + declaration + "    }\n}\n", "Demo.Outer+Net.Network.g.cs"),
                _ => (usings + "namespace Demo.Deep\n{\n    public partial struct Box\n    {\n" + declaration + "    }\n}\n", "Demo.Deep.Box+Net.Network.g.cs"),
            };
        }

        private static string Arguments(params (string Name, string? Value)[] arguments) =>
            string.Join(", ", arguments.Where(a => a.Value is not null).Select(a => $"{a.Name} = {a.Value}"));

        private static IEnumerable<Case> SizeGrid()
        {
            (string? Value, bool Ok)[] inputs = { (null, false), ("0", false), ("-1", false), ("1", true), ("3", true), ("1025", false), ("int.MaxValue", false) };
            (string? Value, bool Ok)[] hidden = { (null, false), ("0", false), ("1", true), ("5", true), ("1025", false), ("Size * 2", true), ("int.MinValue", false) };
            (string? Value, bool Ok)[] outputs = { (null, false), ("0", false), ("1", true), ("2", true), ("65", false) };
            int n = 0;
            foreach (var i in inputs)
                foreach (var h in hidden)
                    foreach (var o in outputs)
                    {
                        (string source, string hint) = Declare(n, Arguments(("Inputs", i.Value), ("Hidden", h.Value), ("Outputs", o.Value)));
                        bool ok = i.Ok && h.Ok && o.Ok;
                        yield return new Case($"size{n++}[{i.Value ?? "-"},{h.Value ?? "-"},{o.Value ?? "-"}]", new[] { source },
                            ok ? None : new[] { P005 }, new[] { hint });
                    }
        }

        private static IEnumerable<Case> ActivationGrid()
        {
            (string? Value, bool Ok)[] activations = { (null, true), ("Activation.Tanh", true), ("Activation.ReLU", true), ("Activation.LeakyReLU", true), ("(Activation)42", false), ("(Activation)(-1)", false) };
            (string? Value, bool Ok)[] slopes = { (null, true), ("0.5", true), ("0.5f", true), ("1e-300", true), ("1.0 / 3", true), ("0", false), ("1", false), ("-0.25", false), ("double.NaN", false), ("double.PositiveInfinity", false) };
            int n = 0;
            foreach (var a in activations)
                foreach (var s in slopes)
                {
                    (string source, string hint) = Declare(n, Arguments(("Inputs", "2"), ("Hidden", "3"), ("Outputs", "1"), ("HiddenActivation", a.Value), ("LeakySlope", s.Value)));
                    var ids = new List<string>();
                    if (!a.Ok) ids.Add(P007);
                    if (!s.Ok) ids.Add(P008);
                    yield return new Case($"activation{n++}[{a.Value ?? "-"},{s.Value ?? "-"}]", new[] { source }, ids.ToArray(), new[] { hint });
                }
        }

        private static IEnumerable<Case> OutputAndPrecisionGrid()
        {
            (string? Value, bool Ok)[] outputs = { (null, true), ("Activation.Sigmoid", true), ("Activation.Tanh", false), ("Activation.ReLU", false), ("(Activation)7", false),
                ("Activation.Softmax", true), ("Activation.Linear", true) };
            (string? Value, bool Ok)[] precisions = { (null, true), ("Precision.Single", true), ("Precision.Double", true), ("(Precision)2", false), ("(Precision)(-5)", false) };
            int n = 0;
            foreach (var o in outputs)
                foreach (var p in precisions)
                {
                    (string source, string hint) = Declare(n, Arguments(("Inputs", "3"), ("Hidden", "2"), ("Outputs", "2"), ("OutputActivation", o.Value), ("Precision", p.Value)));
                    bool ok = o.Ok && p.Ok;
                    yield return new Case($"output{n++}[{o.Value ?? "-"},{p.Value ?? "-"}]", new[] { source }, ok ? None : new[] { P007 }, new[] { hint });
                }
        }

        private const string U = "using PlanarGen;\n";
        private const string A241 = "[Network(Inputs = 2, Hidden = 4, Outputs = 1)]";

        private static Case Valid(string name, string source, params string[] hints) => new Case(name, new[] { source }, None, hints);

        private static Case Reports(string name, string source, string id, bool inputHasErrors = false,
            LanguageVersion version = LanguageVersion.CSharp9) =>
            new Case(name, new[] { source }, new[] { id }, new[] { "Net.Network.g.cs" }, version, inputHasErrors);

        private static IEnumerable<Case> HandWritten()
        {
            const string Net = "Net.Network.g.cs";
            // Spellings, constants and expressions.
            yield return Valid("alias", U + "using N = PlanarGen.NetworkAttribute;\n[N(Inputs = 2, Hidden = 4, Outputs = 1)] public partial struct Net { }", Net);
            yield return Reports("alias invalid", U + "using N = PlanarGen.NetworkAttribute;\n[N(Inputs = 2, Hidden = 0, Outputs = 1)] public partial struct Net { }", P005);
            yield return Valid("global qualified without using", "[global::PlanarGen.Network(Inputs = 2, Hidden = 4, Outputs = 1)] public partial struct Net { }", Net);
            yield return Valid("attribute suffix", U + "[NetworkAttribute(Inputs = 2, Hidden = 4, Outputs = 1)] public partial struct Net { }", Net);
            yield return Valid("const from other class", U + "public static class Sizes { public const int In = 2; public const int H = In * 3; }\n[Network(Inputs = Sizes.In, Hidden = Sizes.H + 1, Outputs = Sizes.In - 1)] public partial struct Net { }", Net);
            yield return Reports("const expression out of range", U + "public static class Sizes { public const int In = 2; }\n[Network(Inputs = Sizes.In, Hidden = Sizes.In - 2, Outputs = 1)] public partial struct Net { }", P005);
            yield return Valid("shift and hex", U + "[Network(Inputs = 1 << 1, Hidden = 0x4, Outputs = 1)] public partial struct Net { }", Net);
            yield return Valid("sizeof and checked", U + "[Network(Inputs = sizeof(short), Hidden = checked(2 * 2), Outputs = 1)] public partial struct Net { }", Net);
            yield return Valid("constant cast from double", U + "[Network(Inputs = 2, Hidden = (int)4.9, Outputs = 1)] public partial struct Net { }", Net);
            yield return Reports("hex above limit", U + "[Network(Inputs = 2, Hidden = 0x401, Outputs = 1)] public partial struct Net { }", P005);
            yield return Reports("default literal", U + "[Network(Inputs = 2, Hidden = default, Outputs = 1)] public partial struct Net { }", P005);
            yield return Reports("char converts to 97", U + "[Network(Inputs = 2, Hidden = 4, Outputs = 'a')] public partial struct Net { }", P005);
            yield return Reports("leaky slope int literal", U + "[Network(Inputs = 2, Hidden = 4, Outputs = 1, LeakySlope = 1)] public partial struct Net { }", P008);
            yield return Valid("double precision leaky", U + "[Network(Inputs = 2, Hidden = 4, Outputs = 1, Precision = Precision.Double, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.3)] public partial struct Net { }", Net);
            yield return Valid("other attribute in the same list", U + "[System.Serializable, Network(Inputs = 2, Hidden = 4, Outputs = 1)] public partial struct Net { }", Net);

            // Syntax errors and wrong types around the attribute.
            yield return new Case("unclosed paren", new[] { U + "[Network(Inputs = 2, Hidden = 4, Outputs = 1] public partial struct Net { }" }, None, new[] { Net }, InputHasErrors: true);
            yield return new Case("unclosed bracket", new[] { U + "[Network(Inputs = 2, Hidden = 4, Outputs = 1)\npublic partial struct Net { }" }, None, new[] { Net }, InputHasErrors: true);
            yield return Reports("missing equals", U + "[Network(Inputs = 2, Hidden 4, Outputs = 1)] public partial struct Net { }", "PGEN012", true);
            yield return Reports("string size", U + "[Network(Inputs = 2, Hidden = \"4\", Outputs = 1)] public partial struct Net { }", "PGEN012", true);
            yield return new Case("double size 4.5 (CS0266; the constant converts to 4)", new[] { U + "[Network(Inputs = 2, Hidden = 4.5, Outputs = 1)] public partial struct Net { }" }, None, new[] { Net }, InputHasErrors: true);
            yield return Reports("unknown name", U + "[Network(Inputs = 2, Hidden = x, Outputs = 1)] public partial struct Net { }", "PGEN012", true);
            yield return Reports("not a constant", U + "[Network(Inputs = nameof(Net).Length, Hidden = 4, Outputs = 1)] public partial struct Net { }", "PGEN012", true);
            yield return Reports("positional", U + "[Network(2, 4, 1)] public partial struct Net { }", "PGEN012", true);
            yield return Reports("name colon", U + "[Network(Inputs: 2, Hidden: 4, Outputs: 1)] public partial struct Net { }", "PGEN012", true);
            yield return Reports("unknown property", U + "[Network(Inputs = 2, Hidden = 4, Outputs = 1, Bogus = 3)] public partial struct Net { }", "PGEN012", true);
            yield return Reports("repeated argument", U + "[Network(Inputs = 2, Hidden = 4, Hidden = 8, Outputs = 1)] public partial struct Net { }", "PGEN012", true);
            yield return Reports("overflowing constant", U + "[Network(Inputs = 2, Hidden = int.MaxValue + 1, Outputs = 1)] public partial struct Net { }", "PGEN012", true);
            yield return Reports("empty parens", U + "[Network()] public partial struct Net { }", P005);
            yield return Reports("no parens", U + "[Network] public partial struct Net { }", P005);
            yield return Reports("enum cast 42", U + "[Network(Inputs = 2, Hidden = 4, Outputs = 1, HiddenActivation = (Activation)42)] public partial struct Net { }", P007);
            yield return Reports("negative sizes", U + "[Network(Inputs = -2, Hidden = -4, Outputs = -1)] public partial struct Net { }", P005);
            yield return Reports("int.MaxValue sizes", U + "[Network(Inputs = int.MaxValue, Hidden = int.MaxValue, Outputs = int.MaxValue)] public partial struct Net { }", P005);

            // Kinds of type.
            yield return Valid("class", U + A241 + " public partial class Net { }", Net);
            yield return Valid("sealed class", U + A241 + " public sealed partial class Net { }", Net);
            yield return Reports("loop-form class (PGEN006 is Info)", U + "[Network(Inputs = 2, Hidden = 64, Outputs = 1)] public partial class Net { }", "PGEN006");
            yield return Reports("static class", U + A241 + " public static partial class Net { }", "PGEN010");
            yield return Reports("abstract class", U + A241 + " public abstract partial class Net { }", "PGEN010");
            yield return Reports("interface", U + A241 + " public partial interface Net { }", "PGEN001", true);
            yield return Reports("enum", U + A241 + " public enum Net { A }", "PGEN001", true);
            // AttributeTargets.Struct | Class admits records, so only PGEN001 (no CS0592) reports them.
            yield return Reports("record class", U + A241 + " public partial record Net;", "PGEN001");
            yield return Reports("record struct", U + A241 + " public partial record struct Net;", "PGEN001", false, LanguageVersion.CSharp10);
            yield return Reports("interface with everything wrong", U + "[Network(Inputs = 0)] public interface Net<T> { void Predict(); }", "PGEN001", true);
            yield return Reports("not partial", U + A241 + " public struct Net { }", "PGEN002");
            yield return Reports("readonly", U + A241 + " public readonly partial struct Net { }", "PGEN010");
            yield return Reports("ref", U + A241 + " public ref partial struct Net { }", "PGEN010");
            yield return Reports("readonly ref", U + A241 + " public readonly ref partial struct Net { }", "PGEN010");
            yield return Reports("file-local", U + A241 + " file partial struct Net { }", "PGEN010", false, LanguageVersion.CSharp11);
            yield return Reports("generic", U + A241 + " public partial struct Net<T> { }", "PGEN004");
            yield return Reports("generic container", U + "public partial class G<T> { " + A241 + " public partial struct Net { } }", "PGEN004");
            yield return new Case("attribute on a method", new[] { U + "public partial struct S { " + A241 + " public void M() { } }" }, None, None, InputHasErrors: true);
            yield return new Case("missing using", new[] { A241 + " public partial struct Net { }" }, None, None, InputHasErrors: true);
            yield return Valid("keyword identifier", U + A241 + " public partial struct @class { }", "class.Network.g.cs");
            yield return Valid("keyword namespace and container", U + "namespace @event.@fixed { public static partial class @checked { " + A241 + " public partial struct @struct { } } }", "event.fixed.checked+struct.Network.g.cs");

            // Members whose names clash (or nearly clash) with generated ones.
            yield return Reports("parameter field clash", U + A241 + " public partial struct Net { public static float W2_0_3; }", "PGEN009");
            yield return Reports("bias clash", U + A241 + " public partial struct Net { public static float B1_0; }", "PGEN009");
            yield return Reports("nested type clash", U + A241 + " public partial struct Net { public struct Predict { } }", "PGEN009");
            yield return Reports("method clash", U + A241 + " public partial struct Net { public int TrainStep() => 0; }", "PGEN009");
            yield return Reports("type name clash", U + A241 + " public partial struct Train { }", "PGEN009");
            yield return Valid("near miss names", U + A241 + " public partial struct Net { public static float W1_0_9, B1_4, W3_0_0, B2_01; public void Predicts() { } }", Net);

            // Partial declarations split across files.
            yield return new Case("split valid", new[] { U + A241 + " public partial struct Net { }", "public partial struct Net { public static int Extra; }" }, None, new[] { Net });
            yield return new Case("split non-partial part", new[] { U + A241 + " public partial struct Net { }", "public struct Net { }" }, new[] { "PGEN002" }, new[] { Net }, InputHasErrors: true);
            yield return new Case("split attribute twice", new[] { U + A241 + " public partial struct Net { }", U + A241 + " public partial struct Net { }" }, new[] { "PGEN011" }, new[] { Net }, InputHasErrors: true);
            yield return new Case("split member clash", new[] { U + A241 + " public partial struct Net { }", "public partial struct Net { public void Train() { } }" }, new[] { "PGEN009" }, new[] { Net });
            yield return new Case("split readonly part", new[] { U + A241 + " public partial struct Net { }", "public readonly partial struct Net { }" }, new[] { "PGEN010" }, new[] { Net });
            yield return Reports("two attributes in one list", U + "[Network(Inputs = 2, Hidden = 4, Outputs = 1), Network(Inputs = 2, Hidden = 4, Outputs = 1)] public partial struct Net { }", "PGEN011", true);

            // Where the struct sits.
            const string Deep = "namespace Demo { public {0}partial class A { public {1}partial struct B { public {2}partial class C { " + A241 + " public partial struct Net { } } } } }";
            yield return Valid("deep nesting", U + Deep.Replace("{0}", "").Replace("{1}", "").Replace("{2}", ""), "Demo.A+B+C+Net.Network.g.cs");
            yield return Reports("deep nesting, one non-partial", U + Deep.Replace("{0}", "").Replace("{1}partial ", "").Replace("{2}", ""), "PGEN003");
            yield return Reports("deep nesting, two non-partial", U + Deep.Replace("{0}partial ", "").Replace("{1}", "").Replace("{2}partial ", ""), "PGEN003");
            yield return Valid("deep nesting, static and sealed", U + Deep.Replace("{0}", "static ").Replace("{1}", "").Replace("{2}", "sealed "), "Demo.A+B+C+Net.Network.g.cs");
            yield return Valid("same name in two namespaces", U + "namespace One { " + A241 + " public partial struct Net { } }\nnamespace Two { " + A241 + " public partial struct Net { } }", "One.Net.Network.g.cs", "Two.Net.Network.g.cs");
            yield return Valid("same name in two containers", U + "public partial class X { " + A241 + " public partial struct Net { } }\npublic partial class Y { " + A241 + " internal partial struct Net { } }", "X+Net.Network.g.cs", "Y+Net.Network.g.cs");
            yield return new Case("file-scoped namespace", new[] { U + "namespace Demo;\n" + A241 + "\npublic partial struct Net { }" }, None, new[] { "Demo.Net.Network.g.cs" }, LanguageVersion.CSharp10);
            yield return new Case("file-scoped namespace, invalid", new[] { U + "namespace Demo;\n[Network(Inputs = 2, Hidden = 0, Outputs = 1)]\npublic partial struct Net { }" }, new[] { P005 }, new[] { "Demo.Net.Network.g.cs" }, LanguageVersion.CSharp10);
            yield return new Case("file-scoped namespace, nested", new[] { U + "namespace Demo.Inner;\npublic static partial class Models { " + A241 + " public partial struct Net { } }" }, None, new[] { "Demo.Inner.Models+Net.Network.g.cs" }, LanguageVersion.CSharp10);
            yield return Valid("nested in struct", U + "public partial struct Outer { " + A241 + " public partial struct Net { } }", "Outer+Net.Network.g.cs");
            yield return Valid("nested in record", U + "public partial record Outer { " + A241 + " public partial struct Net { } }", "Outer+Net.Network.g.cs");
            yield return new Case("nested in record struct", new[] { U + "public partial record struct Outer { " + A241 + " public partial struct Net { } }" }, None, new[] { "Outer+Net.Network.g.cs" }, LanguageVersion.CSharp10);
            yield return Valid("nested in interface", U + "public partial interface IOuter { " + A241 + " public partial struct Net { } }", "IOuter+Net.Network.g.cs");
            yield return Valid("nested in static class", U + "public static partial class Outer { " + A241 + " public partial struct Net { } }", "Outer+Net.Network.g.cs");
            yield return Reports("nested in non-partial static class", U + "public static class Outer { " + A241 + " public partial struct Net { } }", "PGEN003");
            yield return Reports("nested in non-partial interface", U + "public interface IOuter { " + A241 + " public partial struct Net { } }", "PGEN003");
            yield return Valid("private nested", U + "public partial class Outer { " + A241 + " private partial struct Net { } }", "Outer+Net.Network.g.cs");
            yield return Valid("network in a network", U + A241 + " public partial struct Outer { [Network(Inputs = 1, Hidden = 2, Outputs = 1)] public partial struct Inner { } }", "Outer.Network.g.cs", "Outer+Inner.Network.g.cs");
            yield return Reports("user file marked auto-generated", "// <auto-generated/>\n" + U + A241 + " public struct Net { }", "PGEN002");
            yield return Valid("user file marked auto-generated, valid", "// <auto-generated/>\n" + U + A241 + " public partial struct Net { }", Net);
            yield return Valid("global namespace internal", U + A241 + " internal partial struct Net { }", Net);
        }
    }
}
