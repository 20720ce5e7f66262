#!/usr/bin/env bash
# The edit-and-build loop by allocations (docs/performance.md, "Edit-and-build loop"): MSBuild's side of it measured
# so that it repeats on a shared machine. The variants and repos of eng/bench-inner-loop.sh (the demo repo grown to N
# projects; plain, policy, standards by the resolver: eng/bench-repo.sh make_inner_loop_variant), built in one process
# by eng/bench/NoopBuildBench --edit: every build first edits src/Demo.Orders/OrderBook.cs (a last comment line with
# a new number, the file's size unchanged), so the library compiles and its test project is brought up to date; one
# in-process node, rounds alternating between the variants, the first round left out; then one attribution build per
# variant (bytes per target, task and evaluation).
# What the bytes count: MSBuild's evaluation, targets and tasks in the build's process, the Csc task's own side
# included. Not the compiler: it runs in the compiler server (UseSharedCompilation=true here), whose work is
# attributed by the compiler's -reportanalyzer times in eng/bench-inner-loop.sh.
# Mode: as the caller's environment says; `CI=true eng/bench-inner-loop-alloc.sh` measures the CI build.
# The SDK: STANDARDS_TEST_FEED and STANDARDS_TEST_VERSION (a feed eng/common.sh pack_all filled) when set, else packed.
# Usage: [KEEP=1] [NOOP_BENCH_SPLIT_BETWEEN=1] [CI=true] eng/bench-inner-loop-alloc.sh [rounds=3] [projects=30]
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/bench-repo.sh"
rounds="${1:-3}"
projects="${2:-30}"
versioning=""
bench_work_folder inner-loop-alloc

bench="$REPO_ROOT/eng/bench/NoopBuildBench/NoopBuildBench.csproj"
dotnet build "$bench" -c Release -nologo -v:q -p:UseSharedCompilation=true >/dev/null

feed_or_pack "$root/feed"
sdkdir="$NUGET_PACKAGES/standards.sdk/$version/Sdk"
work="$root/repos"
export UseSharedCompilation=true
arguments=()
for v in standards plain policy; do
  make_inner_loop_variant "$v"
  # The first build compiles everything (and, for standards, writes what write_policy_config copies into policy).
  dotnet build "$work/$v/Demo.Orders.sln" --no-restore -nologo -v:q -m >/dev/null
done
for v in plain policy standards; do arguments+=("$v=$work/$v/Demo.Orders.sln"); done
dotnet build-server shutdown --msbuild >/dev/null 2>&1 || true
echo "mode: $([ "${CI:-}" = true ] && echo "CI=true" || echo local); load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
dotnet run --project "$bench" -c Release --no-build -- --edit src/Demo.Orders/OrderBook.cs "$rounds" "$root/attribution" "${arguments[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
