using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PlanarGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PlanarGen.Generators.Tests.Weights
{
    /// <summary>Pretrained compiles as C# 9 against netstandard2.1 (Unity's surface: BitConverter.Int32BitsToSingle and
    /// Int64BitsToDouble exist there) with zero warnings, for a float struct and a double class.</summary>
    public class BakedWeightsNetStandardTests
    {
        [Fact]
        public void PretrainedCompilesAgainstNetStandard21()
        {
            string netstandard = Path.Combine(Metadata("NuGetPackageRoot"), "netstandard.library.ref", "2.1.0", "ref", "netstandard2.1", "netstandard.dll");
            MetadataReference[] references = { MetadataReference.CreateFromFile(netstandard), MetadataReference.CreateFromFile(Metadata("RuntimeNetStandard21")) };
            const string Source = """
                using PlanarGen;
                [Network(Inputs = 1, Hidden = 1, Outputs = 1, Weights = "w.json")]
                public partial struct F { }
                [Network(Inputs = 1, Hidden = 1, Outputs = 1, Precision = Precision.Double, Weights = "w.json")]
                public partial class D { }
                """;
            const string Json = "{\"tensors\": {\"W1\": {\"dtype\": \"F64\", \"shape\": [1, 1], \"data\": [-1]}, \"b1\": {\"dtype\": \"F64\", \"shape\": [1], \"data\": [0.1]}, " +
                "\"W2\": {\"dtype\": \"F64\", \"shape\": [1, 1], \"data\": [3]}, \"b2\": {\"dtype\": \"F64\", \"shape\": [1], \"data\": [-2.5e-300]}}}";
            var compilation = CSharpCompilation.Create("UnityBaked",
                new[] { CSharpSyntaxTree.ParseText(Source, GeneratorHarness.NetStandardParseOptions(LanguageVersion.CSharp9), path: "Nets.cs") },
                references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));
            GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new NetworkGenerator().AsSourceGenerator() },
                new[] { new BakeHarness.File("Assets/w.json", Json) }, GeneratorHarness.NetStandardParseOptions(LanguageVersion.CSharp9));
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out var diagnostics);
            Assert.Empty(diagnostics);
            Assert.Equal(2, driver.GetRunResult().Results.Single().GeneratedSources.Length);
            string[] problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToArray();
            Assert.True(problems.Length == 0, string.Join("\n", problems));
            string f = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "F.Network.g.cs").SourceText.ToString();
            Assert.Contains("Int32BitsToSingle(unchecked((int)0xBF800000))", f);   // -1
            Assert.Contains("Int32BitsToSingle(unchecked((int)0x3DCCCCCD))", f);   // 0.1 (double) rounded to float
            Assert.Contains("Int32BitsToSingle(unchecked((int)0x80000000))", f);   // -2.5e-300 underflows to -0 in float
        }

        [Fact]
        public void PretrainedWithInputScalingCompilesAgainstNetStandard21()
        {
            string netstandard = Path.Combine(Metadata("NuGetPackageRoot"), "netstandard.library.ref", "2.1.0", "ref", "netstandard2.1", "netstandard.dll");
            MetadataReference[] references = { MetadataReference.CreateFromFile(netstandard), MetadataReference.CreateFromFile(Metadata("RuntimeNetStandard21")) };
            const string Source = """
                using PlanarGen;
                [Network(Inputs = 2, Hidden = 1, Outputs = 1, Weights = "w.json")]
                public partial struct F { }
                [Network(Inputs = 2, Hidden = 1, Outputs = 1, Precision = Precision.Double, Weights = "w.json")]
                public partial class D { }
                """;
            const string Json = "{\"tensors\": {\"W1\": {\"dtype\": \"F64\", \"shape\": [1, 2], \"data\": [-1, 2]}, \"b1\": {\"dtype\": \"F64\", \"shape\": [1], \"data\": [0.1]}, " +
                "\"W2\": {\"dtype\": \"F64\", \"shape\": [1, 1], \"data\": [3]}, \"b2\": {\"dtype\": \"F64\", \"shape\": [1], \"data\": [-2.5]}, " +
                "\"input_offset\": {\"dtype\": \"F64\", \"shape\": [2], \"data\": [40, -7]}, \"input_scale\": {\"dtype\": \"F64\", \"shape\": [2], \"data\": [0.08, -4]}}}";
            var compilation = CSharpCompilation.Create("UnityBakedScaling",
                new[] { CSharpSyntaxTree.ParseText(Source, GeneratorHarness.NetStandardParseOptions(LanguageVersion.CSharp9), path: "Nets.cs") },
                references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));
            GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new NetworkGenerator().AsSourceGenerator() },
                new[] { new BakeHarness.File("Assets/w.json", Json) }, GeneratorHarness.NetStandardParseOptions(LanguageVersion.CSharp9));
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out var diagnostics);
            Assert.Empty(diagnostics);
            string[] problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToArray();
            Assert.True(problems.Length == 0, string.Join("\n", problems));
            string f = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "F.Network.g.cs").SourceText.ToString();
            Assert.Contains("Int32BitsToSingle(unchecked((int)0x42200000))", f);   // offset 40
            Assert.Contains("Int32BitsToSingle(unchecked((int)0x3DA3D70A))", f);   // scale 0.08 rounded to float
            Assert.Contains("network.SetInputScaling(inputScaling.Slice(0, 2), inputScaling.Slice(2));", f);
        }

        private static string Metadata(string key) =>
            typeof(BakedWeightsNetStandardTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException($"no assembly metadata {key}");
    }
}
