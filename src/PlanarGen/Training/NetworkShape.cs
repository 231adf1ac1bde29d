using System;

namespace PlanarGen
{
    /// <summary>The fixed shape of a generated network, readable through <see cref="INetwork{T}.Shape"/>.</summary>
    public readonly struct NetworkShape : IEquatable<NetworkShape>
    {
        /// <summary>Creates a shape description.</summary>
        public NetworkShape(int inputs, int hidden, int outputs, Activation hiddenActivation, double leakySlope, Precision precision)
            : this(inputs, hidden, outputs, hiddenActivation, leakySlope, precision, deterministic: false)
        {
        }

        /// <summary>Creates a shape description, saying whether the network is <c>[Network(Deterministic = true)]</c>.</summary>
        public NetworkShape(int inputs, int hidden, int outputs, Activation hiddenActivation, double leakySlope, Precision precision, bool deterministic)
            : this(inputs, hidden, outputs, hiddenActivation, leakySlope, precision, deterministic, Activation.Sigmoid)
        {
        }

        /// <summary>Creates a shape description with its output activation (<see cref="Activation.Sigmoid"/>,
        /// <see cref="Activation.Softmax"/> or <see cref="Activation.Linear"/>).</summary>
        public NetworkShape(int inputs, int hidden, int outputs, Activation hiddenActivation, double leakySlope, Precision precision, bool deterministic,
            Activation outputActivation)
        {
            OutputActivation = outputActivation;
            Deterministic = deterministic;
            Inputs = inputs;
            Hidden = hidden;
            Outputs = outputs;
            HiddenActivation = hiddenActivation;
            LeakySlope = leakySlope;
            Precision = precision;
        }

        /// <summary>Number of input features.</summary>
        public int Inputs { get; }

        /// <summary>Number of hidden units.</summary>
        public int Hidden { get; }

        /// <summary>Number of outputs.</summary>
        public int Outputs { get; }

        /// <summary>Activation of the hidden layer.</summary>
        public Activation HiddenActivation { get; }

        /// <summary>Activation of the output layer, which also names the cost: <see cref="Activation.Sigmoid"/> (binary
        /// cross-entropy, the default), <see cref="Activation.Softmax"/> (categorical cross-entropy) or
        /// <see cref="Activation.Linear"/> (mean squared error).</summary>
        public Activation OutputActivation { get; }

        /// <summary>Slope of <see cref="Activation.LeakyReLU"/> for negative inputs.</summary>
        public double LeakySlope { get; }

        /// <summary>Floating-point type of the parameters.</summary>
        public Precision Precision { get; }

        /// <summary>Whether the network computes with the Deterministic arithmetic (the same bits on every host;
        /// docs/determinism.md) rather than the fast one.</summary>
        public bool Deterministic { get; }

        /// <summary>Index of b1's first value in the notebook's parameter order W1 (Hidden x Inputs, row-major), b1, W2
        /// (Outputs x Hidden, row-major), b2; W1 starts at 0. The one place the runtime states the layout.</summary>
        public int B1Offset => Hidden * Inputs;

        /// <summary>Index of W2's first value.</summary>
        public int W2Offset => B1Offset + Hidden;

        /// <summary>Index of b2's first value.</summary>
        public int B2Offset => W2Offset + Outputs * Hidden;

        /// <summary>Total number of parameters (W1, b1, W2, b2).</summary>
        public int ParameterCount => B2Offset + Outputs;

        /// <inheritdoc />
        public bool Equals(NetworkShape other) =>
            Inputs == other.Inputs && Hidden == other.Hidden && Outputs == other.Outputs
            && HiddenActivation == other.HiddenActivation && LeakySlope.Equals(other.LeakySlope) && Precision == other.Precision && Deterministic == other.Deterministic
            && OutputActivation == other.OutputActivation;

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is NetworkShape other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => ((Inputs * 397 ^ Hidden) * 397 ^ Outputs) * 397 ^ (int)HiddenActivation;

        /// <inheritdoc />
        public override string ToString() =>
            $"{Inputs}-{Hidden}-{Outputs} {HiddenActivation} {Precision}{(OutputActivation == Activation.Sigmoid ? "" : " " + OutputActivation.ToString() + " output")}{(Deterministic ? " Deterministic" : "")}";
    }
}
