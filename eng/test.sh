#!/usr/bin/env bash
# Runs the tests. Two tiers:
#   bash eng/test.sh            the whole suite: unit, analyzer, integration (real builds of the packed SDK),
#                               template end-to-end tests and the corpus tier (adopt on the real repos of
#                               tests/corpus). This is what CI runs (.ci/run).
#   bash eng/test.sh --fast     the inner loop: the checks' unit tests (against their net10.0 and netstandard2.0
#                               builds) and the analyzer tests. Nothing is packed, nothing real is built.
# Any other argument goes to `dotnet test`, e.g. --filter "FullyQualifiedName~Baseline" (both tiers).
# The full suite builds the solution once with a unique version, then packs the SDK, the tool and the templates ONCE
# with that version into a temp feed (the packs find everything built); every test assembly uses that pack
# (STANDARDS_TEST_FEED/VERSION) with an isolated global packages folder. Then it runs the test assemblies in two
# streams at once: the integration tests and then the corpus tier in one; the template end-to-end
# tests, the quick assemblies and three integration test classes (the coverage and budget gates) in the other,
# because one test process alone leaves part of a 2-core machine idle (process start-up, restores, single-project
# stretches). With the compiler server on (below) two streams save about a minute over one; the suite's current
# time is in docs/performance.md, "The test suite's own time".
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"

fast=false
args=()
for arg in "$@"; do
  if [ "$arg" = "--fast" ]; then fast=true; else args+=("$arg"); fi
done

work="$(mktemp -d "${TMPDIR:-/tmp}/standards-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT

if [ "$fast" = true ]; then
  echo "==> Running the fast tier (unit and analyzer tests)"
  target="$REPO_ROOT/eng/fast-tests.slnf"
  # Tests marked [Trait("Tier", "Full")] need what eng/setup.sh installs (a browser): the full tier runs them.
  # A --filter given on the command line is kept and narrowed.
  tier="Tier!=Full"
  filtered=false
  for i in "${!args[@]}"; do
    if [ "${args[$i]}" = "--filter" ] && [ $((i + 1)) -lt ${#args[@]} ]; then
      args[$((i + 1))]="(${args[$((i + 1))]})&$tier"
      filtered=true
    fi
  done
  [ "$filtered" = true ] || args+=(--filter "$tier")
else
  # Set-up the full suite needs besides .NET (PostgreSQL server, OpenAPI validator); quick when it is all there.
  bash "$REPO_ROOT/eng/setup.sh"

  # Compile through the compiler server even where the machine's environment says UseSharedCompilation=false: the
  # suite compiles thousands of times and a cold csc costs about a second of CPU each (docs/performance.md, "The
  # test suite's own time"). The server is stopped when the suite ends, so nothing of ours outlives it.
  export UseSharedCompilation=true
  trap 'dotnet build-server shutdown --vbcscompiler >/dev/null 2>&1; rm -rf "$work"' EXIT

  version="$(unique_version)"
  export STANDARDS_TEST_FEED="$work/feed"
  export STANDARDS_TEST_VERSION="$version"
  export STANDARDS_TEST_PACKAGES="$work/packages"
  echo "==> Running tests"
  target="$REPO_ROOT/Standards.Sdk.sln"
fi

set +e
if [ "$fast" = true ]; then
  dotnet test "$target" -c Release -nologo --logger "console;verbosity=minimal" "${args[@]}" 2>&1 | tee "$work/test.log"
  status=${PIPESTATUS[0]}
else
  # Built with the pack's version, so each pack after it finds its projects built with the same properties and
  # compiles nothing again: the SDK's checks, tasks and analyzers and the tool are compiled once.
  echo "==> Building the solution (version $version)"
  dotnet build "$target" -c Release -p:Version="$version" -nologo -v:q 2>&1 | tee "$work/build.log"
  status=${PIPESTATUS[0]}
  if [ "$status" -eq 0 ]; then
    echo "==> Packing Standards.Sdk $version"
    # In its own shell with errexit, which a function called on the left of || would not have: a failed pack stops it.
    bash -c 'source "$1/eng/common.sh" && set -e && pack_all "$2" "$3"' pack "$REPO_ROOT" "$work/feed" "$version" || status=$?
  fi
  if [ "$status" -eq 0 ]; then
    # The tool's package put into the shared packages folder once, before the streams start: tests in both streams
    # install or restore Standards.Tool there, and the SDK's tool installer neither locks nor marks a package it is
    # still extracting, so a restore that finds it half written fails ("dotnet tool restore" then exits 1 and the
    # next command of a README block never runs). Found complete, every later install only reads it. The feed is the
    # only source: with the machine's sources too the install waits about 30 s on them for nothing.
    echo "==> Putting Standards.Tool $version into the test packages folder"
    (
      mkdir -p "$work/tool-prime" && cd "$work/tool-prime" &&
        printf '<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <packageSources>\n    <clear />\n    <add key="standards-test" value="%s" />\n  </packageSources>\n</configuration>\n' \
          "$STANDARDS_TEST_FEED" >nuget.config &&
        NUGET_PACKAGES="$STANDARDS_TEST_PACKAGES" dotnet tool install --local Standards.Tool --version "$version" \
          --configfile nuget.config --create-manifest-if-needed >"$work/tool-prime.log" 2>&1
    ) || { status=$?; cat "$work/tool-prime.log"; }
  fi
  if [ "$status" -eq 0 ]; then
    # run_stream <name> <test project>[@<filter>]...: runs the projects one after another (each line prefixed with
    # the stream's name) and exits non-zero if any of them failed. A project with @<filter> runs only the tests the
    # filter selects, and with a --filter of the command line, those of both.
    run_stream() {
      local name="$1" entry project filter rc=0
      shift
      for entry in "$@"; do
        project="${entry%%@*}"
        filter=""
        [ "$entry" = "$project" ] || filter="${entry#*@}"
        local run_args=("${args[@]}")
        if [ -n "$filter" ]; then
          local given=false i
          for i in "${!run_args[@]}"; do
            if [ "${run_args[$i]}" = "--filter" ] && [ $((i + 1)) -lt ${#run_args[@]} ]; then
              run_args[$((i + 1))]="(${run_args[$((i + 1))]})&($filter)"
              given=true
            fi
          done
          [ "$given" = true ] || run_args+=(--filter "$filter")
        fi
        dotnet test "$REPO_ROOT/tests/$project/$project.csproj" -c Release --no-build -nologo \
          --logger "console;verbosity=minimal" "${run_args[@]}" 2>&1 | sed -u "s/^/[$name] /" | tee -a "$work/test.log"
        [ "${PIPESTATUS[0]}" -eq 0 ] || rc=1
      done
      return $rc
    }
    # The integration classes that run in the [e2e] stream, after the template tests and the quick assemblies: the
    # integration tests and the corpus tier take longer than all of those (docs/performance.md, "The test suite's
    # own time"), so these move to where the machine would otherwise run one test process only.
    moved="FullyQualifiedName~.QualityGates.CoverageGateTests|FullyQualifiedName~.QualityGates.MtpCoverageTests|FullyQualifiedName~.QualityGates.BudgetGateTests"
    kept="FullyQualifiedName!~.QualityGates.CoverageGateTests&FullyQualifiedName!~.QualityGates.MtpCoverageTests&FullyQualifiedName!~.QualityGates.BudgetGateTests&Tier!=Corpus"
    # The corpus tier: `dotnet standards adopt` on the real public repos of tests/corpus (the ones its manifest marks
    # green), last in the [builds] stream, timed on its own line (docs/performance.md, "The test suite's own time"):
    # the [e2e] stream (the template tests above all) runs about as long as the integration tests, so the tier after
    # those keeps both streams busy to the end, where after the [e2e] stream it ran alone on a half-idle machine.
    run_corpus() {
      local start=$SECONDS rc=0 filter="Tier=Corpus"
      # With no repo marked green the theory would have no data, which xunit counts as a failure: then the tier
      # runs the manifest's own test only.
      grep -q '"status": *"green"' "$REPO_ROOT/tests/corpus/corpus.json" ||
        filter="Tier=Corpus&FullyQualifiedName~.Every_corpus_repo_is_a_bundle"
      run_stream corpus "Standards.Sdk.IntegrationTests@$filter" || rc=1
      echo "[corpus] corpus tier: $((SECONDS - start)) s" | tee -a "$work/test.log"
      return $rc
    }
    echo "==> Running tests (two streams: [builds] and [e2e])"
    (
      rc=0
      run_stream builds "Standards.Sdk.IntegrationTests@$kept" || rc=1
      run_corpus || rc=1
      exit $rc
    ) &
    builds=$!
    run_stream e2e Standards.Templates.Tests Standards.Sdk.Analyzers.Tests Standards.Sdk.Checks.Tests \
      Standards.Sdk.Checks.Tests.NetStandard Standards.Tool.Tests "Standards.Sdk.IntegrationTests@$moved" &
    e2e=$!
    wait "$builds" || status=1
    wait "$e2e" || status=1
  fi
fi
set -e

# One closing line over every test assembly: "N passed, N failed".
passed=$(grep -oE 'Passed: +[0-9]+' "$work/test.log" 2>/dev/null | awk '{ s += $2 } END { print s + 0 }')
failed=$(grep -oE 'Failed: +[0-9]+' "$work/test.log" 2>/dev/null | awk '{ s += $2 } END { print s + 0 }')
echo
echo "${passed:-0} passed, ${failed:-0} failed"
# A project that does not compile runs no test and fails none: say so, or the line above reads as green.
if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then
  echo "dotnet test exited with $status and no test failed: a build error ($(cat "$work"/*.log | grep -cE ': error [A-Z]+[0-9]+') error lines above)"
fi
exit "$status"
