#!/usr/bin/env bash
# Benchmark: no-op `dotnet build` of the same sample repo on
#   1. Standards.Sdk resolved through global.json msbuild-sdks (what users run),
#   2. Standards.Sdk imported by path (no NuGet SDK resolver: our targets' cost alone),
#   3. plain Microsoft.NET.Sdk,
# each RUNS times after a warm-up; prints medians and ratios as a markdown table (paste into docs/performance.md).
# Usage: eng/bench-noop.sh [runs=10] [--restore]
source "$(dirname "$0")/common.sh"
runs="${1:-10}"
restore_flag="--no-restore"
[ "${2:-}" = "--restore" ] && restore_flag=""

work="$(mktemp -d "${TMPDIR:-/tmp}/standards-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
version="$(unique_version)"
export NUGET_PACKAGES="$work/packages"
pack_all "$work/feed" "$version" >/dev/null

make_repo() { # make_repo <dir> <project-header> <project-footer>
  local dir="$1"
  mkdir -p "$dir/src/Demo.Orders"
  cp "$REPO_ROOT/eng/demo-repo/src/Demo.Orders/OrderBook.cs" "$dir/src/Demo.Orders/"
  cp "$REPO_ROOT/eng/demo-repo/standards.json" "$dir/"
  printf '%s\n' "$2" "$3" > "$dir/src/Demo.Orders/Demo.Orders.csproj"
  cat > "$dir/global.json" <<JSON
{ "sdk": { "version": "10.0.401", "rollForward": "latestFeature" }, "msbuild-sdks": { "Standards.Sdk": "$version" } }
JSON
  cat > "$dir/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources><add key="bench" value="$work/feed" /></packageSources>
  <packageSourceMapping>
    <packageSource key="bench"><package pattern="Standards.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
}

make_repo "$work/resolver" '<Project Sdk="Standards.Sdk">' '</Project>'
# Build once so the SDK package is extracted; the by-path variant imports the extracted files.
dotnet build "$work/resolver/src/Demo.Orders" -nologo -v:q >/dev/null
sdkdir="$NUGET_PACKAGES/standards.sdk/$version/Sdk"
make_repo "$work/bypath" "<Project><Import Project=\"$sdkdir/Sdk.props\" />" "<Import Project=\"$sdkdir/Sdk.targets\" /></Project>"
make_repo "$work/plain" '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>' '</Project>'

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() { # measure <dir> -> median ms
  local dir="$1" i t0 t1
  dotnet build "$dir/src/Demo.Orders" -nologo -v:q >/dev/null   # first build
  dotnet build "$dir/src/Demo.Orders" $restore_flag -nologo -v:q >/dev/null   # warm-up
  for i in $(seq "$runs"); do
    t0=$(date +%s%N)
    dotnet build "$dir/src/Demo.Orders" $restore_flag -nologo -v:q >/dev/null
    t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000000 ))
  done | median
}

resolver=$(measure "$work/resolver")
bypath=$(measure "$work/bypath")
plain=$(measure "$work/plain")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }

echo "| Variant (no-op \`dotnet build ${restore_flag:-with restore}\`, median of $runs) | ms | vs plain |"
echo "|---|---|---|"
echo "| Microsoft.NET.Sdk (plain) | $plain | 1.000 |"
echo "| Standards.Sdk imported by path (our targets only) | $bypath | $(ratio "$bypath" "$plain") |"
echo "| Standards.Sdk via global.json msbuild-sdks (resolver + targets) | $resolver | $(ratio "$resolver" "$plain") |"
