#!/usr/bin/env python3
"""PyTorch reference runs for PlanarGen's optimizers (docs/training.md), float64.

Each case builds nn.Sequential(Linear(I, H), g, Linear(H, O)[, output]) from seeded parameters and data, trains it with
torch.optim.Adam or torch.optim.SGD(momentum=mu, dampening=0, nesterov=False) for a few hundred steps, full batch or
mini-batches in PlanarGen's order (epoch e: numpy RandomState((seed + e * 0x9E3779B9) mod 2**32).permutation(m), the next
BatchSize samples per step, a short last batch used), and writes the initial parameters, the data and the final parameters
in PlanarGen's order (W1 row-major, b1, W2 row-major, b2) as JSON. The loss is PlanarGen's cost of the batch:
  sigmoid: BCELoss summed over outputs, mean over samples; softmax: CrossEntropyLoss (mean); linear: MSELoss (mean).

Run once with Debian's python3-torch and commit the output (CI never runs it):
  /usr/bin/python3 tools/reference/make_optimizer_fixtures.py --output-activation sigmoid \
      --out tests/PlanarGen.Tests/TestData/optimizers-sigmoid.json
"""
import argparse
import json

import numpy as np
import torch
from torch import nn

GOLDEN = 0x9E3779B9

# name, inputs, hidden, outputs, hidden activation, leaky slope, optimizer, settings, samples, batch, seed, steps
CASES = [
    ("flower-adam", 2, 4, 1, "Tanh", 0.0, "Adam", {"lr": 0.01}, 60, 0, 0, 300),
    ("flower-momentum", 2, 4, 1, "Tanh", 0.0, "Momentum", {"lr": 0.1, "momentum": 0.9}, 60, 0, 0, 300),
    ("tanh352-adam-batches", 3, 5, 2, "Tanh", 0.0, "Adam", {"lr": 0.02, "betas": (0.8, 0.99), "eps": 1e-7}, 50, 16, 5, 300),
    ("relu2151-momentum-batches", 2, 15, 1, "ReLU", 0.0, "Momentum", {"lr": 0.05, "momentum": 0.8}, 40, 7, 3, 200),
    ("leaky352-adam-batches", 3, 5, 2, "LeakyReLU", 0.2, "Adam", {"lr": 0.01}, 33, 8, 11, 250),
    ("loop2401-adam-batches", 2, 40, 1, "Tanh", 0.0, "Adam", {"lr": 0.005}, 30, 10, 2, 200),
]


def hidden_module(name, slope):
    return {"Tanh": nn.Tanh(), "Sigmoid": nn.Sigmoid(), "ReLU": nn.ReLU(), "LeakyReLU": nn.LeakyReLU(slope)}[name]


def epoch_order(seed, epoch, m):
    return np.random.RandomState((seed + epoch * GOLDEN) % 2**32).permutation(m)


def labels(rng, outputs, m, activation):
    if activation == "sigmoid":
        return (rng.random_sample((outputs, m)) < 0.5).astype(np.float64)
    if activation == "softmax":
        y = np.zeros((outputs, m))
        y[rng.randint(0, outputs, m), np.arange(m)] = 1.0
        return y
    return rng.randn(outputs, m)


def loss_of(activation, net_out, y):
    """PlanarGen's cost of one batch; net_out is (batch, O), y is (O, batch)."""
    count = net_out.shape[0]
    if activation == "sigmoid":
        return nn.functional.binary_cross_entropy(net_out, y.T, reduction="sum") / count
    if activation == "softmax":
        return nn.functional.cross_entropy(net_out, y.argmax(dim=0))
    return nn.functional.mse_loss(net_out, y.T)


def run(case, activation):
    name, I, H, O, hidden, slope, optimizer, settings, m, batch, seed, steps = case
    rng = np.random.RandomState(sum(map(ord, name)))
    x = rng.randn(I, m)
    y = labels(rng, O, m, activation)
    w1, b1 = 0.5 * rng.randn(H, I), 0.1 * rng.randn(H)
    w2, b2 = 0.5 * rng.randn(O, H), 0.1 * rng.randn(O)
    layers = [nn.Linear(I, H), hidden_module(hidden, slope), nn.Linear(H, O)]
    if activation == "sigmoid":
        layers.append(nn.Sigmoid())
    net = nn.Sequential(*layers).double()
    with torch.no_grad():
        for tensor, value in ((net[0].weight, w1), (net[0].bias, b1), (net[2].weight, w2), (net[2].bias, b2)):
            tensor.copy_(torch.from_numpy(value))
    if optimizer == "Adam":
        opt = torch.optim.Adam(net.parameters(), foreach=False, **settings)
    else:
        opt = torch.optim.SGD(net.parameters(), dampening=0, nesterov=False, foreach=False, **settings)
    X, Y = torch.from_numpy(x), torch.from_numpy(y)
    epoch, position, order = 0, 0, None
    costs = []
    for _ in range(steps):
        if batch == 0:
            xb, yb = X, Y
        else:
            if position == 0:
                order = torch.from_numpy(epoch_order(seed, epoch, m))
            count = min(batch, m - position)
            idx = order[position:position + count]
            xb, yb = X[:, idx], Y[:, idx]
            position += count
            if position == m:
                epoch, position = epoch + 1, 0
        opt.zero_grad()
        loss = loss_of(activation, net(xb.T), yb)
        loss.backward()
        opt.step()
        costs.append(loss.item())

    def flat():
        return np.concatenate([net[0].weight.detach().numpy().ravel(), net[0].bias.detach().numpy(),
                               net[2].weight.detach().numpy().ravel(), net[2].bias.detach().numpy()]).tolist()

    initial = np.concatenate([w1.ravel(), b1, w2.ravel(), b2]).tolist()
    return {
        "name": name, "inputs": I, "hidden": H, "outputs": O, "hiddenActivation": hidden, "leakySlope": slope,
        "outputActivation": activation.capitalize(), "optimizer": optimizer,
        "learningRate": settings["lr"], "momentum": settings.get("momentum", 0.9),
        "beta1": settings.get("betas", (0.9, 0.999))[0], "beta2": settings.get("betas", (0.9, 0.999))[1],
        "epsilon": settings.get("eps", 1e-8), "batchSize": batch, "seed": seed, "steps": steps, "samples": m,
        "x": x.ravel().tolist(), "y": y.ravel().tolist(), "initial": initial, "final": flat(),
        "firstCost": costs[0], "lastCost": costs[-1],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output-activation", choices=["sigmoid", "softmax", "linear"], default="sigmoid")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    torch.set_default_dtype(torch.float64)
    cases = [c for c in CASES if args.output_activation != "softmax" or c[3] >= 2]
    result = {"torch": torch.__version__, "numpy": np.__version__, "cases": [run(c, args.output_activation) for c in cases]}
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=None, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
