#!/usr/bin/env bash
# The big-network workload (784-128-10 float, tanh/sigmoid, one full-batch gradient-descent iteration, and PredictBatch,
# at 128 and 1024 samples) in NumPy with OpenBLAS on one thread and in PlanarGen (loop form, MatrixKernel), in one run,
# with the ratios. Usage: benchmarks/side-by-side-large.sh [runs]
# Debian's python3-numpy uses the slow reference BLAS until libopenblas0-pthread is installed; this script installs it
# (apt, only when run as root) and prints which BLAS NumPy loaded and the core type OpenBLAS chose.
set -euo pipefail
cd "$(dirname "$0")"
runs=${1:-5}
echo "== machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; flags: $(grep -o -w 'avx2\|avx512f\|fma' /proc/cpuinfo | sort -u | tr '\n' ' ')"
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'); dotnet $(dotnet --version); $(uptime | sed 's/.*load/load/')"
if ! dpkg -s libopenblas0-pthread >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "== installing libopenblas0-pthread (NumPy's OpenBLAS)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q libopenblas0-pthread >/dev/null
  else
    echo "== libopenblas0-pthread is missing and this is not root: NumPy may use the reference BLAS (see numpy-blas below)"
  fi
fi
dotnet build PlanarGen.Benchmarks -c Release -v q -nologo >/dev/null
out=$(dotnet PlanarGen.Benchmarks/bin/Release/net10.0/PlanarGen.Benchmarks.dll side-by-side-large "$runs")
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
  # One BLAS thread; the machine's OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE overrides are dropped for this command only.
  out="$out"$'\n'$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 /usr/bin/python3 side_by_side_large_numpy.py "$runs")
else
  echo "== NumPy skipped: /usr/bin/python3 with numpy not found (apt-get install python3-numpy)"
fi
echo "$out" | grep -v '^numpy-version\|^numpy-blas\|^numpy-openblas\|^matrix-kernel' | awk '{printf "%-22s %8s ms (best of runs)\n", $1, $2}'
echo "$out" | grep '^numpy-version\|^numpy-blas\|^numpy-openblas\|^matrix-kernel' | sed 's/^/== /'
echo "$out" | awk '
  { t[$1] = $2 }
  END {
    split("train-128 train-1024 predict-128 predict-1024", w, " ")
    for (i = 1; i <= 4; i++) {
      g = t["planargen-" w[i]]; n = t["numpy-" w[i]]
      if (g > 0 && n > 0) printf "%-13s NumPy+BLAS / PlanarGen = %5.2f (above 1: PlanarGen faster; target >= 1)\n", w[i], n / g
    }
  }'
