#!/usr/bin/env bash
# Replays a newcomer's first hour as the docs write it: every shell block of the README's quick start and of the
# README of each generated repo (std-service, std-worker, std-lib), of docs/adopting.md and of docs/upgrading.md,
# in order, from an empty folder, with a private home and NuGet packages folder and the feed both in the user NuGet
# configuration and in the repo's nuget.config (tests/Standards.Templates.Tests/ReadmeReplayTests.cs and
# DocsReplayTests.cs say what runs, what does not and why).
#   bash eng/newcomer.sh                 packs this tree (SDK, tool, templates) with a unique version, then replays
#   STANDARDS_TEST_FEED=<feed> STANDARDS_TEST_VERSION=<version> bash eng/newcomer.sh
#                                        replays with an existing pack of eng/common.sh's pack_all
# Any other argument goes to `dotnet test`, e.g. --filter "FullyQualifiedName~service" to replay one README.
# Needs what eng/setup.sh installs (PostgreSQL's server binaries and client tools, curl).
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"

work="$(mktemp -d "${TMPDIR:-/tmp}/standards-newcomer.XXXXXX")"
trap 'rm -rf "$work"' EXIT

if [ -z "${STANDARDS_TEST_FEED:-}" ] || [ -z "${STANDARDS_TEST_VERSION:-}" ]; then
  version="$(unique_version)"
  echo "==> Packing Standards.Sdk, the tool and the templates $version"
  bash -c 'source "$1/eng/common.sh" && set -e && pack_all "$2" "$3"' pack "$REPO_ROOT" "$work/feed" "$version"
  export STANDARDS_TEST_FEED="$work/feed" STANDARDS_TEST_VERSION="$version"
fi

filter="(FullyQualifiedName~Standards.Templates.Tests.ReadmeReplayTests|FullyQualifiedName~Standards.Templates.Tests.DocsReplayTests|FullyQualifiedName~Standards.Templates.Tests.UpgradingDocReplayTests)"
args=()
for arg in "$@"; do
  if [ "${prev:-}" = "--filter" ]; then filter="$filter&$arg"; elif [ "$arg" != "--filter" ]; then args+=("$arg"); fi
  prev="$arg"
done

echo "==> Replaying the docs"
dotnet test tests/Standards.Templates.Tests -c Release -nologo -m:1 --logger "console;verbosity=normal" --filter "$filter" "${args[@]}"
