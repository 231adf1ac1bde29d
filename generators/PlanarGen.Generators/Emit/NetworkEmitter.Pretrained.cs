using System.Globalization;
using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    internal static partial class NetworkEmitter
    {
        /// <summary>
        /// <c>public static TNetwork Pretrained</c> for a network with baked weights: a new network loaded, through its own
        /// <c>LoadParameters</c>, from the baked values written as their exact IEEE bits (no decimal text is parsed at run time,
        /// and no host's number formatting enters the generated code). The values live on the stack up to
        /// <see cref="NetworkLimits.MaxStructParameters"/> parameters, in an array above that (a class, which allocates anyway).
        /// </summary>
        private static void WritePretrained(CodeWriter w, NetworkSpec spec)
        {
            if (spec.Baked is not BakedWeights baked) return;
            bool single = spec.Precision == Precision.Single;
            string t = single ? "float" : "double";
            string name = spec.Target.Name;
            int count = spec.ParameterCount;

            w.Line();
            w.Line("/// <summary>");
            w.Line($"/// A network holding the parameters baked in at compile time from '{Escape(baked.FileName)}' (<see cref=\"Fingerprint\"/>:");
            w.Line($"/// {baked.Fingerprint}), exactly, with no file read at run time. " + (spec.Target.IsClass
                ? "Each call returns a new instance."
                : "Each call returns a new copy."));
            w.Line("/// </summary>");
            w.Line(GeneratedCode);
            w.Open($"public static {name} Pretrained");
            w.Open("get");
            w.Open(count <= NetworkLimits.MaxStructParameters
                ? $"{KnownNames.ReadOnlySpan}<{t}> parameters = stackalloc {t}[{count.ToString(CultureInfo.InvariantCulture)}]"
                : $"{KnownNames.ReadOnlySpan}<{t}> parameters = new {t}[{count.ToString(CultureInfo.InvariantCulture)}]");
            int at = 0;
            int h = spec.Hidden, i = spec.Inputs, o = spec.Outputs;
            WriteTensor(w, baked, single, "W1", $"[{h}, {i}]", h * i, ref at);
            WriteTensor(w, baked, single, "b1", $"[{h}]", h, ref at);
            WriteTensor(w, baked, single, "W2", $"[{o}, {h}]", o * h, ref at);
            WriteTensor(w, baked, single, "b2", $"[{o}]", o, ref at);
            w.Close(";");
            w.Line($"var network = new {name}();");
            w.Line("network.LoadParameters(parameters);");
            if (baked.InputScalingBits.Count > 0)
            {
                // The file's input scaling (docs/weights.md#input-scaling), in the same exact bits.
                w.Open($"{KnownNames.ReadOnlySpan}<{t}> inputScaling = stackalloc {t}[{baked.InputScalingBits.Count.ToString(CultureInfo.InvariantCulture)}]");
                for (int k = 0; k < baked.InputScalingBits.Count; k++)
                    w.Line(Bits(single, baked.InputScalingBits[k]) + (k + 1 < baked.InputScalingBits.Count ? "," : ""));
                w.Close(";");
                w.Line($"network.SetInputScaling(inputScaling.Slice(0, {i.ToString(CultureInfo.InvariantCulture)}), inputScaling.Slice({i.ToString(CultureInfo.InvariantCulture)}));");
            }
            w.Line("return network;");
            w.Close();
            w.Close();
        }

        private static void WriteTensor(CodeWriter w, BakedWeights baked, bool single, string tensor, string shape, int count, ref int at)
        {
            w.Line($"// {tensor} {shape}");
            for (int k = 0; k < count; k++, at++)
            {
                string separator = at + 1 < baked.Bits.Count ? "," : "";
                w.Line(Bits(single, baked.Bits[at]) + separator);
            }
        }

        /// <summary>A value written as its exact IEEE bits.</summary>
        private static string Bits(bool single, long bits) => single
            ? $"global::System.BitConverter.Int32BitsToSingle(unchecked((int)0x{(uint)bits:X8}))"
            : $"global::System.BitConverter.Int64BitsToDouble(unchecked((long)0x{(ulong)bits:X16}))";

        /// <summary>A file name inside an XML doc comment.</summary>
        private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
