#!/usr/bin/env bash
# Benchmark of adoption (docs/performance.md, "Adoption and the code baseline"):
#   1. wall time of `dotnet standards adopt` on each fixture repo: (a) tests/fixtures/adopt-library, (b)
#      tests/fixtures/adopt-service, against one plain CI-mode build of the same repo before adoption
#      (`CI=true dotnet build --no-incremental` after an untimed restore that fills the package cache, with
#      -p:TreatWarningsAsErrors=false so that every project compiles: fixture (a) fails on its findings otherwise),
#      and against that build plus a restore with the packages in the cache (`dotnet restore --force`), which is what
#      a CI build's `dotnet build` also does;
#   2. the cost of the code baseline suppressor: the adopted fixture (a) built with its standards-code-baseline.json
#      against the same repo without it (a copy with the file removed), round-robin, medians of RUNS:
#      a no-op `dotnet build --no-restore`, and a build after touching one source file (the compiler runs).
# Both copies build in Debug as survey builds (see below), so the copy without the baseline builds too.
# The machine's load average is printed before and after: say it with the numbers.
# Usage: eng/bench-adopt.sh [runs=6] [fixture...]   (fixtures: adopt-library adopt-service, the default is both)
# With STANDARDS_TEST_FEED and STANDARDS_TEST_VERSION set (a feed pack_all wrote), it uses that feed instead of
# packing; with ADOPT_ONLY=1 it stops after part 1.
source "$(dirname "$0")/common.sh"
runs="${1:-6}"
shift $(( $# > 0 ? 1 : 0 ))
fixtures=("$@")
[ ${#fixtures[@]} -gt 0 ] || fixtures=(adopt-library adopt-service)
work="$(mktemp -d "${TMPDIR:-/tmp}/standards-bench-adopt.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export NUGET_PACKAGES="$work/packages" DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1
# dotnet records where each version of a local tool was installed (its tool resolver cache, in the CLI home). The
# tool this script installs lives in its own packages folder, deleted at exit, so it uses a CLI home of its own too,
# as the other benchmarks do: a test or script that later runs the same version is not sent to a deleted path.
export DOTNET_CLI_HOME="$work/cli-home"
echo "load average before: $(cat /proc/loadavg)"
if [ -n "${STANDARDS_TEST_FEED:-}" ] && [ -n "${STANDARDS_TEST_VERSION:-}" ]; then
  version="$STANDARDS_TEST_VERSION"
  cp -R "$STANDARDS_TEST_FEED" "$work/feed"
else
  version="$(unique_version)"
  pack_all "$work/feed" "$version" >/dev/null
fi

echo "| Fixture | plain restore (warm cache) | plain CI build before adoption | \`dotnet standards adopt\` | adopt / build | adopt / (restore + build) |"
echo "|---|---|---|---|---|---|"
for fixture in "${fixtures[@]}"; do
  repo="$work/$fixture"
  cp -R "$REPO_ROOT/tests/fixtures/$fixture" "$repo"
  # The feed and source mapping of a consuming repo; the fixture's own global.json (b) or none (a) before adoption.
  write_consumer_config "$repo" "$version" "$work/feed"
  if [ -f "$REPO_ROOT/tests/fixtures/$fixture/global.json" ]; then
    cp "$REPO_ROOT/tests/fixtures/$fixture/global.json" "$repo/global.json"
  else
    rm "$repo/global.json"
  fi
  (cd "$repo" && git init -q && git add -A && git -c user.name=b -c user.email=b@b commit -qm fixture \
    && dotnet new tool-manifest >/dev/null && dotnet tool install Standards.Tool --version "$version" >/dev/null \
    && git add -A && git -c user.name=b -c user.email=b@b commit -qm tool)

  plain="$work/$fixture-plain"
  cp -R "$repo" "$plain"
  (cd "$plain" && dotnet restore -nologo -v:q >/dev/null) || echo "restore of $plain failed" >&2
  # What the restore of a CI build costs once the packages are in the cache (a CI runner's cached packages folder):
  # `dotnet build` restores first. Adopt's own restore (in its time) also downloads what the policy pins.
  start=$(date +%s.%N)
  (cd "$plain" && dotnet restore --force -nologo -v:q >/dev/null) || echo "second restore of $plain failed" >&2
  end=$(date +%s.%N)
  restore_time=$(echo "$end - $start" | bc)
  start=$(date +%s.%N)
  (cd "$plain" && CI=true dotnet build --no-incremental -nologo -v:q -p:TreatWarningsAsErrors=false >/dev/null) || echo "plain build of $fixture failed" >&2
  end=$(date +%s.%N)
  build_time=$(echo "$end - $start" | bc)

  start=$(date +%s.%N)
  (cd "$repo" && dotnet standards adopt >/dev/null) || echo "adopt of $fixture failed" >&2
  end=$(date +%s.%N)
  adopt_time=$(echo "$end - $start" | bc)
  echo "| $fixture | $restore_time s | $build_time s | $adopt_time s | $(echo "scale=2; $adopt_time / $build_time" | bc) | $(echo "scale=2; $adopt_time / ($restore_time + $build_time)" | bc) |"
done
echo "load average after adopt: $(cat /proc/loadavg)"
[ -d "$work/adopt-library" ] && [ -z "${ADOPT_ONLY:-}" ] || exit 0

repo="$work/with"
mv "$work/adopt-library" "$repo"
without="$work/without"
cp -R "$repo" "$without"
rm "$without/standards-code-baseline.json"
# Without its baseline the adopted repo's findings fail the build (the fixture sets TreatWarningsAsErrors, and the
# policy makes some rules errors: CA1502, STD1002), and a failed compile is never up to date. So both copies build as
# survey builds (-p:StandardsSurveyBuild=true, docs/adopting.md): the compiler turns no finding into an error, the
# same compilations and analyzers run in both, and only the suppressor's work differs. Exit codes other than 0 are
# printed.
build_args=(--no-restore -nologo -v:q -p:StandardsSurveyBuild=true)
# The first build of each copy restores (adopt restored only in its workspace) and warms up.
for dir in "$repo" "$without"; do
  (cd "$dir" && dotnet build -nologo -v:q -p:StandardsSurveyBuild=true >/dev/null) || echo "warm-up build of $dir failed" >&2
done

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
ms() { local s e rc=0; s=$(date +%s%N); "$@" >/dev/null || rc=$?; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); [ "$rc" = 0 ] || echo "exit code $rc: $*" >&2; }
: > "$work/noop-with"; : > "$work/noop-without"; : > "$work/touch-with"; : > "$work/touch-without"
for _ in $(seq "$runs"); do
  for variant in with without; do
    dir="$work/$variant"
    (cd "$dir" && ms dotnet build "${build_args[@]}") >> "$work/noop-$variant"
    touch "$dir/src/Fluent.Guard/Guard.cs"
    echo "// $RANDOM" >> "$dir/src/Fluent.Guard/Guard.cs"
    (cd "$dir" && ms dotnet build "${build_args[@]}") >> "$work/touch-$variant"
  done
done
echo "| Build of the adopted repo (median of $runs) | with the code baseline | without | ratio |"
echo "|---|---|---|---|"
for kind in noop touch; do
  w=$(median < "$work/$kind-with"); wo=$(median < "$work/$kind-without")
  label=$([ "$kind" = noop ] && echo "no-op \`dotnet build --no-restore\`" || echo "after editing one source file (compiler runs)")
  echo "| $label | $w ms | $wo ms | $(echo "scale=3; $w / $wo" | bc) |"
done
# The suppressor's own cost, as the compiler measures it (-p:ReportAnalyzer=true: execution time of every analyzer
# and suppressor of each compilation), needs no second copy:
echo
echo "Compiler-measured analyzer and suppressor time, full rebuild of the adopted repo (with the baseline):"
echo '```'
(cd "$repo" && dotnet build "${build_args[@]}" --no-incremental -v:d -p:ReportAnalyzer=true) \
  | grep -E "Total analyzer execution time|Total suppressor execution time|CodeBaselineSuppressor|Standards\.Sdk\.Analyzers" | sed 's/^ *//' | cut -c1-160 | head -40 || true
echo '```'
echo "load average after: $(cat /proc/loadavg)"
