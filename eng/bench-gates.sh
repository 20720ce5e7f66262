#!/usr/bin/env bash
# Benchmark of the quality gates (docs/quality-gates.md):
#   1. their cost on a no-op build: eng/demo-repo (a library and its tests, with a size budget so the size check is
#      hooked) built no-op on the packed SDK imported by path, with and without the two gate imports
#      (Standards.Coverage.targets, Standards.Budgets.targets), round-robin, medians;
#   2. the repo coverage gate on 50 per-project reports (25 libraries, each covered by two test projects, 40 files of
#      60 lines per library): the merge task's own time (its log line) and the whole `dotnet build -t:StandardsCoverage`.
# Prints markdown; with --write it replaces the section "## Quality gates" of docs/performance.md.
# Usage: eng/bench-gates.sh [runs=10] [--write]
source "$(dirname "$0")/common.sh"
bench_args 10 "$@"

work="$(mktemp -d "${TMPDIR:-/tmp}/standards-bench-gates.XXXXXX")"
trap 'rm -rf "$work"' EXIT
version="$(unique_version)"
export NUGET_PACKAGES="$work/packages" DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1
pack_all "$work/feed" "$version" >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# The SDK, extracted once through the resolver, then copied twice: as packed, and without the gate imports.
mkdir -p "$work/seed"
cp -R "$REPO_ROOT/eng/demo-repo/." "$work/seed/"
rm -f "$work/seed/violation.cs.txt"
write_consumer_config "$work/seed" "$version" "$work/feed"
dotnet build "$work/seed/Demo.Orders.sln" -nologo -v:q >/dev/null
cp -R "$NUGET_PACKAGES/standards.sdk/$version" "$work/sdk-gates"
cp -R "$NUGET_PACKAGES/standards.sdk/$version" "$work/sdk-nogates"
sed -i '/Standards.Coverage.targets\|Standards.Budgets.targets/d' "$work/sdk-nogates/Sdk/Sdk.targets"

make_repo() { # make_repo <dir> <sdk folder>
  local dir="$1" sdk="$2" project
  cp -R "$work/seed/." "$dir/"
  rm -rf "$dir"/src/*/bin "$dir"/src/*/obj "$dir"/tests/*/bin "$dir"/tests/*/obj "$dir/artifacts"
  # A size budget, so the assembly size check is hooked (and skipped as up to date on a no-op build).
  sed -i 's#^{#{\n  "budgets": { "sizes": { "Demo.Orders": { "assembly": "1 MiB" } } },#' "$dir/standards.json"
  for project in "$dir"/src/*/*.csproj "$dir"/tests/*/*.csproj; do
    sed -i 's#<Project Sdk="Standards.Sdk" />#<Project Sdk="Standards.Sdk">\n</Project>#' "$project"
    sed -i "s#<Project Sdk=\"Standards.Sdk\">#<Project>\n  <Import Project=\"$sdk/Sdk/Sdk.props\" />#; s#</Project>#  <Import Project=\"$sdk/Sdk/Sdk.targets\" />\n</Project>#" "$project"
  done
  dotnet build "$dir/Demo.Orders.sln" -nologo -v:q >/dev/null
  dotnet build "$dir/Demo.Orders.sln" --no-restore -nologo -v:q >/dev/null
}
make_repo "$work/gates" "$work/sdk-gates"
make_repo "$work/nogates" "$work/sdk-nogates"

for i in $(seq "$runs"); do
  for v in nogates gates; do
    t0=$(now_ms)
    dotnet build "$work/$v/Demo.Orders.sln" --no-restore -nologo -v:q >/dev/null
    echo $(( $(now_ms) - t0 )) >> "$work/$v.times"
  done
done
without=$(median < "$work/nogates.times")
with=$(median < "$work/gates.times")
spread() { sort -n "$1" | awk '{a[NR]=$1} END {printf "%d-%d", a[1], a[NR]}'; }

# 50 reports: 25 libraries x 2 test projects; each library 40 files of 60 lines, every 4th line a branch; the
# two test projects of a library cover different thirds, overlapping.
merge_repo="$work/merge"
mkdir -p "$merge_repo/src/Lib"
cp "$work/seed/global.json" "$work/seed/nuget.config" "$merge_repo/"
printf '<Project Sdk="Standards.Sdk" />\n' > "$merge_repo/src/Lib/Lib.csproj"
printf 'namespace Lib;\n\n/// <summary>Marker.</summary>\npublic static class Marker\n{\n}\n' > "$merge_repo/src/Lib/Marker.cs"
for lib in $(seq 1 25); do
  for side in 1 2; do
    dir="$merge_repo/artifacts/coverage/Lib$lib.Tests$side"
    mkdir -p "$dir"
    awk -v lib="$lib" -v side="$side" 'BEGIN {
      print "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
      print "<coverage line-rate=\"0.5\" branch-rate=\"0.5\" version=\"1.9\" timestamp=\"0\">"
      print "  <sources><source>/</source></sources>"
      printf "  <packages><package name=\"Lib%d\"><classes>\n", lib
      for (f = 1; f <= 40; f++) {
        printf "    <class name=\"Lib%d.C%d\" filename=\"repo/src/Lib%d/C%d.cs\"><methods /><lines>\n", lib, f, lib, f
        for (l = 1; l <= 60; l++) {
          hit = (side == 1 ? l <= 40 : l > 20) ? 1 : 0
          if (l % 4 == 0) printf "      <line number=\"%d\" hits=\"%d\" branch=\"True\" condition-coverage=\"50%% (1/2)\" />\n", l, hit
          else printf "      <line number=\"%d\" hits=\"%d\" branch=\"False\" />\n", l, hit
        }
        print "    </lines></class>"
      }
      print "  </classes></package></packages>"
      print "</coverage>"
    }' > "$dir/coverage.cobertura.xml"
  done
done
dotnet build "$merge_repo/src/Lib/Lib.csproj" -nologo -v:q -p:StandardsRepositoryChecks=false >/dev/null
for i in $(seq "$runs"); do
  rm -rf "$merge_repo/artifacts/coverage-report"
  t0=$(now_ms)
  out="$(dotnet build "$merge_repo/src/Lib/Lib.csproj" --no-restore -nologo -t:StandardsCoverage -p:StandardsCoverageHtml=false -p:StandardsRepositoryChecks=false 2>&1 || true)"
  echo $(( $(now_ms) - t0 )) >> "$work/merge-command.times"
  echo "$out" | grep -oE 'in [0-9]+ ms \(' | grep -oE '[0-9]+' >> "$work/merge-task.times"
done
summary="$(echo "$out" | grep -oE 'coverage merged from [0-9]+ reports: line [0-9.]+ %, branch [0-9.]+ %' | head -1)"

table="| Quality gates, no-op \`dotnet build --no-restore\` of eng/demo-repo (median of $runs, round-robin) | ms | range ms |
|---|---|---|
| Standards.Sdk without the gate imports | $without | $(spread "$work/nogates.times") |
| Standards.Sdk with the gates (coverage, benchmark and size budgets hooked) | $with | $(spread "$work/gates.times") |
| Difference | $(awk -v a="$with" -v b="$without" 'BEGIN { printf "%+d (%+.1f %%)", a - b, 100 * (a - b) / b }') | |

| Repo coverage gate on 50 reports (25 libraries x 2 test projects, 40 files x 60 lines each; median of $runs) | ms |
|---|---|
| Merge, gate and reports (the task: read 50 reports, merge, judge, write Cobertura and summary.md) | $(median < "$work/merge-task.times") |
| The whole \`dotnet build -t:StandardsCoverage\` (MSBuild start, evaluation, task; no HTML) | $(median < "$work/merge-command.times") |

Result of the merge: $summary."
echo "$table"

if [ "$write" = true ]; then
  doc="$REPO_ROOT/docs/performance.md"
  {
    echo "## Quality gates"
    echo
    echo "Measured with \`eng/bench-gates.sh $runs --write\` on $(date -u +%Y-%m-%d) ($(nproc) cores, .NET $(dotnet --version)), load average at the start $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "Target: the gates cost nothing measurable on a no-op build (within the noise of the machine)."
    echo
    echo "$table"
    echo
  } > "$work/section.md"
  awk -v file="$work/section.md" '
    BEGIN { while ((getline line < file) > 0) body = body line "\n" }
    /^## Quality gates$/ { printf "%s", body; skip = 1; done = 1; next }
    skip && /^## / { skip = 0 }
    !skip { print }
    END { if (!done) printf "\n%s", body }
  ' "$doc" > "$doc.tmp" && mv "$doc.tmp" "$doc"
  echo "Updated docs/performance.md"
fi
