namespace PlanarGen.Tests.Sharing
{
    // One network per form and precision for the sharing contract: copies, Clone() and several threads.

    [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
    public partial struct UnrolledStruct { }

    [Network(Inputs = 2, Hidden = 4, Outputs = 1, Precision = Precision.Double)]
    public partial struct UnrolledStructDouble { }

    [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
    public partial class UnrolledClass { }

    // 2-64-1 has 257 parameters, one above the unrolling budget: the loop form (the network).
    [Network(Inputs = 2, Hidden = 64, Outputs = 1)]
    public partial struct LoopStruct { }

    [Network(Inputs = 2, Hidden = 64, Outputs = 1, Precision = Precision.Double)]
    public partial struct LoopStructDouble { }

    [Network(Inputs = 2, Hidden = 64, Outputs = 1)]
    public partial class LoopClass { }

    [Network(Inputs = 2, Hidden = 64, Outputs = 1, Precision = Precision.Double, HiddenActivation = Activation.ReLU)]
    public partial class LoopClassDouble { }
}
