#!/usr/bin/env bash
# Quick loop for analyzer changes: runs the compiler directly (no MSBuild, no compiler server, one thread) on the project
# run.sh generated, RUNS times, and prints LicenceGuard's and BannedApiAnalyzers' times from each ReportAnalyzer table.
# Steadier than whole builds because nothing else runs beside the compiler; the analyzer is rebuilt and copied first.
#
# usage: bench/analyzer/csc.sh   (after bench/analyzer/run.sh; BENCH_DIR as there, RUNS default 5)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
bench="${BENCH_DIR:-/tmp/licenceguard-analyzer-bench}"
runs="${RUNS:-5}"
[ -f "$bench/Bench.csproj" ] || { echo "no generated project in $bench: run bench/analyzer/run.sh first" >&2; exit 2; }

dotnet build "$repo/src/LicenceGuard.Analyzers/LicenceGuard.Analyzers.csproj" -c Release -v:q -nologo >/dev/null
cp "$repo/src/LicenceGuard.Analyzers/bin/Release/netstandard2.0/LicenceGuard.Analyzers.dll" \
   "$repo/src/LicenceGuard.Analyzers/bin/Release/netstandard2.0/LicenceGuard.Core.dll" "$bench/analyzers/"

# The compiler's command line, as MSBuild runs it (detailed verbosity prints it); its first word is the csc launcher.
if [ ! -f "$bench/csc.rsp" ]; then
  dotnet build "$bench/Bench.csproj" --no-restore --no-incremental -c Release -nologo -v:d -p:UseLicenceGuard=true \
    -p:ReportAnalyzer=true -p:UseSharedCompilation=false > "$bench/command.log" 2>&1
  line="$(grep -m1 -E '^ +/[^ ]+/Roslyn/bincore/csc ' "$bench/command.log")"
  csc_dll="$(echo "$line" | awk '{print $1}').dll"
  echo "$line" | sed -E 's|^ +[^ ]+/Roslyn/bincore/csc ||' > "$bench/csc.rsp"
  echo "$csc_dll" > "$bench/csc.path"
fi
csc_dll="$(cat "$bench/csc.path")"
cd "$bench"
for run in $(seq 1 "$runs"); do
  dotnet "$csc_dll" @csc.rsp /parallel- > csc.log 2>&1 || { tail -20 csc.log; exit 1; }
  awk -v run="$run" '
    /Total analyzer execution time/ { seen++ }
    /Total generator execution time/ { stop=1 }
    seen && !stop && /LicenceGuard\.Analyzers, Version/ { lg=$1 }
    seen && !stop && /BannedApiAnalyzers, Version/ { sub("<","",$1); banned+=$1 }
    END { printf "run %d: LicenceGuard %s s, BannedApiAnalyzers %.3f s, ratio %.1f%%\n", run, lg, banned, 100*lg/banned }' csc.log
done
