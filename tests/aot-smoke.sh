#!/usr/bin/env bash
# Native AOT smoke test (.ci/run calls it). Publishes tests/PlanarGen.AotSmoke with Native AOT twice: at default settings
# (x86-64-v2: 128-bit SSE, no FMA) and with IlcInstructionSet=native. Each publish must give no warning (trim, AOT or
# other); each binary must pass its own checks (no allocation in any hot method, flower accuracy, repeatable bits); and its
# trained parameters must equal, bit for bit, a JIT run of the same program at the same instruction level
# (DOTNET_EnableAVX2=0 for the default target, the JIT's default for native). Prints the timings.
# Needs clang and zlib1g-dev (apt-get install -y clang zlib1g-dev). Usage: tests/aot-smoke.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/planargen-aot.XXXXXX")
trap 'rm -rf "$work"' EXIT
project="$root/tests/PlanarGen.AotSmoke"
echo "== CPU flags: $(grep -o 'avx512f\|avx2\|fma' /proc/cpuinfo | sort -u | tr '\n' ' ')"

publish() {  # output folder, extra msbuild arguments
  local out=$1; shift
  local log="$work/publish-$(basename "$out").log"
  dotnet publish "$project" -c Release -r linux-x64 -o "$out" -nologo "$@" >"$log" 2>&1 || { cat "$log"; exit 1; }
  if grep -Ei ': warning ' "$log"; then echo "Native AOT publish $* gave warnings (above)" >&2; exit 1; fi
  echo "published $(basename "$out") with no warnings ($*)"
}

hashes() { grep -o '^[A-Za-z0-9]* (.*parameters [0-9A-F]*' | sed 's/(.*parameters/parameters/'; }

compare() {  # label, AOT binary, then the env settings of the JIT run
  local label=$1 binary=$2; shift 2
  echo "== Native AOT, $label"
  local aot jit
  aot=$("$binary") || { echo "$aot"; echo "AOT smoke app failed ($label)" >&2; exit 1; }
  echo "$aot"
  echo "== JIT, $*"
  jit=$(env "$@" dotnet "$project/bin/Release/net10.0/linux-x64/PlanarGen.AotSmoke.dll") || { echo "$jit"; exit 1; }
  echo "$jit"
  if [ "$(hashes <<<"$aot")" != "$(hashes <<<"$jit")" ]; then
    echo "Native AOT ($label) and the JIT ($*) trained different parameters" >&2; exit 1
  fi
  echo "== same parameters, bit for bit: Native AOT ($label) and JIT ($*)"
}

publish "$work/default"
publish "$work/native" -p:IlcInstructionSet=native
compare "default settings" "$work/default/PlanarGen.AotSmoke" DOTNET_EnableAVX2=0
compare "IlcInstructionSet=native" "$work/native/PlanarGen.AotSmoke" DOTNET_NOTHING=0
