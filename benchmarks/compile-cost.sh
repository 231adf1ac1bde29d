#!/usr/bin/env bash
# Compile cost of a consumer project with many networks (docs/unrolling-budget.md, "Compile cost"): creates a project in
# a temp folder with the networks 2-1-1, 2-2-1, ..., 2-N-1 (float, tanh; N = 50 unless given), referencing this repo's
# runtime and generator projects, and builds it once with the compiler server off (UseSharedCompilation=false, so the
# compiler runs in a child process that /usr/bin/time sees) and prints CPU seconds (user + sys of the whole build, the
# machine may be shared so wall time is not used), peak RSS (largest single process, i.e. the compiler) and the size of
# the generated source (EmitCompilerGeneratedFiles). The runtime and generator are built first, outside the timing;
# the consumer is built in one MSBuild process (-m:1), so that the compiler process is its child and is counted.
# Prints the compiler process (csc) on its own and the whole build.
# Usage: benchmarks/compile-cost.sh [N] [Debug|Release]   (needs /usr/bin/time: apt-get install -y time)
set -euo pipefail
count=${1:-50}
config=${2:-Release}
repo=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -x /usr/bin/time ]; then
  echo "/usr/bin/time not found; installing it (Debian package 'time')" >&2
  apt-get install -y time >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/Consumer.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <LangVersion>9</LangVersion>
    <Nullable>enable</Nullable>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
    <CompilerGeneratedFilesOutputPath>generated</CompilerGeneratedFilesOutputPath>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/PlanarGen/PlanarGen.csproj" />
    <ProjectReference Include="$repo/generators/PlanarGen.Generators/PlanarGen.Generators.csproj"
                      OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
</Project>
EOF
{
  echo "using PlanarGen;"
  echo "namespace Consumer"
  echo "{"
  for h in $(seq 1 "$count"); do
    echo "    [Network(Inputs = 2, Hidden = $h, Outputs = 1)] public partial struct Net2x${h}x1 { }"
  done
  echo "}"
} > "$work/Networks.cs"

echo "== building the runtime and the generator ($config, not timed)"
dotnet build "$repo/src/PlanarGen/PlanarGen.csproj" -c "$config" -f net10.0 -v q -nologo >/dev/null
dotnet build "$repo/generators/PlanarGen.Generators/PlanarGen.Generators.csproj" -c "$config" -v q -nologo >/dev/null

# The compiler itself is also timed on its own, through a wrapper named as the Csc task's tool (CscToolPath/CscToolExe).
csc=$(dirname "$(readlink -f "$(command -v dotnet)")")/sdk/$(dotnet --version)/Roslyn/bincore/csc
[ -x "$csc" ] || { echo "compiler not found at $csc" >&2; exit 1; }
printf '#!/bin/sh\nexec /usr/bin/time -v -o "%s/csc-time.txt" "%s" "$@"\n' "$work" "$csc" > "$work/csc-timed"
chmod +x "$work/csc-timed"

echo "== building the consumer: networks 2-1-1 ... 2-$count-1 ($config, UseSharedCompilation=false)"
(cd "$work" && /usr/bin/time -v -o "$work/time.txt" dotnet build Consumer.csproj -c "$config" --no-dependencies \
  -m:1 -nodeReuse:false -p:UseSharedCompilation=false -p:CscToolPath="$work" -p:CscToolExe=csc-timed \
  -v q -nologo >"$work/build.txt" 2>&1) || { cat "$work/build.txt"; exit 1; }
[ -s "$work/csc-time.txt" ] || { echo "the compiler was not run through the timing wrapper" >&2; exit 1; }
grep -q ' 0 Warning(s)\| 0 Warnung' "$work/build.txt" || grep -i 'warning' "$work/build.txt" | head -5 || true

field() { awk -F': ' -v k="$1" '$1 ~ k {print $2}' "$2"; }
files=$(find "$work/generated" -name '*.g.cs' 2>/dev/null | wc -l)
bytes=$(find "$work/generated" -name '*.g.cs' -exec cat {} + 2>/dev/null | wc -c)
loops=$(grep -l ' _p;' -r "$work/generated" --include='*.g.cs' 2>/dev/null | wc -l || true)
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; $(uptime | sed 's/.*load/load/')"
echo "dotnet $(dotnet --version)"
awk -v u="$(field 'User time' "$work/time.txt")" -v s="$(field 'System time' "$work/time.txt")" \
    -v cu="$(field 'User time' "$work/csc-time.txt")" -v cs="$(field 'System time' "$work/csc-time.txt")" \
    -v r="$(field 'Maximum resident' "$work/time.txt")" -v cr="$(field 'Maximum resident' "$work/csc-time.txt")" \
    -v b="$bytes" -v f="$files" -v l="$loops" 'BEGIN {
  printf "compiler-cpu-seconds %.1f (csc: user %.1f + sys %.1f)\n", cu + cs, cu, cs
  printf "compiler-peak-rss-mb %.0f\n", cr / 1024
  printf "build-cpu-seconds %.1f (whole dotnet build: user %.1f + sys %.1f)\n", u + s, u, s
  printf "build-peak-rss-mb %.0f (largest single process)\n", r / 1024
  printf "generated-source-kb %.0f in %d files (%d in the loop form)\n", b / 1024, f, l
}'
