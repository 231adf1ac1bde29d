#!/usr/bin/env python3
"""The big-network workload in NumPy: 784-128-10 float32, tanh hidden layer, sigmoid output, cross-entropy gradient
(dZ2 = A2 - Y), one full-batch gradient-descent update per iteration (no cost), and the forward pass alone (PredictBatch),
at 128 and 1024 samples. Prints which BLAS NumPy loaded, OpenBLAS's core type, then "numpy-train-<m> <best ms>" and
"numpy-predict-<m> <best ms>" lines for benchmarks/side-by-side-large.sh. Usage: side_by_side_large_numpy.py [runs]."""
import ctypes
import os
import sys
import time

import numpy as np


def blas():
    """The BLAS library mapped into this process (NumPy loads it on import) and, for OpenBLAS, its core type."""
    with open("/proc/self/maps", encoding="utf-8") as maps:
        paths = sorted({line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line})
    core = "n/a"
    for path in paths:
        if "openblas" in os.path.basename(path):
            lib = ctypes.CDLL(path)
            lib.openblas_get_corename.restype = ctypes.c_char_p
            core = lib.openblas_get_corename().decode()
    return paths, core


def workload(m, runs):
    rng = np.random.default_rng(7)
    X = rng.random((784, m), dtype=np.float32)
    Y = np.zeros((10, m), dtype=np.float32)
    Y[np.arange(m) % 10, np.arange(m)] = 1
    W1 = (rng.standard_normal((128, 784)) * 0.05).astype(np.float32)
    b1 = np.zeros((128, 1), dtype=np.float32)
    W2 = (rng.standard_normal((10, 128)) * 0.05).astype(np.float32)
    b2 = np.zeros((10, 1), dtype=np.float32)
    lr = np.float32(0.1)
    inv_m = np.float32(1.0 / m)

    def step():
        nonlocal W1, b1, W2, b2
        A1 = np.tanh(W1 @ X + b1)
        A2 = 1 / (1 + np.exp(-(W2 @ A1 + b2)))
        dZ2 = A2 - Y
        dW2 = (dZ2 @ A1.T) * inv_m
        db2 = dZ2.sum(axis=1, keepdims=True) * inv_m
        dZ1 = (W2.T @ dZ2) * (1 - A1 * A1)
        dW1 = (dZ1 @ X.T) * inv_m
        db1 = dZ1.sum(axis=1, keepdims=True) * inv_m
        W1 -= lr * dW1
        b1 -= lr * db1
        W2 -= lr * dW2
        b2 -= lr * db2

    def predict():
        return 1 / (1 + np.exp(-(W2 @ np.tanh(W1 @ X + b1) + b2)))

    iterations = 200 if m == 128 else 40
    best = {}
    for name, f in (("train", step), ("predict", predict)):
        f()
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            for _ in range(iterations):
                f()
            times.append((time.perf_counter() - start) * 1000 / iterations)
        best[name] = min(times)
    assert W1.dtype == np.float32 and predict().dtype == np.float32
    return best


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    paths, core = blas()
    print(f"numpy-version {np.__version__}")
    print(f"numpy-blas {' '.join(paths) or 'none found in /proc/self/maps'}")
    print(f"numpy-openblas-core {core} OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}")
    for m in (128, 1024):
        best = workload(m, runs)
        print(f"numpy-train-{m} {best['train']:.3f}")
        print(f"numpy-predict-{m} {best['predict']:.3f}")


if __name__ == "__main__":
    main()
