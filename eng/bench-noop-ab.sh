#!/usr/bin/env bash
# Did a change make a no-op build cheaper? Standards.Sdk of the working tree against the same SDK packed from an
# earlier revision, both imported by path into the same generated repo, and plain Microsoft.NET.Sdk beside them
# (docs/performance.md, "No-op build").
# Rounds on this machine sometimes jump 30 % for every variant at once, so each round compares its own builds: the
# medians of the per-round ratios are the result, not ratios of medians. CPU time (user + system, every node, counted
# by a cgroup: eng/bench-repo.sh timed_command).
# Then the same rounds of evaluation alone (-graph:NoBuild, eng/bench-repo.sh timed_evaluation), so the ratio splits into
# evaluation and targets.
# Usage: [KEEP=1] eng/bench-noop-ab.sh <base revision> [rounds=15] [projects=100]
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/bench-repo.sh"
base="${1:?usage: eng/bench-noop-ab.sh <base revision> [rounds] [projects]}"
runs="${2:-15}"
projects="${3:-100}"
versioning=""
# KEEP=1 keeps the work folder and the base revision's worktree (`git worktree remove` it after).
bench_work_folder noop-ab
if [ -z "${KEEP:-}" ]; then trap 'git -C "$REPO_ROOT" worktree remove --force "$root/base-tree" >/dev/null 2>&1 || true; rm -rf "$root"' EXIT; fi

git -C "$REPO_ROOT" worktree add --detach "$root/base-tree" "$base" >/dev/null 2>&1
version="$(unique_version)" feed="$root/feed"   # what make_repo's global.json and nuget.config name
newsdk="$(extract_sdk "$REPO_ROOT" new)"
basesdk="$(extract_sdk "$root/base-tree" base)"
work="$root/repos"
sdkdir="$newsdk"; make_repo "$work/new" bypath
sdkdir="$basesdk"; make_repo "$work/base" bypath
make_repo "$work/plain" plain
variants="plain base new"
for v in $variants; do
  dotnet restore "$work/$v/Demo.Orders.sln" -nologo -v:q >/dev/null
  dotnet build "$work/$v/Demo.Orders.sln" --no-restore -nologo -v:q -m >/dev/null
  dotnet build "$work/$v/Demo.Orders.sln" --no-restore -nologo -v:q -m >/dev/null   # warm-up no-op
done

timed_rounds "$runs" "$root" "$work" $variants
# The same repos evaluated only (-graph:NoBuild): the part of each no-op build that is evaluation.
timed_evaluation_rounds "$runs" "$root" "$work" $variants

# round_ratios <a> <b> [extension]: the median of the per-round ratios a / b (of .cpu, or of .evalcpu).
round_ratios() { paired_ratio "$root/$1.${3:-cpu}" "$root/$2.${3:-cpu}"; }
echo "| $projects projects, no-op CPU ms, $runs rounds | runs | median | median of per-round ratios |"
echo "|---|---|---|---|"
echo "| plain Microsoft.NET.Sdk | $(tr '\n' ' ' < "$root/plain.cpu")| $(median < "$root/plain.cpu") | 1.000 |"
echo "| Standards.Sdk at $base, by path | $(tr '\n' ' ' < "$root/base.cpu")| $(median < "$root/base.cpu") | $(round_ratios base plain) / plain |"
echo "| Standards.Sdk of the working tree, by path | $(tr '\n' ' ' < "$root/new.cpu")| $(median < "$root/new.cpu") | $(round_ratios new plain) / plain, $(round_ratios new base) / base |"
echo
echo "| $projects projects, evaluation only (-graph:NoBuild), CPU ms, $runs rounds | runs | median | median of per-round ratios |"
echo "|---|---|---|---|"
echo "| plain Microsoft.NET.Sdk | $(tr '\n' ' ' < "$root/plain.evalcpu")| $(median < "$root/plain.evalcpu") | 1.000 |"
echo "| Standards.Sdk at $base, by path | $(tr '\n' ' ' < "$root/base.evalcpu")| $(median < "$root/base.evalcpu") | $(round_ratios base plain evalcpu) / plain |"
echo "| Standards.Sdk of the working tree, by path | $(tr '\n' ' ' < "$root/new.evalcpu")| $(median < "$root/new.evalcpu") | $(round_ratios new plain evalcpu) / plain, $(round_ratios new base evalcpu) / base |"
