#!/usr/bin/env bash
# The real GPU check: builds the licenceguard CLI against ONNX Runtime's CUDA package, then runs
#   licenceguard verify-hardware --self-test        (a generated ONNX model, CUDA execution provider, no CPU fallback)
# and, with a models.yaml given, the same for the declared ONNX models:
#   bench/gpu/run.sh [path/to/models.yaml]
# It writes hardware attestations (.licenceguard/attestations/*.json) and prints them. On a machine without an NVIDIA
# GPU it says so and exits 3 before building anything. Needs: the .NET SDK, an NVIDIA driver, CUDA 12 and cuDNN 9
# libraries on the loader path (ONNX Runtime's CUDA provider does not bundle them).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
manifest="${1:-}"

if ! ldconfig -p 2>/dev/null | grep -q 'libnvidia-ml\.so\.1' && ! command -v nvidia-smi >/dev/null 2>&1; then
  echo "no NVIDIA GPU on this machine (no libnvidia-ml.so.1, no nvidia-smi): the GPU check needs a CUDA machine." >&2
  echo "On a CPU-only machine run: licenceguard verify-hardware --self-test --allow-cpu" >&2
  exit 3
fi
command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || true

# Build from a copy so that the checkout's obj/ (restored for the CPU package) stays as it is.
work="$(mktemp -d "${TMPDIR:-/tmp}/lg-gpu-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/repo"
( cd "$repo" && tar --exclude='bin' --exclude='obj' -cf - Directory.Build.props Directory.Packages.props global.json nuget.config rules src/LicenceGuard.Core src/LicenceGuard.Runtime src/LicenceGuard.Cli ) | tar -xf - -C "$work/repo"
mkdir -p "$work/repo/artifacts/feed"
echo "building licenceguard with the CUDA execution provider…"
dotnet publish "$work/repo/src/LicenceGuard.Cli/LicenceGuard.Cli.csproj" -c Release -r linux-x64 --self-contained false \
  -p:LicenceGuardOnnxRuntime=Gpu -o "$work/cli" -nologo -v quiet > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 2; }
cli="$work/cli/licenceguard"

status=0
echo
echo "== self-test: generated ONNX model on the GPU =="
"$cli" verify-hardware --self-test --output "$PWD/.licenceguard/attestations" || status=$?
cat "$PWD/.licenceguard/attestations/licenceguard_sample-add.json" 2>/dev/null || true

if [ -n "$manifest" ]; then
  echo
  echo "== declared models of $manifest =="
  "$cli" verify-hardware --manifest "$manifest" || status=$?
fi

case $status in
  0) echo "GPU check passed: the model loaded and ran on CUDA." ;;
  1) echo "GPU check FAILED: see the error above (LG2007 no GPU, LG2008 load or run failed)." >&2 ;;
  *) echo "GPU check could not run (exit $status)." >&2 ;;
esac
exit $status
