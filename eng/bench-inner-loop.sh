#!/usr/bin/env bash
# The edit-and-build loop (docs/performance.md, "Edit-and-build loop"): edit one source file of a library that a test
# project references, then build the solution, on the demo repo (eng/demo-repo) grown to N projects (half libraries,
# half their test projects), in three variants side by side:
#   plain      Microsoft.NET.Sdk;
#   policy     plain with the policy set by hand: its packages and settings (eng/bench-repo.sh
#              write_policy_packages, with the target that pins NetAnalyzers, policy_pin_target) and what it
#              configures for the compiler (eng/bench-repo.sh write_policy_config; in CI builds the compiler's error
#              log, policy_error_log, checked to be written); the attribution logs are checked
#              to show the pinned NetAnalyzers in both policy and standards (check_pinned_analyzers);
#   standards  Standards.Sdk through global.json msbuild-sdks (what users run).
# Two modes, each after a warm-up build of every variant in that mode:
#   local  `dotnet build --no-restore -m` (Debug);
#   ci     `CI=true dotnet build --no-restore -m` (ContinuousIntegrationBuild: a different compiler command line, so
#          the modes are not interleaved: the first build after a switch recompiles every project).
# Each round edits src/Demo.Orders/OrderBook.cs (a comment with a new number: the library compiles, its reference
# assembly is unchanged, so its test project copies and does not compile) and builds each variant once, round-robin.
# Measured by what repeats on a shared machine: CPU time of every process of the build (a cgroup, eng/bench-repo.sh
# timed_command), the median and the range of the rounds, and the median of the per-round ratios. The compiler runs
# in the build's own processes (UseSharedCompilation=false): a compiler server is shared by every build on the
# machine, and its CPU time would be counted in no build's cgroup. So each compilation also loads and JIT-compiles
# the compiler and its analyzers, as a build without a warm server does.
# Then one attribution build per variant and mode after another edit (-p:ReportAnalyzer=true, a detailed file log
# with MSBuild's performance summary): evaluation, each target and task, and the compiler's time per analyzer
# assembly; the tables in "<work>/split-<mode>.md".
# The SDK: STANDARDS_TEST_FEED and STANDARDS_TEST_VERSION (a feed eng/common.sh pack_all filled) when set, else packed.
# Usage: [KEEP=1] eng/bench-inner-loop.sh [runs=5] [projects=30]
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/bench-repo.sh"
runs="${1:-5}"
projects="${2:-30}"
versioning=""
bench_work_folder inner-loop
export DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1

feed_or_pack "$root/feed"
sdkdir="$NUGET_PACKAGES/standards.sdk/$version/Sdk"
work="$root/repos"
variants="plain policy standards"
edited="src/Demo.Orders/OrderBook.cs"
build_args=(--no-restore -m -p:UseSharedCompilation=false)

# edit <variant>: a one-line edit of the library's source file that changes its content, not its API.
edit() { echo "// edit $RANDOM$RANDOM" >> "$work/$1/$edited"; }

# build_in <mode> <variant> <command...>: runs the command in the variant's repo, with CI=true in the ci mode.
build_in() {
  local mode="$1" v="$2"
  shift 2
  (
    cd "$work/$v"
    if [ "$mode" = ci ]; then export CI=true; else unset CI; fi
    "$@"
  )
}

# one_round <results> <repos> <variant>: edit, then one timed build (round_robin's callback; $mode is the mode).
one_round() {
  edit "$3"
  build_in "$mode" "$3" timed_build "$1/$mode-$3.wall" "$1/$mode-$3.cpu" Demo.Orders.sln "${build_args[@]}"
}

# attribution_build <mode> <variant>: an edit and one build with the compiler's analyzer report and MSBuild's
# performance summary in <results>/<mode>-<variant>.log.
attribution_build() {
  edit "$2"
  build_in "$1" "$2" dotnet build Demo.Orders.sln "${build_args[@]}" -p:ReportAnalyzer=true -nologo -v:q \
    "-flp:logfile=$results/$1-$2.log;verbosity=detailed;PerformanceSummary" >/dev/null
}

make_inner_loop_variant standards
build_in local standards dotnet build Demo.Orders.sln "${build_args[@]}" -nologo -v:q >/dev/null
make_inner_loop_variant plain
make_inner_loop_variant policy
results="$root/results"
mkdir -p "$results"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for mode in local ci; do
  for v in $variants; do build_in "$mode" "$v" dotnet build Demo.Orders.sln "${build_args[@]}" -nologo -v:q >/dev/null; done
  round_robin "$runs" "$results" "$work" one_round $variants
  # After the rounds: the warm-up build in CI mode compiles nothing (the local builds before it left every project up
  # to date, and the error log is not an input of the compile), the rounds' edits compile the library with it.
  [ "$mode" != ci ] || check_policy_error_log "$work/policy"
  for v in $variants; do attribution_build "$mode" "$v"; done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

check_pinned_analyzers "$results"/*-policy.log "$results"/*-standards.log
echo "| $projects projects, one-file edit, CPU ms of every process (median of $runs; range) | plain | policy | standards | policy / plain | standards / policy | standards / plain |"
echo "|---|---|---|---|---|---|---|"
for mode in local ci; do
  p="$results/$mode-plain.cpu" h="$results/$mode-policy.cpu" s="$results/$mode-standards.cpu"
  echo "| \`$([ "$mode" = ci ] && echo "CI=true ")dotnet build\` | $(median < "$p") ($(spread "$p")) | $(median < "$h") ($(spread "$h")) | $(median < "$s") ($(spread "$s")) | $(paired_ratio "$h" "$p") | **$(paired_ratio "$s" "$h")** | $(paired_ratio "$s" "$p") |"
done
echo
echo "| $projects projects, wall ms (median of $runs; range) | plain | policy | standards |"
echo "|---|---|---|---|"
for mode in local ci; do
  row="| $mode |"
  for v in $variants; do row="$row $(median < "$results/$mode-$v.wall") ($(spread "$results/$mode-$v.wall")) |"; done
  echo "$row"
done
for mode in local ci; do echo; split_table "$mode"; echo; analyzer_type_table "$mode"; done
