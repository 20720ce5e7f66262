#!/usr/bin/env bash
# Benchmark at scale (issue 14): generated layout-compliant repos of N projects (N/2 libraries from eng/demo-repo,
# each with its xunit test project), built with `dotnet build <sln> --no-restore` on
#   plain     Microsoft.NET.Sdk,
#   bypath    Standards.Sdk imported by path (no NuGet SDK resolver: our targets' cost alone),
#   resolver  Standards.Sdk through global.json msbuild-sdks (what users run).
# Per size it measures, round-robin across the variants so a busy moment on the shared machine hits all alike:
#   full      `--no-incremental` builds (FULL_RUNS each; 0 skips them, then the first build is not timed),
#   no-op     RUNS builds each after a warm-up, medians,
#   eval      one no-op build per variant with -profileevaluation: total evaluation ms / evaluations.
# Usage: eng/bench-scale.sh [--runs 5] [--full-runs 1] [--sizes "100 300"] [--keep]
# Prints one markdown table for all sizes. The resolver's share is (resolver - bypath) / resolver.
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/bench-repo.sh"
runs=5
full_runs=1
sizes="100 300"
keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift ;;
    --full-runs) full_runs="$2"; shift ;;
    --sizes) sizes="$2"; shift ;;
    --keep) keep=1 ;;
  esac
  shift
done
versioning=""
restore_flag="--no-restore"

root="$(mktemp -d "${TMPDIR:-/tmp}/standards-scale.XXXXXX")"
[ -n "$keep" ] && echo "work folder: $root" >&2 || trap 'rm -rf "$root"' EXIT
version="$(unique_version)"
export NUGET_PACKAGES="$root/packages"
# One MSBuild process per build, as CI runs it: no node reuse, no MSBuild server (each variant pays its own start).
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
feed="$root/feed"
pack_all "$feed" "$version" >/dev/null

ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
build() { # build <dir> [args...]: one quiet build of the repo's solution
  local dir="$1"; shift
  dotnet build "$dir/Demo.Orders.sln" --no-restore -nologo -v:q -m "$@" >/dev/null
}
# eval_ms <dir>: total evaluation ms of one no-op build (from -profileevaluation).
eval_ms() {
  local report="$1/eval.md"
  build "$1" -profileevaluation:"$report"
  awk -F'|' '$3 == "Total evaluation" { total += $7 } END { print total + 0 }' "$report"
}

rows=""
for n in $sizes; do
  projects="$n"
  work="$root/n$n"
  mkdir -p "$work"
  make_repo "$work/resolver" resolver
  dotnet restore "$work/resolver/Demo.Orders.sln" -nologo -v:q >/dev/null
  sdkdir="$NUGET_PACKAGES/standards.sdk/$version/Sdk"
  make_repo "$work/bypath" bypath
  make_repo "$work/plain" plain
  for v in plain bypath; do dotnet restore "$work/$v/Demo.Orders.sln" -nologo -v:q >/dev/null; done
  files=$(find "$work/resolver" -type f | wc -l)

  # Full builds (the first one also lays down the outputs the no-op builds need).
  full_plain="-"; full_bypath="-"
  if [ "$full_runs" -gt 0 ]; then
    for i in $(seq "$full_runs"); do
      for v in plain bypath; do
        t0=$(date +%s%N); build "$work/$v" --no-incremental; ms_since "$t0" >> "$work/$v.full"
      done
    done
    full_plain=$(median < "$work/plain.full"); full_bypath=$(median < "$work/bypath.full")
  else
    for v in plain bypath; do build "$work/$v"; done
  fi
  build "$work/resolver"
  for v in plain bypath resolver; do build "$work/$v"; done   # warm-up no-op

  for i in $(seq "$runs"); do
    for v in plain bypath resolver; do
      t0=$(date +%s%N); build "$work/$v"; ms_since "$t0" >> "$work/$v.noop"
    done
  done
  plain=$(median < "$work/plain.noop"); bypath=$(median < "$work/bypath.noop"); resolver=$(median < "$work/resolver.noop")
  eval_plain=$(eval_ms "$work/plain"); eval_bypath=$(eval_ms "$work/bypath")
  full_ratio="-"; [ "$full_plain" != "-" ] && full_ratio=$(ratio "$full_bypath" "$full_plain")
  share=$(awk -v r="$resolver" -v b="$bypath" 'BEGIN { printf "%.1f %%", 100 * (r - b) / r }')
  per_project() { awk -v t="$1" -v n="$n" 'BEGIN { printf "%.1f", t / n }'; }
  rows="$rows| $n ($files files) | $plain | $bypath | $(ratio "$bypath" "$plain") | $resolver | $(ratio "$resolver" "$plain") | $share | $full_plain | $full_bypath | $full_ratio | $(per_project "$eval_plain") | $(per_project "$eval_bypath") |
"
  echo "size $n done: $plain $bypath $resolver full $full_plain $full_bypath eval $eval_plain $eval_bypath" >&2
  [ -n "$keep" ] || rm -rf "$work"
done

echo "Measured with \`eng/bench-scale.sh --runs $runs --full-runs $full_runs --sizes \"$sizes\"\` on $(date -u +%Y-%m-%d) ($(nproc) cores, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg), .NET $(dotnet --version)); no-op = \`dotnet build --no-restore -m\`, median of $runs round-robin runs; full = \`--no-incremental\`, median of $full_runs."
echo
echo "| Projects | plain no-op ms | by path ms | by path / plain | resolver ms | resolver / plain | resolver share | plain full ms | by path full ms | full ratio | plain eval ms/project | by path eval ms/project |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s' "$rows"
