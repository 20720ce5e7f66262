#!/usr/bin/env bash
# What the compliance record (sdk/features/Standards.Compliance.targets) adds to a no-op build with reports on
# (docs/performance.md, "The compliance record on a no-op build"). eng/bench/NoopBuildBench builds each variant's repo
# in one process, no-op, on one in-process node, and reports the bytes the build allocates (they repeat to about a
# part in a thousand, where CPU time on this 2-core machine does not) and the CPU time, then attributes the bytes to
# every target and task. Variants, all Standards.Sdk by path, the first the reference:
#   reportsoff  reports off (a developer's build): no record;
#   recordoff   StandardsReports=true, the record's targets replaced by empty ones (imported after the SDK's targets):
#               every other report and the compiler's error log as with reports on;
#   recordon    StandardsReports=true (a CI build): the record as shipped.
# recordon - recordoff is the record's own no-op cost: its inputs target, the up-to-date check of its record target
# (skipped on a no-op build) and what MSBuild spends around them.
# Usage: [KEEP=1] eng/bench-noop-compliance.sh [rounds=4] [projects=20]
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/bench-repo.sh"
rounds="${1:-4}"
projects="${2:-20}"
versioning=""
# KEEP=1 keeps the work folder: the repos and each variant's attribution (<variant>.targets.tsv: bytes, calls, name).
bench_work_folder noop-compliance

bench="$REPO_ROOT/eng/bench/NoopBuildBench/NoopBuildBench.csproj"
dotnet build "$bench" -c Release -nologo -v:q >/dev/null

version="$(unique_version)" feed="$root/feed"   # what make_repo's global.json and nuget.config name
sdkdir="$(extract_sdk "$REPO_ROOT" new)"
work="$root/repos"
# The record's four targets, emptied: imported by every project after Standards.Sdk's targets, so they win.
cat > "$root/record-off.targets" <<'XML'
<Project>
  <Target Name="_StandardsProjectFindingsInputs" />
  <Target Name="_StandardsRecordProjectFindingsOnError" />
  <Target Name="_StandardsRecordProjectFindings" />
  <Target Name="_StandardsRecordProjectFindingsAfterPack" />
</Project>
XML
variants="reportsoff recordoff recordon"
arguments=()
for v in $variants; do
  make_repo "$work/$v" bypath
  if [ "$v" != reportsoff ]; then
    printf '<Project>\n  <PropertyGroup>\n    <StandardsReports>true</StandardsReports>\n  </PropertyGroup>\n</Project>\n' > "$work/$v/Directory.Build.props"
  fi
  if [ "$v" = recordoff ]; then
    for project in "$work/$v"/src/*/*.csproj "$work/$v"/tests/*/*.csproj; do
      sed -i "s#</Project>#  <Import Project=\"$root/record-off.targets\" />\n</Project>#" "$project"
    done
  fi
  dotnet restore "$work/$v/Demo.Orders.sln" -nologo -v:q >/dev/null
  dotnet build "$work/$v/Demo.Orders.sln" --no-restore -nologo -v:q -m -p:UseSharedCompilation=true >/dev/null
  arguments+=("$v=$work/$v/Demo.Orders.sln")
done
# The variants are what they say: a record in every project of recordon, none in the others.
records() { find "$work/$1/artifacts/standards/obj/projects" -name '*.json' 2>/dev/null | wc -l; }
[ "$(records recordon)" -eq "$projects" ] || { echo "recordon: $(records recordon) project records, expected $projects" >&2; exit 1; }
[ "$(records recordoff)" -eq 0 ] && [ "$(records reportsoff)" -eq 0 ] || { echo "a variant without the record wrote project records" >&2; exit 1; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
dotnet run --project "$bench" -c Release --no-build -- "$rounds" "$root/attribution" "${arguments[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "The record's targets and task in recordon (bytes, calls, name):"
grep -E 'StandardsProjectFindings|StandardsRecordProjectFindings|RecordProjectFindings' "$root/attribution/recordon.targets.tsv" || echo "(none ran)"
