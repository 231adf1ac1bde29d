#!/usr/bin/env python3
"""Produce PlanarGen's NumPy reference numbers (written once, committed under tests/PlanarGen.Tests/TestData).

Run with Debian's numpy and glibc maths (see TestData/README.md):
  NPY_DISABLE_CPU_FEATURES="AVX2 FMA3 AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL" \
      /usr/bin/python3 tools/reference/make_reference.py tests/PlanarGen.Tests/TestData

The network code follows the course notebook ("Planar data classification with one hidden layer"),
written out again here; tests must never need Python.
"""
import os
import sys

import numpy as np

OUT = sys.argv[1] if len(sys.argv) > 1 else "."


def write(name, values, header=None):
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        if header:
            for line in header:
                f.write("# " + line + "\n")
        for v in values:
            f.write(repr(float(v)) + "\n")


# ---------------------------------------------------------------- random draws
def random_files():
    for seed in (0, 1, 2, 3, 42):
        np.random.seed(seed)
        write("randn_seed%d.txt" % seed, np.random.randn(2000),
              ["np.random.seed(%d); np.random.randn(2000)" % seed])
        np.random.seed(seed)
        write("rand_seed%d.txt" % seed, np.random.rand(2000),
              ["np.random.seed(%d); np.random.rand(2000)" % seed])
    # The raw 32-bit outputs: randint with dtype uint32 over the full range consumes exactly one
    # 32-bit word per value and returns it unmasked (mask = 0xFFFFFFFF).
    rs = np.random.RandomState(1)
    words = rs.randint(0, 2**32, size=2000, dtype=np.uint32)
    with open(os.path.join(OUT, "uint32_seed1.txt"), "w") as f:
        f.write("# np.random.RandomState(1).randint(0, 2**32, size=2000, dtype=np.uint32): raw MT19937 words\n")
        for w in words:
            f.write("%d\n" % int(w))


# ------------------------------------------------------- linspace and np.sum
def helper_files():
    lengths = [1, 2, 7, 8, 9, 15, 16, 17, 127, 128, 129, 136, 200, 255, 256, 257, 400, 1000]
    with open(os.path.join(OUT, "linspace.txt"), "w") as f:
        f.write("# start stop num, then the num values of np.linspace(start, stop, num)\n")
        for (a, b) in ((0.0, 3.12), (3.12, 6.24), (-1.3, 2.7)):
            for n in lengths:
                f.write("%r %r %d\n" % (a, b, n))
                f.write(" ".join(repr(float(v)) for v in np.linspace(a, b, n)) + "\n")
    np.random.seed(7)
    v = np.random.randn(1000) * np.exp(4.0 * np.random.randn(1000))
    write("pairwise_input.txt", v, ["np.random.seed(7); v = np.random.randn(1000) * np.exp(4.0 * np.random.randn(1000))"])
    with open(os.path.join(OUT, "pairwise_sum.txt"), "w") as f:
        f.write("# n, np.sum(v[:n]), then the plain left-to-right sum (for information)\n")
        for n in lengths:
            seq = 0.0
            for x in v[:n]:
                seq += float(x)
            f.write("%d %r %r\n" % (n, float(np.sum(v[:n])), seq))


# ------------------------------------------------------------- the notebook
def load_planar_dataset():
    np.random.seed(1)
    m = 400
    N = int(m / 2)
    D = 2
    X = np.zeros((m, D))
    Y = np.zeros((m, 1), dtype='uint8')
    a = 4
    for j in range(2):
        ix = range(N * j, N * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, N) + np.random.randn(N) * 0.2
        r = a * np.sin(4 * t) + np.random.randn(N) * 0.2
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[ix] = j
    return X.T, Y.T


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def layer_sizes(X, Y):
    return X.shape[0], 4, Y.shape[0]


def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(2)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def forward_propagation(X, parameters):
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def compute_cost(A2, Y, parameters):
    m = Y.shape[1]
    logprobs = np.multiply(np.log(A2), Y) + np.multiply((1 - Y), np.log(1 - A2))
    cost = -(1 / m) * np.sum(logprobs)
    return float(np.squeeze(cost))


def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2 = parameters["W2"]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = (1 / m) * np.dot(dZ2, A1.T)
    db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.multiply(np.dot(W2.T, dZ2), 1 - np.power(A1, 2))
    dW1 = (1 / m) * np.dot(dZ1, X.T)
    db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def update_parameters(parameters, grads, learning_rate=1.2):
    return {k: parameters[k] - learning_rate * grads["d" + k] for k in ("W1", "b1", "W2", "b2")}


def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]
    parameters = initialize_parameters(n_x, n_h, n_y)
    costs = []
    for i in range(0, num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        costs.append(cost)
        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, cost))
    return parameters, costs


def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return A2 > 0.5


def flat_parameters(p):
    return np.concatenate([p["W1"].ravel(), p["b1"].ravel(), p["W2"].ravel(), p["b2"].ravel()])


def notebook_files():
    X, Y = load_planar_dataset()
    write("flower_x.txt", X.ravel(), ["load_planar_dataset() X, shape (2, 400), row-major"])
    write("flower_y.txt", Y.ravel(), ["load_planar_dataset() Y, shape (1, 400)"])

    parameters, costs = nn_model(X, Y, n_h=4, num_iterations=10000, print_cost=True)
    write("flower_costs.txt", costs, ["nn_model(X, Y, n_h=4, num_iterations=10000): cost of every iteration"])
    write("flower_parameters.txt", flat_parameters(parameters),
          ["nn_model(X, Y, n_h=4, num_iterations=10000): W1 (4x2), b1 (4), W2 (1x4), b2 (1)"])
    predictions = predict(parameters, X)
    acc = float((np.dot(Y, predictions.T) + np.dot(1 - Y, 1 - predictions.T)) / float(Y.size))
    correct = int(np.sum(predictions == Y))
    print("Accuracy: %d%% (%r, %d correct)" % (int(acc * 100), acc, correct))
    with open(os.path.join(OUT, "flower_accuracy.txt"), "w") as f:
        f.write("# notebook accuracy fraction, then the number of correct predictions of 400\n")
        f.write("%r\n%d\n" % (acc, correct))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    print("numpy", np.__version__)
    random_files()
    helper_files()
    notebook_files()
