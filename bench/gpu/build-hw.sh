#!/usr/bin/env bash
# Builds licenceguard-hw, the hardware check as one self-contained linux-x64 file, into artifacts/hw/ (ignored by git),
# and fails when it is over the 40 MB limit or not a single file (issue 18: it is copied to GPU servers that have only
# the NVIDIA driver). Run it where the .NET SDK is; bench/gpu/device-check.sh then runs the file on the GPU machine.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
limit=$((40 * 1000 * 1000))
out="$repo/artifacts/hw"
rm -rf "$out"
dotnet publish "$repo/src/LicenceGuard.Hardware.Tool/LicenceGuard.Hardware.Tool.csproj" -c Release -r linux-x64 -o "$out" -nologo -v quiet
size=$(stat -c %s "$out/licenceguard-hw")
others=$(find "$out" -type f ! -name licenceguard-hw)
echo "licenceguard-hw: $size bytes (limit $limit)"
if [ "$size" -gt "$limit" ]; then echo "licenceguard-hw is over the 40 MB limit" >&2; exit 1; fi
if [ -n "$others" ]; then echo "the publish is not a single file; also: $others" >&2; exit 1; fi
