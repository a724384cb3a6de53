#!/usr/bin/env bash
# Analyzer benchmark: generates a 2,000-file project and builds it with -p:ReportAnalyzer=true with the LicenceGuard
# analyzer and Microsoft.CodeAnalysis.BannedApiAnalyzers together, then prints both analyzers' execution times, their
# ratio (target: LicenceGuard <= 25% of BannedApiAnalyzers) and the build time LicenceGuard adds (target: < 3%).
#
# usage: bench/analyzer/run.sh [FILES] (default 2000). The project is generated outside the repository (BENCH_DIR,
# default /tmp/licenceguard-analyzer-bench) so that the repository's build settings do not apply to it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
files="${1:-2000}"
bench="${BENCH_DIR:-/tmp/licenceguard-analyzer-bench}"
runs="${RUNS:-3}"

echo "== building the LicenceGuard analyzer (Release)"
dotnet build "$repo/src/LicenceGuard.Analyzers/LicenceGuard.Analyzers.csproj" -c Release -v:q -nologo >/dev/null
analyzers="$bench/analyzers"
rm -rf "$bench" && mkdir -p "$analyzers"
cp "$repo/src/LicenceGuard.Analyzers/bin/Release/netstandard2.0/LicenceGuard.Analyzers.dll" \
   "$repo/src/LicenceGuard.Analyzers/bin/Release/netstandard2.0/LicenceGuard.Core.dll" "$analyzers/"
# As the package ships them: no third-party assembly beside the analyzer (it reads YAML with Core's own reader).

echo "== generating $files files in $bench"
python3 "$here/generate.py" "$bench" "$files" "$analyzers"
dotnet restore "$bench/Bench.csproj" -v:q -nologo >/dev/null
# In a build with the LicenceGuard package, the gate evaluates models.yaml before the compiler runs and leaves the
# analyzer its snapshot; the analyzer then parses no YAML. SNAPSHOT=0 measures the analyzer reading models.yaml's
# names itself with Core's small YAML reader (as in the IDE after an edit, before the next build).
if [ "${SNAPSHOT:-1}" = "1" ]; then
  echo "== writing the gate's analyzer snapshot"
  dotnet run --project "$repo/src/LicenceGuard.Cli" -c Release -- check --manifest "$bench/models.yaml" --analyzer-snapshot "$bench/analyzer-snapshot.tsv" >/dev/null
fi

# Builds the compile step only (--no-restore, no incremental), returns wall seconds; the log keeps ReportAnalyzer's table.
build() {
  local guard="$1" log="$2"
  local start end
  start=$(date +%s.%N)
  dotnet build "$bench/Bench.csproj" --no-restore --no-incremental -c Release -nologo -v:d -p:UseLicenceGuard="$guard" \
    -p:ReportAnalyzer=true -clp:ShowCommandLine=false > "$log" 2>&1 || { tail -30 "$log"; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

# ReportAnalyzer prints, per analyzer assembly, "time (s)  %  assembly name, Version=…"; the first table is the
# analyzers' (the second, the generators'). Sums the assemblies whose name matches (BannedApiAnalyzers ships two).
analyzer_time() {
  local log="$1" name="$2"
  awk -v pat="$name" '
    /Total analyzer execution time/ { seen++ }
    /Total generator execution time/ { stop=1 }
    seen && !stop && $0 ~ "^[ \t]+[<0-9.]+[ \t]+[<0-9]+[ \t]+[A-Za-z.]*" pat "[A-Za-z.]*, Version" { t=$1; sub("<","",t); sum+=t }
    END { printf "%.3f\n", sum }' "$log"
}

echo "== warming up"
build true "$bench/warmup.log" >/dev/null || exit 1
best_with=""; best_without=""; lg_sum=0; banned_sum=0
for run in $(seq 1 "$runs"); do
  t=$(build false "$bench/without-$run.log")
  if [ -z "$best_without" ] || (( $(echo "$t < $best_without" | bc) )); then best_without=$t; fi
  t=$(build true "$bench/with-$run.log")
  if [ -z "$best_with" ] || (( $(echo "$t < $best_with" | bc) )); then best_with=$t; fi
  l=$(analyzer_time "$bench/with-$run.log" "LicenceGuard\\.Analyzers")
  b=$(analyzer_time "$bench/with-$run.log" "BannedApiAnalyzers")
  echo "run $run: LicenceGuard ${l:-?} s, BannedApiAnalyzers ${b:-?} s, ratio $(echo "scale=1; 100 * $l / $b" | bc)%"
  lg_sum=$(echo "$lg_sum + $l" | bc); banned_sum=$(echo "$banned_sum + $b" | bc)
done
# Both analyzers run in the same compilations, so the ratio of the sums is steadier than any single run's (the wall
# times of analyzer callbacks swing with whatever else the machine's cores are doing).
lg=$(echo "scale=3; $lg_sum / $runs" | bc); banned=$(echo "scale=3; $banned_sum / $runs" | bc)

echo
echo "files:                       $files"
echo "LicenceGuard analyzer:       $lg s (mean of $runs)"
echo "BannedApiAnalyzers:          $banned s (mean of $runs)"
echo "ratio (target <= 25%):       $(echo "scale=1; 100 * $lg / $banned" | bc)%"
echo "build without LicenceGuard:  $best_without s (best of $runs)"
echo "build with LicenceGuard:     $best_with s (best of $runs)"
echo "added build time (target < 3%): $(echo "scale=1; 100 * ($best_with - $best_without) / $best_without" | bc)%"
