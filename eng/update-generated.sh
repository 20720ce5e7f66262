#!/usr/bin/env bash
# Regenerates the files produced from one source with the eng/ tool Standards.Sdk.DocsGenerator, and leaves them for
# you to review and commit: from the section readers' declarations of the standards.json keys, docs/settings.md (the
# settings reference) and the feature sections of the schema; from the rule catalog, sdk/schema/standards.schema.json, docs/rules/README.md and sdk/catalog/rules.json (the catalog the package ships), and the
# first version of docs/rules/STDnnnn.md for a new rule (an existing page is never rewritten), and the page of each
# analyzer rule the policy configures that is not ours (docs/rules/CAnnnn.md, RS0030.md, ...: rewritten every run); from the list of
# rules the analysis level turns on and the nullable ids, docs/rules/recommended-analyzer-rules.md and the id list on STD0101's page; from the analyzer rule
# declarations, src/Standards.Sdk.Analyzers/AnalyzerReleases.Unshipped.md; from ci-templates/gitlab/standards-ci.yml,
# its copy templates/standards-ci/template.yml (where GitLab looks for the CI/CD component standards-ci); from the
# layers in templates/template-config/, the template.json and dotnetcli.host.json of each repo template
# (templates/content/_shared/README.md); from our own standards.json, the analyzer configs our own projects are built
# with (eng/own-policy/*, the exceptions block of .editorconfig; docs/contributing.md#our-own-policy); from the SDK's
# own files, the two lines that open each sdk/features/ file: the properties it reads that other files set, and those it
# sets that other files read.
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"
dotnet run --project eng/tools/Standards.Sdk.DocsGenerator -- "$REPO_ROOT"
git status --short -- sdk/schema sdk/catalog docs/rules docs/settings.md templates/standards-ci src/Standards.Sdk.Analyzers/AnalyzerReleases.Unshipped.md \
  'templates/content/*/.template.config/template.json' 'templates/content/*/.template.config/dotnetcli.host.json' eng/own-policy .editorconfig sdk/features
