#!/usr/bin/env python3
"""The course algorithm in NumPy on the flower data: 2-4-1, tanh hidden layer, sigmoid output, learning rate 1.2,
10,000 full-batch iterations, no cost reporting. Prints "numpy <best ms>" for benchmarks/side-by-side.sh.
Written for PlanarGen's comparison (the same maths as docs/design.md section 2); usage: side_by_side_numpy.py [runs]."""
import sys
import time

import numpy as np


def flower():
    np.random.seed(1)
    m, n = 400, 200
    X = np.zeros((m, 2))
    Y = np.zeros((m, 1), dtype="uint8")
    for j in range(2):
        ix = range(n * j, n * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, n) + np.random.randn(n) * 0.2
        r = 4 * np.sin(4 * t) + np.random.randn(n) * 0.2
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[ix] = j
    return X.T, Y.T


def train(X, Y, n_h=4, iterations=10000, lr=1.2):
    np.random.seed(2)
    W1 = np.random.randn(n_h, X.shape[0]) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(Y.shape[0], n_h) * 0.01
    b2 = np.zeros((Y.shape[0], 1))
    m = X.shape[1]
    for _ in range(iterations):
        A1 = np.tanh(np.dot(W1, X) + b1)
        A2 = 1 / (1 + np.exp(-(np.dot(W2, A1) + b2)))
        dZ2 = A2 - Y
        dW2 = np.dot(dZ2, A1.T) / m
        db2 = np.sum(dZ2, axis=1, keepdims=True) / m
        dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
        dW1 = np.dot(dZ1, X.T) / m
        db1 = np.sum(dZ1, axis=1, keepdims=True) / m
        W1 -= lr * dW1
        b1 -= lr * db1
        W2 -= lr * dW2
        b2 -= lr * db2
    return W1, b1, W2, b2


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    X, Y = flower()
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        train(X, Y)
        best = min(best, time.perf_counter() - start)
    print("numpy-version %s" % np.__version__)
    print("numpy %.2f" % (best * 1000.0))


if __name__ == "__main__":
    main()
