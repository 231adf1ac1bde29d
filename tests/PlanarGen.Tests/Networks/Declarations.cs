namespace PlanarGen.Tests
{
    // The networks declared in Networks.cs join the generic tests here.
    public partial struct FlowerNet : Networks.IGeneratedNetwork<float> { }

    public partial struct FlowerNet64 : Networks.IGeneratedNetwork<double> { }

    public partial struct LeakyNet : Networks.IGeneratedNetwork<float> { }
}

namespace PlanarGen.Tests.Networks
{
    // Every hidden activation x both precisions, with several inputs and outputs (3-5-2).
    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.Tanh)]
    public partial struct Tanh352 : IGeneratedNetwork<float> { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.Tanh, Precision = Precision.Double)]
    public partial struct Tanh352Double : IGeneratedNetwork<double> { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.Sigmoid)]
    public partial struct Sigmoid352 : IGeneratedNetwork<float> { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.Sigmoid, Precision = Precision.Double)]
    public partial struct Sigmoid352Double : IGeneratedNetwork<double> { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.ReLU)]
    public partial struct Relu352 : IGeneratedNetwork<float> { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.ReLU, Precision = Precision.Double)]
    public partial struct Relu352Double : IGeneratedNetwork<double> { }

    // A non-default slope, so a generator that ignored LeakySlope (or used 0.01) fails the reference comparison.
    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.2)]
    public partial struct Leaky352 : IGeneratedNetwork<float> { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.2, Precision = Precision.Double)]
    public partial struct Leaky352Double : IGeneratedNetwork<double> { }

    // Odd shapes: the smallest network, the notebook's widest sweep entry, and a wider input/output count.
    [Network(Inputs = 1, Hidden = 1, Outputs = 1)]
    public partial struct Tiny111 : IGeneratedNetwork<float> { }

    [Network(Inputs = 1, Hidden = 1, Outputs = 1, HiddenActivation = Activation.Sigmoid, Precision = Precision.Double)]
    public partial struct Tiny111Double : IGeneratedNetwork<double> { }

    [Network(Inputs = 2, Hidden = 50, Outputs = 1)]
    public partial struct Wide2501 : IGeneratedNetwork<float> { }

    [Network(Inputs = 2, Hidden = 50, Outputs = 1, HiddenActivation = Activation.ReLU, Precision = Precision.Double)]
    public partial struct Wide2501Double : IGeneratedNetwork<double> { }

    [Network(Inputs = 6, Hidden = 9, Outputs = 3, HiddenActivation = Activation.Sigmoid)]
    public partial struct Odd693 : IGeneratedNetwork<float> { }

    [Network(Inputs = 6, Hidden = 9, Outputs = 3, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.3, Precision = Precision.Double)]
    public partial struct Odd693Double : IGeneratedNetwork<double> { }
}
