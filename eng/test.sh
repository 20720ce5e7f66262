#!/usr/bin/env bash
# Runs the whole test suite: unit, integration and template end-to-end tests.
# The SDK and templates are packed ONCE here, with a unique version, into a temp feed; every test assembly
# uses that pack (STANDARDS_TEST_FEED/VERSION) with an isolated global packages folder.
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"

# Set-up the tests need besides .NET (PostgreSQL server, OpenAPI validator); quick when it is all there.
bash "$REPO_ROOT/eng/setup.sh"

work="$(mktemp -d "${TMPDIR:-/tmp}/standards-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT
version="$(unique_version)"

echo "==> Packing Standards.Sdk $version"
pack_all "$work/feed" "$version"

export STANDARDS_TEST_FEED="$work/feed"
export STANDARDS_TEST_VERSION="$version"
export STANDARDS_TEST_PACKAGES="$work/packages"

echo "==> Running tests"
set +e
dotnet test "$REPO_ROOT/Standards.Sdk.sln" -c Release -nologo --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$work/test.log"
status=${PIPESTATUS[0]}
set -e

# One closing line over every test assembly: "N passed, N failed".
passed=$(grep -oE 'Passed: +[0-9]+' "$work/test.log" | awk '{ s += $2 } END { print s + 0 }')
failed=$(grep -oE 'Failed: +[0-9]+' "$work/test.log" | awk '{ s += $2 } END { print s + 0 }')
echo
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
