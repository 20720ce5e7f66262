#!/usr/bin/env bash
# Runs the whole test suite: unit, integration and template end-to-end tests.
# The SDK and templates are packed ONCE here, with a unique version, into a temp feed; every test assembly
# uses that pack (STANDARDS_TEST_FEED/VERSION) with an isolated global packages folder.
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"

work="$(mktemp -d "${TMPDIR:-/tmp}/standards-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT
version="$(unique_version)"

echo "==> Packing Standards.Sdk $version"
pack_all "$work/feed" "$version"

export STANDARDS_TEST_FEED="$work/feed"
export STANDARDS_TEST_VERSION="$version"
export STANDARDS_TEST_PACKAGES="$work/packages"

echo "==> Running tests"
dotnet test "$REPO_ROOT/Standards.Sdk.sln" -c Release -nologo --logger "console;verbosity=minimal" "$@"
