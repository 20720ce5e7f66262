#!/usr/bin/env bash
# Regenerates the files produced from the rule catalog (sdk/schema/standards.schema.json and
# docs/rules/README.md) and leaves them for you to review and commit.
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"
STANDARDS_UPDATE_GENERATED=1 dotnet test tests/Standards.Sdk.Checks.Tests -nologo --filter "FullyQualifiedName~GeneratedFilesTests"
git status --short -- sdk/schema docs/rules/README.md
