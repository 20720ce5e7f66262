#!/usr/bin/env bash
# Benchmark of the repository checks (layout + dependencies) on a generated repo of 10,000 files:
# the per-build fingerprint, the snapshot from disk, the layout check alone and the full runner.
# Prints a markdown table (median of RUNS runs); with --write it also replaces the section
# "## Layout check on 10,000 files" of docs/performance.md.
# Usage: eng/bench-layout.sh [runs=15] [--write]
source "$(dirname "$0")/common.sh"
bench_args 15 "$@"

project="$REPO_ROOT/eng/bench/LayoutBench/LayoutBench.csproj"
dotnet build "$project" -c Release -nologo -v:q >/dev/null
table="$(dotnet run --project "$project" -c Release --no-build -- "$runs")"
echo "$table"

if [ "$write" = true ]; then
  doc="$REPO_ROOT/docs/performance.md"
  section="$(mktemp)"
  trap 'rm -f "$section"' EXIT
  {
    echo "## Layout check on 10,000 files"
    echo
    echo "Measured with \`eng/bench-layout.sh $runs --write\` on $(date -u +%Y-%m-%d) ($(nproc) cores, .NET $(dotnet --version))."
    echo "Target: the layout check under 100 ms on 10,000 files. A no-op build runs only the fingerprint (first row);"
    echo "the other rows run only when an input changed (see [layout](layout.md#how-the-checks-run))."
    echo
    echo "$table"
    echo
  } > "$section"
  replace_doc_section "$doc" "Layout check on 10,000 files" "$section"
  echo "Updated docs/performance.md"
fi
