#!/usr/bin/env bash
# Benchmark: no-op `dotnet build` of the same sample repo (eng/demo-repo: a library and its test project) on
#   1. Standards.Sdk resolved through global.json msbuild-sdks (what users run),
#   2. Standards.Sdk imported by path (no NuGet SDK resolver: our targets' cost alone),
#   3. plain Microsoft.NET.Sdk,
# each RUNS times after a warm-up; prints medians and ratios as a markdown table (paste into docs/performance.md).
# Usage: eng/bench-noop.sh [runs=10] [--restore] [--projects N] [--versioning]
#   --projects N   grow the repo to N projects (N/2 libraries, each with its test project) to measure a big repo.
#   --versioning   make the Standards.Sdk repos git repos with a version.json (versioning on), and add a fourth
#                  variant: the same git repo without version.json (versioning off), to measure its no-op cost.
#   --server       every build through the MSBuild server (DOTNET_CLI_USE_MSBUILD_SERVER=1), as a developer's inner
#                  loop can run: the process that evaluates stays up, so the NuGet SDK resolver is paid once per
#                  server, not once per build. The resolver's share is then (resolver - by path) / resolver.
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/bench-repo.sh"
runs="${1:-10}"
restore_flag="--no-restore"
projects=2
versioning=""
server=""
shift || true
while [ $# -gt 0 ]; do
  case "$1" in
    --restore) restore_flag="" ;;
    --projects) projects="$2"; shift ;;
    --versioning) versioning=1 ;;
    --server) server=1 ;;
  esac
  shift
done

work="$(mktemp -d "${TMPDIR:-/tmp}/standards-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
if [ -n "$server" ]; then
  export DOTNET_CLI_USE_MSBUILD_SERVER=1
  # Worker nodes stay up too, as in a developer's session (MSBuild's default outside CI): with node reuse off, every
  # build starts fresh worker nodes, and each pays the resolver again.
  export MSBUILDDISABLENODEREUSE=0
  trap 'dotnet build-server shutdown >/dev/null 2>&1; rm -rf "$work"' EXIT
fi
version="$(unique_version)"
export NUGET_PACKAGES="$work/packages"
feed="$work/feed"
pack_all "$feed" "$version" >/dev/null

make_repo "$work/resolver" resolver
# Build once so the SDK package is extracted; the by-path variant imports the extracted files.
dotnet build "$work/resolver/Demo.Orders.sln" -nologo -v:q >/dev/null
sdkdir="$NUGET_PACKAGES/standards.sdk/$version/Sdk"
make_repo "$work/bypath" bypath
make_repo "$work/plain" plain
variants="plain bypath resolver"
if [ -n "$versioning" ]; then
  make_repo "$work/unversioned" unversioned
  variants="plain bypath unversioned resolver"
fi

time_build() { # time_build <dir> -> ms of one no-op build
  local t0 t1
  t0=$(date +%s%N)
  dotnet build "$1/Demo.Orders.sln" $restore_flag -nologo -v:q >/dev/null
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}

for v in $variants; do
  dotnet build "$work/$v/Demo.Orders.sln" -nologo -v:q >/dev/null                 # first build
  dotnet build "$work/$v/Demo.Orders.sln" $restore_flag -nologo -v:q >/dev/null   # warm-up
done
# Round-robin, so a busy moment on the machine hits every variant alike.
for i in $(seq "$runs"); do
  for v in $variants; do
    time_build "$work/$v" >> "$work/$v.times"
  done
done
plain=$(median < "$work/plain.times")
bypath=$(median < "$work/bypath.times")
resolver=$(median < "$work/resolver.times")

echo "| Variant ($projects projects, no-op \`dotnet build ${restore_flag:-with restore}\`${server:+ through the MSBuild server}, median of $runs) | ms | vs plain |"
echo "|---|---|---|"
echo "| Microsoft.NET.Sdk (plain) | $plain | 1.000 |"
echo "| Standards.Sdk imported by path (our targets only) | $bypath | $(ratio "$bypath" "$plain") |"
if [ -n "$versioning" ]; then
  # The versioning's own cost, from MSBuild's task performance summary (robust to a busy machine): the task's
  # total time over every project instance of one build, on no-op builds (facts from the cache) and on the first
  # build after a new commit (git runs once for the repo).
  task_ms() {
    dotnet build "$work/resolver/Demo.Orders.sln" $restore_flag -nologo -v:q -clp:PerformanceSummary \
      | awk '/Task Performance Summary/ { t = 1 } t && $3 == "ComputeStandardsVersion" { print $1; exit }'
  }
  for i in $(seq "$runs"); do task_ms >> "$work/task-noop.times"; done
  for i in $(seq 3); do
    git -C "$work/resolver" -c user.name=bench -c user.email=bench@example.invalid commit -q --allow-empty -m "bench $i"
    task_ms >> "$work/task-miss.times"
  done
  calls=$(dotnet build "$work/resolver/Demo.Orders.sln" $restore_flag -nologo -v:q -clp:PerformanceSummary \
    | awk '/Task Performance Summary/ { t = 1 } t && $3 == "ComputeStandardsVersion" { print $4; exit }')
  unversioned=$(median < "$work/unversioned.times")
  echo "| Standards.Sdk via msbuild-sdks, git repo without version.json (versioning off) | $unversioned | $(ratio "$unversioned" "$plain") |"
fi
echo "| Standards.Sdk via global.json msbuild-sdks (resolver + targets)${versioning:+, version.json (versioning on)} | $resolver | $(ratio "$resolver" "$plain") |"
if [ -n "$versioning" ]; then
  echo
  echo "| ComputeStandardsVersion, whole build ($calls calls) | median ms | min ms | max ms |"
  echo "|---|---|---|---|"
  for kind in noop miss; do
    label=$([ "$kind" = noop ] && echo "no-op build (facts cached)" || echo "first build after a new commit (git runs)")
    echo "| $label | $(median < "$work/task-$kind.times") | $(sort -n "$work/task-$kind.times" | head -1) | $(sort -n "$work/task-$kind.times" | tail -1) |"
  done
fi
