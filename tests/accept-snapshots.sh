#!/usr/bin/env bash
# Renames every *.received.* snapshot under tests/ to *.verified.* after you have reviewed the diff.
# Usage: tests/accept-snapshots.sh [-n]   (-n: only list what would be renamed)
set -euo pipefail
cd "$(dirname "$0")"
dry=0
[[ "${1:-}" == "-n" ]] && dry=1
count=0
while IFS= read -r -d '' received; do
  verified="${received/.received./.verified.}"
  echo "accept: ${received#./} -> ${verified##*/}"
  if [[ $dry -eq 0 ]]; then mv -f -- "$received" "$verified"; fi
  count=$((count + 1))
done < <(find . -type f -name '*.received.*' -not -path '*/bin/*' -not -path '*/obj/*' -print0)
echo "$count snapshot(s) $([[ $dry -eq 1 ]] && echo 'would be ' || true)accepted"
