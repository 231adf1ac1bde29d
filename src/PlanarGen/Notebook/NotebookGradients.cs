using System;

namespace PlanarGen
{
    /// <summary>The notebook's gradients, in the shapes of the parameters they belong to.</summary>
    public sealed class NotebookGradients
    {
        /// <summary>Wraps gradient arrays (for example a hard-coded test case).</summary>
        /// <param name="dW1">Hidden x inputs, row-major.</param>
        /// <param name="db1">Hidden.</param>
        /// <param name="dW2">Outputs x hidden, row-major.</param>
        /// <param name="db2">Outputs.</param>
        public NotebookGradients(double[] dW1, double[] db1, double[] dW2, double[] db2)
        {
            DW1 = dW1 ?? throw new ArgumentNullException(nameof(dW1));
            DB1 = db1 ?? throw new ArgumentNullException(nameof(db1));
            DW2 = dW2 ?? throw new ArgumentNullException(nameof(dW2));
            DB2 = db2 ?? throw new ArgumentNullException(nameof(db2));
        }

        /// <summary>d cost / d W1, hidden x inputs, row-major.</summary>
        public double[] DW1 { get; }

        /// <summary>d cost / d b1, hidden.</summary>
        public double[] DB1 { get; }

        /// <summary>d cost / d W2, outputs x hidden, row-major.</summary>
        public double[] DW2 { get; }

        /// <summary>d cost / d b2, outputs.</summary>
        public double[] DB2 { get; }
    }
}
