#!/usr/bin/env bash
# Benchmark of day two (docs/performance.md, "Day two: upgrade and template update"): wall times of
# `dotnet standards upgrade` and `dotnet standards update` on a std-service generated from the older of two releases,
# against one CI-mode `dotnet build` of the same repo.
# The two releases: A packed from this working tree, B (A's version + ".1") from a copy of it with the changes the
# day-two end-to-end tests make (tests/Standards.Templates.Tests/TwoReleases.cs): STD1001's default limit lowered from
# 50 to 5 lines (in its declaration and in the catalog the package ships), SECURITY.md and docs/design/TEMPLATE.md
# changed. DAYTWO_FEED=<folder> reuses a feed that already holds both (e.g. the tests'
# "${TMPDIR:-/tmp}/standards-tests/feed-two-releases-<A>"): its lowest and highest versions are A and B.
# Per run, each on a fresh copy of the generated repo (committed, lock files included, Standards.Tool A as a local
# tool): one `CI=true dotnet build` (the unit the upgrade target is stated in), `dotnet standards upgrade --to B`,
# `update --check` and `update --to B`, whose restore (the last thing it does) is timed apart from the rest by the
# time its progress line appears. The tool runs with -v d: every command it starts is a line, timed here.
# Prints a markdown table; with --write it also replaces the section of docs/performance.md.
# Usage: eng/bench-daytwo.sh [runs=1] [--write]
source "$(dirname "$0")/common.sh"
bench_args 1 "$@"
template=std-service
heading="Day two: upgrade and template update"
bench_work_folder daytwo
# The local tool resolver cache (under DOTNET_CLI_HOME) maps a tool version to the one packages folder it was first
# installed into: a private one, so this run neither uses nor leaves behind an entry pointing into a removed work folder.
export DOTNET_CLI_HOME="$root/cli-home"

# replace_once <file> <from> <to>: the one change of release B, failing when <from> is no longer there.
replace_once() {
  python3 - "$@" <<'PY'
import sys
path, old, new = sys.argv[1:4]
text = open(path, encoding="utf-8").read()
at = text.find(old, text.find('"id": "STD1001"') if path.endswith("rules.json") else 0)
if at < 0:
    sys.exit(f"{path} no longer has {old!r}: release B of eng/bench-daytwo.sh must follow TwoReleases.cs")
open(path, "w", encoding="utf-8").write(text[:at] + new + text[at + len(old):])
PY
}

# pack_two_releases <feed> <A>: A from this tree, B = A.1 from a changed copy (the changes of TwoReleases.cs).
pack_two_releases() {
  local feed="$1" a="$2" sources="$root/sources-b" line="Only the latest release and the \`main\` branch receive security fixes."
  pack_all "$feed" "$a"
  mkdir -p "$sources"
  # Every file git knows of, as it is on disk (a deleted one is left out), committed in a fresh repo: the pack reads git.
  (cd "$REPO_ROOT" && git ls-files -z | tar --null -T - --ignore-failed-read -cf - 2>/dev/null) | tar -xf - -C "$sources"
  replace_once "$sources/src/Standards.Sdk.Checks/Rules/StandardsAnalyzerRules.cs" '"maxLines", 50,' '"maxLines", 5,'
  replace_once "$sources/sdk/catalog/rules.json" '"default": "50"' '"default": "5"'
  replace_once "$sources/templates/content/_shared/repo/SECURITY.md" "within 2 working days" "within 1 working day"
  replace_once "$sources/templates/content/_shared/repo/SECURITY.md" "$line" "$line
Security fixes are announced in CHANGELOG.md under Security."
  replace_once "$sources/templates/content/_shared/repo/docs/design/TEMPLATE.md" '`docs/design/<kebab-case-title>.md`' '`docs/design/<yyyy>-<kebab-case-title>.md`'
  git -C "$sources" init -q -b main
  git_commit "$sources" "Release B"
  (cd "$sources" && REPO_ROOT="$sources" pack_all "$feed" "$a.1")
}

git_commit() { git -C "$1" add -A && git -C "$1" -c user.name=bench -c user.email=bench@example.invalid commit -qm "$2"; }

if [ -n "${DAYTWO_FEED:-}" ]; then
  feed="$(cd "$DAYTWO_FEED" && pwd)"
else
  feed="$root/feed"
  echo "Packing release A and release B (slow: six packs) ..." >&2
  export UseSharedCompilation=true
  pack_two_releases "$feed" "$(unique_version)"
fi
mapfile -t versions < <(find "$feed" -maxdepth 1 -name 'Standards.Templates.*.nupkg' -printf '%f\n' \
  | sed 's/^Standards\.Templates\.\(.*\)\.nupkg$/\1/' | sort -V)
[ ${#versions[@]} -ge 2 ] || { echo "$feed holds ${#versions[@]} version(s) of Standards.Templates; it needs two" >&2; exit 2; }
a="${versions[0]}"
b="${versions[${#versions[@]}-1]}"
echo "A = $a, B = $b" >&2

# timed <log> <folder> <command...>: runs the command in the folder with each output line prefixed by the time it
# appeared (bash's EPOCHREALTIME, no process per line); sets elapsed (seconds) and rc. Exit codes above 1 end the
# benchmark with the log's tail (upgrade and update exit 1 when a file needs a person: that is part of the row).
timed() {
  local log="$1" dir="$2" start
  shift 2
  start=$EPOCHREALTIME
  set +e
  (cd "$dir" && "$@" 2>&1) | while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done > "$log"
  rc=${PIPESTATUS[0]}
  set -e
  finished=$EPOCHREALTIME
  elapsed=$(awk -v s="$start" -v e="$finished" 'BEGIN { printf "%.1f", e - s }')
  [ "$rc" -le 1 ] || { echo "failed (exit $rc) in $dir: $*" >&2; tail -40 "$log" >&2; exit 1; }
}

# since <log> <pattern> <end>: seconds from the first line matching the pattern to <end> (epoch seconds).
since() { awk -v p="$2" -v e="$3" 'index($0, p) { printf "%.1f", e - $1; found = 1; exit } END { if (!found) print "" }' "$1"; }

# commands <log>: the commands the tool ran (-v d "running" lines), each with the seconds to the next progress line.
commands() {
  awk -v e="$2" '
    / \[[0-9]+:[0-9][0-9]\] / && !/\]   built / { if (name != "") printf "%s %.0f s; ", name, $1 - at; name = ""
      if (match($0, /running dotnet [a-z-]+/)) { name = substr($0, RSTART + 8, RLENGTH - 8); at = $1 } }
    END { if (name != "") printf "%s %.0f s", name, e - at }' "$1" | sed 's/; $//'
}

load() { cut -d' ' -f1 /proc/loadavg; }

hive="$root/hive"
dotnet new install "$feed/Standards.Templates.$a.nupkg" --debug:custom-hive "$hive" >/dev/null
repo="$root/Acme.Orders"
dotnet new "$template" -n Acme.Orders -o "$repo" --sdk-version "$a" \
  --sdk-feed "$(realpath -m --relative-to="$repo" "$feed")" --no-restore true \
  --no-update-check --debug:custom-hive "$hive" >/dev/null
git -C "$repo" init -q -b main
(cd "$repo" && dotnet new tool-manifest >/dev/null && dotnet tool install Standards.Tool --version "$a" >/dev/null)
git_commit "$repo" "dotnet new $template"
# The lock files the first restore writes are committed, as a team does after generating (CI restores in locked
# mode, and upgrade and update refuse a dirty tree).
(cd "$repo" && dotnet restore -nologo -v:q >/dev/null)
git_commit "$repo" "lock files"
git -C "$repo" clean -qfdX

declare -a build upgrade upgrade_rc upgrade_builds upgrade_cmds check update update_restore update_files loads
for i in $(seq 1 "$runs"); do
  for step in build upgrade update; do
    rm -rf "$root/$step"
    cp -R "$repo" "$root/$step"
  done
  loads[i]="$(load)"
  timed "$root/build.log" "$root/build" env CI=true dotnet build -nologo -v:q
  [ "$rc" = 0 ] || { echo "the CI build of the generated repo on A fails" >&2; tail -40 "$root/build.log" >&2; exit 1; }
  build[i]=$elapsed
  loads[i]+=" / $(load)"
  timed "$root/upgrade-$i.log" "$root/upgrade" dotnet standards upgrade --to "$b" -v d
  upgrade[i]=$elapsed
  upgrade_rc[i]=$rc
  upgrade_builds[i]=$(grep -c 'running dotnet build' "$root/upgrade-$i.log" || true)
  upgrade_cmds[i]="$(commands "$root/upgrade-$i.log" "$finished")"
  loads[i]+=" / $(load)"
  timed "$root/check-$i.log" "$root/update" dotnet standards update --check -v d
  [ "$rc" = 1 ] || { echo "update --check exited $rc on a repo one version behind (1 expected)" >&2; tail -40 "$root/check-$i.log" >&2; exit 1; }
  check[i]=$elapsed
  loads[i]+=" / $(load)"
  timed "$root/update-$i.log" "$root/update" dotnet standards update --to "$b" -v d
  update[i]=$elapsed
  restore=$(since "$root/update-$i.log" "Restoring to regenerate the lock files" "$finished")
  update_restore[i]=${restore:-0.0}
  update_files[i]=$(git -C "$root/update" status --porcelain | wc -l)
  loads[i]+=" / $(load)"
done

# row <label> <array name>: one table row, a column per run.
row() {
  local -n values="$2"
  printf '| %s |' "$1"
  for i in $(seq 1 "$runs"); do printf ' %s |' "${values[i]}"; done
  echo
}
beyond=(); ratio=()
for i in $(seq 1 "$runs"); do
  beyond[i]=$(awk -v u="${update[i]}" -v r="${update_restore[i]}" 'BEGIN { printf "%.1f", u - r }')
  ratio[i]=$(awk -v u="${upgrade[i]}" -v b="${build[i]}" 'BEGIN { printf "%.1f", u / b }')
done
table="$(
  printf '| Step (%s, %s -> %s) |' "$template" "$a" "$b"
  for i in $(seq 1 "$runs"); do printf ' Run %s |' "$i"; done
  echo
  printf '|---|'; for i in $(seq 1 "$runs"); do printf -- '---|'; done; echo
  row "load average (1 min) before the build, then after the build / upgrade / check / update" loads
  row "one \`CI=true dotnet build\` on A (its restore finds every package in the packages folder) (s)" build
  row "\`dotnet standards upgrade --to B\` (s)" upgrade
  row "upgrade / one CI build (target: at most 3)" ratio
  row "\`dotnet build\` runs inside the upgrade" upgrade_builds
  row "upgrade's exit code (0: green on B, written; 1: the CI build on B fails, nothing written)" upgrade_rc
  row "\`dotnet standards update --check\` (s)" check
  row "\`dotnet standards update --to B\` (s)" update
  row "of which its closing \`dotnet restore --force-evaluate\` (s)" update_restore
  row "update beyond the restore (target: under 10 s)" beyond
  row "files update changed (git status)" update_files
)"
echo "$table"
echo
echo "Commands upgrade ran (run 1; seconds to the next progress line): ${upgrade_cmds[1]}"
[ "${upgrade_rc[1]}" = 0 ] || { echo "Upgrade (run 1) did not end green:"; sed -n '/## Not baselined/,/Changelog:/p' "$root/upgrade-1.log" | cut -d' ' -f2-; }

if [ "$write" = true ]; then
  doc="$REPO_ROOT/docs/performance.md"
  section="$(mktemp)"
  trap 'rm -f "$section"; [ -n "${KEEP:-}" ] || rm -rf "$root"' EXIT
  {
    echo "## $heading"
    echo
    echo "Measured with \`eng/bench-daytwo.sh $runs --write\` on $(date -u +%Y-%m-%d) ($(nproc) cores, .NET $(dotnet --version),"
    echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end). Release A is this tree packed; release B is A's version + .1"
    echo "packed from a copy with STD1001's default limit lowered from 50 to 5 lines and two template files changed (the"
    echo "changes of [TwoReleases](../tests/Standards.Templates.Tests/TwoReleases.cs)), both in a local folder feed that"
    echo "the generated nuget.config names by a relative path (as \`--sdk-feed\` writes it). The repo: \`dotnet new $template"
    echo "-n Acme.Orders --no-restore true\`, Standards.Tool A as a local tool, lock files restored and committed. Each step"
    echo "runs on a fresh copy of it, with one packages folder for the whole run (A's packages are in it before the first"
    echo "step; B's are downloaded by the first upgrade). Measured on a shared machine under the load shown (other builds"
    echo "running): the figures are upper bounds."
    echo
    echo "$table"
    echo
    echo "The upgrade ran these commands (run 1, each with the seconds to the tool's next progress line):"
    echo "${upgrade_cmds[1]}."
    if [ "${upgrade_rc[1]}" != 0 ]; then
      echo
      echo "The upgrade of run 1 did not end green (exit ${upgrade_rc[1]}): its CI-mode build on B failed on what its"
      echo "changelog lists as not baselined, so it wrote nothing and ran no tests (a green upgrade runs \`dotnet test\`"
      echo "and the coverage step after that build, which this figure does not include):"
      echo
      sed -n '/## Not baselined/,/^[0-9.]* Changelog:/p' "$root/upgrade-1.log" | cut -d' ' -f2- | grep '^- ' | sed 's/; see https:.*$//'
    fi
    echo
  } > "$section"
  replace_doc_section "$doc" "$heading" "$section"
  echo "Updated docs/performance.md"
fi
