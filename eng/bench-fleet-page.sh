#!/usr/bin/env bash
# Benchmark of the fleet page `dotnet standards report` writes, in the system's headless Chromium (Debian's package,
# installed by eng/setup.sh): a synthetic fleet of REPOS repos (eng/bench/FleetPageBench), opened from file:// in a new
# tab per run; the page's load (navigation start to the end of the load event), a sort and a filter.
# Prints a markdown table (median of RUNS runs after one warm-up); with --write it also replaces the section
# "## Fleet page in a browser" of docs/performance.md.
# Usage: eng/bench-fleet-page.sh [runs=5] [--write]   (REPOS=500 by default)
source "$(dirname "$0")/common.sh"
bench_args 5 "$@"
repos="${REPOS:-500}"

project="$REPO_ROOT/eng/bench/FleetPageBench/FleetPageBench.csproj"
if ! log="$(dotnet build "$project" -c Release -nologo -v:q 2>&1)"; then
  echo "$log" >&2
  exit 1
fi
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
table="$(dotnet run --project "$project" -c Release --no-build -- "$runs" "$repos")"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo "$table"

if [ "$write" = true ]; then
  section="$(mktemp)"
  trap 'rm -f "$section"' EXIT
  {
    echo "## Fleet page in a browser"
    echo
    echo "Measured with \`eng/bench-fleet-page.sh $runs --write\` on $(date -u +%Y-%m-%d) ($(nproc) cores, .NET $(dotnet --version),"
    echo "load average $load_before before and $load_after after; at a load above the core count every figure is an upper bound)."
    echo "The page \`dotnet standards report\` writes for a synthetic fleet (four SDK versions, errors and warnings, half of"
    echo "the repos with a coverage verdict, an expiring exception every 25 repos), opened from file:// in headless Chromium"
    echo "through the DevTools protocol, a new tab per run. Target: 500 repos rendered in under a second (the load row)."
    echo "The per-repo sections are rendered only when scrolled to (\`content-visibility: auto\`)."
    echo
    echo "$table"
    echo
  } > "$section"
  replace_doc_section "$REPO_ROOT/docs/performance.md" "Fleet page in a browser" "$section"
  echo "Updated docs/performance.md"
fi
