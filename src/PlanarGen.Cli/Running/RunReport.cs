using System;
using System.Collections.Generic;

namespace PlanarGen.Cli.Running
{
    /// <summary>The outcome of a training run: reported costs, accuracy and the final parameters.</summary>
    internal sealed class RunReport
    {
        public RunReport(string method, List<(int Iteration, double Cost)> costs, double accuracy, int inputs, int hidden, int outputs,
            double[] parameters, int divergedAtIteration, IPredictor predictor, string? divergenceReason = null, int iterationsRun = -1)
        {
            Method = method;
            Costs = costs;
            Accuracy = accuracy;
            Inputs = inputs;
            Hidden = hidden;
            Outputs = outputs;
            Parameters = parameters;
            DivergedAtIteration = divergedAtIteration;
            Predictor = predictor;
            IterationsRun = iterationsRun;
            DivergenceReason = divergedAtIteration >= 0 ? divergenceReason ?? Divergence.NonFinite : null;
        }

        /// <summary>How the run was computed, e.g. "exact (NumPy order, double)".</summary>
        public string Method { get; }

        public List<(int Iteration, double Cost)> Costs { get; }

        /// <summary>Fraction of training samples classified correctly (0..1).</summary>
        public double Accuracy { get; }

        public int Inputs { get; }
        public int Hidden { get; }
        public int Outputs { get; }

        /// <summary>W1, b1, W2, b2 in the notebook's order.</summary>
        public double[] Parameters { get; }

        /// <summary>-1, or the iteration at which the cost became non-finite.</summary>
        public int DivergedAtIteration { get; }

        /// <summary>The trained model, for pictures.</summary>
        public IPredictor Predictor { get; }

        public bool Diverged => DivergedAtIteration >= 0;

        /// <summary>Gradient-descent updates actually applied (fewer than asked when the exact path stops at a non-finite cost).</summary>
        public int IterationsRun { get; }

        /// <summary>Why the run counts as diverged, or null.</summary>
        public string? DivergenceReason { get; }

        public double[] W1 => Slice(0, Layout.B1Offset);
        public double[] B1 => Slice(Layout.B1Offset, Hidden);
        public double[] W2 => Slice(Layout.W2Offset, Outputs * Hidden);
        public double[] B2 => Slice(Layout.B2Offset, Outputs);

        // Only the sizes matter for the offsets (NetworkShape states the layout once).
        private NetworkShape Layout => new NetworkShape(Inputs, Hidden, Outputs, Activation.Tanh, NetworkLimits.DefaultLeakySlope, Precision.Double);

        private double[] Slice(int start, int length) => Parameters.AsSpan(start, length).ToArray();

        /// <summary>The weights file the network was loaded from instead of trained (flower --load), or null.</summary>
        public string? LoadedFrom { get; init; }

        /// <summary>The weights file the trained network was saved to (flower --save), or null (not asked, or diverged).</summary>
        public string? SavedTo { get; init; }

        /// <summary>Whether the network carries input scaling (loaded with the weights): the accuracy and the boundary then
        /// scale the raw inputs first (docs/weights.md#input-scaling).</summary>
        public bool InputScaling { get; init; }

        /// <summary>The generated network's <c>Fingerprint()</c> as xxh64:HEX (what a saved file's planargen.checksum holds), or null on the exact path.</summary>
        public string? Checksum { get; init; }
    }
}
