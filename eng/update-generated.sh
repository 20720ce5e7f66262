#!/usr/bin/env bash
# Regenerates the files produced from one source and leaves them for you to review and commit: from the rule
# catalog, sdk/schema/standards.schema.json and docs/rules/README.md; from ci-templates/gitlab/standards-ci.yml,
# its copy templates/standards-ci/template.yml (where GitLab looks for the CI/CD component standards-ci).
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"
STANDARDS_UPDATE_GENERATED=1 dotnet test tests/Standards.Sdk.Checks.Tests -nologo --filter "FullyQualifiedName~GeneratedFilesTests"
git status --short -- sdk/schema docs/rules/README.md templates/standards-ci
