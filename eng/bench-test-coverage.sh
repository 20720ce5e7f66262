#!/usr/bin/env bash
# `dotnet test` with the coverage gate against the same test run without coverage (docs/performance.md, "Tests with
# the coverage gate"), on a generated std-lib, as its CI runs them (ci-templates: `dotnet test --no-build` in Release,
# then `dotnet build -t:StandardsCoverage`). The std-lib's tests run on Microsoft.Testing.Platform (its global.json):
# coverage is coverlet.MTP, switched on by the arguments Standards.Sdk adds to the test app's command line, and the
# per-run gate runs in the coverage step (the MTP mode of dotnet test runs no MSBuild target after the tests). Each
# round, on the same built repo, timed one after another:
#   none      `dotnet test --no-build -p:StandardsCoverage=false` (no collection: how coverage is turned off);
#   coverage  `dotnet test --no-build`: the same run with coverlet collecting (coverlet's instrumentation: the policy);
#   gate      `dotnet build --no-restore -t:StandardsCoverage`: the per-run gate of each test app, the merge, the repo
#             gate and the HTML report (ReportGenerator): Standards.Sdk's part (after an untimed run with coverage);
#   gate-nohtml  the same with -p:StandardsCoverageHtml=false: without ReportGenerator;
#   gate-1node   the gate command on one MSBuild node (-m:1), as the CI templates run it: `dotnet build` starts a second node process for a
#             solution whenever it may use more than one, and that process's start is CPU the step does not need;
#   msbuild   `dotnet build --no-restore -t:GetTargetPath`: what any MSBuild step on the solution costs (the process,
#             evaluating every project), the floor under the coverage step;
#   byhand    the same policy by hand, without Standards.Sdk's step: the ReportGenerator CLI (the version the SDK
#             pins, from the packages folder) over the run's reports, merging them and writing the same report types
#             (Html, Cobertura, a markdown summary) with the profile's minimums as its thresholds
#             (--minimumCoverageThresholds: line 80 %, branch 60 %); what a team pays for the step without us.
# Measured by CPU time of every process of each command (a cgroup: eng/bench-repo.sh timed_command), medians, ranges
# and the medians of the per-round ratios. Each command's results folder is emptied before it runs.
# The SDK: STANDARDS_TEST_FEED and STANDARDS_TEST_VERSION (a feed eng/common.sh pack_all filled) when set, else packed.
# Usage: [KEEP=1] eng/bench-test-coverage.sh [rounds=5]
# The load average before and after goes to stderr.
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/bench-repo.sh"
rounds="${1:-5}"
bench_work_folder test-coverage
export DOTNET_CLI_HOME="$root/cli-home" CI=true
unset UseSharedCompilation

feed_or_pack "$root/feed"
hive="$root/hive"
repo="$root/Acme.Slugs"
dotnet new install "$feed/Standards.Templates.$version.nupkg" --debug:custom-hive "$hive" >/dev/null
dotnet new std-lib -n Acme.Slugs -o "$repo" --sdk-version "$version" \
  --sdk-feed "$(realpath -m --relative-to="$repo" "$feed")" --no-update-check --debug:custom-hive "$hive" >/dev/null
git -C "$repo" init -q -b main
git -C "$repo" add -A
git -C "$repo" -c user.name=bench -c user.email=bench@example.invalid commit -qm "dotnet new std-lib"
(cd "$repo" && dotnet build -c Release -nologo -v:q >/dev/null)
test_args=(test --no-build -c Release --report-trx --results-directory artifacts/test-results)
gate_args=(build -c Release --no-restore -t:StandardsCoverage -nologo -v:q)
reportgenerator="$NUGET_PACKAGES/reportgenerator/$(sdk_default StandardsReportGeneratorVersion)/tools/net10.0/ReportGenerator.dll"
[ -f "$reportgenerator" ] || { echo "ReportGenerator is not in the packages folder: $reportgenerator" >&2; exit 1; }
reports() { find "$repo/artifacts/test-results" -name '*.cobertura*.xml' 2>/dev/null | wc -l; }

# one_run <results> <repo> <variant>: empties the results folders, runs the variant's command, timed, and checks
# that it did what it is named for (coverage reports written or not; the gate's merged report written).
one_run() {
  local results="$1" v="$3"
  rm -rf "$repo/artifacts/test-results"
  case "$v" in
    none) (cd "$repo" && timed_command "$results/$v.wall" "$results/$v.cpu" dotnet "${test_args[@]}" -p:StandardsCoverage=false)
      [ "$(reports)" = 0 ] || { echo "the run without coverage wrote a coverage report" >&2; exit 1; } ;;
    coverage) (cd "$repo" && timed_command "$results/$v.wall" "$results/$v.cpu" dotnet "${test_args[@]}")
      [ "$(reports)" != 0 ] || { echo "the run with coverage wrote no coverage report" >&2; exit 1; } ;;
    gate|gate-nohtml|gate-1node) rm -rf "$repo/artifacts/coverage-report"
      (cd "$repo" && dotnet "${test_args[@]}" >/dev/null)
      (cd "$repo" && timed_command "$results/$v.wall" "$results/$v.cpu" dotnet "${gate_args[@]}" "-p:StandardsCoverageHtml=$([ "$v" = gate-nohtml ] && echo false || echo true)" $([ "$v" = gate-1node ] && echo -m:1))
      [ -s "$repo/artifacts/coverage-report/coverage.cobertura.xml" ] || { echo "the coverage step wrote no merged report" >&2; exit 1; }
      if [ -d "$repo/artifacts/coverage-report/html" ]; then html=true; else html=false; fi
      [ "$html" = "$([ "$v" = gate-nohtml ] && echo false || echo true)" ] || { echo "$v: the HTML report is not as asked" >&2; exit 1; } ;;
    msbuild) (cd "$repo" && timed_command "$results/$v.wall" "$results/$v.cpu" dotnet build -c Release --no-restore -t:GetTargetPath -nologo -v:q) ;;
    byhand) rm -rf "$root/byhand"
      (cd "$repo" && dotnet "${test_args[@]}" >/dev/null)
      (cd "$repo" && timed_command "$results/$v.wall" "$results/$v.cpu" dotnet "$reportgenerator" \
        "-reports:artifacts/test-results/**/*.cobertura*.xml" "-targetdir:$root/byhand" \
        "-reporttypes:Html;Cobertura;MarkdownSummaryGithub" -verbosity:Warning \
        --minimumCoverageThresholds:lineCoverage=80 --minimumCoverageThresholds:branchCoverage=60)
      [ -s "$root/byhand/Cobertura.xml" ] && [ -s "$root/byhand/index.html" ] || { echo "byhand: ReportGenerator wrote no report" >&2; exit 1; } ;;
  esac
}

results="$root/results"
mkdir -p "$results" "$root/warmup"
# A warm-up of each (the first run of a command pays for what the machine has not cached yet).
for v in none coverage gate gate-nohtml gate-1node msbuild byhand; do one_run "$root/warmup" "$repo" "$v"; done
round_robin "$rounds" "$results" "$repo" one_run none coverage gate gate-nohtml gate-1node msbuild byhand
paste "$results/coverage.cpu" "$results/gate.cpu" | awk '{ print $1 + $2 }' > "$results/both.cpu"
echo "| generated std-lib, CPU ms of every process (median of $rounds; range) | CPU ms | / none, per round |"
echo "|---|---|---|"
echo "| none: \`dotnet test --no-build -p:StandardsCoverage=false\` | $(median < "$results/none.cpu") ($(spread "$results/none.cpu")) | 1.000 |"
echo "| coverage: \`dotnet test --no-build\` (coverlet collects) | $(median < "$results/coverage.cpu") ($(spread "$results/coverage.cpu")) | $(paired_ratio "$results/coverage.cpu" "$results/none.cpu") |"
echo "| gate: \`dotnet build --no-restore -t:StandardsCoverage\` | $(median < "$results/gate.cpu") ($(spread "$results/gate.cpu")) | $(paired_ratio "$results/gate.cpu" "$results/none.cpu") |"
echo "| gate-nohtml: the same with \`-p:StandardsCoverageHtml=false\` | $(median < "$results/gate-nohtml.cpu") ($(spread "$results/gate-nohtml.cpu")) | $(paired_ratio "$results/gate-nohtml.cpu" "$results/none.cpu") |"
echo "| gate-1node: the same as gate on one node, \`-m:1\` | $(median < "$results/gate-1node.cpu") ($(spread "$results/gate-1node.cpu")) | $(paired_ratio "$results/gate-1node.cpu" "$results/none.cpu") |"
echo "| msbuild: \`dotnet build --no-restore -t:GetTargetPath\` (MSBuild's start and evaluation alone) | $(median < "$results/msbuild.cpu") ($(spread "$results/msbuild.cpu")) | $(paired_ratio "$results/msbuild.cpu" "$results/none.cpu") |"
echo "| byhand: the ReportGenerator CLI, the same report types and thresholds | $(median < "$results/byhand.cpu") ($(spread "$results/byhand.cpu")) | $(paired_ratio "$results/byhand.cpu" "$results/none.cpu") |"
paste "$results/gate.cpu" "$results/byhand.cpu" | awk '{ print $1 - $2 }' > "$results/ours.cpu"
echo "| gate - byhand (ours: what the step costs beyond the same policy by hand), per round | $(median < "$results/ours.cpu") ($(spread "$results/ours.cpu")) | $(paired_ratio "$results/ours.cpu" "$results/none.cpu") |"
paste "$results/gate-1node.cpu" "$results/byhand.cpu" | awk '{ print $1 - $2 }' > "$results/ours-1node.cpu"
echo "| gate-1node - byhand, per round | $(median < "$results/ours-1node.cpu") ($(spread "$results/ours-1node.cpu")) | $(paired_ratio "$results/ours-1node.cpu" "$results/none.cpu") |"
echo "| coverage + gate | $(median < "$results/both.cpu") ($(spread "$results/both.cpu")) | $(paired_ratio "$results/both.cpu" "$results/none.cpu") |"
