using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    internal static partial class NetworkEmitter
    {
        /// <summary>How one sample block is spelled: a SIMD chunk (samples in lanes) or one scalar sample.
        /// Both spellings compute the same operations in the same order, so the scalar tail agrees with the lanes.</summary>
        private sealed class Lanes
        {
            public Lanes(NetworkSpec spec, NumericNames n, bool vector)
            {
                Spec = spec;
                N = n;
                IsVector = vector;
            }

            public NetworkSpec Spec { get; }
            public NumericNames N { get; }
            public bool IsVector { get; }

            /// <summary>A parameter: the broadcast local in vector code, the field in scalar code.</summary>
            public string P(string name) => IsVector ? "v" + name : name;

            public string One => IsVector ? "one" : N.Lit(1);

            public string Zero => IsVector ? "zero" : N.Lit(0);

            public string Slope => IsVector ? "slope" : N.Lit(Spec.LeakySlope);

            public string Activate(Activation activation, string z) => activation switch
            {
                Activation.Tanh => $"{KnownNames.VectorMath}.{N.TanhKernel}({z})",
                Activation.Sigmoid => $"{KnownNames.VectorMath}.{N.SigmoidKernel}({z})",
                Activation.ReLU => IsVector ? $"{KnownNames.Vector}.Max({z}, zero)" : $"({z} > {Zero} ? {z} : {Zero})",
                _ => IsVector
                    ? $"{KnownNames.Vector}.ConditionalSelect({KnownNames.Vector}.GreaterThan({z}, zero), {z}, {z} * slope)"
                    : $"({z} > {Zero} ? {z} : {z} * {Slope})",
            };

            /// <summary>g'(z) written from the activation's output where that is cheaper (tanh, sigmoid).</summary>
            public string Derivative(Activation activation, string z, string a) => activation switch
            {
                Activation.Tanh => $"({One} - {a} * {a})",
                Activation.Sigmoid => $"{a} * ({One} - {a})",
                Activation.ReLU => IsVector
                    ? $"{KnownNames.Vector}.ConditionalSelect({KnownNames.Vector}.GreaterThan({z}, zero), one, zero)"
                    : $"({z} > {Zero} ? {One} : {Zero})",
                _ => IsVector
                    ? $"{KnownNames.Vector}.ConditionalSelect({KnownNames.Vector}.GreaterThan({z}, zero), one, slope)"
                    : $"({z} > {Zero} ? {One} : {Slope})",
            };

            /// <summary>Loads x0..x{Inputs-1} of chunk c or sample s.</summary>
            public void LoadInputs(CodeWriter w)
            {
                for (int i = 0; i < Spec.Inputs; i++)
                    w.Line(IsVector ? $"var x{i} = vx{i}[c];" : $"var x{i} = X{i}[s];");
            }

            public void LoadLabels(CodeWriter w)
            {
                for (int o = 0; o < Spec.Outputs; o++)
                    w.Line(IsVector ? $"var y{o} = vy{o}[c];" : $"var y{o} = Y{o}[s];");
            }

            /// <summary>Layer 1 and layer 2 pre-activations; a2 only when <paramref name="withOutput"/>.</summary>
            public void Forward(CodeWriter w, bool withOutput)
            {
                w.Line($"// Layer 1: {Spec.Inputs} inputs -> {Spec.Hidden} hidden, {Describe(Spec.HiddenActivation)}");
                for (int h = 0; h < Spec.Hidden; h++)
                {
                    int hh = h;
                    w.Line($"var z1_{h} = {Join(Spec.Inputs, i => $"{P(W1(hh, i))} * x{i}", " + ")} + {P(B1(h))};");
                    w.Line($"var a1_{h} = {Activate(Spec.HiddenActivation, $"z1_{h}")};");
                }
                w.Line($"// Layer 2: {Spec.Hidden} hidden -> {Spec.Outputs} outputs, sigmoid");
                for (int o = 0; o < Spec.Outputs; o++)
                {
                    int oo = o;
                    w.Line($"var z2_{o} = {Join(Spec.Hidden, h => $"{P(W2(oo, h))} * a1_{h}", " + ")} + {P(B2(o))};");
                    if (withOutput) w.Line($"var a2_{o} = {KnownNames.VectorMath}.{N.SigmoidKernel}(z2_{o});");
                }
            }
        }

        /// <summary>Locals shared by every batch kernel: the feature rows, their SIMD views and the chunk count.</summary>
        private static void WriteBatchPrologue(CodeWriter w, NetworkSpec spec, NumericNames n, bool labels)
        {
            w.Line("int m = data.SampleCount;");
            for (int i = 0; i < spec.Inputs; i++) w.Line($"var X{i} = data.Feature({i});");
            if (labels)
                for (int o = 0; o < spec.Outputs; o++) w.Line($"var Y{o} = data.Labels({o});");
            for (int i = 0; i < spec.Inputs; i++) w.Line($"var vx{i} = {KnownNames.MemoryMarshal}.Cast<{n.T}, {n.Vec}>(X{i});");
            if (labels)
                for (int o = 0; o < spec.Outputs; o++) w.Line($"var vy{o} = {KnownNames.MemoryMarshal}.Cast<{n.T}, {n.Vec}>(Y{o});");
            w.Line("// Without hardware SIMD (e.g. Unity Mono) every sample takes the scalar path, which computes the same thing.");
            w.Line($"int chunks = {KnownNames.Vector}.IsHardwareAccelerated ? vx0.Length : 0;");
            w.Line($"var one = {n.Vec}.One;");
            w.Line($"var zero = {n.Vec}.Zero;");
            if (spec.HiddenActivation == Activation.LeakyReLU) w.Line($"var slope = new {n.Vec}({n.Lit(spec.LeakySlope)});");
            foreach (string name in ParameterNames(spec)) w.Line($"var v{name} = new {n.Vec}({name});");
        }
    }
}
