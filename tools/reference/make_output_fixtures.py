#!/usr/bin/env python3
"""PyTorch reference numbers for the output activations (run once; the outputs are committed small).

  /usr/bin/python3 tools/reference/make_output_fixtures.py tests/PlanarGen.Tests/TestData/Outputs

Needs Debian's python3-torch (float64 throughout). Tests never need Python.

Writes one JSON file per output activation, each for a tanh hidden layer and 20 samples:
  softmax_3-5-3.json   nn.Linear(3,5), Tanh, nn.Linear(5,3), nn.CrossEntropyLoss() (mean), one-hot labels
  linear_3-5-2.json    nn.Linear(3,5), Tanh, nn.Linear(5,2), nn.MSELoss() (mean over samples x outputs), N(0,1) labels
  sigmoid_3-5-1.json   nn.Linear(3,5), Tanh, nn.Linear(5,1), nn.BCEWithLogitsLoss() (mean; with one output the same as
                       PlanarGen's -(1/m) sum of the binary cross-entropy), 0/1 labels
Keys: shape, activation, output, m, x (features x samples, row-major), y (outputs x samples, row-major), parameters
(PlanarGen's order: W1 hidden x inputs row-major, b1, W2 outputs x hidden row-major, b2 - PyTorch's 0.weight, 0.bias,
2.weight, 2.bias flattened), outputs (A2, outputs x samples: sigmoid/softmax probabilities or linear values), cost,
gradients (same order as parameters), learning_rate, steps, trained (parameters after `steps` plain SGD steps,
torch.optim.SGD(lr) without momentum, each on the full batch), trained_cost (cost after them).
Numbers are Python repr (shortest round-trip) of float64.
"""
import json
import os
import sys

import torch

OUT = sys.argv[1] if len(sys.argv) > 1 else "."
torch.set_default_dtype(torch.float64)
M = 20
LR = 0.1
STEPS = 5


def flat(model):
    return [float(v) for t in (model[0].weight, model[0].bias, model[2].weight, model[2].bias) for v in t.detach().reshape(-1)]


def grads(model):
    return [float(v) for t in (model[0].weight, model[0].bias, model[2].weight, model[2].bias) for v in t.grad.reshape(-1)]


def make(name, outputs, output, seed):
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(3, 5), torch.nn.Tanh(), torch.nn.Linear(5, outputs))
    x = torch.randn(M, 3)  # samples x features, as PyTorch wants them
    if output == "softmax":
        classes = torch.randint(0, outputs, (M,))
        y = torch.nn.functional.one_hot(classes, outputs).to(torch.float64)
        loss_fn = torch.nn.CrossEntropyLoss()
        target = classes
        activate = lambda z: torch.softmax(z, dim=1)
    elif output == "linear":
        y = torch.randn(M, outputs)
        loss_fn = torch.nn.MSELoss()
        target = y
        activate = lambda z: z
    else:
        y = torch.randint(0, 2, (M, outputs)).to(torch.float64)
        loss_fn = torch.nn.BCEWithLogitsLoss()
        target = y
        activate = torch.sigmoid

    initial = flat(model)
    z = model(x)
    loss = loss_fn(z, target)
    model.zero_grad()
    loss.backward()
    record = {
        "shape": f"3-5-{outputs}",
        "activation": "tanh",
        "output": output,
        "m": M,
        "x": [float(v) for v in x.T.reshape(-1)],
        "y": [float(v) for v in y.T.reshape(-1)],
        "parameters": initial,
        "outputs": [float(v) for v in activate(z).detach().T.reshape(-1)],
        "cost": float(loss),
        "gradients": grads(model),
        "learning_rate": LR,
        "steps": STEPS,
    }
    optimizer = torch.optim.SGD(model.parameters(), lr=LR)
    for _ in range(STEPS):
        optimizer.zero_grad()
        loss_fn(model(x), target).backward()
        optimizer.step()
    record["trained"] = flat(model)
    record["trained_cost"] = float(loss_fn(model(x), target))
    record["torch_version"] = torch.__version__
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(record, f, indent=1)
        f.write("\n")


make("softmax_3-5-3.json", 3, "softmax", 13)
make("linear_3-5-2.json", 2, "linear", 14)
make("sigmoid_3-5-1.json", 1, "sigmoid", 15)
