#!/usr/bin/env bash
# The flower workload (10,000 full-batch iterations, 400 samples, 2-4-1 tanh/sigmoid, learning rate 1.2, no cost
# reporting) in NumPy and in PlanarGen, in one run, with the ratios. Usage: benchmarks/side-by-side.sh [runs]
# NumPy is Debian's python3-numpy through /usr/bin/python3; without it that column is skipped with a message.
# Where AVX-512 is accelerated PlanarGen's float networks run their Vector512 kernels; PLANARGEN_VECTOR512=0 keeps them on
# Vector<T> (256-bit) for a comparison, and PLANARGEN_VECTOR512=1 forces the Vector512 kernels (in software without AVX-512).
set -euo pipefail
cd "$(dirname "$0")"
runs=${1:-5}
echo "== machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; $(uptime | sed 's/.*load/load/')"
echo "== dotnet $(dotnet --version); PLANARGEN_VECTOR512=${PLANARGEN_VECTOR512:-auto}; DOTNET_MaxVectorTBitWidth=${DOTNET_MaxVectorTBitWidth:-default}"
dotnet build PlanarGen.Benchmarks -c Release -v q -nologo >/dev/null
out=$(dotnet PlanarGen.Benchmarks/bin/Release/net10.0/PlanarGen.Benchmarks.dll side-by-side "$runs")
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
  out="$out"$'\n'$(/usr/bin/python3 side_by_side_numpy.py "$(( runs < 3 ? runs : 3 ))")
else
  echo "== NumPy skipped: /usr/bin/python3 with numpy not found (apt-get install python3-numpy)"
fi
echo "$out" | grep -v -- '-version\|vector-width' | awk '{printf "%-18s %10s ms (best of runs)\n", $1, $2}'
echo "$out" | grep 'vector-width\|numpy-version' | sed 's/^/== /'
echo "$out" | awk '
  { t[$1] = $2 }
  END {
    g = t["planargen-float"]; d = t["planargen-double"]
    if (g > 0) {
      printf "PlanarGen float  vs plain-loop C# float : %6.1fx faster (target >= 30x)\n", t["plain-float"] / g
      if (t["numpy"] > 0) printf "PlanarGen float  vs NumPy (float64)     : %6.1fx faster (target >= 80x)\n", t["numpy"] / g
    }
    if (d > 0) {
      printf "PlanarGen double vs plain-loop C# double: %6.1fx faster\n", t["plain-double"] / d
      if (t["numpy"] > 0) printf "PlanarGen double vs NumPy (float64)     : %6.1fx faster\n", t["numpy"] / d
    }
    if (t["numpy"] > 0) printf "plain-loop C# float vs NumPy            : %6.1fx faster\n", t["numpy"] / t["plain-float"]
  }'
