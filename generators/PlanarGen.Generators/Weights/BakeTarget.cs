using System.Globalization;

namespace PlanarGen.Generators.Weights
{
    /// <summary>The declared network a weights file is baked into.</summary>
    internal readonly struct BakeTarget
    {
        public BakeTarget(int inputs, int hidden, int outputs, Activation hiddenActivation, double leakySlope, Precision precision, Activation outputActivation)
        {
            OutputActivation = outputActivation;
            Inputs = inputs;
            Hidden = hidden;
            Outputs = outputs;
            HiddenActivation = hiddenActivation;
            LeakySlope = leakySlope;
            Precision = precision;
        }

        public int Inputs { get; }
        public int Hidden { get; }
        public int Outputs { get; }
        public Activation HiddenActivation { get; }
        public double LeakySlope { get; }
        public Activation OutputActivation { get; }
        public Precision Precision { get; }

        public int ParameterCount => Model.ParameterLayout.Of(Inputs, Hidden, Outputs).Count;

        /// <summary>As the runtime describes a network in messages: "2-4-1, hidden tanh, output sigmoid, single".</summary>
        public string Describe() =>
            $"{Inputs}-{Hidden}-{Outputs}, hidden {WeightsBaker.ActivationName(HiddenActivation)}"
            + (HiddenActivation == Activation.LeakyReLU ? " (slope " + LeakySlope.ToString("R", CultureInfo.InvariantCulture) + ")" : "")
            + $", output {WeightsBaker.ActivationName(OutputActivation)}, {(Precision == Precision.Single ? "single" : "double")}";
    }
}
