namespace PlanarGen.Tests.Networks
{
    // Every hidden activation x both precisions, with several inputs and outputs (3-5-2).
    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.Tanh)]
    public partial struct Tanh352 { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.Tanh, Precision = Precision.Double)]
    public partial struct Tanh352Double { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.Sigmoid)]
    public partial struct Sigmoid352 { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.Sigmoid, Precision = Precision.Double)]
    public partial struct Sigmoid352Double { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.ReLU)]
    public partial struct Relu352 { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.ReLU, Precision = Precision.Double)]
    public partial struct Relu352Double { }

    // A non-default slope, so a generator that ignored LeakySlope (or used 0.01) fails the reference comparison.
    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.2)]
    public partial struct Leaky352 { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.2, Precision = Precision.Double)]
    public partial struct Leaky352Double { }

    // Odd shapes: the smallest network, the notebook's widest sweep entry, and a wider input/output count.
    [Network(Inputs = 1, Hidden = 1, Outputs = 1)]
    public partial struct Tiny111 { }

    [Network(Inputs = 1, Hidden = 1, Outputs = 1, HiddenActivation = Activation.Sigmoid, Precision = Precision.Double)]
    public partial struct Tiny111Double { }

    [Network(Inputs = 2, Hidden = 15, Outputs = 1)]
    public partial struct Wide2151 { }

    [Network(Inputs = 2, Hidden = 15, Outputs = 1, HiddenActivation = Activation.ReLU, Precision = Precision.Double)]
    public partial struct Wide2151Double { }

    [Network(Inputs = 6, Hidden = 5, Outputs = 3, HiddenActivation = Activation.Sigmoid)]
    public partial struct Odd653 { }

    [Network(Inputs = 6, Hidden = 5, Outputs = 3, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.3, Precision = Precision.Double)]
    public partial struct Odd653Double { }
}
