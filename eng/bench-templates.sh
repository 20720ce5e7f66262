#!/usr/bin/env bash
# Benchmark of the template pack:
#   1. instantiation time per template: `dotnet new <template>` into an empty folder (item templates into a
#      generated repo that already has ADR 0001), median of RUNS runs, from a fresh private hive; target < 2 s;
#   2. generate-to-green per repo template: dotnet new -> dotnet restore --locked-mode -> dotnet build -c Release
#      -> dotnet test -c Release, all with CI=true, as the generated CI pipelines run them; median of GREEN_RUNS
#      runs, with the packages already in the (isolated) global packages folder after one warm-up run.
# Prints a markdown section; with --write it replaces the section "## Template instantiation and
# generate-to-green" of docs/performance.md (creating the file if needed) and leaves the other sections alone.
# Usage: eng/bench-templates.sh [runs=7] [green-runs=1] [--write]
source "$(dirname "$0")/common.sh"
runs="${1:-7}"
green_runs="${2:-1}"
write=false
for arg in "$@"; do [ "$arg" = "--write" ] && write=true; done

work="$(mktemp -d "${TMPDIR:-/tmp}/standards-bench-templates.XXXXXX")"
trap 'dotnet build-server shutdown --vbcscompiler >/dev/null 2>&1; rm -rf "$work"' EXIT
version="$(unique_version)"
hive="$work/hive"
export NUGET_PACKAGES="$work/packages" CI=true
export DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1
# The compiler server, as on a developer machine and in the SDK's default, even where the environment turns it off
# (UseSharedCompilation=false): without it every build below starts csc cold. Stopped at exit.
export UseSharedCompilation=true

pack_all "$work/feed" "$version" > /dev/null
t0=$(date +%s%N)
dotnet new install "$work/feed/Standards.Templates.$version.nupkg" --debug:custom-hive "$hive" > /dev/null
install_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
dotnet new list std- --debug:custom-hive "$hive" > /dev/null # exits 103 when the templates are missing

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { awk -v ms="$1" 'BEGIN {printf "%.2f", ms / 1000}'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

new() { # new <folder> <template> [options...]
  local folder="$1" template="$2"
  shift 2
  (cd "$folder" && dotnet new "$template" "$@" --no-update-check --debug:custom-hive "$hive" > /dev/null)
}

repo_options() { # the options each repo template is generated with
  case "$1" in
    std-service) echo "--ci github" ;;
    std-worker) echo "--ci azure" ;;
    std-lib) echo "--ci none" ;;
  esac
}

item_options() {
  case "$1" in
    std-adr) echo "--title Use-PostgreSQL --number 2" ;;
    std-runbook) echo "-n High-error-rate" ;;
    std-design-doc) echo "-n Bulk-import" ;;
  esac
}

# A generated repo that the item templates are instantiated into (it already has docs/adr/0001-...).
new "$work" std-lib -n Acme.Docs -o "$work/items-base" --sdk-feed ../feed --ci none

# Each row: the template, then ":no-restore" for std-service and std-worker without their restore post-action (the
# template engine's own time; by default `dotnet new` also restores the new repo, which writes its lock files).
instantiate_rows=""
for row in std-service std-service:no-restore std-worker std-worker:no-restore std-lib std-adr std-runbook std-design-doc; do
  template="${row%%:*}"
  extra=""; label="\`$template\`"
  if [ "$row" != "$template" ]; then extra="--no-restore"; label="\`$template --no-restore\`"; fi
  times=""
  for i in $(seq "$runs"); do
    out="$work/inst/${row/:/-}-$i"
    mkdir -p "$out"
    if [ -n "$(repo_options "$template")" ]; then
      # shellcheck disable=SC2046,SC2086
      start=$(now_ms); new "$out" "$template" -n Acme.Orders --sdk-feed "$(realpath -m --relative-to="$out/Acme.Orders" "$work/feed")" $(repo_options "$template") $extra; end=$(now_ms)
    else
      cp -R "$work/items-base/." "$out/"
      # shellcheck disable=SC2046
      start=$(now_ms); new "$out" "$template" $(item_options "$template"); end=$(now_ms)
    fi
    times+="$((end - start))"$'\n'
  done
  med=$(printf '%s' "$times" | median)
  verdict="yes"; [ "$(awk -v m="$med" 'BEGIN {print (m < 2000)}')" = 1 ] || verdict="**no**"
  instantiate_rows+="| $label | $(seconds "$med") | $(seconds "$(printf '%s' "$times" | sort -n | head -1)") | $(seconds "$(printf '%s' "$times" | sort -n | tail -1)") | $verdict |"$'\n'
  echo "instantiate $row: median $(seconds "$med") s" >&2
done

green() { # green <template> <folder>: prints "generate restore build test" in ms
  local template="$1" folder="$2" a b r c d e
  mkdir -p "$folder"
  a=$(now_ms)
  # shellcheck disable=SC2046
  new "$folder" "$template" -n Acme.Orders -o "$folder/Acme.Orders" --sdk-feed "$(realpath -m --relative-to="$folder/Acme.Orders" "$work/feed")" $(repo_options "$template")
  b=$(now_ms)
  # A repo is a git clone where its CI runs (the version comes from git height, STD6004 without it): commit the
  # new repo as the template tests do; not measured.
  (cd "$folder/Acme.Orders" && git init -q -b main && git add -A &&
    git -c user.name=Bench -c user.email=bench@example.invalid commit -q -m "dotnet new $template")
  r=$(now_ms)
  (cd "$folder/Acme.Orders" && dotnet restore --locked-mode -nologo -v:q > "$folder/restore.log" 2>&1) || { cat "$folder/restore.log" >&2; exit 1; }
  c=$(now_ms)
  (cd "$folder/Acme.Orders" && dotnet build -c Release --no-restore -nologo -v:q > "$folder/build.log" 2>&1) || { cat "$folder/build.log" >&2; exit 1; }
  d=$(now_ms)
  (cd "$folder/Acme.Orders" && dotnet test -c Release --no-build -v:q > "$folder/test.log" 2>&1) || { cat "$folder/test.log" >&2; exit 1; }
  e=$(now_ms)
  echo "$((b - a)) $((c - r)) $((d - c)) $((e - d))"
}

green_rows=""
for template in std-service std-worker std-lib; do
  green "$template" "$work/warm/$template" > /dev/null # fills the packages folder; not measured
  results=""
  for i in $(seq "$green_runs"); do
    results+="$(green "$template" "$work/green/$template-$i")"$'\n'
  done
  col() { printf '%s' "$results" | awk -v c="$1" '{print $c}' | median; }
  total=$(printf '%s' "$results" | awk '{print $1 + $2 + $3 + $4}' | median)
  green_rows+="| \`$template\` ($(repo_options "$template")) | $(seconds "$(col 1)") | $(seconds "$(col 2)") | $(seconds "$(col 3)") | $(seconds "$(col 4)") | **$(seconds "$total")** |"$'\n'
  echo "generate-to-green $template: $(seconds "$total") s" >&2
done

cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo "?")
section="## Template instantiation and generate-to-green

Measured with \`eng/bench-templates.sh $runs $green_runs --write\` on $(date -u +%Y-%m-%d) ($cores cores, .NET $(dotnet --version)).
Fresh private hive (\`--debug:custom-hive\`), isolated \`NUGET_PACKAGES\`, \`CI=true\`, MSBuild server and node reuse off.
Installing the pack into the empty hive took $(seconds "$install_ms") s.

Instantiation: \`dotnet new <template>\`, median of $runs runs. Repo templates: \`-n Acme.Orders\` into an empty
folder; std-service and std-worker include their restore post-action (a restore the user would otherwise run before
the first build), and the \`--no-restore\` rows show the template engine alone; item templates: into a generated
std-lib repo (std-adr with \`--number 2\`). Target: under 2 s, set before std-service and std-worker restored in
\`dotnet new\`: the engine alone meets it, and what the two repo templates take over it is that restore.

| Template | median s | min s | max s | under 2 s |
|---|---|---|---|---|
${instantiate_rows}
Generate-to-green: \`dotnet new\` → \`dotnet restore --locked-mode\` → \`dotnet build -c Release --no-restore\` →
\`dotnet test -c Release --no-build\`, the steps the generated CI pipelines run; median of $green_runs run(s) after
one warm-up run that fills the packages folder (so no package is extracted during the measured runs); the
Roslyn compiler server stays up between runs, as on a developer machine (a cold first build takes longer).

| Template | generate s | restore s | build s | test s | total s |
|---|---|---|---|---|---|
${green_rows}"

printf '%s\n' "$section"

if $write; then
  doc="$REPO_ROOT/docs/performance.md"
  [ -f "$doc" ] || printf '# Performance\n' > "$doc"
  printf '%s\n' "$section" > "$work/section.md"
  # Replace the section (from its heading to the next "## " heading) or append it.
  awk -v heading="## Template instantiation and generate-to-green" -v file="$work/section.md" '
    function emit() { while ((getline line < file) > 0) print line; close(file); done = 1 }
    $0 == heading { emit(); skipping = 1; next }
    skipping && /^## / { skipping = 0 }
    !skipping { print }
    END { if (!done) { print ""; emit() } }
  ' "$doc" > "$work/performance.md"
  cp "$work/performance.md" "$doc"
  echo "Wrote the section to docs/performance.md" >&2
fi
