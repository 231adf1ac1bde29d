namespace PlanarGen.Tests.Optimizers
{
    /// <summary>A double loop-form network (161 parameters, above the unrolling budget) for the PyTorch optimizer fixtures.</summary>
    [Network(Inputs = 2, Hidden = 40, Outputs = 1, Precision = Precision.Double)]
    public partial struct LoopTanh2401Double { }

    /// <summary>The same shape as a class (moments in an array, copied by Clone).</summary>
    [Network(Inputs = 2, Hidden = 40, Outputs = 1, Precision = Precision.Double)]
    public partial class LoopTanh2401DoubleClass { }

    /// <summary>A float loop-form struct with Vector512 twins (Hidden 40, float).</summary>
    [Network(Inputs = 2, Hidden = 40, Outputs = 1)]
    public partial struct LoopTanh2401 { }
}
