namespace PlanarGen.AotSmoke
{
    /// <summary>The notebook's network in float (unrolled, fused where the hardware allows).</summary>
    [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
    public partial struct Flower32 { }

    /// <summary>The notebook's network in double.</summary>
    [Network(Inputs = 2, Hidden = 4, Outputs = 1, Precision = Precision.Double)]
    public partial struct Flower64 { }

    /// <summary>A ReLU network above the unrolling budget: the loop form.</summary>
    [Network(Inputs = 2, Hidden = 80, Outputs = 1, HiddenActivation = Activation.ReLU)]
    public partial struct Wide32 { }
}
