#!/usr/bin/env bash
# Quick loop for analyzer changes: runs the compiler directly (no MSBuild, no compiler server, one thread) on the project
# run.sh generated, RUNS times, and prints LicenceGuard's and BannedApiAnalyzers' times from each ReportAnalyzer table.
# Steadier than whole builds because nothing else runs beside the compiler; the analyzer is rebuilt and copied first.
#
# usage: bench/analyzer/csc.sh   (after bench/analyzer/run.sh; BENCH_DIR as there, RUNS default 5, ADDED_RUNS default 3)
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

# Added compile time: the same compiler runs without /reportanalyzer (its timing costs every analyzer), alternately
# with and without the LicenceGuard analyzer and the gate's snapshot, ADDED_RUNS times each (default 3; 0 skips).
# One thread (/parallel-), so the difference is all the CPU time LicenceGuard adds to the compile step: an upper bound
# on what it adds to a parallel build's wall time, where its work overlaps the compiler's.
added_runs="${ADDED_RUNS:-3}"
[ "$added_runs" -gt 0 ] || exit 0
sed -E 's# /reportanalyzer##; s# /analyzer:[^ ]*/(LicenceGuard\.Analyzers|LicenceGuard\.Core)\.dll##g; s# /additionalfile:[^ ]*analyzer-snapshot\.tsv##g' csc.rsp > csc-without.rsp
sed -E 's# /reportanalyzer##' csc.rsp > csc-with.rsp
grep -q 'LicenceGuard' csc-without.rsp && { echo "could not take LicenceGuard out of the command line" >&2; exit 1; }
# Each compile's wall and CPU seconds (user + system); the order of the pair alternates, so that whatever favours the
# first or second run of a pair (caches, the output just written) falls on both sides.
compile() {
  /usr/bin/time -f "%e %U %S" -o compile.time dotnet "$csc_dll" @"$1" /parallel- > compile.log 2>&1 || { tail -20 compile.log; exit 1; }
  awk '{ printf "%s %.2f\n", $1, $2 + $3 }' compile.time
}
with_wall=(); without_wall=(); with_cpu=(); without_cpu=()
for run in $(seq 1 "$added_runs"); do
  if [ $((run % 2)) -eq 1 ]; then a=$(compile csc-without.rsp); b=$(compile csc-with.rsp)
  else b=$(compile csc-with.rsp); a=$(compile csc-without.rsp); fi
  without_wall+=("${a% *}"); without_cpu+=("${a#* }"); with_wall+=("${b% *}"); with_cpu+=("${b#* }")
  echo "compile $run: without LicenceGuard ${a% *} s (CPU ${a#* } s), with ${b% *} s (CPU ${b#* } s)"
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR]=$1 } END { print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2 }'; }
added() { echo "scale=2; 100 * ($1 - $2) / $2" | bc; }
w=$(median "${with_wall[@]}"); wo=$(median "${without_wall[@]}"); c=$(median "${with_cpu[@]}"); co=$(median "${without_cpu[@]}")
echo "compile step, median of $added_runs: wall without $wo s, with $w s, added $(added "$w" "$wo")%; CPU without $co s, with $c s, added $(added "$c" "$co")% (target < 3%)"
