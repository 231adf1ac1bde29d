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

    // Softmax (3-5-3) and linear (3-5-2) outputs: every hidden activation x both precisions, unrolled with fused layer passes
    // (float) and plain (double); 3-8-3 and 3-8-2 are plain unrolled float; 3-16-x are the loop form; the last six Deterministic.
    [Network(Inputs = 3, Hidden = 5, Outputs = 3, HiddenActivation = Activation.Tanh, OutputActivation = Activation.Softmax)]
    public partial struct SoftmaxTanh353 { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 3, HiddenActivation = Activation.Tanh, OutputActivation = Activation.Softmax, Precision = Precision.Double)]
    public partial struct SoftmaxTanh353Double { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 3, HiddenActivation = Activation.Sigmoid, OutputActivation = Activation.Softmax)]
    public partial struct SoftmaxSigmoid353 { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 3, HiddenActivation = Activation.Sigmoid, OutputActivation = Activation.Softmax, Precision = Precision.Double)]
    public partial struct SoftmaxSigmoid353Double { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 3, HiddenActivation = Activation.ReLU, OutputActivation = Activation.Softmax)]
    public partial struct SoftmaxRelu353 { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 3, HiddenActivation = Activation.ReLU, OutputActivation = Activation.Softmax, Precision = Precision.Double)]
    public partial struct SoftmaxRelu353Double { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 3, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.2, OutputActivation = Activation.Softmax)]
    public partial struct SoftmaxLeaky353 { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 3, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.2, OutputActivation = Activation.Softmax, Precision = Precision.Double)]
    public partial struct SoftmaxLeaky353Double { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.Tanh, OutputActivation = Activation.Linear)]
    public partial struct LinearTanh352 { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.Tanh, OutputActivation = Activation.Linear, Precision = Precision.Double)]
    public partial struct LinearTanh352Double { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.Sigmoid, OutputActivation = Activation.Linear)]
    public partial struct LinearSigmoid352 { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.Sigmoid, OutputActivation = Activation.Linear, Precision = Precision.Double)]
    public partial struct LinearSigmoid352Double { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.ReLU, OutputActivation = Activation.Linear)]
    public partial struct LinearRelu352 { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.ReLU, OutputActivation = Activation.Linear, Precision = Precision.Double)]
    public partial struct LinearRelu352Double { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.2, OutputActivation = Activation.Linear)]
    public partial struct LinearLeaky352 { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.2, OutputActivation = Activation.Linear, Precision = Precision.Double)]
    public partial struct LinearLeaky352Double { }

    [Network(Inputs = 3, Hidden = 8, Outputs = 3, HiddenActivation = Activation.Tanh, OutputActivation = Activation.Softmax)]
    public partial struct SoftmaxTanh383 { }

    [Network(Inputs = 3, Hidden = 8, Outputs = 2, HiddenActivation = Activation.ReLU, OutputActivation = Activation.Linear)]
    public partial struct LinearRelu382 { }

    [Network(Inputs = 3, Hidden = 16, Outputs = 3, HiddenActivation = Activation.Tanh, OutputActivation = Activation.Softmax)]
    public partial struct SoftmaxTanhLoop { }

    [Network(Inputs = 3, Hidden = 16, Outputs = 3, HiddenActivation = Activation.Tanh, OutputActivation = Activation.Softmax, Precision = Precision.Double)]
    public partial struct SoftmaxTanhLoopDouble { }

    [Network(Inputs = 3, Hidden = 16, Outputs = 3, HiddenActivation = Activation.Sigmoid, OutputActivation = Activation.Softmax)]
    public partial struct SoftmaxSigmoidLoop { }

    [Network(Inputs = 3, Hidden = 16, Outputs = 3, HiddenActivation = Activation.Sigmoid, OutputActivation = Activation.Softmax, Precision = Precision.Double)]
    public partial struct SoftmaxSigmoidLoopDouble { }

    [Network(Inputs = 3, Hidden = 16, Outputs = 3, HiddenActivation = Activation.ReLU, OutputActivation = Activation.Softmax)]
    public partial struct SoftmaxReluLoop { }

    [Network(Inputs = 3, Hidden = 16, Outputs = 3, HiddenActivation = Activation.ReLU, OutputActivation = Activation.Softmax, Precision = Precision.Double)]
    public partial struct SoftmaxReluLoopDouble { }

    [Network(Inputs = 3, Hidden = 16, Outputs = 3, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.2, OutputActivation = Activation.Softmax)]
    public partial struct SoftmaxLeakyLoop { }

    [Network(Inputs = 3, Hidden = 16, Outputs = 3, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.2, OutputActivation = Activation.Softmax, Precision = Precision.Double)]
    public partial struct SoftmaxLeakyLoopDouble { }

    [Network(Inputs = 3, Hidden = 16, Outputs = 2, HiddenActivation = Activation.Tanh, OutputActivation = Activation.Linear)]
    public partial struct LinearTanhLoop { }

    [Network(Inputs = 3, Hidden = 16, Outputs = 2, HiddenActivation = Activation.Tanh, OutputActivation = Activation.Linear, Precision = Precision.Double)]
    public partial struct LinearTanhLoopDouble { }

    [Network(Inputs = 3, Hidden = 16, Outputs = 2, HiddenActivation = Activation.Sigmoid, OutputActivation = Activation.Linear)]
    public partial struct LinearSigmoidLoop { }

    [Network(Inputs = 3, Hidden = 16, Outputs = 2, HiddenActivation = Activation.Sigmoid, OutputActivation = Activation.Linear, Precision = Precision.Double)]
    public partial struct LinearSigmoidLoopDouble { }

    [Network(Inputs = 3, Hidden = 16, Outputs = 2, HiddenActivation = Activation.ReLU, OutputActivation = Activation.Linear)]
    public partial struct LinearReluLoop { }

    [Network(Inputs = 3, Hidden = 16, Outputs = 2, HiddenActivation = Activation.ReLU, OutputActivation = Activation.Linear, Precision = Precision.Double)]
    public partial struct LinearReluLoopDouble { }

    [Network(Inputs = 3, Hidden = 16, Outputs = 2, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.2, OutputActivation = Activation.Linear)]
    public partial struct LinearLeakyLoop { }

    [Network(Inputs = 3, Hidden = 16, Outputs = 2, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.2, OutputActivation = Activation.Linear, Precision = Precision.Double)]
    public partial struct LinearLeakyLoopDouble { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 3, HiddenActivation = Activation.Tanh, OutputActivation = Activation.Softmax, Deterministic = true)]
    public partial struct SoftmaxDeterministic { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 3, HiddenActivation = Activation.Tanh, OutputActivation = Activation.Softmax, Precision = Precision.Double, Deterministic = true)]
    public partial struct SoftmaxDeterministicDouble { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.Tanh, OutputActivation = Activation.Linear, Deterministic = true)]
    public partial struct LinearDeterministic { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.Tanh, OutputActivation = Activation.Linear, Precision = Precision.Double, Deterministic = true)]
    public partial struct LinearDeterministicDouble { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 3, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.2, OutputActivation = Activation.Softmax, Deterministic = true)]
    public partial struct SoftmaxLeakyDeterministic { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.ReLU, OutputActivation = Activation.Linear, Precision = Precision.Double, Deterministic = true)]
    public partial struct LinearReluDeterministicDouble { }
}
