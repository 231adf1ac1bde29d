#!/usr/bin/env bash
# Deterministic mode's CI leg (.ci/run calls it). Runs tests/PlanarGen.Determinism, which trains and evaluates
# [Network(Deterministic = true)] networks (float and double; tanh, sigmoid, ReLU, leaky ReLU; 2-4-1, 2-5-2 and 2-50-1;
# struct and class; 400 samples and 397, so a tail after the last 16-sample block is used) and prints fingerprints, under:
# every JIT setting of docs/platforms.md, the runtime's netstandard2.1 build (the one Unity compiles) with and without
# hardware SIMD, and Native AOT at default settings and with IlcInstructionSet=native. Every "det" line must be equal
# everywhere; fails loudly otherwise. "fast" lines (the default mode) are shown for contrast only.
# Native AOT needs clang and zlib1g-dev. Usage: tests/determinism.sh [--no-aot]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/planargen-det.XXXXXX")
trap 'rm -rf "$work"' EXIT
project="$root/tests/PlanarGen.Determinism"
echo "== CPU flags: $(grep -o 'avx512f\|avx2\|fma' /proc/cpuinfo | sort -u | tr '\n' ' ')"

build() {  # output folder, extra msbuild arguments
  local out=$1; shift
  dotnet build "$project" -c Release -o "$out" -nologo -v q "$@" >"$work/build-$(basename "$out").log" 2>&1 \
    || { cat "$work/build-$(basename "$out").log"; exit 1; }
}
publish() {  # output folder, extra msbuild arguments
  local out=$1; shift
  local log="$work/publish-$(basename "$out").log"
  dotnet publish "$project" -c Release -r linux-x64 -o "$out" -nologo "$@" >"$log" 2>&1 || { cat "$log"; exit 1; }
  if grep -Ei ': warning ' "$log"; then echo "Native AOT publish $* gave warnings (above)" >&2; exit 1; fi
}

reference=""; reference_label=""; runs=0
check() {  # label, then the command
  local label=$1; shift
  local out
  out=$("$@") || { echo "$out"; echo "determinism: the program failed under $label" >&2; exit 1; }
  local det; det=$(grep '^det ' <<<"$out")
  echo "== $label: $(head -1 <<<"$out")"
  grep '^fast .*m=400' <<<"$out" | sed 's/ predictions.*//; s/^/   (contrast) /' || true
  if [ -z "$det" ]; then echo "determinism: no det lines under $label" >&2; exit 1; fi
  if [ -z "$reference" ]; then reference=$det; reference_label=$label; echo "$det"
  elif [ "$det" != "$reference" ]; then
    echo "determinism: DIFFERENT BITS under $label than under $reference_label:" >&2
    diff <(echo "$reference") <(echo "$det") >&2 || true
    exit 1
  fi
  runs=$((runs + 1))
}

build "$work/jit"
build "$work/ns21" -p:PlanarGenRuntime=netstandard2.1
jit="$work/jit/PlanarGen.Determinism.dll"
ns21="$work/ns21/PlanarGen.Determinism.dll"
check "JIT default" dotnet "$jit"
check "JIT PLANARGEN_VECTOR512=0" env PLANARGEN_VECTOR512=0 dotnet "$jit"
check "JIT DOTNET_MaxVectorTBitWidth=128" env DOTNET_MaxVectorTBitWidth=128 dotnet "$jit"
check "JIT DOTNET_MaxVectorTBitWidth=512" env DOTNET_MaxVectorTBitWidth=512 dotnet "$jit"
check "JIT DOTNET_EnableAVX2=0" env DOTNET_EnableAVX2=0 dotnet "$jit"
check "JIT DOTNET_EnableHWIntrinsic=0" env DOTNET_EnableHWIntrinsic=0 dotnet "$jit"
check "netstandard2.1 runtime build" dotnet "$ns21"
check "netstandard2.1 runtime build, DOTNET_MaxVectorTBitWidth=512" env DOTNET_MaxVectorTBitWidth=512 dotnet "$ns21"
check "netstandard2.1 runtime build, DOTNET_EnableHWIntrinsic=0" env DOTNET_EnableHWIntrinsic=0 dotnet "$ns21"
if [ "${1:-}" != "--no-aot" ]; then
  publish "$work/aot-default"
  publish "$work/aot-native" -p:IlcInstructionSet=native
  check "Native AOT default" "$work/aot-default/PlanarGen.Determinism"
  check "Native AOT IlcInstructionSet=native" "$work/aot-native/PlanarGen.Determinism"
fi
echo "== determinism: the same bits in all $runs runs"
