#!/usr/bin/env bash
# The nano build: compiles Allocator(.Store), Board (device part), Firmware(.Core) and the device test projects (UnitTests*,
# each an NFUnitTest assembly; every library's and test assembly's IL and string-table sizes are printed against the
# 64 KiB limits) against the nanoFramework 1.x reference surface the way nanoFramework projects compile (NoStdLib,
# C# 9.0): the real mscorlib of nanoFramework.CoreLibrary (restored from NuGet when the tool is built; version in
# NanoPackages.props) and the hand-written surfaces in nf-build/ref; then IL-checks the outputs. Exit code 0 only if all
# pass.
# Fast when warm: the tool is rebuilt only when its sources change, and each ref/device assembly is cached in
# nf-build/out by content stamp. Usage: bash nf-build/build.sh [--release]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tool_dir="$here/NanoBuild"
tool_dll="$tool_dir/bin/Release/net10.0/NanoBuild.dll"

# Rebuild the tool when it is missing or any of its sources is newer than it.
if [[ ! -f "$tool_dll" ]] || [[ -n "$(find "$tool_dir" -path "$tool_dir/bin" -prune -o -path "$tool_dir/obj" -prune -o \
      \( -name '*.cs' -o -name '*.csproj' \) -newer "$tool_dll" -print -quit)" ]] \
   || [[ "$here/../Directory.Build.props" -nt "$tool_dll" ]] || [[ "$here/NanoPackages.props" -nt "$tool_dll" ]]; then
  if ! build_log="$(dotnet build "$tool_dir/NanoBuild.csproj" -c Release -nologo -v q -clp:NoSummary 2>&1)"; then
    printf '%s\n' "$build_log"
    echo "nano build: FAILED to build the NanoBuild tool" >&2
    exit 2
  fi
  touch "$tool_dll"
fi

exec dotnet "$tool_dll" "$@" "$here"
