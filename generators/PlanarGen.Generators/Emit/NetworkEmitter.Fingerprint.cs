using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    internal static partial class NetworkEmitter
    {
        /// <summary>Fingerprint(): the runtime's NetworkFingerprint over the parameters in notebook order. The unrolled form copies
        /// its fields to the stack (at most the unrolling budget of values); the loop form hashes its storage in place.</summary>
        private static void WriteFingerprint(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            w.Lines($"""
                /// <summary>
                /// A stable 64-bit hash of the parameters' bits in the notebook's order (XXH64 of their little-endian IEEE 754 patterns,
                /// see <see cref="global::PlanarGen.NetworkFingerprint"/>): the same on every machine, runtime and release, so lockstep
                /// peers, replays and servers can compare states cheaply. Equals the checksum of a weights file this network saves.
                /// Allocation-free.
                /// </summary>
                {GeneratedCode}
                """);
            if (n.Plan.Unrolled)
                w.Lines($$"""
                    public ulong Fingerprint()
                    {
                        {{KnownNames.Span}}<{{n.T}}> parameters = stackalloc {{n.T}}[ParameterCount];
                        CopyParametersTo(parameters);
                        return global::PlanarGen.NetworkFingerprint.Compute(parameters);
                    }
                    """);
            else
                w.Line($"public ulong Fingerprint() => global::PlanarGen.NetworkFingerprint.Compute({LoopParameters(spec, n)});");
            w.Line();
        }
    }
}
