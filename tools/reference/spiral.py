#!/usr/bin/env python3
"""SHA-256 of the CS231n spiral as NumPy makes it, for tests/PlanarGen.Tests/Data/SpiralDataSetTests.cs (run once).

  NPY_DISABLE_CPU_FEATURES="AVX2 FMA3 AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL" \
      /usr/bin/python3 tools/reference/spiral.py

X is 2 x (N K) row-major (features x samples), Y is K x (N K) one-hot, both little-endian float64, as PlanarGen lays
them out; the generator is the course's code, written out again here.
"""
import hashlib

import numpy as np


def spiral(n, k, seed):
    np.random.seed(seed)
    x = np.zeros((n * k, 2))
    y = np.zeros(n * k, dtype="uint8")
    for j in range(k):
        ix = range(n * j, n * (j + 1))
        r = np.linspace(0.0, 1, n)
        t = np.linspace(j * 4, (j + 1) * 4, n) + np.random.randn(n) * 0.2
        x[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        y[ix] = j
    one_hot = np.zeros((k, n * k))
    one_hot[y, np.arange(n * k)] = 1.0
    return x.T.copy(), one_hot


def sha(a):
    return hashlib.sha256(np.ascontiguousarray(a, dtype="<f8").tobytes()).hexdigest()


for n, k, seed in ((100, 3, 0), (100, 3, 1), (50, 4, 7), (1, 2, 3)):
    x, y = spiral(n, k, seed)
    print('[InlineData(%d, %d, %du, "%s", "%s")]' % (n, k, seed, sha(x), sha(y)))
    print("  first sample %r %r, last %r %r" % (x[0, 1], x[1, 1], x[0, -1], x[1, -1]))
