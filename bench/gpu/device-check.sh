#!/usr/bin/env bash
# The hardware check on a real GPU, with nothing built there: the machine needs this checkout, an NVIDIA driver and the
# prebuilt licenceguard-hw (bench/gpu/build-hw.sh puts it in artifacts/hw/, an ignored folder: carry it with the tree,
# which stays far under 64 MiB). It makes a 2 GiB safetensors file of random bytes with a Llama-shaped config.json
# beside it (32 layers, 8 KV heads, head dim 128), declares it in a models.yaml whose target is 8192 tokens × 8
# concurrent requests (an 8 GiB bf16 KV cache), runs the check — allocate the weights and the KV cache, upload through
# pinned buffers, checksum on the GPU against the host's — and prints the attestation; then runs --self-test.
# About a minute; each run is bounded (the check's --timeout, and `timeout` around it), well inside 8 minutes.
#   bash bench/gpu/device-check.sh            (LICENCEGUARD_HW=/path/to/licenceguard-hw to use another file;
#                                              DEVICE_CHECK_GIB=N for another weights size, e.g. a dry run on the fake driver)
# Exit: 0 passed, 1 a check failed (LG2007/LG2008 printed), 2 no prebuilt tool, 3 no NVIDIA driver.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
hw="${LICENCEGUARD_HW:-$repo/artifacts/hw/licenceguard-hw}"
if [ ! -x "$hw" ]; then
  echo "no prebuilt licenceguard-hw at $hw: run bench/gpu/build-hw.sh where the .NET SDK is, and carry artifacts/hw" >&2
  exit 2
fi
if ! ldconfig -p 2>/dev/null | grep -q 'libcuda\.so\.1' && [ -z "${LICENCEGUARD_CUDA_LIBRARY:-}" ]; then
  echo "no NVIDIA driver on this machine (no libcuda.so.1): the device check needs a GPU machine" >&2
  exit 3
fi
command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi --query-gpu=name,memory.total,memory.used,driver_version --format=csv,noheader || true

work="$(mktemp -d "${TMPDIR:-/tmp}/lg-device-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/weights"
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# safetensors: an 8-byte little-endian header length, the JSON header (padded with spaces to 8 bytes), the tensor bytes.
gib="${DEVICE_CHECK_GIB:-2}"
bytes=$((gib * 1024 * 1024 * 1024))
header="{\"w\":{\"dtype\":\"BF16\",\"shape\":[$((bytes / 2))],\"data_offsets\":[0,$bytes]}}"
while [ $(( ${#header} % 8 )) -ne 0 ]; do header="$header "; done
len=${#header}
le=""; for i in 0 1 2 3 4 5 6 7; do le="$le\\x$(printf '%02x' $(( (len >> (8 * i)) & 255 )))"; done
start=$(date +%s%N)
{ printf "$le"; printf '%s' "$header"; head -c "$bytes" /dev/urandom; } > "$work/weights/model.safetensors"
echo "made a $gib GiB safetensors file in $(ms "$start") ms"
cat > "$work/weights/config.json" <<'JSON'
{ "model_type": "llama", "num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 8, "hidden_size": 4096, "max_position_embeddings": 131072 }
JSON
cat > "$work/models.yaml" <<'YAML'
organisation:
  name: Device check
  commercial: true
models:
  - id: bench/random-2g
    licence: MIT
    target:
      gpu: H100-SXM
      precision: bf16
      contextTokens: 8192
      concurrency: 8
    weights:
      - path: weights/model.safetensors
YAML

status=0
echo
echo "== declared model: $gib GiB of weights, 8 GiB of KV cache =="
start=$(date +%s%N)
timeout 420 "$hw" --manifest "$work/models.yaml" --timeout 300 || status=$?
echo "the check took $(ms "$start") ms (reading the file for SHA-256 and upload included)"
cat "$work/.licenceguard/attestations/bench_random-2g.json" 2>/dev/null || echo "(no attestation written)"

echo
echo "== self-test: the generated sample ONNX model =="
self=0
timeout 120 "$hw" --self-test --output "$work/self-test" --timeout 60 || self=$?
cat "$work/self-test/licenceguard_sample-add.json" 2>/dev/null || true
[ "$status" -eq 0 ] && status=$self

case $status in
  0) echo "device check passed: the weights fit, were uploaded, and the GPU's checksum agrees with the host's." ;;
  1) echo "device check FAILED: see the LG2007/LG2008 error above." >&2 ;;
  *) echo "device check could not run (exit $status)." >&2 ;;
esac
exit $status
