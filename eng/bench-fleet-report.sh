#!/usr/bin/env bash
# Benchmark of `dotnet standards report` itself (reading, checking and writing; not the page in a browser, which is
# eng/bench-fleet-page.sh): synthetic fleets of 500 and 5,000 compliance.json records (schema 2, each with a
# repository finding, two projects' findings, an exception and coverage; every fifth repo with an older second build),
# written by this script, then the built tool run RUNS times on each under /usr/bin/time -v. Prints the median wall
# time, CPU time (user + system) and peak memory of the runs.
# Usage: eng/bench-fleet-report.sh [runs=3]   (SIZES="500 5000" by default; KEEP=<folder> keeps the fleets written there)
source "$(dirname "$0")/common.sh"
runs="${1:-3}"
sizes="${SIZES:-500 5000}"

if ! log="$(dotnet build "$REPO_ROOT/tool/Standards.Tool" -c Release -nologo -v:q 2>&1)"; then
  echo "$log" >&2
  exit 1
fi
tool="$REPO_ROOT/tool/Standards.Tool/bin/Release/net10.0/dotnet-standards.dll"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
keep="${KEEP:-$work}"

# record <folder> <repo index> <build>: one compliance.json, as a CI build writes it.
record() {
  local dir="$1/repo-$2/$3" i="$2" build="$3"
  mkdir -p "$dir"
  printf '{\n  "$schema": "https://github.com/standards-sdk/standards-sdk/blob/main/sdk/schema/compliance.schema.json",
  "schemaVersion": 2,\n  "repo": "org/repo-%05d",\n  "commit": "%032x%08x",\n  "date": "2026-11-%02dT08:00:00Z",
  "sdkVersion": "1.%d.0",\n  "repoKind": "service",\n  "version": "1.0.%d",
  "findings": {\n    "scope": "build",\n    "errors": %d,\n    "warnings": 5,\n    "infos": 0,\n    "baselined": 1,\n    "suppressedInSource": 2,
    "byRule": [\n      { "rule": "CA1305", "severity": "warning", "count": 3, "baselined": 1 },
      { "rule": "STD3014", "severity": "error", "count": %d, "baselined": 0 },
      { "rule": "STD3031", "severity": "warning", "count": 3, "baselined": 0 }\n    ],
    "repository": { "byRule": [\n      { "rule": "STD3014", "severity": "error", "count": %d, "baselined": 0 },
      { "rule": "STD3031", "severity": "warning", "count": 3, "baselined": 0 }\n    ] }\n  },
  "projects": [\n    { "project": "src/Api/Api.csproj", "targetFrameworks": "net10.0", "suppressedInSource": 2,
      "byRule": [ { "rule": "CA1305", "severity": "warning", "count": 3, "baselined": 1 } ] },
    { "project": "tests/Api.Tests/Api.Tests.csproj", "targetFrameworks": "net10.0", "suppressedInSource": 0, "byRule": [] }\n  ],
  "baselines": { "repo": %d, "code": 1 },
  "exceptions": [ { "rule": "STD2001", "scope": "src/**", "owner": "@team-%d", "reason": "migrating", "expires": "2026-12-%02d" } ],
  "coverage": { "line": %d, "branch": 60, "lineThreshold": 80, "branchThreshold": 60, "passed": %s },
  "sbom": { "enabled": true, "format": "spdx" }\n}\n' \
    "$i" "$i" "$build" $((10 + build)) $((i % 4)) "$build" $((i % 7 == 0)) $((i % 7 == 0)) $((i % 7 == 0)) \
    $((i % 11)) "$i" $((1 + i % 28)) $((50 + i % 50)) "$([ $((50 + i % 50)) -ge 80 ] && echo true || echo false)" \
    > "$dir/compliance.json"
}

echo "| Records | Repos | Input MiB (files) | Wall s (median) | CPU s (median) | Peak RSS MiB (median) | index.html MiB |"
echo "|---|---|---|---|---|---|---|"
for repos in $sizes; do
  input="$keep/fleet-$repos"
  for ((i = 0; i < repos; i++)); do
    record "$input" "$i" 2
    if ((i % 5 == 0)); then record "$input" "$i" 1; fi
  done
  files=$(find "$input" -name compliance.json | wc -l)
  walls=() cpus=() rss=()
  for ((run = 0; run < runs; run++)); do
    rm -rf "$work/out"
    /usr/bin/time -v -o "$work/time" dotnet "$tool" report "$input" -o "$work/out" -v q
    walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + p[k]; print s }' "$work/time")")
    cpus+=("$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$work/time")")
    rss+=("$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/time")")
  done
  median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
  echo "| $files | $repos | $(find "$input" -name compliance.json -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1048576 }') | $(median "${walls[@]}") | $(median "${cpus[@]}") | $(median "${rss[@]}") | $(du -k "$work/out/index.html" | awk '{ printf "%.1f", $1 / 1024 }') |"
done
