#!/usr/bin/env bash
# Regenerates the files produced from the rule catalog (sdk/schema/standards.schema.json and
# docs/rules/README.md) with the eng/ tool Standards.Sdk.DocsGenerator, and leaves them for you to review and commit.
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"
dotnet run --project eng/tools/Standards.Sdk.DocsGenerator -- "$REPO_ROOT"
git status --short -- sdk/schema docs/rules/README.md
