#!/usr/bin/env bash
# The real-runtime path: nanoCLR, the MetadataProcessor and the nanoFramework libraries built from the public sources
# pinned in nf-build/NanoClr/sources.txt, and the device test suites run on them. See nf-build/README.md, "On the real
# runtime". Usage: bash nf-build/nanoclr.sh build | test [--bits 64|32] [--heap KIB] [SUITE...] | heap [SUITE...] | boot
# The tool is rebuilt only when its sources (or the nano build's, which it includes) change.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tool_dir="$here/NanoClr"
tool_dll="$tool_dir/bin/Release/net10.0/NanoClr.dll"
if [[ ! -f "$tool_dll" ]] || [[ -n "$(find "$tool_dir" "$here/NanoBuild" -path '*/bin' -prune -o -path '*/obj' -prune -o -path "$tool_dir/MetadataProcessor" -prune -o \
      \( -name '*.cs' -o -name '*.csproj' \) -newer "$tool_dll" -print -quit)" ]] || [[ "$here/NanoPackages.props" -nt "$tool_dll" ]]; then
  if ! build_log="$(dotnet build "$tool_dir/NanoClr.csproj" -c Release -nologo -v q -clp:NoSummary 2>&1)"; then
    printf '%s\n' "$build_log"
    echo "nanoclr: FAILED to build the NanoClr tool" >&2
    exit 3
  fi
  touch "$tool_dll"
fi
exec dotnet "$tool_dll" "$@"
