namespace PlanarGen.Determinism
{
    // Deterministic networks: both precisions, tanh, ReLU, leaky ReLU and sigmoid hidden layers, struct and class, the
    // flower's 2-4-1 (unrolled size in fast mode), several outputs (3-5-2) and loop sizes (2-50-1).
    [Network(Inputs = 2, Hidden = 4, Outputs = 1, Deterministic = true)]
    public partial struct Tanh241 { }

    [Network(Inputs = 2, Hidden = 4, Outputs = 1, Precision = Precision.Double, Deterministic = true)]
    public partial struct Tanh241Double { }

    [Network(Inputs = 2, Hidden = 4, Outputs = 1, HiddenActivation = Activation.ReLU, Deterministic = true)]
    public partial struct Relu241 { }

    [Network(Inputs = 2, Hidden = 5, Outputs = 2, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.2, Deterministic = true)]
    public partial struct Leaky252 { }

    [Network(Inputs = 2, Hidden = 5, Outputs = 2, HiddenActivation = Activation.Sigmoid, Precision = Precision.Double, Deterministic = true)]
    public partial struct Sigmoid252Double { }

    [Network(Inputs = 2, Hidden = 50, Outputs = 1, Deterministic = true)]
    public partial class Tanh2501 { }

    [Network(Inputs = 2, Hidden = 50, Outputs = 1, HiddenActivation = Activation.ReLU, Precision = Precision.Double, Deterministic = true)]
    public partial class Relu2501Double { }

    // Softmax and linear outputs (the label and its complement: one-hot columns).
    [Network(Inputs = 2, Hidden = 5, Outputs = 2, OutputActivation = Activation.Softmax, Deterministic = true)]
    public partial struct Softmax252 { }

    [Network(Inputs = 2, Hidden = 5, Outputs = 2, HiddenActivation = Activation.ReLU, OutputActivation = Activation.Softmax, Precision = Precision.Double, Deterministic = true)]
    public partial struct Softmax252Double { }

    [Network(Inputs = 2, Hidden = 5, Outputs = 2, OutputActivation = Activation.Linear, Deterministic = true)]
    public partial struct Linear252 { }

    [Network(Inputs = 2, Hidden = 5, Outputs = 2, HiddenActivation = Activation.Sigmoid, OutputActivation = Activation.Linear, Precision = Precision.Double, Deterministic = true)]
    public partial struct Linear252Double { }

#if !NETSTANDARD_RUNTIME
    // Fast mode, for contrast only (its bits may differ between hosts; the script prints but does not compare them).
    [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
    public partial struct FastTanh241 { }
#endif
}
