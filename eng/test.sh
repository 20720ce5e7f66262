#!/usr/bin/env bash
# Runs the tests. Two tiers:
#   bash eng/test.sh            the whole suite: unit, analyzer, integration (real builds of the packed SDK) and
#                               template end-to-end tests. This is what CI runs (.ci/run).
#   bash eng/test.sh --fast     the inner loop: the checks' unit tests (against their net10.0 and netstandard2.0
#                               builds) and the analyzer tests. Nothing is packed, nothing real is built.
# Any other argument goes to `dotnet test`, e.g. --filter "FullyQualifiedName~Baseline" (both tiers).
# The full suite packs the SDK and templates ONCE, with a unique version, into a temp feed; every test assembly
# uses that pack (STANDARDS_TEST_FEED/VERSION) with an isolated global packages folder.
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
else
  # Set-up the full suite needs besides .NET (PostgreSQL server, OpenAPI validator); quick when it is all there.
  bash "$REPO_ROOT/eng/setup.sh"

  version="$(unique_version)"
  echo "==> Packing Standards.Sdk $version"
  pack_all "$work/feed" "$version"

  export STANDARDS_TEST_FEED="$work/feed"
  export STANDARDS_TEST_VERSION="$version"
  export STANDARDS_TEST_PACKAGES="$work/packages"
  echo "==> Running tests"
  target="$REPO_ROOT/Standards.Sdk.sln"
fi

set +e
dotnet test "$target" -c Release -nologo --logger "console;verbosity=minimal" "${args[@]}" 2>&1 | tee "$work/test.log"
status=${PIPESTATUS[0]}
set -e

# One closing line over every test assembly: "N passed, N failed".
passed=$(grep -oE 'Passed: +[0-9]+' "$work/test.log" | awk '{ s += $2 } END { print s + 0 }')
failed=$(grep -oE 'Failed: +[0-9]+' "$work/test.log" | awk '{ s += $2 } END { print s + 0 }')
echo
echo "${passed:-0} passed, ${failed:-0} failed"
# A project that does not compile runs no test and fails none: say so, or the line above reads as green.
if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then
  echo "dotnet test exited with $status and no test failed: a build error ($(grep -cE ': error [A-Z]+[0-9]+' "$work/test.log") error lines above)"
fi
exit "$status"
