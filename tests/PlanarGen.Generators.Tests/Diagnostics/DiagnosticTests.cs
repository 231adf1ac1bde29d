using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PlanarGen.Generators.Diagnostics;
using PlanarGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PlanarGen.Generators.Tests.Diagnostics
{
    /// <summary>One test per id: the positive cases assert id, severity, exact message and position (and that the generator
    /// emitted nothing for an error); the negative case is the nearest valid declaration, which generates clean code.</summary>
    public class DiagnosticTests
    {
        private const string Valid = """
            using PlanarGen;
            [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
            public partial struct Net { }
            """;

        [Fact]
        public void Pgen001NetworkOnSomethingOtherThanAStructOrClass()
        {
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
                public partial record Net;
                """,
                "PGEN001 Error (3,23): 'Net' is declared as 'record class', but [Network] applies only to a partial struct or a partial class");
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
                public partial interface Net { }
                """,
                "PGEN001 Error (3,26): 'Net' is declared as 'interface', but [Network] applies only to a partial struct or a partial class");
            AnalyzerHarness.AssertReports(LanguageVersion.CSharp10, """
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
                public partial record struct Net;
                """,
                "PGEN001 Error (3,30): 'Net' is declared as 'record struct', but [Network] applies only to a partial struct or a partial class");
            AnalyzerHarness.AssertClean(Valid, "Net.Network.g.cs");
        }

        [Fact]
        public void APartialClassIsAcceptedInBothForms()
        {
            // Unrolled and loop form, each compiled as C# 9 with no warning (the output compilation is checked).
            AnalyzerHarness.AssertClean("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
                public partial class Net { }
                """, "Net.Network.g.cs");
            Checked loopClass = AnalyzerHarness.AssertReports("""
                using PlanarGen;
                namespace Demo
                {
                    [Network(Inputs = 2, Hidden = 64, Outputs = 1, Precision = Precision.Double)]
                    public sealed partial class Net { public Net(int unused) { } }
                }
                """,
                "PGEN006 Info (5,33): 'Net' has 257 parameters, beyond the unrolling budget of 64 parameters: its code is emitted as loops");
            Assert.Equal(new[] { "Demo.Net.Network.g.cs" }, loopClass.Run.Sources.Select(s => s.HintName));
            Assert.Empty(loopClass.CompilerProblems.Select(d => d.ToString()));
            // A loop-form struct (inline parameter storage) is clean too.
            Checked loopStruct = AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 64, Outputs = 1)]
                public partial struct Net { }
                """,
                "PGEN006 Info (3,23): 'Net' has 257 parameters, beyond the unrolling budget of 64 parameters: its code is emitted as loops");
            Assert.Equal(new[] { "Net.Network.g.cs" }, loopStruct.Run.Sources.Select(s => s.HintName));
            Assert.Empty(loopStruct.CompilerProblems.Select(d => d.ToString()));
        }

        [Fact]
        public void Pgen002StructNotPartial()
        {
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
                public struct Net { }
                """,
                "PGEN002 Error (3,15): 'Net' is marked [Network] but is not declared partial");
            AnalyzerHarness.AssertClean(Valid, "Net.Network.g.cs");
        }

        [Fact]
        public void Pgen003ContainingTypeNotPartial()
        {
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                public class Outer
                {
                    [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
                    public partial struct Net { }
                }
                """,
                "PGEN003 Error (5,27): 'Outer.Net' is nested in 'Outer', which is not declared partial");
            AnalyzerHarness.AssertClean("""
                using PlanarGen;
                public partial class Outer
                {
                    [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
                    public partial struct Net { }
                }
                """, "Outer+Net.Network.g.cs");
        }

        [Fact]
        public void Pgen004GenericOrInsideGeneric()
        {
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
                public partial struct Net<T> { }
                """,
                "PGEN004 Error (3,23): 'Net<T>' cannot be a network because 'Net<T>' is generic");
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                public partial class Outer<T>
                {
                    [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
                    public partial struct Net { }
                }
                """,
                "PGEN004 Error (5,27): 'Outer<T>.Net' cannot be a network because 'Outer<T>' is generic");
            AnalyzerHarness.AssertClean(Valid, "Net.Network.g.cs");
        }

        [Fact]
        public void Pgen005SizeMissingOrOutOfRange()
        {
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 0, Outputs = 1)]
                public partial struct Net { }
                """,
                "PGEN005 Error (2,22): 'Hidden' of 'Net' is '0', but it must be from 1 to 1024");
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = -3, Hidden = 4, Outputs = 65)]
                public partial struct Net { }
                """,
                "PGEN005 Error (2,10): 'Inputs' of 'Net' is '-3', but it must be from 1 to 1024",
                "PGEN005 Error (2,35): 'Outputs' of 'Net' is '65', but it must be from 1 to 64");
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Outputs = 1)]
                public partial struct Net { }
                """,
                "PGEN005 Error (2,2): 'Hidden' of 'Net' must be set to a value from 1 to 1024");
            AnalyzerHarness.AssertClean(Valid, "Net.Network.g.cs");
        }

        [Fact]
        public void Pgen006AboveUnrollingBudgetIsInfoAndStillGenerates()
        {
            // 2-16-1 has 65 parameters, one above the budget, so it is emitted as loops.
            AnalyzerHarness.AssertReports(LanguageVersion.CSharp9, analyzeOutput: false, """
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 16, Outputs = 1)]
                public partial struct Net { }
                """,
                "PGEN006 Info (3,23): 'Net' has 65 parameters, beyond the unrolling budget of 64 parameters: its code is emitted as loops");

            // The analyzer runs over the input only: binding 4,000 unrolled parameters makes a full compile take minutes.
            Checked above = AnalyzerHarness.AssertReports(LanguageVersion.CSharp9, analyzeOutput: false, """
                using PlanarGen;
                [Network(Inputs = 64, Hidden = 64, Outputs = 1)]
                public partial class Net { }
                """,
                "PGEN006 Info (3,22): 'Net' has 4225 parameters, beyond the unrolling budget of 64 parameters: its code is emitted as loops");
            Assert.Equal(new[] { "Net.Network.g.cs" }, above.Run.Sources.Select(s => s.HintName));
            Assert.Equal(DiagnosticDescriptors.PerformanceCategory, above.Diagnostics.Single().Descriptor.Category);

            // 1-21-1 has exactly 64 parameters: at the budget, so unrolled and no PGEN006.
            Checked atBudget = AnalyzerHarness.AssertReports(LanguageVersion.CSharp9, analyzeOutput: false, """
                using PlanarGen;
                [Network(Inputs = 1, Hidden = 21, Outputs = 1)]
                public partial struct Net { }
                """);
            Assert.Equal(new[] { "Net.Network.g.cs" }, atBudget.Run.Sources.Select(s => s.HintName));
        }

        [Fact]
        public void Pgen007UndefinedOrUnsupportedEnumValue()
        {
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 1, HiddenActivation = (Activation)42)]
                public partial struct Net { }
                """,
                "PGEN007 Error (2,47): 'HiddenActivation' of 'Net' is '42', which is not a defined 'Activation' value");
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 1, OutputActivation = Activation.Tanh)]
                public partial struct Net { }
                """,
                "PGEN007 Error (2,47): 'OutputActivation' of 'Net' is 'Tanh', but an output activation must be 'Sigmoid', 'Softmax' or 'Linear'");
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 2, OutputActivation = Activation.LeakyReLU)]
                public partial struct Net { }
                """,
                "PGEN007 Error (2,47): 'OutputActivation' of 'Net' is 'LeakyReLU', but an output activation must be 'Sigmoid', 'Softmax' or 'Linear'");
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 1, Precision = (Precision)2)]
                public partial struct Net { }
                """,
                "PGEN007 Error (2,47): 'Precision' of 'Net' is '2', which is not a defined 'Precision' value");
            AnalyzerHarness.AssertClean("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 1, HiddenActivation = Activation.ReLU, OutputActivation = Activation.Sigmoid, Precision = Precision.Double)]
                public partial struct Net { }
                """, "Net.Network.g.cs");
        }

        [Fact]
        public void Pgen030OutputOnlyActivationInTheHiddenLayer()
        {
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 3, HiddenActivation = Activation.Softmax, OutputActivation = Activation.Softmax)]
                public partial struct Net { }
                """,
                "PGEN030 Error (2,47): 'HiddenActivation' of 'Net' is 'Softmax', which is an output activation only; use 'Tanh', 'Sigmoid', 'ReLU' or 'LeakyReLU'");
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 1, HiddenActivation = Activation.Linear)]
                public partial struct Net { }
                """,
                "PGEN030 Error (2,47): 'HiddenActivation' of 'Net' is 'Linear', which is an output activation only; use 'Tanh', 'Sigmoid', 'ReLU' or 'LeakyReLU'");
        }

        [Fact]
        public void Pgen031SoftmaxNeedsTwoOutputs()
        {
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 1, OutputActivation = Activation.Softmax)]
                public partial struct Net { }
                """,
                "PGEN031 Error (2,47): 'Net' has a 'Softmax' output but 'Outputs' is '1'; softmax needs at least 2 outputs (use 'Sigmoid' for one)");
            // Outputs out of range is PGEN005 alone; two outputs and a linear single output are fine.
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 0, OutputActivation = Activation.Softmax)]
                public partial struct Net { }
                """,
                "PGEN005 Error (2,34): 'Outputs' of 'Net' is '0', but it must be from 1 to 64");
            AnalyzerHarness.AssertClean("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 2, HiddenActivation = Activation.ReLU, OutputActivation = Activation.Softmax)]
                public partial struct Net { }
                """, "Net.Network.g.cs");
            AnalyzerHarness.AssertClean("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 1, OutputActivation = Activation.Linear, Deterministic = true)]
                public partial class Net { }
                """, "Net.Network.g.cs");
        }

        [Fact]
        public void Pgen008LeakySlopeNotInOpenUnitInterval()
        {
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 1, LeakySlope = 1.5)]
                public partial struct Net { }
                """,
                "PGEN008 Error (2,47): 'LeakySlope' of 'Net' is '1.5', but it must be a finite number between 0 and 1, both excluded");
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 1, LeakySlope = double.NaN)]
                public partial struct Net { }
                """,
                "PGEN008 Error (2,47): 'LeakySlope' of 'Net' is 'NaN', but it must be a finite number between 0 and 1, both excluded");
            AnalyzerHarness.AssertClean("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 1, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.2)]
                public partial struct Net { }
                """, "Net.Network.g.cs");
        }

        [Fact]
        public void Pgen009MemberNameClashesWithGeneratedMember()
        {
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
                public partial struct Net
                {
                    public float W1_3_1;
                    public void Predict() { }
                }
                """,
                "PGEN009 Error (5,18): 'W1_3_1' in 'Net' clashes with a member the generator declares",
                "PGEN009 Error (6,17): 'Predict' in 'Net' clashes with a member the generator declares");
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
                public partial struct Predict { }
                """,
                "PGEN009 Error (3,23): 'Predict' in 'Predict' clashes with a member the generator declares");
            AnalyzerHarness.AssertClean("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
                public partial struct Net
                {
                    public static float W1_4_0;
                    public void Forecast() { }
                }
                """, "Net.Network.g.cs");
        }

        [Fact]
        public void Pgen010ReadOnlyOrRefStructStaticOrAbstractClass()
        {
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
                public readonly partial struct Net { }
                """,
                "PGEN010 Error (3,32): 'Net' is declared 'readonly', but a network must be a plain mutable struct or an instantiable class that can implement 'INetwork<T>'");
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
                public ref partial struct Net { }
                """,
                "PGEN010 Error (3,27): 'Net' is declared 'ref', but a network must be a plain mutable struct or an instantiable class that can implement 'INetwork<T>'");
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
                public static partial class Net { }
                """,
                "PGEN010 Error (3,29): 'Net' is declared 'static', but a network must be a plain mutable struct or an instantiable class that can implement 'INetwork<T>'");
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
                public abstract partial class Net { }
                """,
                "PGEN010 Error (3,31): 'Net' is declared 'abstract', but a network must be a plain mutable struct or an instantiable class that can implement 'INetwork<T>'");
            AnalyzerHarness.AssertClean(Valid, "Net.Network.g.cs");
        }

        [Fact]
        public void Pgen040StructAboveTheStructSize()
        {
            // 64-64-1 has 4,225 parameters, above NetworkLimits.MaxStructParameters (4,096): an error on the struct's name, and
            // nothing generated. The analyzer runs over the input only (as for PGEN006).
            AnalyzerHarness.AssertReports(LanguageVersion.CSharp9, analyzeOutput: false, """
                using PlanarGen;
                [Network(Inputs = 64, Hidden = 64, Outputs = 1)]
                public partial struct Net { }
                """,
                "PGEN006 Info (3,23): 'Net' has 4225 parameters, beyond the unrolling budget of 64 parameters: its code is emitted as loops",
                "PGEN040 Error (3,23): 'Net' has 4225 parameters, more than a struct network holds (4096): declare it as a 'partial class' instead (a struct keeps its parameters inline, and every copy would copy them all)");

            // 63-63-1 has exactly 4,096 parameters: still a struct.
            Checked atLimit = AnalyzerHarness.AssertReports(LanguageVersion.CSharp9, analyzeOutput: false, """
                using PlanarGen;
                [Network(Inputs = 63, Hidden = 63, Outputs = 1)]
                public partial struct Net { }
                """,
                "PGEN006 Info (3,23): 'Net' has 4096 parameters, beyond the unrolling budget of 64 parameters: its code is emitted as loops");
            Assert.Equal(new[] { "Net.Network.g.cs" }, atLimit.Run.Sources.Select(s => s.HintName));

            // The fix the message names: the same shape as a class generates.
            Checked asClass = AnalyzerHarness.AssertReports(LanguageVersion.CSharp9, analyzeOutput: false, """
                using PlanarGen;
                [Network(Inputs = 64, Hidden = 64, Outputs = 1)]
                public partial class Net { }
                """,
                "PGEN006 Info (3,22): 'Net' has 4225 parameters, beyond the unrolling budget of 64 parameters: its code is emitted as loops");
            Assert.Equal(new[] { "Net.Network.g.cs" }, asClass.Run.Sources.Select(s => s.HintName));
        }

        [Fact]
        public void Pgen011AttributeAppliedTwice()
        {
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
                [Network(Inputs = 2, Hidden = 8, Outputs = 1)]
                public partial struct Net { }
                """,
                "PGEN011 Error (3,2): 'Net' has more than one [Network] attribute");
            AnalyzerHarness.AssertClean(Valid, "Net.Network.g.cs");
        }

        [Fact]
        public void Pgen012InvalidArgument()
        {
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = "4", Outputs = 1)]
                public partial struct Net { }
                """,
                "PGEN012 Error (2,22): 'Net' has an invalid [Network] argument 'Hidden = \"4\"'");
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 4, Hidden = 8, Outputs = 1)]
                public partial struct Net { }
                """,
                "PGEN012 Error (2,34): 'Net' has an invalid [Network] argument 'Hidden = 8'");
            AnalyzerHarness.AssertReports("""
                using PlanarGen;
                [Network(2, 4, 1)]
                public partial struct Net { }
                """,
                "PGEN012 Error (2,10): 'Net' has an invalid [Network] argument '2'",
                "PGEN012 Error (2,13): 'Net' has an invalid [Network] argument '4'",
                "PGEN012 Error (2,16): 'Net' has an invalid [Network] argument '1'");
            AnalyzerHarness.AssertClean(Valid, "Net.Network.g.cs");
        }

        [Fact]
        public void EveryDescriptorFollowsTheStyleRules()
        {
            foreach (DiagnosticDescriptor d in DiagnosticDescriptors.All)
            {
                Assert.Matches("^PGEN0[0-9]{2}$", d.Id);
                Assert.Equal(string.Empty, d.HelpLinkUri); // no made-up links until the project has a public home
                Assert.Contains(d.Category, new[] { DiagnosticDescriptors.UsageCategory, DiagnosticDescriptors.PerformanceCategory });
                string message = d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.False(message.EndsWith(".", System.StringComparison.Ordinal), d.Id);
                Assert.Contains("'{0}'", message);
            }
        }
    }
}
