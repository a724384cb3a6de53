#!/usr/bin/env bash
# What the LicenceGuard package adds to a product's build: the sample product (samples/HealthAssistant) built with the
# package and, as the baseline, the same project without it, in alternating pairs so that both see the same machine.
# Prints the median first build (obj/ and bin/ removed, packages restored) and the median no-op build (nothing
# changed since the last build) of each, the seconds the package adds to a first build (target: <= 5 s) and the
# no-op overhead (target: <= 2%).
#
# usage: bench/build/run.sh   (RUNS=5 pairs by default; needs `dotnet pack LicenceGuard.sln -c Release` first)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
runs="${RUNS:-5}"
bench="${BENCH_DIR:-/tmp/licenceguard-build-bench}"

rm -rf "$bench" && mkdir -p "$bench"
for variant in with without; do
  cp -r "$repo/samples/HealthAssistant" "$bench/$variant"
  cp "$repo/samples/Directory.Build.props" "$repo/samples/Directory.Packages.props" "$bench/"
  rm -rf "$bench/$variant/bin" "$bench/$variant/obj"
  cat > "$bench/$variant/nuget.config" <<XML
<configuration><packageSources><add key="licenceguard-local" value="$repo/artifacts/feed" /></packageSources></configuration>
XML
done
# The baseline is the same project without the package reference.
sed -i '/Include="LicenceGuard"/d' "$bench/without/HealthAssistant.csproj"
for variant in with without; do dotnet restore "$bench/$variant" -v:q -nologo >/dev/null; done

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc; }
build() { dotnet build "$bench/$1" --no-restore -nologo -v:q; }
clean() { rm -rf "$bench/$1/bin" "$bench/$1/obj/Debug" "$bench/$1/obj/Release"; }
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "== warming up (build server, first JIT of the task)"
for variant in with without; do build "$variant" >/dev/null 2>&1 || true; done

first_with=(); first_without=(); noop_with=(); noop_without=()
for ((i = 1; i <= runs; i++)); do
  # Alternate which variant goes first, so neither always gets the warmer machine.
  if (( i % 2 )); then order=(with without); else order=(without with); fi
  for variant in "${order[@]}"; do
    clean "$variant"
    t=$(seconds build "$variant")
    if [ "$variant" = with ]; then first_with+=("$t"); else first_without+=("$t"); fi
  done
  for variant in "${order[@]}"; do
    t=$(seconds build "$variant")
    if [ "$variant" = with ]; then noop_with+=("$t"); else noop_without+=("$t"); fi
  done
  echo "pair $i: first build with ${first_with[-1]} s, without ${first_without[-1]} s; no-op with ${noop_with[-1]} s, without ${noop_without[-1]} s"
done

fw=$(printf '%s\n' "${first_with[@]}" | median); fo=$(printf '%s\n' "${first_without[@]}" | median)
nw=$(printf '%s\n' "${noop_with[@]}" | median); no=$(printf '%s\n' "${noop_without[@]}" | median)
echo "median first build: with LicenceGuard $fw s, without $fo s, added $(echo "$fw - $fo" | bc) s (target <= 5 s)"
echo "median no-op build: with LicenceGuard $nw s, without $no s, overhead $(echo "scale=1; ($nw - $no) * 100 / $no" | bc)% (target <= 2%)"
