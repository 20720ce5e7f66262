#!/usr/bin/env bash
# Benchmark of a design-time build (what an IDE runs on a project load, docs/internals.md "Design-time builds"):
# the design-time targets of one project with DesignTimeBuild=true, BuildingProject=false, BuildingInsideVisualStudio, SkipCompilerExecution,
# ProvideCommandLineArgs, on repos built by eng/bench-scale.sh --keep (plain Microsoft.NET.Sdk vs Standards.Sdk by
# path), RUNS times round-robin; medians. Compile stands for CompileDesignTime, which only wraps it and lives in
# Visual Studio's targets, not in the .NET SDK.
# Usage: eng/bench-designtime.sh [work folder of bench-scale --keep, e.g. <folder>/b100] [runs=7] [project=tests/Demo.Orders.Tests/Demo.Orders.Tests.csproj]
#   Without a work folder (or with "-"), packs the SDK and builds the sample repo (eng/demo-repo, PROJECTS projects,
#   default 2) on both SDKs first.
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/bench-repo.sh"
work="${1:--}"
runs="${2:-7}"
project="${3:-tests/Demo.Orders.Tests/Demo.Orders.Tests.csproj}"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
if [ "$work" = "-" ]; then
  scratch="$(mktemp -d "${TMPDIR:-/tmp}/standards-designtime.XXXXXX")"
  trap 'rm -rf "$scratch"' EXIT
  work="$scratch/work"; projects="${PROJECTS:-2}"; versioning=""
  version="$(unique_version)"; feed="$scratch/feed"
  export NUGET_PACKAGES="$scratch/packages"
  pack_all "$feed" "$version" >/dev/null
  make_repo "$work/extract" resolver
  dotnet restore "$work/extract/Demo.Orders.sln" -nologo -v:q >/dev/null   # extracts the SDK package
  sdkdir="$NUGET_PACKAGES/standards.sdk/$version/Sdk"
  for v in plain bypath; do
    make_repo "$work/$v" "$v"
    dotnet build "$work/$v/Demo.Orders.sln" -nologo -v:q >/dev/null
  done
else
  export NUGET_PACKAGES="$(dirname "$work")/packages"
fi

design_time() { # design_time <repo>: ms of one design-time build of the project
  local t0
  t0=$(date +%s%N)
  dotnet msbuild "$1/$project" -nologo -v:q -nr:false \
    "-t:ResolveAssemblyReferencesDesignTime;ResolveProjectReferencesDesignTime;Compile" \
    -p:DesignTimeBuild=true -p:BuildingProject=false -p:BuildingInsideVisualStudio=true -p:SkipCompilerExecution=true -p:ProvideCommandLineArgs=true \
    -p:BuildProjectReferences=false >/dev/null
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
}

for v in plain bypath; do design_time "$work/$v" >/dev/null; done   # warm-up
for i in $(seq "$runs"); do
  for v in plain bypath; do design_time "$work/$v" >> "$work/$v.designtime"; done
done
plain=$(median < "$work/plain.designtime"); bypath=$(median < "$work/bypath.designtime")
echo "| Design-time build of \`$project\` (median of $runs, load average $(cut -d' ' -f1-3 /proc/loadavg)) | ms | vs plain |"
echo "|---|---|---|"
echo "| Microsoft.NET.Sdk (plain) | $plain | 1.000 |"
echo "| Standards.Sdk imported by path | $bypath | $(ratio "$bypath" "$plain") |"
echo
echo "plain runs: $(tr '\n' ' ' < "$work/plain.designtime"); by path runs: $(tr '\n' ' ' < "$work/bypath.designtime")"
