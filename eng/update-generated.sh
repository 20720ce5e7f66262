#!/usr/bin/env bash
# Regenerates the files produced from one source with the eng/ tool Standards.Sdk.DocsGenerator, and leaves them for
# you to review and commit: from the rule catalog, sdk/schema/standards.schema.json and docs/rules/README.md; from
# ci-templates/gitlab/standards-ci.yml, its copy templates/standards-ci/template.yml (where GitLab looks for the CI/CD
# component standards-ci).
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"
dotnet run --project eng/tools/Standards.Sdk.DocsGenerator -- "$REPO_ROOT"
git status --short -- sdk/schema docs/rules/README.md templates/standards-ci
