namespace PlanarGen
{
    /// <summary>How <c>Train</c> and <c>TrainFor</c> turn a gradient into an update (<see cref="TrainingOptions.Optimizer"/>);
    /// docs/training.md gives the exact rules.</summary>
    public enum Optimizer
    {
        /// <summary>P = P - learningRate * g: the notebook's rule (the default; no state).</summary>
        GradientDescent = 0,

        /// <summary>Heavy-ball momentum as PyTorch's <c>SGD(momentum=mu, dampening=0, nesterov=False)</c>: buf = mu * buf + g
        /// (the first buf is g), P = P - learningRate * buf.</summary>
        Momentum = 1,

        /// <summary>Adam as PyTorch's <c>torch.optim.Adam</c> without weight decay or amsgrad.</summary>
        Adam = 2,
    }
}
