using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Emit
{
    /// <summary>
    /// The output layer and its cost, chosen by the declaration's OutputActivation (known when the code is generated, so each
    /// network gets only its own): sigmoid with the binary cross-entropy (softplus(z) - y z per output, dZ2 = A2 - Y), softmax
    /// with the categorical cross-entropy (log sum e^(z - max) - y.(z - max) per sample, dZ2 = A2 - Y) and linear with the
    /// mean squared error ((z - y)^2 per output over m x Outputs, dZ2 = 2 (A2 - Y) / Outputs). Every form writes the same
    /// operations in the same order (vector lanes, the scalar tail, the loop form), so they agree bit for bit.
    /// </summary>
    internal static partial class NetworkEmitter
    {
        private static bool IsSigmoidOutput(NetworkSpec spec) => spec.OutputActivation == Activation.Sigmoid;

        private static bool IsSoftmax(NetworkSpec spec) => spec.OutputActivation == Activation.Softmax;

        private static bool IsLinear(NetworkSpec spec) => spec.OutputActivation == Activation.Linear;

        /// <summary>What Predict writes per output, for the XML docs.</summary>
        private static string OutputsDoc(NetworkSpec spec) => spec.OutputActivation switch
        {
            Activation.Softmax => "class probabilities (softmax: each in [0, 1], summing to 1; the predicted class is the largest)",
            Activation.Linear => "output values (linear: the pre-activations themselves)",
            _ => "output probabilities (class 1 when above 0.5)",
        };

        /// <summary>The cost sentence of Cost's XML docs.</summary>
        private static string CostDoc(NetworkSpec spec) => spec.OutputActivation switch
        {
            Activation.Softmax => "The categorical cross-entropy -(1/m) sum log A2[class] (labels one-hot columns), computed stably from Z2 (log-sum-exp).",
            Activation.Linear => "The mean squared error (1/(m x OutputCount)) sum (A2 - Y)^2.",
            _ => "The cross-entropy cost -(1/m) sum(Y log A2 + (1 - Y) log(1 - A2)), computed stably from Z2.",
        };

        /// <summary>The summary of Accuracy's XML docs.</summary>
        private static string AccuracyDoc(NetworkSpec spec) => spec.OutputActivation switch
        {
            Activation.Softmax => "Fraction of samples whose predicted class (the largest probability, the first on a tie) is the label's (its one-hot row).",
            Activation.Linear => "Not defined for a linear output (it predicts values, not classes): always throws; use Cost, the mean squared error.",
            _ => "Fraction of outputs predicted correctly (probability above 0.5 means class 1), over every sample and output.",
        };

        /// <summary>The generated RequireData's label check for outputs that need it: sigmoid 0/1 labels, softmax one-hot
        /// columns (both recorded by the DataSet at construction, so this is one flag test per call).</summary>
        private static void WriteLabelRule(CodeWriter w, NetworkSpec spec)
        {
            if (IsLinear(spec)) return;
            string flag = IsSoftmax(spec) ? "LabelsAreOneHot" : "LabelsAreBinary";
            string thrower = IsSoftmax(spec) ? "ThrowLabelsNotOneHot" : "ThrowLabelsNotBinary";
            w.Line($"if (needsLabels && !data.{flag}) {KnownNames.NetworkValidation}.{thrower}(data.Y, data.SampleCount, NetworkName);");
        }

        /// <summary>The scale that turns the linear output's summed squares into the mean over m x Outputs, appended to the 1/m scale.</summary>
        private static string MeanOverOutputs(NetworkSpec spec) => IsLinear(spec) ? " / OutputCount" : "";

        private sealed partial class Lanes
        {
            /// <summary>dZ2 of the mean squared error, 2/Outputs (A2 - Y): the factor as a vector local or a scalar literal.</summary>
            public string MseScale => IsVector ? "mseScale" : N.Lit(2.0 / Spec.Outputs);

            private string Max(string a, string b) => IsVector ? $"{N.VecStatic}.Max({a}, {b})" : $"({a} > {b} ? {a} : {b})";

            /// <summary>The declaration of a2_o from z2_o for an output activated on its own (sigmoid, linear), written right
            /// after z2_o; null for softmax, which needs every Z2 (see <see cref="WriteSoftmax"/>).</summary>
            public string? OutputOf(int o) => Spec.OutputActivation switch
            {
                Activation.Softmax => null,
                Activation.Linear => $"var a2_{o} = z2_{o};",
                _ => $"var a2_{o} = {KnownNames.VectorMath}.{N.SigmoidKernel}(z2_{o});",
            };

            /// <summary>Softmax a2_o from every z2_o, leaving zmax (the largest Z2) and esum (the sum of e2_o = e^(z2_o - zmax)).</summary>
            public void WriteSoftmax(CodeWriter w)
            {
                int outputs = Spec.Outputs;
                w.Line("// Softmax from the largest pre-activation, so no exponential overflows.");
                w.Line("var zmax = z2_0;");
                for (int o = 1; o < outputs; o++) w.Line($"zmax = {Max("zmax", $"z2_{o}")};");
                for (int o = 0; o < outputs; o++) w.Line($"var e2_{o} = {KnownNames.VectorMath}.Exp(z2_{o} - zmax);");
                w.Line($"var esum = {Join(outputs, o => $"e2_{o}", " + ")};");
                for (int o = 0; o < outputs; o++) w.Line($"var a2_{o} = e2_{o} / esum;");
            }

            /// <summary>Whether the cost needs the activated outputs (softmax's zmax and esum) rather than Z2 alone.</summary>
            public bool CostNeedsOutput => Spec.OutputActivation == Activation.Softmax;

            /// <summary>Adds this sample's (or chunk's) cost terms to <paramref name="acc"/>; labels y_o loaded.</summary>
            public void AddCost(CodeWriter w, string acc)
            {
                int outputs = Spec.Outputs;
                switch (Spec.OutputActivation)
                {
                    case Activation.Softmax:
                        // -log a[class] = log(esum) - (z[class] - zmax), the one-hot labels picking the class.
                        w.Line($"{acc} += {KnownNames.VectorMath}.Log(esum) - ({Join(outputs, o => $"y{o} * (z2_{o} - zmax)", " + ")});");
                        break;
                    case Activation.Linear:
                        for (int o = 0; o < outputs; o++)
                        {
                            w.Line($"var dc{o} = z2_{o} - y{o};");
                            w.Line($"{acc} += dc{o} * dc{o};");
                        }
                        break;
                    default:
                        for (int o = 0; o < outputs; o++) w.Line($"{acc} += {KnownNames.VectorMath}.{N.SoftplusKernel}(z2_{o}) - y{o} * z2_{o};");
                        break;
                }
            }

            /// <summary>The comment and dz2_o of the backward pass: A2 - Y for sigmoid (binary) and softmax (categorical
            /// cross-entropy), 2/Outputs (A2 - Y) for the mean squared error.</summary>
            public string DeltaComment => Spec.OutputActivation switch
            {
                Activation.Softmax => "softmax with categorical cross-entropy gives dZ2 = A2 - Y",
                Activation.Linear => "linear with mean squared error gives dZ2 = 2 (A2 - Y) / Outputs",
                _ => "sigmoid with cross-entropy gives dZ2 = A2 - Y",
            };

            public string Delta(int o) => Spec.OutputActivation == Activation.Linear ? $"(a2_{o} - y{o}) * {MseScale}" : $"a2_{o} - y{o}";
        }

        /// <summary>The linear output's dZ2 factor as a vector local of a batch kernel.</summary>
        private static void WriteMseScaleLocal(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            if (IsLinear(spec)) w.Line($"var mseScale = {n.Broadcast(n.Lit(2.0 / spec.Outputs))};");
        }

        /// <summary>Accuracy of a softmax network in a chunk or sample: the predicted class is the first output equal to the
        /// largest probability, the label's class is sum o y_o (one-hot), both as T values.</summary>
        private static void WriteSoftmaxClasses(CodeWriter w, Lanes lanes)
        {
            NetworkSpec spec = lanes.Spec;
            Spelling n = lanes.N;
            int outputs = spec.Outputs;
            w.Line("var amax = a2_0;");
            for (int o = 1; o < outputs; o++)
                w.Line(lanes.IsVector ? $"amax = {n.VecStatic}.Max(amax, a2_{o});" : $"amax = a2_{o} > amax ? a2_{o} : amax;");
            if (lanes.IsVector)
            {
                w.Line($"var predicted = {n.Broadcast(n.Lit(outputs - 1))};");
                for (int o = outputs - 2; o >= 0; o--)
                    w.Line($"predicted = {n.VecStatic}.ConditionalSelect({n.VecStatic}.Equals(a2_{o}, amax), {n.Broadcast(n.Lit(o))}, predicted);");
            }
            else
            {
                w.Line($"var predicted = {n.Lit(outputs - 1)};");
                for (int o = outputs - 2; o >= 0; o--) w.Line($"predicted = a2_{o} == amax ? {n.Lit(o)} : predicted;");
            }
            w.Line($"var labelled = {Join(outputs, o => $"y{o} * {(lanes.IsVector ? n.Broadcast(n.Lit(o)) : n.Lit(o))}", " + ")};");
        }

        /// <summary>Accuracy of a linear network: the whole member, which throws.</summary>
        private static void WriteUndefinedAccuracy(CodeWriter w, NetworkSpec spec, Spelling n)
        {
            w.Lines($"""
                /// <summary>{AccuracyDoc(spec)}</summary>
                /// <param name="data">A labelled data set of this network's shape.</param>
                /// <exception cref="global::System.InvalidOperationException">Always: a linear output has no classes to count.</exception>
                {GeneratedCode}
                public double Accuracy({KnownNames.DataSet}<{n.T}> data) => throw {KnownNames.NetworkValidation}.AccuracyUndefined(NetworkName);

                """);
        }

        /// <summary>The loop form's softmax of one sample (or chunk of samples) held in span <paramref name="z"/> (its Z2, one
        /// entry per output): leaves zmax, esum and e^(z - zmax) in the span; <paramref name="probabilities"/> then divides
        /// them by esum in place. The same operations in the same order as <see cref="Lanes.ActivateOutputs"/>.</summary>
        private static void WriteLoopSoftmax(CodeWriter w, Spelling n, bool vector, string z, bool probabilities)
        {
            string max = vector ? $"{n.VecStatic}.Max(zmax, {z}[o])" : $"(zmax > {z}[o] ? zmax : {z}[o])";
            w.Lines($"""
                var zmax = {z}[0];
                for (int o = 1; o < OutputCount; o++) zmax = {max};
                var esum = {(vector ? $"{n.Vec}.Zero" : n.Lit(0))};
                for (int o = 0; o < OutputCount; o++)
                {"{"}
                    var e = {KnownNames.VectorMath}.Exp({z}[o] - zmax);
                    {z}[o] = e;
                    esum += e;
                {"}"}
                """);
            if (probabilities) w.Line($"for (int o = 0; o < OutputCount; o++) {z}[o] = {z}[o] / esum;");
        }
    }
}
