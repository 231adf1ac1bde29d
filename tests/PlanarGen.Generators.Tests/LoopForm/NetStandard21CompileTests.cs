using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PlanarGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PlanarGen.Generators.Tests.LoopForm
{
    /// <summary>Unity compiles the generated code as C# 9 against .NET Standard 2.1, which lacks several span and vector
    /// APIs that .NET 10 has; compile both forms against that surface (netstandard.dll from NETStandard.Library.Ref 2.1.0,
    /// restored by the runtime's netstandard2.1 target, and the runtime's own netstandard2.1 build).</summary>
    public class NetStandard21CompileTests
    {
        [Fact]
        public void BothFormsAsStructAndClassCompileAgainstNetStandard21AsCSharp9()
        {
            string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p
                ? p : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            string netstandard = Path.Combine(packages, "netstandard.library.ref", "2.1.0", "ref", "netstandard2.1", "netstandard.dll");
            string runtime = Path.Combine(RepoRoot(), "src", "PlanarGen", "bin", "Release", "netstandard2.1", "PlanarGen.dll");
            if (!File.Exists(runtime)) runtime = runtime.Replace(Path.Combine("bin", "Release"), Path.Combine("bin", "Debug"));
            Assert.True(File.Exists(netstandard), $"{netstandard} not found: restore the solution first");
            Assert.True(File.Exists(runtime), $"{runtime} not found: build src/PlanarGen (all targets) first, e.g. dotnet build PlanarGen.sln");

            var source = """
                using PlanarGen;
                namespace Unity
                {
                    [Network(Inputs = 2, Hidden = 4, Outputs = 1)] public partial struct Small { }
                    [Network(Inputs = 784, Hidden = 128, Outputs = 10, HiddenActivation = Activation.LeakyReLU)] public partial class Large { }
                    [Network(Inputs = 30, Hidden = 40, Outputs = 3, Precision = Precision.Double, HiddenActivation = Activation.ReLU)] public partial struct LargeDouble { }
                    [Network(Inputs = 2, Hidden = 4, Outputs = 1)] public partial class SmallClass { }
                    [Network(Inputs = 2, Hidden = 4, Outputs = 3, OutputActivation = Activation.Softmax)] public partial struct SmallSoftmax { }
                    [Network(Inputs = 30, Hidden = 40, Outputs = 3, OutputActivation = Activation.Softmax, Precision = Precision.Double)] public partial class LargeSoftmax { }
                    [Network(Inputs = 2, Hidden = 4, Outputs = 2, OutputActivation = Activation.Linear, Precision = Precision.Double)] public partial struct SmallLinear { }
                    [Network(Inputs = 30, Hidden = 40, Outputs = 2, OutputActivation = Activation.Linear)] public partial struct LargeLinear { }
                    [Network(Inputs = 2, Hidden = 4, Outputs = 3, OutputActivation = Activation.Softmax, Deterministic = true)] public partial struct DeterministicSoftmax { }
                }
                """;
            var compilation = CSharpCompilation.Create("UnityShape",
                new[] { CSharpSyntaxTree.ParseText(source, GeneratorHarness.NetStandardParseOptions(LanguageVersion.CSharp9)) },
                new[] { MetadataReference.CreateFromFile(netstandard), MetadataReference.CreateFromFile(runtime) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            GeneratorRun run = GeneratorHarness.Run(compilation);
            Assert.Empty(run.GeneratorDiagnostics);
            Assert.Equal(9, run.Sources.Length);
            Assert.Contains("private float[] _parameters", run.SourceText("Unity.Large.Network.g.cs"));
            Assert.Contains("MemoryMarshal.CreateSpan(ref storage, 1)", run.SourceText("Unity.LargeDouble.Network.g.cs"));
            string[] problems = run.Problems.Select(d => d.ToString()).ToArray();
            Assert.True(problems.Length == 0, string.Join("\n", problems.Take(20)));
        }

        private static string RepoRoot([CallerFilePath] string path = "") =>
            Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
    }
}
