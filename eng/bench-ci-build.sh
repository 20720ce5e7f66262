#!/usr/bin/env bash
# The full CI build of a generated repo (docs/performance.md, "CI build of a generated std-service"):
# `CI=true dotnet build -c Release` from clean (bin/, obj/ and artifacts/ deleted; the packages folder warm, so no
# download is timed), restore included, of a repo from `dotnet new <template>` (the packed templates), in three
# variants side by side, as the edit-and-build benchmark defines them (eng/bench-inner-loop.sh):
#   plain      the generated repo on Microsoft.NET.Sdk: each project's SDK is Microsoft.NET.Sdk (Microsoft.NET.Sdk.Web
#              for a service project, .Worker for a worker), Nullable on as Standards.Sdk sets it, the documentation
#              file (CS1591 off: a team without the policy has no rule that asks for docs), no lock files (they
#              pin the policy's packages), no solution entry (Directory.Solution.targets imports Standards.Sdk);
#   policy     plain with the same policy by hand: the pinned NetAnalyzers (with the target that drops the SDK's in-box
#              ones, eng/bench-repo.sh policy_pin_target; the attribution logs are checked to show the pinned version in
#              policy and standards, check_pinned_analyzers) and BannedApiAnalyzers, Standards.Sdk's
#              analyzers, the documentation file, AnalysisLevel, code style in the build, ContinuousIntegrationBuild,
#              and per project the analyzer config and CodeMetricsConfig.txt Standards.Sdk generated for it (copied
#              from the standards variant's build), the banned-API list in every project but the tests, and the
#              compiler's error log (eng/bench-repo.sh policy_error_log: the profile's info findings are only in it);
#   standards  the generated repo as it is (its lock files; restore in locked mode, as its CI runs it).
# Each round deletes every variant's build output and builds each variant once, round-robin. Measured by CPU time of
# every process (a cgroup: eng/bench-repo.sh timed_command), the compiler in the build's own processes
# (UseSharedCompilation=false: a shared compiler server's CPU would be in no build's cgroup). Then one attribution
# build per variant from clean (-p:ReportAnalyzer=true, a detailed file log with MSBuild's performance summary).
# The SDK: STANDARDS_TEST_FEED and STANDARDS_TEST_VERSION (a feed eng/common.sh pack_all filled) when set, else packed.
# With the mode edit (third argument), the edit-and-build loop instead: each round appends a comment line to the first
# source file of the library under src/ (its API unchanged) and builds each variant with --no-restore, first local
# (`dotnet build`, Debug), then in CI mode (`CI=true dotnet build`), after a warm-up build in each mode.
# NOREPORTS=1 adds a fourth variant, noreports: the standards repo with StandardsReports=false (Directory.Build.props),
# which tells in CI mode what the compliance record costs (the compiler's SARIF error log and the record it feeds).
# Usage: [KEEP=1] [NOREPORTS=1] eng/bench-ci-build.sh [rounds=3] [template=std-service] [mode=clean|edit]
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/bench-repo.sh"
rounds="${1:-3}"
template="${2:-std-service}"
mode="${3:-clean}"
case "$mode" in clean|edit) ;; *) echo "bench-ci-build: mode is clean or edit, not '$mode'" >&2; exit 2 ;; esac
bench_work_folder ci-build
export DOTNET_CLI_HOME="$root/cli-home"
unset UseSharedCompilation

feed_or_pack "$root/feed"
hive="$root/hive"
work="$root/repos"
variants="plain policy standards"
[ "${NOREPORTS:-}" != 1 ] || variants="$variants noreports"
name=Acme.Orders
build_args=(-c Release -p:UseSharedCompilation=false -nologo -v:q)
dotnet new install "$feed/Standards.Templates.$version.nupkg" --debug:custom-hive "$hive" >/dev/null
mkdir -p "$work"
dotnet new "$template" -n "$name" -o "$work/standards" --sdk-version "$version" \
  --sdk-feed "$(realpath -m --relative-to="$work/standards" "$feed")" --no-update-check \
  --debug:custom-hive "$hive" >/dev/null
sdkdir="$NUGET_PACKAGES/standards.sdk/$version/Sdk"

# clean <variant>: deletes the build output of the variant's repo (bin/, obj/, artifacts/).
clean() {
  find "$work/$1" \( -name bin -o -name obj -o -name artifacts \) -type d -prune -exec rm -rf {} +
}

# to_plain <dir>: the generated repo on Microsoft.NET.Sdk (see the header).
to_plain() {
  local dir="$1" project sdk
  for project in $(find "$dir" -name '*.csproj'); do
    sdk=Microsoft.NET.Sdk
    grep -q '<StandardsProjectKind>service<' "$project" && sdk=Microsoft.NET.Sdk.Web
    grep -q '<StandardsProjectKind>worker<' "$project" && sdk=Microsoft.NET.Sdk.Worker
    sed -i "s#<Project Sdk=\"Standards.Sdk\">#<Project Sdk=\"$sdk\">#" "$project"
  done
  grep -rl 'Sdk="Standards.Sdk"' "$dir" --include='*.csproj' && { echo "to_plain: a project is still on Standards.Sdk" >&2; exit 1; }
  find "$dir" -name packages.lock.json -delete
  rm -f "$dir/Directory.Solution.targets"
  sed -i '/RestorePackagesWithLockFile\|RestoreLockedMode/d; 0,/<PropertyGroup>/s##<PropertyGroup>\n    <Nullable>enable</Nullable>\n    <GenerateDocumentationFile>true</GenerateDocumentationFile>\n    <NoWarn>$(NoWarn);CS1591</NoWarn>#' "$dir/Directory.Build.props"
}

# to_policy <dir>: to_plain and the policy by hand (see the header).
to_policy() {
  local dir="$1" project rel q="'"
  to_plain "$dir"
  [ ! -e "$dir/Directory.Build.targets" ] || { echo "to_policy: $dir has its own Directory.Build.targets" >&2; exit 1; }
  sed -i "0,/<PropertyGroup>/s##<PropertyGroup>\n    <GenerateDocumentationFile>true</GenerateDocumentationFile>\n    <NoWarn>\$(NoWarn);CS1591</NoWarn>\n    <AnalysisLevel>latest-recommended</AnalysisLevel>\n    <EmbedUntrackedSources>true</EmbedUntrackedSources>\n    <EnforceCodeStyleInBuild>true</EnforceCodeStyleInBuild>\n    <ContinuousIntegrationBuild Condition=\"${q}\$(CI)${q} == ${q}true${q}\">true</ContinuousIntegrationBuild>#" "$dir/Directory.Build.props"
  for project in $(cd "$work/standards" && find . -name '*.csproj' -not -path '*/obj/*'); do
    rel="$(dirname "${project#./}")"
    mkdir -p "$dir/policy/$rel"
    cp "$work/standards/$rel/obj/Release/net10.0/standards/Standards.globalconfig" \
      "$work/standards/$rel/obj/Release/net10.0/standards/CodeMetricsConfig.txt" "$dir/policy/$rel/"
  done
  cat > "$dir/Directory.Build.targets" <<EOF
<Project>
  <PropertyGroup>
    <_PolicyDir>\$([MSBuild]::MakeRelative('\$(MSBuildThisFileDirectory)', '\$(MSBuildProjectDirectory)'))</_PolicyDir>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.CodeAnalysis.NetAnalyzers" Version="$(sdk_default StandardsNetAnalyzersVersion)" PrivateAssets="all" IsImplicitlyDefined="true" />
    <PackageReference Include="Microsoft.CodeAnalysis.BannedApiAnalyzers" Version="$(sdk_default StandardsBannedApiAnalyzersVersion)" PrivateAssets="all" ExcludeAssets="build;buildTransitive;buildMultitargeting" IsImplicitlyDefined="true" />
    <Analyzer Include="$sdkdir/../analyzers/dotnet/cs/Standards.Sdk.Analyzers.dll" />
    <EditorConfigFiles Include="\$(MSBuildThisFileDirectory)policy/\$(_PolicyDir)/Standards.globalconfig" />
    <AdditionalFiles Include="\$(MSBuildThisFileDirectory)policy/\$(_PolicyDir)/CodeMetricsConfig.txt" />
  </ItemGroup>
  <ItemGroup Condition="'\$(StandardsProjectKind)' != 'test'">
    <AdditionalFiles Include="$sdkdir/../config/BannedSymbols.txt" />
  </ItemGroup>
$(policy_pin_target)
$(policy_error_log)
</Project>
EOF
}

# to_noreports <dir>: the standards repo with the compliance record off (StandardsReports=false).
to_noreports() {
  sed -i '0,/<PropertyGroup>/s##<PropertyGroup>\n    <StandardsReports>false</StandardsReports>#' "$1/Directory.Build.props"
  grep -q '<StandardsReports>false<' "$1/Directory.Build.props" || { echo "to_noreports: no PropertyGroup in $1/Directory.Build.props" >&2; exit 1; }
}

# build_variant <variant> <command...>: runs the command in the variant's repo, in CI mode unless $ci is false.
build_variant() {
  local v="$1"
  shift
  (cd "$work/$v" && if [ "${ci:-true}" = true ]; then export CI=true; else unset CI; fi && "$@")
}

# edit_round <results> <repos> <variant>: a one-line edit of the library's source file, then one timed build with
# --no-restore ($loop: local or ci).
edit_round() {
  echo "// edit $RANDOM$RANDOM" >> "$work/$3/$edited"
  build_variant "$3" timed_build "$1/$loop-$3.wall" "$1/$loop-$3.cpu" --no-restore -p:UseSharedCompilation=false
}

# one_round <results> <repos> <variant>: clean, then one timed CI build (round_robin's callback).
one_round() {
  clean "$3"
  build_variant "$3" timed_build "$1/ci-$3.wall" "$1/ci-$3.cpu" "${build_args[@]}"
}

# The first restore writes the lock files; they are committed with the rest (the SDK's lock-file check, STD2004, fails
# a CI build on a lock file git does not track).
(cd "$work/standards" && dotnet restore -nologo -v:q >/dev/null)
git -C "$work/standards" init -q -b main
git -C "$work/standards" add -A
git -C "$work/standards" -c user.name=bench -c user.email=bench@example.invalid commit -qm "dotnet new $template"
# The standards repo first: its restore extracts the SDK the policy variant names by path, and its build writes the
# per-project analyzer configs the policy variant copies.
build_variant standards dotnet build "${build_args[@]}" > "$root/build-standards.log" || { echo "the standards build failed: $root/build-standards.log" >&2; exit 1; }
for v in plain policy ${variants#plain policy standards}; do
  cp -R "$work/standards" "$work/$v"
  clean "$v"
  "to_$v" "$work/$v"
  git -C "$work/$v" add -A
  git -C "$work/$v" -c user.name=bench -c user.email=bench@example.invalid commit -qm "$v variant"
  build_variant "$v" dotnet build "${build_args[@]}" > "$root/build-$v.log" || { echo "the $v build failed: $root/build-$v.log" >&2; exit 1; }
done
check_policy_error_log "$work/policy"
results="$root/results"
mkdir -p "$results"
if [ "$mode" = edit ]; then
  edited="$(cd "$work/standards" && find src -name '*.cs' -not -path '*/obj/*' | sort | head -1)"
  for loop in local ci; do
    ci="$([ "$loop" = ci ] && echo true || echo false)"
    for v in $variants; do build_variant "$v" dotnet build --no-restore -p:UseSharedCompilation=false -nologo -v:q >/dev/null; done
    round_robin "$rounds" "$results" "$work" edit_round $variants
    for v in $variants; do
      echo "// edit $RANDOM$RANDOM" >> "$work/$v/$edited"
      build_variant "$v" dotnet build --no-restore -p:UseSharedCompilation=false -p:ReportAnalyzer=true -nologo -v:q \
        "-flp:logfile=$results/$loop-$v.log;verbosity=detailed;PerformanceSummary" >/dev/null
    done
  done
  check_pinned_analyzers "$results"/*-policy.log "$results"/*-standards.log
  echo "| generated $template, edit $edited and build, CPU ms of every process (median of $rounds; range) | plain | policy | standards | policy / plain | standards / policy | standards / plain |"
  echo "|---|---|---|---|---|---|---|"
  for loop in local ci; do
    p="$results/$loop-plain.cpu" h="$results/$loop-policy.cpu" s="$results/$loop-standards.cpu"
    echo "| \`$([ "$loop" = ci ] && echo "CI=true ")dotnet build --no-restore\` | $(median < "$p") ($(spread "$p")) | $(median < "$h") ($(spread "$h")) | $(median < "$s") ($(spread "$s")) | $(paired_ratio "$h" "$p") | **$(paired_ratio "$s" "$h")** | $(paired_ratio "$s" "$p") |"
  done
  if [ "${NOREPORTS:-}" = 1 ]; then
    echo
    echo "| generated $template, the compliance record off (StandardsReports=false), CPU ms (median of $rounds; range) | noreports | noreports / policy | standards / noreports |"
    echo "|---|---|---|---|"
    for loop in local ci; do
      n="$results/$loop-noreports.cpu"
      echo "| \`$([ "$loop" = ci ] && echo "CI=true ")dotnet build --no-restore\` | $(median < "$n") ($(spread "$n")) | $(paired_ratio "$n" "$results/$loop-policy.cpu") | $(paired_ratio "$results/$loop-standards.cpu" "$n") |"
    done
  fi
  for loop in local ci; do echo; split_table "$loop" "$loop build after a one-file edit"; echo; analyzer_type_table "$loop"; done
  exit 0
fi
round_robin "$rounds" "$results" "$work" one_round $variants
for v in $variants; do
  clean "$v"
  build_variant "$v" dotnet build "${build_args[@]}" -p:ReportAnalyzer=true \
    "-flp:logfile=$results/ci-$v.log;verbosity=detailed;PerformanceSummary" >/dev/null
done

check_pinned_analyzers "$results/ci-policy.log" "$results/ci-standards.log"
p="$results/ci-plain.cpu" h="$results/ci-policy.cpu" s="$results/ci-standards.cpu"
echo "| generated $template, \`CI=true dotnet build -c Release\` from clean, CPU ms of every process (median of $rounds; range) | plain | policy | standards | policy / plain | standards / policy | standards / plain |"
echo "|---|---|---|---|---|---|---|"
echo "| CPU ms | $(median < "$p") ($(spread "$p")) | $(median < "$h") ($(spread "$h")) | $(median < "$s") ($(spread "$s")) | $(paired_ratio "$h" "$p") | **$(paired_ratio "$s" "$h")** | $(paired_ratio "$s" "$p") |"
echo "| wall ms (not used: load) | $(median < "$results/ci-plain.wall") | $(median < "$results/ci-policy.wall") | $(median < "$results/ci-standards.wall") | | | |"
if [ "${NOREPORTS:-}" = 1 ]; then
  n="$results/ci-noreports.cpu"
  echo
  echo "| the compliance record off (StandardsReports=false), CPU ms (median of $rounds; range) | noreports | noreports / policy | standards / noreports |"
  echo "|---|---|---|---|"
  echo "| CPU ms | $(median < "$n") ($(spread "$n")) | $(paired_ratio "$n" "$h") | $(paired_ratio "$s" "$n") |"
fi
echo
split_table ci "CI build from clean"
echo
analyzer_type_table ci
row="| task RestoreTask (restore) |"
for v in $variants; do row="$row $(summary_ms "$results/ci-$v.log" Task RestoreTask) |"; done
echo "$row"
