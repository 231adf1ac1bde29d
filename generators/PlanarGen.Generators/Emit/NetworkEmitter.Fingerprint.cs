using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    internal static partial class NetworkEmitter
    {
        /// <summary>Fingerprint(): the runtime's NetworkFingerprint over the parameters in notebook order. The unrolled form copies
        /// its fields to the stack (at most the unrolling budget of values); the loop form hashes its storage in place.</summary>
        private static void WriteFingerprint(CodeWriter w, NetworkSpec spec, NumericNames n)
        {
            w.Line("/// <summary>");
            w.Line("/// A stable 64-bit hash of the parameters' bits in the notebook's order (XXH64 of their little-endian IEEE 754 patterns,");
            w.Line("/// see <see cref=\"global::PlanarGen.NetworkFingerprint\"/>): the same on every machine, runtime and release, so lockstep");
            w.Line("/// peers, replays and servers can compare states cheaply. Equals the checksum of a weights file this network saves.");
            w.Line("/// Allocation-free.");
            w.Line("/// </summary>");
            w.Line(GeneratedCode);
            if (spec.Unrolled)
            {
                w.Open("public ulong Fingerprint()");
                w.Line($"{KnownNames.Span}<{n.T}> parameters = stackalloc {n.T}[ParameterCount];");
                w.Line("CopyParametersTo(parameters);");
                w.Line("return global::PlanarGen.NetworkFingerprint.Compute(parameters);");
                w.Close();
            }
            else
            {
                w.Line($"public ulong Fingerprint() => global::PlanarGen.NetworkFingerprint.Compute({LoopParameters(spec, n)});");
            }
            w.Line();
        }
    }
}
