using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PlanarGen.Generators.Emit;
using PlanarGen.Generators.Parsing;
using PlanarGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PlanarGen.Generators.Tests.Emit
{
    /// <summary>
    /// Every member the emitter declares must be known to <see cref="NetworkRules.IsGeneratedMemberName"/>, which the analyzer
    /// uses to report a user member that would clash (otherwise the user gets a compiler error inside generated code).
    /// Read from the emitted text with Roslyn, in every form that declares different members, the .NET 8+ parts included.
    /// </summary>
    public class GeneratedMemberNamesTests
    {
        [Theory]
        [InlineData(2, 4, 1, Precision.Single, false)]     // unrolled, fused, Vector512 twins
        [InlineData(2, 15, 1, Precision.Single, false)]    // unrolled, plain arithmetic, twins
        [InlineData(3, 6, 2, Precision.Double, false)]     // unrolled double, in passes, Vector512 twins
        [InlineData(16, 64, 4, Precision.Single, false)]   // loop form with twins, parameters inline
        [InlineData(16, 64, 4, Precision.Double, false)]   // loop form double
        [InlineData(2, 4, 1, Precision.Single, true)]      // unrolled class
        [InlineData(16, 64, 4, Precision.Single, true)]    // loop-form class: parameters in an array
        public void EveryDeclaredMemberIsAKnownGeneratedName(int inputs, int hidden, int outputs, Precision precision, bool isClass)
        {
            string[] names = DeclaredNames(inputs, hidden, outputs, precision, isClass);
            Assert.Contains("StepCore", names);
            Assert.Contains("Clone", names);
            Assert.Contains("StepCore512", names);
            string[] unknown = names.Where(n => !NetworkRules.IsGeneratedMemberName(n, inputs, hidden, outputs)).ToArray();
            Assert.True(unknown.Length == 0, "not in GeneratedMembers.FixedNames: " + string.Join(", ", unknown));
        }

        /// <summary>The other direction: every name in the list is declared by some form, so the list holds no stale name
        /// (one that would make PGEN009 reject a user member the generated code no longer declares).</summary>
        [Fact]
        public void EveryListedNameIsDeclaredBySomeForm()
        {
            var declared = new[]
            {
                DeclaredNames(2, 4, 1, Precision.Single, false), DeclaredNames(16, 64, 4, Precision.Single, false),
                DeclaredNames(16, 64, 4, Precision.Single, true),
            }.SelectMany(n => n).ToHashSet();
            string[] stale = GeneratedMembers.FixedNames.Where(n => !declared.Contains(n)).ToArray();
            Assert.True(stale.Length == 0, "listed but never declared: " + string.Join(", ", stale));
        }

        private static string[] DeclaredNames(int inputs, int hidden, int outputs, Precision precision, bool isClass)
        {
            var spec = Specs.Network(inputs, hidden, outputs, Activation.Tanh, precision, name: "Net");
            string text = NetworkEmitter.Emit(isClass ? spec.AsClass() : spec, CancellationToken.None).ToString();
            var tree = CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions());
            var network = tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>().Single(s => s.Identifier.Text == "Net");
            Assert.Equal(isClass, network is ClassDeclarationSyntax);
            return network.Members.SelectMany(NamesOf).Distinct().ToArray();
        }

        private static string[] NamesOf(MemberDeclarationSyntax member) => member switch
        {
            MethodDeclarationSyntax m => new[] { m.Identifier.Text },
            PropertyDeclarationSyntax p when p.ExplicitInterfaceSpecifier is null => new[] { p.Identifier.Text },
            PropertyDeclarationSyntax => System.Array.Empty<string>(),     // INetwork<T>.Shape: explicit, cannot clash
            BaseFieldDeclarationSyntax f => f.Declaration.Variables.Select(v => v.Identifier.Text).ToArray(),
            BaseTypeDeclarationSyntax t => new[] { t.Identifier.Text },   // the loop-form struct's ParameterStorage
            _ => throw new Xunit.Sdk.XunitException($"unexpected member kind {member.Kind()}"),
        };
    }
}
