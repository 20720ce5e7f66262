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
# Standards.Templates, all with the same version.
pack_all() {
  local out="$1" version="$2"
  mkdir -p "$out"
  pack_one "$REPO_ROOT/sdk/Standards.Sdk.csproj" Standards.Sdk "$out" "$version"
  pack_one "$REPO_ROOT/tool/Standards.Tool/Standards.Tool.csproj" Standards.Tool "$out" "$version"
  if [ -f "$REPO_ROOT/templates/Standards.Templates.csproj" ]; then
    pack_one "$REPO_ROOT/templates/Standards.Templates.csproj" Standards.Templates "$out" "$version"
  fi
}

# pack_one <project> <package id> <output-folder> <version>: one pack, saying what it packs and how long it took
# (each takes a minute or more on a small machine, and -v:q prints nothing meanwhile).
pack_one() {
  local project="$1" id="$2" out="$3" version="$4" start=$SECONDS
  printf '  packing %s %s (dotnet pack %s)...\n' "$id" "$version" "${project#"$REPO_ROOT"/}"
  dotnet pack "$project" -c Release -o "$out" -p:StandardsVersion="$version" -nologo -v:q
  printf '  packed %s.%s.nupkg in %ss\n' "$id" "$version" "$((SECONDS - start))"
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
