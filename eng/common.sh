#!/usr/bin/env bash
# Shared helpers for eng/ scripts. Sourced, not run.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# A version no earlier pack used: the NuGet SDK resolver never re-reads a version it has extracted
# (platform notes §3), so every pack gets its own.
unique_version() {
  echo "0.1.0-ci.$(date -u +%Y%m%d%H%M%S).$$"
}

# pack_all <output-folder> <version>: packs Standards.Sdk, the dotnet standards tool (Standards.Tool) and
# Standards.Templates, all with the same version. Each pack builds its projects first (the SDK builds the checks,
# the tasks for two runtimes and the analyzers), which takes minutes on a cold clone: it says which one it is on
# (on stderr, so that callers reading stdout get only what they read before).
pack_all() {
  local out="$1" version="$2"
  mkdir -p "$out"
  pack_one "$out" "$version" "$REPO_ROOT/sdk/Standards.Sdk.csproj" "Standards.Sdk (checks, tasks for net10.0 and net472, analyzers)"
  pack_one "$out" "$version" "$REPO_ROOT/tool/Standards.Tool/Standards.Tool.csproj" "Standards.Tool (the dotnet standards tool)"
  if [ -f "$REPO_ROOT/templates/Standards.Templates.csproj" ]; then
    pack_one "$out" "$version" "$REPO_ROOT/templates/Standards.Templates.csproj" "Standards.Templates"
  fi
}

# pack_one <output-folder> <version> <project> <what>: one dotnet pack, announced and timed on stderr. It gives the
# version as users do, -p:Version: the suite's own pack is the end-to-end check that this property gives packages
# and templates that agree (tests/Standards.Templates.Tests/PackVersionTests.cs reads that pack).
pack_one() {
  local out="$1" version="$2" project="$3" what="$4" start=$SECONDS
  echo "    packing $what ..." >&2
  dotnet pack "$project" -c Release -o "$out" -p:Version="$version" -nologo -v:q
  echo "    packed $what in $((SECONDS - start)) s" >&2
}

# write_consumer_config <repo> <version> <feed>: global.json pinning Standards.Sdk <version> and a nuget.config that
# takes Standards.* from <feed> only (a consuming repo for the benchmarks).
write_consumer_config() {
  local dir="$1" version="$2" feed="$3"
  cat > "$dir/global.json" <<JSON
{ "sdk": { "version": "10.0.401", "rollForward": "latestFeature" }, "msbuild-sdks": { "Standards.Sdk": "$version" } }
JSON
  cat > "$dir/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources><add key="bench" value="$feed" /></packageSources>
  <packageSourceMapping>
    <packageSource key="bench"><package pattern="Standards.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
}

# feed_or_pack <folder>: sets feed and version for a benchmark: the feed pack_all filled (STANDARDS_TEST_FEED and
# STANDARDS_TEST_VERSION, both set), else this tree packed into <folder> with a unique version.
feed_or_pack() {
  if [ -n "${STANDARDS_TEST_FEED:-}" ] && [ -n "${STANDARDS_TEST_VERSION:-}" ]; then
    feed="$(cd "$STANDARDS_TEST_FEED" && pwd)" version="$STANDARDS_TEST_VERSION"
  else
    feed="$1" version="$(unique_version)"
    pack_all "$feed" "$version" >/dev/null
  fi
}

# bench_args <default runs> <argument>...: the benchmarks' arguments, `[runs] [--write]` in any order: sets runs and
# write (true with --write: the script replaces its section of docs/performance.md).
bench_args() {
  runs="$1"
  shift
  write=false
  local arg
  for arg in "$@"; do
    case "$arg" in
      --write) write=true ;;
      *) runs="$arg" ;;
    esac
  done
}

# bench_work_folder <name>: a fresh work folder in $root, removed at exit unless KEEP=1 (then its path is printed
# to look at after); every build in it restores into its own packages folder, and no MSBuild node or server
# outlives it.
bench_work_folder() {
  root="$(mktemp -d "${TMPDIR:-/tmp}/standards-$1.XXXXXX")"
  if [ -n "${KEEP:-}" ]; then echo "work folder: $root" >&2; else trap 'rm -rf "$root"' EXIT; fi
  export NUGET_PACKAGES="$root/packages" MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
}

# replace_doc_section <doc> <heading> <file>: replaces the "## <heading>" section of <doc> (up to the next "## "
# heading) with the contents of <file>, or appends it; creates <doc> with a "# Performance" title when missing.
replace_doc_section() {
  local doc="$1" heading="$2" section="$3"
  [ -f "$doc" ] || printf '# Performance\n' > "$doc"
  awk -v file="$section" -v heading="## $heading" '
    BEGIN { while ((getline line < file) > 0) body = body line "\n" }
    $0 == heading { printf "%s", body; skip = 1; done = 1; next }
    skip && /^## / { skip = 0 }
    !skip { print }
    END { if (!done) printf "\n%s", body }
  ' "$doc" > "$doc.tmp" && mv "$doc.tmp" "$doc"
}
