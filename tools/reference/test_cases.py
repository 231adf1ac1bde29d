#!/usr/bin/env python3
"""Rebuild the notebook's graded test cases (testCases_v2) and write their outputs with full precision.

Run like make_reference.py (same environment):
  NPY_DISABLE_CPU_FEATURES="AVX2 FMA3 AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL" \
      /usr/bin/python3 tools/reference/test_cases.py tests/PlanarGen.Tests/TestData

The hard-coded arrays below are the test-case inputs as the course's testCases_v2 module defines them
(values only); the notebook's printed outputs confirm them (see the tests).
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_reference import (backward_propagation, compute_cost, flat_parameters,  # noqa: E402
                            forward_propagation, initialize_parameters, layer_sizes, nn_model,
                            predict, update_parameters)

OUT = sys.argv[1] if len(sys.argv) > 1 else "."

W1_FIXED = np.array([[-0.00416758, -0.00056267], [-0.02136196, 0.01640271],
                     [-0.01793436, -0.00841747], [0.00502881, -0.01245288]])
W2_FIXED = np.array([[-0.01057952, -0.00909008, 0.00551454, 0.02292208]])
TRAINED = {"W1": np.array([[-0.00615039, 0.0169021], [-0.02311792, 0.03137121],
                           [-0.0169217, -0.01752545], [0.00935436, -0.05018221]]),
           "b1": np.array([[-8.97523455e-07], [8.15562092e-06], [6.04810633e-07], [-2.54560700e-06]]),
           "W2": np.array([[-0.0104319, -0.04019007, 0.01607211, 0.04440255]]),
           "b2": np.array([[9.14954378e-05]])}

lines = []


def put(name, values):
    values = np.asarray(values, dtype=float).ravel()
    lines.append(name + " " + " ".join(repr(float(v)) for v in values))


np.random.seed(1)
X_assess = np.random.randn(5, 3)
Y_assess = np.random.randn(2, 3)
put("layer_sizes", layer_sizes(X_assess, Y_assess))

put("initialize_parameters", flat_parameters(initialize_parameters(2, 4, 1)))

np.random.seed(1)
X_assess = np.random.randn(2, 3)
b1 = np.random.randn(4, 1)
params = {"W1": W1_FIXED, "W2": W2_FIXED, "b1": b1, "b2": np.array([[-1.3]])}
A2, cache = forward_propagation(X_assess, params)
put("forward_means", [np.mean(cache["Z1"]), np.mean(cache["A1"]), np.mean(cache["Z2"]), np.mean(cache["A2"])])

np.random.seed(1)
Y_assess = np.random.randn(1, 3) > 0
a2 = np.array([[0.5002307, 0.49985831, 0.50023963]])
put("compute_cost", [compute_cost(a2, Y_assess, None)])

np.random.seed(1)
X_assess = np.random.randn(2, 3)
Y_assess = np.random.randn(1, 3) > 0
params = {"W1": W1_FIXED, "W2": W2_FIXED, "b1": np.zeros((4, 1)), "b2": np.zeros((1, 1))}
cache = {"A1": np.array([[-0.00616578, 0.0020626, 0.00349619], [-0.05225116, 0.02725659, -0.02646251],
                         [-0.02009721, 0.0036869, 0.02883756], [0.02152675, -0.01385234, 0.02599885]]),
         "A2": np.array([[0.5002307, 0.49985831, 0.50023963]]),
         "Z1": np.array([[-0.00616586, 0.0020626, 0.0034962], [-0.05229879, 0.02726335, -0.02646869],
                         [-0.02009991, 0.00368692, 0.02884556], [0.02153007, -0.01385322, 0.02600471]]),
         "Z2": np.array([[0.00092281, -0.00056678, 0.00095853]])}
g = backward_propagation(params, cache, X_assess, Y_assess)
put("backward_propagation", np.concatenate([g["dW1"].ravel(), g["db1"].ravel(), g["dW2"].ravel(), g["db2"].ravel()]))

grads = {"dW1": np.array([[0.00023322, -0.00205423], [0.00082222, -0.00700776],
                          [-0.00031831, 0.0028636], [-0.00092857, 0.00809933]]),
         "dW2": np.array([[-1.75740039e-05, 3.70231337e-03, -1.25683095e-03, -2.55715317e-03]]),
         "db1": np.array([[1.05570087e-07], [-3.81814487e-06], [-1.90155145e-07], [5.46467802e-07]]),
         "db2": np.array([[-1.08923140e-05]])}
put("update_parameters", flat_parameters(update_parameters(TRAINED, grads)))

np.random.seed(1)
X_assess = np.random.randn(2, 3)
Y_assess = np.random.randn(1, 3) > 0
p, costs = nn_model(X_assess, Y_assess, 4, num_iterations=10000, print_cost=True)
put("nn_model_costs_every_1000", costs[::1000])
put("nn_model_parameters", flat_parameters(p))

np.random.seed(1)
X_assess = np.random.randn(2, 3)
put("predict_mean", [np.mean(predict(TRAINED, X_assess))])

with open(os.path.join(OUT, "notebook_test_cases.txt"), "w") as f:
    f.write("# name, then its values (full precision) from tools/reference/test_cases.py\n")
    f.write("\n".join(lines) + "\n")
print("\n".join(lines))
