#!/usr/bin/env bash
# What each part of Standards.Sdk adds to a no-op build, measured so the parts can be told apart (docs/performance.md,
# "No-op build"). Whole-build CPU time on this 2-core machine moves by ±6 % between identical rounds,
# more than any one part costs. eng/bench/NoopBuildBench builds each variant's repo in one process, no-op, on one
# in-process node, and reports the bytes the build allocates, which repeat to about a part in a thousand, then
# attributes them to every target, task and evaluation. Variants, in the order the table splits the extra cost:
#   plain     Microsoft.NET.Sdk;
#   policy    plain with the packages and settings the policy adds, by hand (eng/bench-repo.sh write_policy_packages);
#   nochecks  Standards.Sdk by path with StandardsSkipChecks=true: its evaluation and the targets that are not checks;
#   bypath    Standards.Sdk by path.
# Usage: [KEEP=1] [NOOP_BENCH_SPLIT_BETWEEN=1] eng/bench-noop-alloc.sh [rounds=4] [projects=100]
# NOOP_BENCH_SPLIT_BETWEEN=1: the bytes MSBuild allocates between targets go to the event that follows them (the next
# target, a skipped target, a project's start or end) instead of one row "MSBuild, between targets".
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/bench-repo.sh"
rounds="${1:-4}"
projects="${2:-100}"
versioning=""
# KEEP=1 keeps the work folder: the repos and each variant's attribution (<variant>.targets.tsv: bytes, calls, name).
bench_work_folder noop-alloc

bench="$REPO_ROOT/eng/bench/NoopBuildBench/NoopBuildBench.csproj"
dotnet build "$bench" -c Release -nologo -v:q >/dev/null

version="$(unique_version)" feed="$root/feed"   # what make_repo's global.json and nuget.config name
sdkdir="$(extract_sdk "$REPO_ROOT" new)"
work="$root/repos"
variants="plain policy nochecks bypath"
arguments=()
for v in $variants; do
  make_repo "$work/$v" "$v"
  dotnet restore "$work/$v/Demo.Orders.sln" -nologo -v:q >/dev/null
  dotnet build "$work/$v/Demo.Orders.sln" --no-restore -nologo -v:q -m -p:UseSharedCompilation=true >/dev/null
  arguments+=("$v=$work/$v/Demo.Orders.sln")
done
# MSBuild nodes only: each variant starts from fresh nodes. Not the compiler server, which other builds on the
# machine may be using (the measured no-op builds compile nothing).
dotnet build-server shutdown --msbuild >/dev/null 2>&1 || true
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
dotnet run --project "$bench" -c Release --no-build -- "$rounds" "$root/attribution" "${arguments[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
