#!/usr/bin/env bash
# Produces a Unity package folder (UPM layout) for PlanarGen:
#   package.json                        name com.planargen.runtime
#   Runtime/PlanarGen.dll (+ .meta)     the runtime, netstandard2.1 build (Unity's .NET Standard 2.1 profile)
#   Runtime/PlanarGen.Generators.dll    the source generator; its .meta carries the RoslynAnalyzer label and disables
#                                       every platform, which is how Unity recognises a generator
#   Runtime/PlanarGen.Runtime.asmdef    the assembly definition whose folder scopes the generator: it runs for this
#                                       assembly and every assembly that references it (auto-referenced, so also for
#                                       Assembly-CSharp)
#   Runtime/PlanarGenAssembly.cs        one source file, so Unity compiles the asmdef (an asmdef without scripts is empty)
# Usage: tools/unity-package.sh [output-folder]   (default artifacts/unity/com.planargen.runtime)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/artifacts/unity/com.planargen.runtime}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build "$root/src/PlanarGen" -c Release -f netstandard2.1 --nologo -v quiet
runtime="$root/src/PlanarGen/bin/Release/netstandard2.1/PlanarGen.dll"
generator="$root/generators/PlanarGen.Generators/bin/Release/netstandard2.0/PlanarGen.Generators.dll"
test -f "$runtime" && test -f "$generator"
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -1)

rm -rf "$out"
mkdir -p "$out/Runtime"
cp "$runtime" "$out/Runtime/PlanarGen.dll"
cp "${runtime%.dll}.xml" "$out/Runtime/PlanarGen.xml"
cp "$generator" "$out/Runtime/PlanarGen.Generators.dll"

# Stable GUIDs: derived from the asset's path in the package, so re-running the script gives the same .meta files.
guid() { printf '%s' "com.planargen.runtime/$1" | md5sum | cut -c1-32; }

cat > "$out/package.json" <<JSON
{
  "name": "com.planargen.runtime",
  "version": "$version",
  "displayName": "PlanarGen",
  "description": "Tiny fixed-size neural networks: [Network(Inputs = 2, Hidden = 4, Outputs = 1)] on a partial struct, and the bundled source generator writes allocation-free Predict, Cost, Accuracy, TrainStep and Train.",
  "unity": "2022.3",
  "unityRelease": "12f1",
  "keywords": ["neural network", "source generator", "machine learning"],
  "author": { "name": "PlanarGen" }
}
JSON

cat > "$out/Runtime/PlanarGen.Runtime.asmdef" <<JSON
{
    "name": "PlanarGen.Runtime",
    "rootNamespace": "PlanarGen",
    "references": [],
    "includePlatforms": [],
    "excludePlatforms": [],
    "allowUnsafeCode": false,
    "overrideReferences": true,
    "precompiledReferences": ["PlanarGen.dll"],
    "autoReferenced": true,
    "defineConstraints": [],
    "versionDefines": [],
    "noEngineReferences": true
}
JSON

cat > "$out/Runtime/PlanarGenAssembly.cs" <<'CS'
// Gives the PlanarGen.Runtime assembly definition one script, so Unity builds it and applies the
// PlanarGen.Generators analyzer in this folder to every assembly that references it.
namespace PlanarGen.Unity
{
    internal static class PlanarGenAssembly
    {
    }
}
CS

folder_meta() {  # path
  cat > "$1.meta" <<META
fileFormatVersion: 2
guid: $(guid "$1")
folderAsset: yes
DefaultImporter:
  externalObjects: {}
  userData:
  assetBundleName:
  assetBundleVariant:
META
}
text_meta() {  # path importer
  cat > "$1.meta" <<META
fileFormatVersion: 2
guid: $(guid "${1#$out/}")
$2:
  externalObjects: {}
  userData:
  assetBundleName:
  assetBundleVariant:
META
}

( cd "$out" && folder_meta Runtime )
text_meta "$out/package.json" TextScriptImporter
text_meta "$out/Runtime/PlanarGen.xml" TextScriptImporter
text_meta "$out/Runtime/PlanarGen.Runtime.asmdef" AssemblyDefinitionImporter
cat > "$out/Runtime/PlanarGenAssembly.cs.meta" <<META
fileFormatVersion: 2
guid: $(guid Runtime/PlanarGenAssembly.cs)
MonoImporter:
  externalObjects: {}
  serializedVersion: 2
  defaultReferences: []
  executionOrder: 0
  icon: {instanceID: 0}
  userData:
  assetBundleName:
  assetBundleVariant:
META

# The runtime: a normal managed plugin, every platform, auto-referenced.
cat > "$out/Runtime/PlanarGen.dll.meta" <<META
fileFormatVersion: 2
guid: $(guid Runtime/PlanarGen.dll)
PluginImporter:
  externalObjects: {}
  serializedVersion: 2
  iconMap: {}
  executionOrder: {}
  defineConstraints: []
  isPreloaded: 0
  isOverridable: 0
  isExplicitlyReferenced: 0
  validateReferences: 1
  platformData:
  - first:
      Any:
    second:
      enabled: 1
      settings: {}
  userData:
  assetBundleName:
  assetBundleVariant:
META

# The generator: label RoslynAnalyzer, no platform at all (it must never be loaded as a plugin).
cat > "$out/Runtime/PlanarGen.Generators.dll.meta" <<META
fileFormatVersion: 2
guid: $(guid Runtime/PlanarGen.Generators.dll)
labels:
- RoslynAnalyzer
PluginImporter:
  externalObjects: {}
  serializedVersion: 2
  iconMap: {}
  executionOrder: {}
  defineConstraints: []
  isPreloaded: 0
  isOverridable: 0
  isExplicitlyReferenced: 0
  validateReferences: 1
  platformData:
  - first:
      : Any
    second:
      enabled: 0
      settings:
        Exclude Editor: 1
        Exclude Linux64: 1
        Exclude OSXUniversal: 1
        Exclude Win: 1
        Exclude Win64: 1
  - first:
      Any:
    second:
      enabled: 0
      settings: {}
  - first:
      Editor: Editor
    second:
      enabled: 0
      settings:
        CPU: AnyCPU
        DefaultValueInitialized: true
        OS: AnyOS
  - first:
      Standalone: Linux64
    second:
      enabled: 0
      settings:
        CPU: None
  - first:
      Standalone: OSXUniversal
    second:
      enabled: 0
      settings:
        CPU: None
  - first:
      Standalone: Win
    second:
      enabled: 0
      settings:
        CPU: None
  - first:
      Standalone: Win64
    second:
      enabled: 0
      settings:
        CPU: None
  userData:
  assetBundleName:
  assetBundleVariant:
META

echo "Unity package written to $out:"
( cd "$out" && find . -type f | sort )
