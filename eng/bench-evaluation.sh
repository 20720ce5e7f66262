#!/usr/bin/env bash
# What evaluation costs per project, measured so a small change is seen (docs/performance.md, "No-op build").
# Whole-build CPU time on this 2-core machine moves by ±10 % between identical runs, and evaluation is a third of a
# no-op build, so a change to our .props/.targets that saves 1 % of evaluation drowns. eng/bench/EvaluationBench
# evaluates every project of a generated repo in one process, as a build's node does, and reports the time and the
# bytes evaluation allocates: the latter repeat to a few parts in ten thousand, however busy the machine is.
# Variants: plain Microsoft.NET.Sdk and Standards.Sdk of the working tree imported by path, and with a base revision
# the same SDK packed from that revision (before/after a change). Nothing is built: evaluation needs the restore only.
# Usage: [KEEP=1] eng/bench-evaluation.sh [rounds=8] [projects=100] [base revision]
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/bench-repo.sh"
rounds="${1:-8}"
projects="${2:-100}"
base="${3:-}"
versioning=""
root="$(mktemp -d "${TMPDIR:-/tmp}/standards-evaluation.XXXXXX")"
# KEEP=1 keeps the work folder (and the base revision's worktree: `git worktree remove` it after).
if [ -n "${KEEP:-}" ]; then echo "work folder: $root" >&2; else trap 'git -C "$REPO_ROOT" worktree remove --force "$root/base-tree" >/dev/null 2>&1 || true; rm -rf "$root"' EXIT; fi
export NUGET_PACKAGES="$root/packages" MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0

bench="$REPO_ROOT/eng/bench/EvaluationBench/EvaluationBench.csproj"
dotnet build "$bench" -c Release -nologo -v:q >/dev/null

version="$(unique_version)" feed="$root/feed"   # what make_repo's global.json and nuget.config name
work="$root/repos"
sdkdir="$(extract_sdk "$REPO_ROOT" new)"; make_repo "$work/bypath" bypath
make_repo "$work/plain" plain
variants="plain bypath"
if [ -n "$base" ]; then
  git -C "$REPO_ROOT" worktree add --detach "$root/base-tree" "$base" >/dev/null 2>&1
  sdkdir="$(extract_sdk "$root/base-tree" base)"; make_repo "$work/base" bypath
  variants="plain base bypath"
fi
arguments=()
for v in $variants; do
  dotnet restore "$work/$v/Demo.Orders.sln" -nologo -v:q >/dev/null
  arguments+=("$v=$work/$v")
done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
dotnet run --project "$bench" -c Release --no-build -- "$rounds" "${arguments[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
