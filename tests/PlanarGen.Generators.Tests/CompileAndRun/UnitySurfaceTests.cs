using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PlanarGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PlanarGen.Generators.Tests.CompileAndRun
{
    /// <summary>What Unity needs: a generator Unity's Roslyn (4.3) can load, and generated code that compiles as C# 9
    /// against the netstandard2.1 API surface with zero warnings.</summary>
    public class UnitySurfaceTests
    {
        [Fact]
        public void GeneratorReferencesRoslyn43OrOlderAndTargetsNetStandard20()
        {
            string path = typeof(NetworkGenerator).Assembly.Location;
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            MetadataReader md = pe.GetMetadataReader();

            var roslyn = md.AssemblyReferences.Select(h => md.GetAssemblyReference(h))
                .Where(r => md.GetString(r.Name).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                .Select(r => (Name: md.GetString(r.Name), r.Version))
                .ToArray();
            Assert.NotEmpty(roslyn);
            Assert.All(roslyn, r => Assert.True(r.Version <= new Version(4, 3, 0, 0), $"{r.Name} {r.Version} is above 4.3.0.0 (Unity 6 hosts Roslyn 4.3)"));

            string? framework = null;
            foreach (CustomAttributeHandle handle in md.GetAssemblyDefinition().GetCustomAttributes())
            {
                CustomAttribute attribute = md.GetCustomAttribute(handle);
                if (attribute.Constructor.Kind != HandleKind.MemberReference) continue;
                var ctor = md.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
                var type = md.GetTypeReference((TypeReferenceHandle)ctor.Parent);
                if (md.GetString(type.Name) != "TargetFrameworkAttribute") continue;
                BlobReader blob = md.GetBlobReader(attribute.Value);
                blob.ReadUInt16(); // prolog 0x0001
                framework = blob.ReadSerializedString();
            }
            Assert.Equal(".NETStandard,Version=v2.0", framework);
        }

        [Fact]
        public void GeneratedCodeCompilesAgainstNetStandard21AsCSharp9WithoutWarnings()
        {
            string netstandard = Path.Combine(Metadata("NuGetPackageRoot"), "netstandard.library.ref", "2.1.0", "ref", "netstandard2.1", "netstandard.dll");
            string runtime = Metadata("RuntimeNetStandard21");
            Assert.True(File.Exists(netstandard), $"missing {netstandard} (PackageDownload NETStandard.Library.Ref 2.1.0)");
            Assert.True(File.Exists(runtime), $"missing {runtime} (the runtime's netstandard2.1 build)");
            MetadataReference[] references = { MetadataReference.CreateFromFile(netstandard), MetadataReference.CreateFromFile(runtime) };

            var cases = new List<NetworkCase>();
            Activation[] activations = { Activation.Tanh, Activation.Sigmoid, Activation.ReLU, Activation.LeakyReLU };
            foreach (Activation a in activations)
            {
                cases.Add(new NetworkCase(2, 4, 1, a, Precision.Single));
                cases.Add(new NetworkCase(3, 5, 2, a, Precision.Double));
            }
            string[] sources = { CompiledNetworks.DeclarationSource(cases), Sources.NestedInPartialClass, Sources.GlobalNamespace };
            var compilation = CSharpCompilation.Create("UnityShape",
                sources.Select((text, k) => CSharpSyntaxTree.ParseText(text, GeneratorHarness.NetStandardParseOptions(LanguageVersion.CSharp9), path: $"Networks{k}.cs")),
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                    warningLevel: 9999));
            GeneratorRun run = GeneratorHarness.Run(compilation);

            Assert.Empty(run.GeneratorDiagnostics);
            Assert.Equal(cases.Count + 2, run.Sources.Length);
            string[] problems = run.Problems.Select(d => d.ToString()).ToArray();
            Assert.True(problems.Length == 0, $"{problems.Length} problems:\n" + string.Join("\n", problems.Take(10)));
            using var pe = new MemoryStream();
            Assert.True(run.Output.Emit(pe).Success);
        }

        private static string Metadata(string key) =>
            typeof(UnitySurfaceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException($"no assembly metadata {key}");
    }
}
