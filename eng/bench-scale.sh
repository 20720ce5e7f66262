#!/usr/bin/env bash
# Benchmark at scale (docs/performance.md, "No-op build"): generated layout-compliant repos of N projects (N/2
# libraries from eng/demo-repo, each with its xunit test project) on
#   plain     Microsoft.NET.Sdk,
#   bypath    Standards.Sdk imported by path (no NuGet SDK resolver: our targets' cost alone),
#   resolver  Standards.Sdk through global.json msbuild-sdks (what users run),
#   baseline  (with --baseline-sdk DIR) an older extracted Standards.Sdk imported by path: before/after a change.
# Build sizes (--build-sizes, default 100), per size, round-robin across the variants so a busy moment on the
# shared machine hits all alike:
#   full      `dotnet build --no-restore --no-incremental -m`, plain and bypath (FULL_RUNS each),
#   no-op     `dotnet build --no-restore -m`, RUNS each after a warm-up, medians of wall and CPU time, and the
#             median of the per-round CPU ratios (paired_ratio in eng/bench-repo.sh: the steadier figure),
#   eval      one no-op build per variant with -profileevaluation: evaluation ms per project.
# The resolver and baseline repos are copies of the built bypath repo (project files rewritten, timestamps kept),
# so only plain and bypath pay a full build.
# Evaluation sizes (--eval-sizes, default "300 1000"): no restore, no build; `-graph -t:GetTargetPath` evaluates
# every project once (static graph) and runs one trivial target: evaluation ms per project, and the whole command.
# Usage: eng/bench-scale.sh [--runs 3] [--full-runs 1] [--build-sizes "100"] [--eval-sizes "300 1000"]
#                           [--baseline-sdk DIR] [--feed DIR --version V] [--keep]
#   --baseline-sdk  also measure an older extracted SDK by path in the build sizes (before/after a change)
#   --feed/--version  use an SDK packed already (eng/common.sh pack_all) instead of packing
# Prints markdown tables. The resolver's share of a no-op is (resolver - bypath) / resolver.
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/bench-repo.sh"
runs=3
full_runs=1
build_sizes="100"
eval_sizes="300 1000"
baseline=""
keep=""
given_feed=""
given_version=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift ;;
    --full-runs) full_runs="$2"; shift ;;
    --build-sizes) build_sizes="$2"; shift ;;
    --eval-sizes) eval_sizes="$2"; shift ;;
    --baseline-sdk) baseline="$(cd "$2" && pwd)"; shift ;;
    --feed) given_feed="$(cd "$2" && pwd)"; shift ;;
    --version) given_version="$2"; shift ;;
    --keep) keep=1 ;;
  esac
  shift
done
versioning=""

root="$(mktemp -d "${TMPDIR:-/tmp}/standards-scale.XXXXXX")"
if [ -n "$keep" ]; then echo "work folder: $root" >&2; else trap 'rm -rf "$root"' EXIT; fi
version="${given_version:-$(unique_version)}"
export NUGET_PACKAGES="$root/packages"
# One MSBuild process per build, as CI runs it: no node reuse, no MSBuild server (each variant pays its own start).
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
feed="${given_feed:-$root/feed}"
[ -n "$given_feed" ] || pack_all "$feed" "$version" >/dev/null
sdkdir="$NUGET_PACKAGES/standards.sdk/$version/Sdk"
# The SDK resolver extracts the package on the first evaluation that names it; the by-path variants import it.
work="$root/extract"; projects=2
make_repo "$work/resolver" resolver
dotnet restore "$work/resolver/Demo.Orders.sln" -nologo -v:q >/dev/null
variants="plain bypath resolver${baseline:+ baseline}"

ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
build() { # build <dir> [args...]: one quiet build of the repo's solution
  local dir="$1"; shift
  dotnet build "$dir/Demo.Orders.sln" --no-restore -nologo -v:q -m "$@" >/dev/null
}
eval_total() { # eval_total <profile.md>: total evaluation ms of every evaluation in the profile
  awk -F'|' '$3 == "Total evaluation" { total += $7 } END { print total + 0 }' "$1"
}
per() { awk -v t="$1" -v n="$2" 'BEGIN { printf "%.1f", t / n }'; }

# copy_variant <from> <to> <sdk folder or "resolver">: a built by-path repo as another variant, without a rebuild.
copy_variant() {
  local from="$1" to="$2" sdk="$3" f
  cp -a "$from" "$to"
  grep -rl --include='*.csproj' "$sdkdir" "$to" | while read -r f; do
    if [ "$sdk" = resolver ]; then
      sed -i "s#<Project>#<Project Sdk=\"Standards.Sdk\">#; \#$sdkdir/Sdk\.\(props\|targets\)#d" "$f"
    else
      sed -i "s#$sdkdir#$sdk#g" "$f"
    fi
    touch -r "${f/#$to/$from}" "$f"
  done
  # Restore's outputs name the repo folder: point them at the copy, timestamps kept.
  grep -rl "$from/" "$to" --include='*.json' --include='*.props' --include='*.targets' 2>/dev/null | while read -r f; do
    sed -i "s#$from/#$to/#g" "$f"; touch -r "${f/#$to/$from}" "$f"
  done
}

build_rows=""
for n in $build_sizes; do
  projects="$n"; work="$root/b$n"; mkdir -p "$work"
  make_repo "$work/bypath" bypath
  make_repo "$work/plain" plain
  for v in plain bypath; do dotnet restore "$work/$v/Demo.Orders.sln" -nologo -v:q >/dev/null; done
  files=$(find "$work/bypath" -type f | wc -l)
  for i in $(seq "$full_runs"); do
    for v in plain bypath; do
      # The compiler server, as on a developer machine and in the SDK's default (this environment turns it off):
      # a full build of 1000 projects starts 1000 compilers otherwise. Both variants alike.
      t0=$(date +%s%N); build "$work/$v" --no-incremental -p:UseSharedCompilation=true; ms_since "$t0" >> "$work/$v.full"
    done
  done
  copy_variant "$work/bypath" "$work/resolver" resolver
  [ -z "$baseline" ] || copy_variant "$work/bypath" "$work/baseline" "$baseline"
  # Warm-up. A copy in another folder recompiles every project once (the generated analyzer config names the project
  # folder), so the warm-up compiles through the compiler server like the full builds; no-op runs compile nothing.
  for v in $variants; do build "$work/$v" -p:UseSharedCompilation=true; done
  for v in resolver${baseline:+ baseline}; do build "$work/$v"; done
  # MSBuild nodes only: each variant starts from fresh nodes. Not the compiler server, which other builds on the
  # machine may be using (the measured no-op builds compile nothing).
  dotnet build-server shutdown --msbuild >/dev/null 2>&1 || true
  # Round-robin no-op builds (eng/bench-repo.sh): <variant>.wall and <variant>.cpu, one line per round.
  timed_rounds "$runs" "$work" "$work" $variants
  for v in $variants; do build "$work/$v" -profileevaluation:"$work/$v.eval.md"; done
  plain=$(median < "$work/plain.wall"); bypath=$(median < "$work/bypath.wall"); resolver=$(median < "$work/resolver.wall")
  cpu_plain=$(median < "$work/plain.cpu"); cpu_bypath=$(median < "$work/bypath.cpu"); cpu_resolver=$(median < "$work/resolver.cpu")
  base_cols=""
  if [ -n "$baseline" ]; then
    base=$(median < "$work/baseline.wall")
    base_cols=" $base | $(ratio "$base" "$plain") |"
  fi
  share=$(awk -v r="$resolver" -v b="$bypath" 'BEGIN { printf "%.1f %%", 100 * (r - b) / r }')
  full_plain=$(median < "$work/plain.full"); full_bypath=$(median < "$work/bypath.full")
  build_rows="$build_rows| $n ($files files) | $plain |$base_cols $bypath | $(ratio "$bypath" "$plain") | $resolver | $(ratio "$resolver" "$plain") | $share | $cpu_plain / $cpu_bypath / $cpu_resolver | $(ratio "$cpu_bypath" "$cpu_plain") | $(ratio "$cpu_resolver" "$cpu_plain") | $(paired_ratio "$work/bypath.cpu" "$work/plain.cpu") | $(paired_ratio "$work/resolver.cpu" "$work/plain.cpu") | $full_plain | $full_bypath | $(ratio "$full_bypath" "$full_plain") | $(per "$(eval_total "$work/plain.eval.md")" "$n") | $(per "$(eval_total "$work/bypath.eval.md")" "$n") | $(per "$(eval_total "$work/resolver.eval.md")" "$n") |
"
  { echo "build size $n:"; for v in $variants; do echo "  $v no-op wall: $(tr '\n' ' ' < "$work/$v.wall") cpu: $(tr '\n' ' ' < "$work/$v.cpu")"; done
    echo "  full: $(cat "$work/plain.full" "$work/bypath.full" | tr '\n' ' ')"
    echo "  eval ms/project (plain bypath resolver): $(for v in plain bypath resolver; do printf '%s ' "$(per "$(eval_total "$work/$v.eval.md")" "$n")"; done)"; } >&2
  [ -n "$keep" ] || rm -rf "$work"
done

eval_rows=""
for n in $eval_sizes; do
  projects="$n"; work="$root/e$n"; mkdir -p "$work"
  make_repo "$work/bypath" bypath
  make_repo "$work/plain" plain
  make_repo "$work/resolver" resolver
  files=$(find "$work/bypath" -type f | wc -l)
  for v in plain bypath resolver; do
    t0=$(date +%s%N)
    dotnet msbuild "$work/$v/Demo.Orders.sln" -graph -t:GetTargetPath -nologo -v:q -m \
      -profileevaluation:"$work/$v.eval.md" >/dev/null
    ms_since "$t0" > "$work/$v.cmd"
  done
  cols=""
  for v in plain bypath resolver; do cols="$cols $(per "$(eval_total "$work/$v.eval.md")" "$n") |"; done
  eval_rows="$eval_rows| $n ($files files) |$cols $(for v in plain bypath resolver; do printf '%s ' "$(cat "$work/$v.cmd")"; done)|
"
  echo "eval size $n done" >&2
  [ -n "$keep" ] || rm -rf "$work"
done

echo "Measured with \`eng/bench-scale.sh --runs $runs --full-runs $full_runs --build-sizes \"$build_sizes\" --eval-sizes \"$eval_sizes\"${baseline:+ --baseline-sdk <older SDK>}\` on $(date -u +%Y-%m-%d) ($(nproc) cores, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg), .NET $(dotnet --version))."
echo
if [ -n "$build_rows" ]; then
  echo "| Projects | plain no-op ms |${baseline:+ baseline (before) ms | baseline / plain |} by path ms | by path / plain | resolver ms | resolver / plain | resolver share | no-op CPU ms plain / by path / resolver | CPU by path / plain | CPU resolver / plain | CPU by path / plain, per round | CPU resolver / plain, per round | plain full ms | by path full ms | full ratio | plain eval ms/project | by path eval ms/project | resolver eval ms/project |"
  echo "|---|---|${baseline:+---|---|}---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  printf '%s' "$build_rows"
  echo
fi
if [ -n "$eval_rows" ]; then
  echo "| Projects (evaluation only, \`-graph -t:GetTargetPath\`) | plain eval ms/project | by path eval ms/project | resolver eval ms/project | whole command ms (plain bypath resolver) |"
  echo "|---|---|---|---|---|"
  printf '%s' "$eval_rows"
fi
