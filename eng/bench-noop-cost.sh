#!/usr/bin/env bash
# Where a no-op build's extra cost goes (docs/performance.md, "No-op build").
# Wall-clock ratios of eng/bench-scale.sh spread by ±10 % on a 2-core machine; this script measures what scheduling
# noise touches less:
#   1. CPU time (user + system, every MSBuild node included) of a no-op `dotnet build --no-restore -m`, plain
#      Microsoft.NET.Sdk vs Standards.Sdk imported by path, RUNS round-robin, medians (and wall time beside it), with
#      two variants that split the extra cost: "policy", plain with the packages and settings the policy adds (what the
#      same policy costs without the SDK, eng/bench-repo.sh write_policy_packages), and "nochecks", Standards.Sdk with
#      StandardsSkipChecks=true (its evaluation and the targets that are not checks); bypath - nochecks is the checks;
#   2. one no-op build of each with `-clp:PerformanceSummary`: the time of every Standards.Sdk target and task,
#      summed over all projects, against the whole build's target time;
#   3. one `-profileevaluation` of each: evaluation ms per project, and the Standards.Sdk files that cost most.
# Usage: [KEEP=1] eng/bench-noop-cost.sh [runs=7] [projects=100]
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/bench-repo.sh"
runs="${1:-7}"
projects="${2:-100}"
versioning=""
# KEEP=1 keeps the work folder (the repos, both performance summaries and evaluation profiles) for a closer look.
bench_work_folder noop-cost
version="$(unique_version)"
feed="$root/feed"
pack_all "$feed" "$version" >/dev/null
work="$root/extract"
saved_projects="$projects"; projects=2
make_repo "$work/resolver" resolver
dotnet restore "$work/resolver/Demo.Orders.sln" -nologo -v:q >/dev/null   # extracts the SDK package
projects="$saved_projects"
sdkdir="$NUGET_PACKAGES/standards.sdk/$version/Sdk"
work="$root/repos"
variants="plain policy nochecks bypath"
for v in $variants; do
  make_repo "$work/$v" "$v"
  dotnet restore "$work/$v/Demo.Orders.sln" -nologo -v:q >/dev/null
  dotnet build "$work/$v/Demo.Orders.sln" --no-restore -nologo -v:q -m -p:UseSharedCompilation=true >/dev/null
  dotnet build "$work/$v/Demo.Orders.sln" --no-restore -nologo -v:q -m >/dev/null   # warm-up no-op
done
# MSBuild nodes only: each variant starts from fresh nodes. Not the compiler server, which other builds on the
# machine may be using (the measured no-op builds compile nothing).
dotnet build-server shutdown --msbuild >/dev/null 2>&1 || true

timed_rounds "$runs" "$root" "$work" $variants

for v in plain bypath; do
  dotnet build "$work/$v/Demo.Orders.sln" --no-restore -nologo -v:n -m -clp:PerformanceSummary -tl:off > "$root/$v.perf"
  dotnet build "$work/$v/Demo.Orders.sln" --no-restore -nologo -v:q -m -profileevaluation:"$root/$v.eval.md" >/dev/null
done

# first_lines <n>: the first n lines of the input, reading all of it. Not head: head stops reading early, sort above it
# then dies of SIGPIPE once its output passes the pipe's buffer, and pipefail ends this script there (it did, after
# the evaluation entries, so the design-time part never ran).
first_lines() { awk -v n="$1" 'NR <= n'; }
# sum_section <file> <header>: total ms of the rows of one performance-summary section.
sum_section() {
  awk -v h="$2" '$0 ~ h { on = 1; next } on && /^ *$/ { exit } on && $2 == "ms" { t += $1 } END { printf "%d", t }' "$1"
}
ours_section() { # ours_section <file> <header>: the rows of our targets or tasks (Standards*/_Standards*/WriteInputsCache...).
  awk -v h="$2" '$0 ~ h { on = 1; next } on && /^ *$/ { exit } on && $2 == "ms" && $3 ~ /Standards|InputsCache|RepositoryChecks|RepositoryFingerprint|ProjectKind|LockedSettings/ { print }' "$1"
}
eval_total() { awk -F'|' '$3 == "Total evaluation" { total += $7 } END { print total + 0 }' "$1"; }

# The split of the extra CPU time, each variant's median against plain's: the policy's own packages and settings,
# then the SDK's evaluation and non-check targets (nochecks - policy), then the checks (bypath - nochecks).
split_row() { # split_row <label> <variant>
  local c; c=$(median < "$root/$2.cpu")
  echo "| $1 (runs: $(tr '\n' ' ' < "$root/$2.cpu")) | $c | $(ratio "$c" "$(median < "$root/plain.cpu")") |"
}
echo "| $projects projects, no-op CPU ms, median of $runs | CPU ms | / plain |"
echo "|---|---|---|"
split_row "plain Microsoft.NET.Sdk" plain
split_row "plain + the policy's packages and settings (policy)" policy
split_row "Standards.Sdk by path, every check off (nochecks)" nochecks
split_row "Standards.Sdk by path (bypath)" bypath
echo
echo "| $projects projects, no-op, median of $runs | plain | by path | by path / plain |"
echo "|---|---|---|---|"
pw=$(median < "$root/plain.wall"); bw=$(median < "$root/bypath.wall")
pc=$(median < "$root/plain.cpu"); bc=$(median < "$root/bypath.cpu")
echo "| wall ms (runs: $(tr '\n' ' ' < "$root/plain.wall")/ $(tr '\n' ' ' < "$root/bypath.wall")) | $pw | $bw | $(ratio "$bw" "$pw") |"
echo "| CPU ms, user + system (runs: $(tr '\n' ' ' < "$root/plain.cpu")/ $(tr '\n' ' ' < "$root/bypath.cpu")) | $pc | $bc | $(ratio "$bc" "$pc") |"
pe=$(eval_total "$root/plain.eval.md"); be=$(eval_total "$root/bypath.eval.md")
echo "| evaluation ms per project (one profiled build) | $(awk -v t="$pe" -v n="$projects" 'BEGIN{printf "%.1f", t/n}') | $(awk -v t="$be" -v n="$projects" 'BEGIN{printf "%.1f", t/n}') | $(ratio "$be" "$pe") |"
echo "| target time, all projects (one build) | $(sum_section "$root/plain.perf" "Target Performance Summary") | $(sum_section "$root/bypath.perf" "Target Performance Summary") | $(ratio "$(sum_section "$root/bypath.perf" "Target Performance Summary")" "$(sum_section "$root/plain.perf" "Target Performance Summary")") |"
echo
echo "Standards.Sdk targets, summed over all projects (ms, calls):"
echo '```'
ours_section "$root/bypath.perf" "Target Performance Summary" | sort -rn | first_lines 15
echo '```'
echo "Standards.Sdk tasks:"
echo '```'
ours_section "$root/bypath.perf" "Task Performance Summary" | sort -rn | first_lines 10
echo '```'
echo "Costliest evaluation entries in Standards.Sdk files (by path variant):"
echo '```'
# -profileevaluation columns: Id|ParentId|Pass|File|Line #|Expression|Inc (ms)|Inc (%)|Exc (ms)|...: exclusive ms, pass,
# file:line and expression, summed over every project's evaluation of the same element.
awk -F'|' 'tolower($4) ~ /standards/ && $5 != "" { key = $3 "|" $4 ":" $5 "|" substr($6, 1, 100); t[key] += $9 }
  END { for (k in t) printf "%d ms|%s\n", t[k], k }' "$root/bypath.eval.md" | sort -t' ' -k1 -rn | first_lines 12
echo '```'

# 4. A design-time build (what an IDE runs on a project load, as eng/bench-designtime.sh runs it): which of our
#    targets and tasks run in it at all, and what they cost.
for v in plain bypath; do
  dotnet msbuild "$work/$v/tests/Demo.Orders.Tests/Demo.Orders.Tests.csproj" -nologo -v:n -nr:false -tl:off -clp:PerformanceSummary \
    "-t:ResolveAssemblyReferencesDesignTime;ResolveProjectReferencesDesignTime;Compile" \
    -p:DesignTimeBuild=true -p:BuildingProject=false -p:BuildingInsideVisualStudio=true -p:SkipCompilerExecution=true \
    -p:ProvideCommandLineArgs=true -p:BuildProjectReferences=false > "$root/$v.dt.perf"
done
echo "Design-time build of one test project: target time plain $(sum_section "$root/plain.dt.perf" "Target Performance Summary") ms, by path $(sum_section "$root/bypath.dt.perf" "Target Performance Summary") ms; our targets and tasks in it:"
echo '```'
ours_section "$root/bypath.dt.perf" "Target Performance Summary" | sort -rn | first_lines 10
ours_section "$root/bypath.dt.perf" "Task Performance Summary" | sort -rn | first_lines 10
echo '```'
