#!/usr/bin/env bash
# The net10.0 task assemblies compiled ahead of time (docs/performance.md, "Task assemblies compiled ahead of time"):
# a generated std-lib (`dotnet new std-lib`, the packed templates) built with the packed SDK in two variants side by
# side, each with its own packages folder:
#   il         the package with tasks/net10.0-linux-x64/ deleted, so the task registry loads tasks/net10.0/ (IL: every
#              MSBuild node JIT-compiles the tasks it runs), as on any host but Linux x64;
#   readytorun the package as packed on Linux x64: the registry loads tasks/net10.0-linux-x64/ (ReadyToRun).
# Each round, in each mode (local `dotnet build`, then `CI=true dotnet build`, after a warm-up build per mode): a
# one-line edit of the library's source file and a build of each variant, then a no-op build of each, all with
# --no-restore. CPU time of every process (a cgroup, eng/bench-repo.sh timed_command), the compiler in the build's
# own processes (UseSharedCompilation=false), MSBuild without node reuse (as on a CI agent: every build starts its
# nodes, which then load and JIT-compile the tasks again).
# The SDK: STANDARDS_TEST_FEED and STANDARDS_TEST_VERSION (a feed eng/common.sh pack_all filled) when set, else packed.
# Linux x64 only (the only host whose package has the folder).
# Usage: [KEEP=1] eng/bench-readytorun.sh [rounds=8]
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/bench-repo.sh"
rounds="${1:-8}"
[ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] || { echo "bench-readytorun: Linux x64 only" >&2; exit 2; }
bench_work_folder readytorun
export DOTNET_CLI_HOME="$root/cli-home"
unset UseSharedCompilation CI

feed_or_pack "$root/feed"
hive="$root/hive"
work="$root/repos"
dotnet new install "$feed/Standards.Templates.$version.nupkg" --debug:custom-hive "$hive" >/dev/null
mkdir -p "$work"
dotnet new std-lib -n Acme.Text -o "$work/readytorun" --sdk-version "$version" \
  --sdk-feed "$(realpath -m --relative-to="$work/readytorun" "$feed")" --no-update-check \
  --debug:custom-hive "$hive" >/dev/null
git -C "$work/readytorun" init -q -b main
(cd "$work/readytorun" && NUGET_PACKAGES="$root/packages-readytorun" dotnet restore -nologo -v:q >/dev/null)
git -C "$work/readytorun" add -A
git -C "$work/readytorun" -c user.name=bench -c user.email=bench@example.invalid commit -qm "dotnet new std-lib"
[ -f "$root/packages-readytorun/standards.sdk/$version/tasks/net10.0-linux-x64/Standards.Sdk.Tasks.dll" ] \
  || { echo "bench-readytorun: the package has no tasks/net10.0-linux-x64/ (packed on another host?)" >&2; exit 1; }
cp -R "$work/readytorun" "$work/il"
# The il variant's packages folder: the same packages (hard links), the SDK's ReadyToRun folder removed.
cp -al "$root/packages-readytorun" "$root/packages-il"
rm -rf "$root/packages-il/standards.sdk/$version/tasks/net10.0-linux-x64"

# build_in <mode> <variant> <command...>: in the variant's repo with its packages folder, CI=true in the ci mode.
build_in() {
  local mode="$1" v="$2"
  shift 2
  (cd "$work/$v" && export NUGET_PACKAGES="$root/packages-$v" && if [ "$mode" = ci ]; then export CI=true; fi && "$@")
}
results="$root/results"
mkdir -p "$results"
# one_round <results> <repos> <variant>: an edit and a build, then a no-op build ($mode).
one_round() {
  echo "// edit $RANDOM$RANDOM" >> "$work/$3/src/Acme.Text/Slug.cs"
  build_in "$mode" "$3" timed_command "$1/$mode-edit-$3.wall" "$1/$mode-edit-$3.cpu" dotnet build --no-restore -p:UseSharedCompilation=false -nologo -v:q
  build_in "$mode" "$3" timed_command "$1/$mode-noop-$3.wall" "$1/$mode-noop-$3.cpu" dotnet build --no-restore -p:UseSharedCompilation=false -nologo -v:q
}
for mode in local ci; do
  for v in il readytorun; do build_in "$mode" "$v" dotnet build --no-restore -p:UseSharedCompilation=false -nologo -v:q >/dev/null || { echo "the $v build failed" >&2; exit 1; }; done
  round_robin "$rounds" "$results" "$work" one_round il readytorun
done
# The tasks ran from the folder each variant names (a detailed log names each task's assembly).
for v in il readytorun; do
  echo "// edit $RANDOM$RANDOM" >> "$work/$v/src/Acme.Text/Slug.cs"
  build_in local "$v" dotnet build --no-restore -p:UseSharedCompilation=false -nologo -v:d > "$results/check-$v.log"
done
grep -q "tasks/net10.0-linux-x64/Standards.Sdk.Tasks.dll" "$results/check-readytorun.log" || { echo "bench-readytorun: readytorun did not load tasks/net10.0-linux-x64/" >&2; exit 1; }
! grep -q "tasks/net10.0-linux-x64/" "$results/check-il.log" && grep -q "tasks/net10.0/Standards.Sdk.Tasks.dll" "$results/check-il.log" \
  || { echo "bench-readytorun: il did not load tasks/net10.0/" >&2; exit 1; }

echo "| generated std-lib, CPU ms of every process (median of $rounds; range) | il | readytorun | readytorun / il (median of per-round ratios) |"
echo "|---|---|---|---|"
for mode in local ci; do
  for kind in edit noop; do
    i="$results/$mode-$kind-il.cpu" r="$results/$mode-$kind-readytorun.cpu"
    echo "| $([ "$mode" = ci ] && echo "\`CI=true dotnet build\`" || echo "\`dotnet build\`"), $([ "$kind" = edit ] && echo "one-file edit" || echo "no-op") | $(median < "$i") ($(spread "$i")) | $(median < "$r") ($(spread "$r")) | **$(paired_ratio "$r" "$i")** |"
  done
done
