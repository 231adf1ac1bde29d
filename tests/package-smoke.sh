#!/usr/bin/env bash
# Packs PlanarGen, then builds and runs a fresh console app OUTSIDE the solution that installs the package from a
# local folder feed (other packages come from the machine's configured NuGet source/mirror), declares two networks
# (an unrolled 2-4-1 and a loop-form 784-128-10), trains one and prints a prediction.
# Works on a clean machine: everything happens in a temp dir, and the app restores into its own NuGet packages folder,
# so a PlanarGen cached by an earlier run never hides a broken package. Usage: tests/package-smoke.sh   (.ci/run may call it)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/planargen-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== pack PlanarGen"
dotnet pack "$root/src/PlanarGen" -c Release -o "$work/feed" --nologo -v quiet
nupkg=$(ls "$work"/feed/PlanarGen.*.nupkg)
version=$(basename "$nupkg" .nupkg); version=${version#PlanarGen.}
echo "packed $(basename "$nupkg")"
listing=$(unzip -l "$nupkg")
for entry in lib/netstandard2.1/PlanarGen.dll lib/net8.0/PlanarGen.dll lib/net10.0/PlanarGen.dll analyzers/dotnet/cs/PlanarGen.Generators.dll; do
  grep -q " $entry\$" <<<"$listing" || { echo "package lacks $entry" >&2; exit 1; }
done
if unzip -p "$nupkg" PlanarGen.nuspec | grep -q '<dependency '; then
  echo "package must not depend on anything:" >&2; unzip -p "$nupkg" PlanarGen.nuspec >&2; exit 1
fi
echo "package holds the runtime for netstandard2.1, net8.0, net10.0 and the generator; no dependencies"

app="$work/app"
mkdir -p "$app"
# The local feed is added to whatever sources the machine already uses (the served mirror), not instead of them.
cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="planargen-local" value="$work/feed" />
  </packageSources>
</configuration>
XML
cat > "$app/SmokeApp.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="PlanarGen" Version="$version" />
  </ItemGroup>
</Project>
XML
cat > "$app/Program.cs" <<'CS'
using System;
using PlanarGen;

var flower = PlanarDataSets.Flower();
var net = new FlowerNet64();
net.Initialize(new NumPyRandom(2));
var result = net.Train(flower.AsDataSet(), new TrainingOptions(2000, 1.2, 1000));
Span<double> p = stackalloc double[1];
net.Predict(new[] { 1.0, -2.0 }, p);
Console.WriteLine($"FlowerNet64: cost {result.LastCost:F6}, accuracy {net.Accuracy(flower.AsDataSet()):P1}, prediction at (1, -2): {p[0]:F6}");

var big = new DigitNet();
big.Initialize(new NumPyRandom(2));
Span<float> digits = stackalloc float[DigitNet.OutputCount];
big.Predict(new float[DigitNet.InputCount], digits);
Console.WriteLine($"DigitNet ({DigitNet.ParameterCount} parameters, loop form): prediction[0] = {digits[0]:F6}");

[Network(Inputs = 2, Hidden = 4, Outputs = 1, Precision = Precision.Double)]
public partial struct FlowerNet64 { }

[Network(Inputs = 784, Hidden = 128, Outputs = 10)]
public partial class DigitNet { }
CS

echo "== build and run a fresh console app that installs the package"
export NUGET_PACKAGES="$work/packages"
dotnet run --project "$app/SmokeApp.csproj" -c Release 2>&1 | tee "$work/run.log"
grep -q '^FlowerNet64: cost ' "$work/run.log"
grep -q '^DigitNet (101770 parameters, loop form): prediction\[0\] = ' "$work/run.log"
echo "package smoke test passed"
