#!/usr/bin/env bash
# Sample repos for the build benchmarks (eng/bench-noop.sh, eng/bench-scale.sh). Sourced, not run; the caller sets
# $work (scratch folder), $feed (the packed SDK), $version and $projects, and $sdkdir (the extracted SDK) before a by-path repo is made,
# and $versioning (empty: no git) for bench-noop's versioning variants.

# grow_repo <dir>: copies the library and its tests until the repo has $projects projects; writes the solution.
grow_repo() {
  local dir="$1" i name
  for i in $(seq 2 $((projects / 2))); do
    name="Demo.Orders$i"
    cp -R "$dir/src/Demo.Orders" "$dir/src/$name"
    mv "$dir/src/$name/Demo.Orders.csproj" "$dir/src/$name/$name.csproj"
    cp -R "$dir/tests/Demo.Orders.Tests" "$dir/tests/$name.Tests"
    mv "$dir/tests/$name.Tests/Demo.Orders.Tests.csproj" "$dir/tests/$name.Tests/$name.Tests.csproj"
    sed -i "s#src/Demo.Orders/Demo.Orders.csproj#src/$name/$name.csproj#" "$dir/tests/$name.Tests/$name.Tests.csproj"
    rm -f "$dir/src/$name/packages.lock.json" "$dir/tests/$name.Tests/packages.lock.json"
  done
  local guids="" guid
  {
    printf '\nMicrosoft Visual Studio Solution File, Format Version 12.00\n'
    for project in "$dir"/src/*/*.csproj "$dir"/tests/*/*.csproj; do
      name="$(basename "$project" .csproj)"
      guid="$(tr a-z A-Z < /proc/sys/kernel/random/uuid)"
      guids="$guids $guid"
      printf 'Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "%s", "%s", "{%s}"\nEndProject\n' "$name" "${project#"$dir"/}" "$guid"
    done
    printf 'Global\n\tGlobalSection(SolutionConfigurationPlatforms) = preSolution\n\t\tDebug|Any CPU = Debug|Any CPU\n\tEndGlobalSection\n'
    printf '\tGlobalSection(ProjectConfigurationPlatforms) = postSolution\n'
    for guid in $guids; do
      printf '\t\t{%s}.Debug|Any CPU.ActiveCfg = Debug|Any CPU\n\t\t{%s}.Debug|Any CPU.Build.0 = Debug|Any CPU\n' "$guid" "$guid"
    done
    printf '\tEndGlobalSection\nEndGlobal\n'
  } > "$dir/Demo.Orders.sln"
}

# sdk_default <property>: the default the packed SDK gives a property (a version it pins), read from its own files.
sdk_default() {
  sed -n "s#.*<$1 Condition=\"'\$($1)' == ''\">\([^<]*\)</$1>.*#\1#p" "$REPO_ROOT"/sdk/features/*.props "$REPO_ROOT"/sdk/features/*.targets | head -1
}

# policy_pin_target: the target a Directory.Build.targets needs to pin NetAnalyzers by hand. A package reference is
# not enough: the .NET SDK adds its in-box NetAnalyzers too (after Directory.Build.targets, in
# Microsoft.NET.Sdk.Analyzers.targets), and its conflict resolution keeps the higher version, so the in-box ones would
# run instead of the pinned ones. Standards.Sdk drops them at evaluation, after the SDK's targets
# (sdk/features/Standards.Analyzers.targets); by hand, a target before the conflict resolution does.
policy_pin_target() {
  cat <<'TARGET'
  <Target Name="PolicyPinNetAnalyzers" BeforeTargets="_HandlePackageFileConflicts">
    <ItemGroup>
      <Analyzer Remove="@(Analyzer)" Condition="'%(Analyzer.NuGetPackageId)' == '' and ('%(Analyzer.Filename)' == 'Microsoft.CodeAnalysis.NetAnalyzers' or '%(Analyzer.Filename)' == 'Microsoft.CodeAnalysis.CSharp.NetAnalyzers')" />
    </ItemGroup>
  </Target>
TARGET
}

# policy_error_log: the compiler's error log in CI builds, as a team sets it by hand for the same policy. The profile
# reports info-level findings in the compliance summary, and only the compiler's error log (-errorlog) has them: with
# one the compiler also runs the analyzers whose rules are all info and times every analyzer (without one it skips
# them), which is the compiler's side of Standards.Sdk's compliance record. What Standards.Sdk adds beyond it is
# reading the logs into compliance.json.
policy_error_log() {
  cat <<'PROPS'
  <PropertyGroup Condition="'$(ContinuousIntegrationBuild)' == 'true' and '$(TargetFramework)' != ''">
    <ErrorLog>$([MSBuild]::NormalizePath('$(MSBuildProjectDirectory)', '$(BaseIntermediateOutputPath)', 'compiler.$(Configuration).$(TargetFramework).sarif')),version=2.1</ErrorLog>
  </PropertyGroup>
PROPS
}

# check_policy_error_log <repo>: fails unless the policy repo's CI build wrote its compiler error logs.
check_policy_error_log() {
  find "$1" -path '*/obj/compiler.*.sarif' | grep -q . || { echo "the policy variant in $1 wrote no compiler error log in CI mode" >&2; exit 1; }
}

# check_pinned_analyzers <attribution log...>: fails unless the compiler of each log's build ran the pinned NetAnalyzers
# and no other version of them (its -reportanalyzer lines), so "policy" and "standards" compare the same analyzers.
check_pinned_analyzers() {
  local pinned log
  pinned="$(sdk_default StandardsNetAnalyzersVersion)"
  for log in "$@"; do
    grep -q "Microsoft.CodeAnalysis.NetAnalyzers, Version=$pinned.0," "$log" || { echo "$log: the compiler did not run the pinned NetAnalyzers $pinned" >&2; exit 1; }
    if grep "Microsoft.CodeAnalysis.NetAnalyzers, Version=" "$log" | grep -vq "Version=$pinned.0,"; then
      echo "$log: the compiler ran another NetAnalyzers besides the pinned $pinned" >&2; exit 1
    fi
  done
}

# write_policy_packages <dir>: what Standards.Sdk's policy adds to a plain project's build besides its own targets, by
# hand: the pinned analyzer packages and Standards.Sdk's analyzers, coverlet and the report generator in test projects,
# the XML documentation file, the analysis level. A plain repo with these is what adopting the same policy without
# the SDK would cost (eng/bench-noop-cost.sh: the "policy" variant). Test projects are told by name, as the SDK infers
# the kind: IsTestProject comes from Microsoft.NET.Test.Sdk's restored props, which the first restore has not yet got.
write_policy_packages() {
  local dir="$1"
  [ ! -e "$dir/Directory.Build.props" ] && [ ! -e "$dir/Directory.Build.targets" ] || { echo "write_policy_packages: $dir has its own Directory.Build files" >&2; return 1; }
  cat > "$dir/Directory.Build.props" <<EOF
<Project>
  <PropertyGroup>
    <GenerateDocumentationFile>true</GenerateDocumentationFile>
    <NoWarn>\$(NoWarn);CS1591</NoWarn>
    <AnalysisLevel>latest-recommended</AnalysisLevel>
    <EmbedUntrackedSources>true</EmbedUntrackedSources>
  </PropertyGroup>
</Project>
EOF
  cat > "$dir/Directory.Build.targets" <<EOF
<Project>
  <ItemGroup>
    <PackageReference Include="Microsoft.CodeAnalysis.NetAnalyzers" Version="$(sdk_default StandardsNetAnalyzersVersion)" PrivateAssets="all" IsImplicitlyDefined="true" />
    <PackageReference Include="Microsoft.CodeAnalysis.BannedApiAnalyzers" Version="$(sdk_default StandardsBannedApiAnalyzersVersion)" PrivateAssets="all" ExcludeAssets="build;buildTransitive;buildMultitargeting" IsImplicitlyDefined="true" />
    <Analyzer Include="$sdkdir/../analyzers/dotnet/cs/Standards.Sdk.Analyzers.dll" />
  </ItemGroup>
  <ItemGroup Condition="\$(MSBuildProjectName.EndsWith('.Tests'))">
    <PackageReference Include="coverlet.collector" Version="$(sdk_default StandardsCoverletCollectorVersion)" PrivateAssets="all" IsImplicitlyDefined="true" />
    <PackageDownload Include="ReportGenerator" Version="[$(sdk_default StandardsReportGeneratorVersion)]" />
  </ItemGroup>
$(policy_pin_target)
</Project>
EOF
}

# make_repo <dir> <variant>: the sample repo (eng/demo-repo: a library and its tests) on one of the SDKs.
# Variants: plain (Microsoft.NET.Sdk with nullable and the documentation file, what a team that adopts nothing
# already has), bypath (Standards.Sdk imported by path from $sdkdir), resolver (by the SDK
# resolver), and for eng/bench-noop-cost.sh's split of the extra cost: policy (plain with the policy's packages and
# settings, write_policy_packages) and nochecks (bypath with every check off, StandardsSkipChecks=true).
make_repo() {
  local dir="$1" variant="$2" project
  mkdir -p "$dir"
  cp -R "$REPO_ROOT/eng/demo-repo/." "$dir/"
  rm -f "$dir/violation.cs.txt"
  write_consumer_config "$dir" "$version" "$feed"
  grow_repo "$dir"
  for project in "$dir"/src/*/*.csproj "$dir"/tests/*/*.csproj; do
    sed -i 's#<Project Sdk="Standards.Sdk" />#<Project Sdk="Standards.Sdk">\n</Project>#' "$project"
    case "$variant" in
      bypath|nochecks)
        sed -i "s#<Project Sdk=\"Standards.Sdk\">#<Project>\n  <Import Project=\"$sdkdir/Sdk.props\" />#; s#</Project>#  <Import Project=\"$sdkdir/Sdk.targets\" />\n</Project>#" "$project" ;;
      plain|policy)
        sed -i 's#<Project Sdk="Standards.Sdk">#<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings><GenerateDocumentationFile>true</GenerateDocumentationFile><NoWarn>$(NoWarn);CS1591</NoWarn></PropertyGroup>#' "$project"
        rm -f "$(dirname "$project")/packages.lock.json" ;;
    esac
  done
  case "$variant" in
    policy) write_policy_packages "$dir" ;;
    nochecks) printf '<Project>\n  <PropertyGroup>\n    <StandardsSkipChecks>true</StandardsSkipChecks>\n  </PropertyGroup>\n</Project>\n' > "$dir/Directory.Build.props" ;;
  esac
  if [ -n "$versioning" ] && [ "$variant" != plain ]; then
    [ "$variant" = unversioned ] || echo '{ "version": "1.0", "publicReleaseRefSpec": ["^refs/heads/main$"] }' > "$dir/version.json"
    printf 'bin/\nobj/\nartifacts/\n' > "$dir/.gitignore"
    git -C "$dir" -c init.defaultBranch=main init -q
    git -C "$dir" add -A
    git -C "$dir" -c user.name=bench -c user.email=bench@example.invalid commit -q -m bench
  fi
}

# make_inner_loop_variant <variant>: the repo of one variant of the edit-and-build benchmarks (eng/bench-inner-loop.sh,
# eng/bench-inner-loop-alloc.sh) in $work/<variant>, restored: plain, policy, or standards (by the resolver). The
# caller sets $work, $sdkdir, $feed, $version and $projects. The standards repo first: restoring it extracts the SDK
# whose analyzers and banned-API lists the policy variant names by path, and building it writes the analyzer config
# and CodeMetricsConfig.txt the policy variant copies (write_policy_config).
make_inner_loop_variant() {
  local v="$1"
  make_repo "$work/$v" "$([ "$v" = standards ] && echo resolver || echo "$v")"
  [ "$v" != policy ] || write_policy_config "$work/$v"
  dotnet restore "$work/$v/Demo.Orders.sln" -nologo -v:q >/dev/null
}

# write_policy_config <dir>: what the policy configures for the compiler besides write_policy_packages, by hand, so
# that "policy" compiles with the same rules as "standards": code style in the build, the banned-API list (not in
# test projects), the analyzer config Standards.Sdk generates from standards.json (rule severities) and the
# CodeMetricsConfig.txt behind CA1502, copied from the built standards repo's library and test project,
# ContinuousIntegrationBuild from CI=true, and in CI builds the compiler's error log (policy_error_log).
write_policy_config() {
  local dir="$1" kind from q="'"
  for kind in src/Demo.Orders tests/Demo.Orders.Tests; do
    from="$work/standards/$kind/obj/Debug/net10.0/standards"
    mkdir -p "$dir/policy/$kind"
    cp "$from/Standards.globalconfig" "$from/CodeMetricsConfig.txt" "$dir/policy/$kind/"
  done
  sed -i "s#</PropertyGroup>#  <EnforceCodeStyleInBuild>true</EnforceCodeStyleInBuild>\n    <ContinuousIntegrationBuild Condition=\"${q}\$(CI)${q} == ${q}true${q}\">true</ContinuousIntegrationBuild>\n  </PropertyGroup>#" "$dir/Directory.Build.props"
  cat > "$dir/Directory.Build.policy.targets" <<EOF
<Project>
  <PropertyGroup>
    <_PolicyKind Condition="\$(MSBuildProjectName.EndsWith('.Tests'))">tests/Demo.Orders.Tests</_PolicyKind>
    <_PolicyKind Condition="'\$(_PolicyKind)' == ''">src/Demo.Orders</_PolicyKind>
  </PropertyGroup>
  <ItemGroup>
    <EditorConfigFiles Include="\$(MSBuildThisFileDirectory)policy/\$(_PolicyKind)/Standards.globalconfig" />
    <AdditionalFiles Include="\$(MSBuildThisFileDirectory)policy/\$(_PolicyKind)/CodeMetricsConfig.txt" />
  </ItemGroup>
  <ItemGroup Condition="!\$(MSBuildProjectName.EndsWith('.Tests'))">
    <AdditionalFiles Include="$sdkdir/../config/BannedSymbols.txt" />
  </ItemGroup>
$(policy_error_log)
</Project>
EOF
  sed -i 's#^</Project>#  <Import Project="Directory.Build.policy.targets" />\n</Project>#' "$dir/Directory.Build.targets"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
# spread <file>: the lowest and highest number of a file of one number per line, as "low-high".
spread() { sort -n "$1" | awk '{ a[NR] = $1 } END { printf "%d-%d", a[1], a[NR] }'; }
# paired_ratio <a file> <b file>: the median of the round-by-round ratios a / b of two files written by one
# round_robin loop (one number per round and line: timed_rounds, timed_evaluation_rounds). Each ratio compares builds
# that ran at nearly the same moment, so a busy spell that slows one whole round (this machine has them, +30 % for
# every variant at once) moves it much less than it moves a ratio of two medians.
paired_ratio() { paste "$1" "$2" | awk '{ printf "%.6f\n", $1 / $2 }' | median | awk '{ printf "%.3f", $1 }'; }
# cpu_cgroup_new: makes a fresh cgroup that counts the CPU time of every process started in it and prints its folder,
# or fails where this machine gives none (not root, no writable cgroup file system). Cgroup v1 (cpuacct) and v2.
cpu_cgroup_new() {
  local base name="standards-bench-$$-$RANDOM$RANDOM"
  if [ -w /sys/fs/cgroup/cpuacct ] && [ -f /sys/fs/cgroup/cpuacct/cpuacct.usage ]; then base=/sys/fs/cgroup/cpuacct
  elif [ -w /sys/fs/cgroup ] && [ -f /sys/fs/cgroup/cgroup.controllers ]; then base=/sys/fs/cgroup
  else return 1; fi
  mkdir "$base/$name" 2>/dev/null || return 1
  echo "$base/$name"
}
# cpu_cgroup_ms <cgroup folder>: the CPU ms its processes used (user + system), from v1's cpuacct.usage (ns) or
# v2's cpu.stat usage_usec.
cpu_cgroup_ms() {
  if [ -f "$1/cpuacct.usage" ]; then awk '{ printf "%d\n", $1 / 1000000 }' "$1/cpuacct.usage"
  else awk '$1 == "usage_usec" { printf "%d\n", $2 / 1000 }' "$1/cpu.stat"; fi
}
# timed_command <wall file> <cpu file> <command...>: runs the command quietly; appends its wall ms and its CPU ms to
# the two files. Wall is what a developer waits, from start to the command's exit. CPU is what the work itself costs:
# user + system time of the command and of every process it started, counted by a cgroup the command runs in, and
# read once the last of them has exited. Not /usr/bin/time's %U + %S: that counts only the processes the command
# waited for, and MSBuild's worker nodes of a -m build are not among them (on a 2-core machine, /usr/bin/time gave
# about half of a 100-project no-op build's CPU time, the entry node's share, which moves with how the projects fall
# across the nodes; docs/performance.md, "By CPU and wall time"). Where no cgroup can be made (not root),
# it falls back to %U + %S and says so once.
timed_command() {
  local wall_file="$1" cpu_file="$2" times wall user sys cgroup cpu waited
  shift 2
  [ -x /usr/bin/time ] || { echo "timed_command: /usr/bin/time is missing; install Debian's 'time' package." >&2; return 1; }
  times="$(mktemp)"
  if cgroup="$(cpu_cgroup_new)"; then
    /usr/bin/time -f "%e %U %S" -o "$times" sh -c 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"' timed "$cgroup" "$@" >/dev/null
    # MSBuild's nodes end on their own once the build is over (node reuse is off in the benchmarks); wait for them.
    waited=0
    # (cgroup files report a size of 0: read them, do not test them with -s.)
    while [ -n "$(cat "$cgroup/cgroup.procs")" ] && [ "$waited" -lt 600 ]; do sleep 0.1; waited=$((waited + 1)); done
    [ -z "$(cat "$cgroup/cgroup.procs")" ] || echo "timed_command: processes still running 60 s after '$*' ended; their CPU time so far is counted" >&2
    cpu="$(cpu_cgroup_ms "$cgroup")"
    rmdir "$cgroup" 2>/dev/null || true
  else
    if [ -z "${_timed_command_warned:-}" ]; then
      echo "timed_command: no cgroup to count every process's CPU time (run as root on Linux); CPU is /usr/bin/time's, which leaves out MSBuild's worker nodes" >&2
      _timed_command_warned=1
    fi
    /usr/bin/time -f "%e %U %S" -o "$times" "$@" >/dev/null
    cpu=""
  fi
  read -r wall user sys < "$times"
  rm -f "$times"
  [ -n "$cpu" ] || cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')"
  awk -v w="$wall" 'BEGIN { printf "%d\n", w * 1000 }' >> "$wall_file"
  echo "$cpu" >> "$cpu_file"
}

# timed_build <wall file> <cpu file> <dotnet build arguments...>: one quiet build, timed (timed_command).
timed_build() {
  local wall_file="$1" cpu_file="$2"
  shift 2
  timed_command "$wall_file" "$cpu_file" dotnet build "$@" -nologo -v:q
}

# timed_evaluation <cpu file> <solution>: evaluates every project of the solution once and builds nothing (static
# graph construction, `-graph:NoBuild`); appends its CPU ms to the file. What a no-op build pays for evaluation alone,
# without the noise of its targets: the split of a no-op ratio between evaluation and targets (docs/performance.md).
timed_evaluation() {
  timed_command /dev/null "$1" dotnet msbuild "$2" -graph:NoBuild -nologo -v:q
}

# round_robin <rounds> <results folder> <repos folder> <function> <variant...>: calls
# <function> <results folder> <repos folder> <variant> for every variant, <rounds> times over, so a busy moment hits
# every variant alike. The load average before and after goes to stderr.
round_robin() {
  local rounds="$1" results="$2" repos="$3" each="$4" i v
  shift 4
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  for i in $(seq "$rounds"); do
    for v in "$@"; do
      "$each" "$results" "$repos" "$v"
    done
  done
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
}

# noop_build_of <results folder> <repos folder> <variant>: one timed no-op build of the variant's repo
# (<repos folder>/<variant>/Demo.Orders.sln); appends to <results folder>/<variant>.wall and .cpu.
noop_build_of() { timed_build "$1/$3.wall" "$1/$3.cpu" "$2/$3/Demo.Orders.sln" --no-restore -m; }
# evaluation_of <results folder> <repos folder> <variant>: one timed evaluation of it; appends to <variant>.evalcpu.
evaluation_of() { timed_evaluation "$1/$3.evalcpu" "$2/$3/Demo.Orders.sln"; }

# timed_rounds <runs> <results folder> <repos folder> <variant...>: <runs> rounds of one no-op build of each variant.
timed_rounds() { round_robin "$1" "$2" "$3" noop_build_of "${@:4}"; }

# timed_evaluation_rounds <runs> <results folder> <repos folder> <variant...>: as timed_rounds, evaluation alone.
timed_evaluation_rounds() { round_robin "$1" "$2" "$3" evaluation_of "${@:4}"; }

# extract_sdk <source tree> <name>: packs that tree's SDK with a unique version and extracts it through a
# two-project repo restored by the resolver; prints the extracted Sdk/ folder. The caller sets $root (scratch folder,
# the feed goes to $root/feed), $projects and NUGET_PACKAGES (eng/bench-noop-ab.sh, eng/bench-evaluation.sh).
# It runs in a command substitution, where set -e does not reach: each step returns on failure (its messages on
# stderr), so the caller's assignment fails and set -e stops the script. (A failed pack once went unnoticed and left a
# benchmark with a repo that could not build.)
extract_sdk() {
  local tree="$1" name="$2" v
  v="$(unique_version).$name"
  dotnet pack "$tree/sdk/Standards.Sdk.csproj" -c Release -o "$root/feed" -p:StandardsVersion="$v" -nologo -v:q >&2 || return 1
  local version="$v" feed="$root/feed" work="$root/extract-$name"
  local saved="$projects"; projects=2
  make_repo "$work/resolver" resolver || return 1
  projects="$saved"
  dotnet restore "$work/resolver/Demo.Orders.sln" -nologo -v:q >&2 || return 1
  echo "$NUGET_PACKAGES/standards.sdk/$v/Sdk"
}

# The edit-and-build and CI-build benchmarks' split of one attribution build per variant (eng/bench-inner-loop.sh,
# eng/bench-ci-build.sh).
# summary_ms <log> <section> <name>: the ms MSBuild's performance summary gives one target or task (0 if absent).
summary_ms() {
  awk -v section="$2" -v name="$3" '
    index($0, section " Performance Summary:") { on = 1; next }
    on && /Performance Summary:/ { on = 0 }
    on && $3 == name && $1 ~ /^[0-9]+$/ && $2 == "ms" { ms += $1 }
    END { print ms + 0 }' "$1"
}

# split_table <mode> [what]: the attribution builds' split, one column per variant of $variants, from the logs
# $results/<mode>-<variant>.log (a detailed file log with PerformanceSummary, the compiler's -reportanalyzer times).
split_table() {
  local mode="$1" v row
  row="| ${2:-$mode build after a one-file edit} (one attribution build, ms) |"
  for v in $variants; do row="$row $v |"; done
  echo "$row"
  echo "|---|$(for v in $variants; do printf -- '---|'; done)"
  row="| evaluation, all projects |"
  for v in $variants; do
    row="$row $(awk '/Project Evaluation Performance Summary:/ { on = 1; next } on && /Performance Summary:/ { on = 0 }
      on && $2 == "ms" && $1 ~ /^[0-9]+$/ { ms += $1 } END { print ms + 0 }' "$results/$mode-$v.log") |"
  done
  echo "$row"
  row="| Standards targets (names starting with Standards or _Standards) |"
  for v in $variants; do
    row="$row $(awk '/Target Performance Summary:/ { on = 1; next } on && /Performance Summary:/ { on = 0 }
      on && $2 == "ms" && $3 ~ /^_?Standards/ { ms += $1 } END { print ms + 0 }' "$results/$mode-$v.log") |"
  done
  echo "$row"
  for task in Csc GenerateMSBuildEditorConfig ResolveAssemblyReference Copy; do
    row="| task $task |"
    for v in $variants; do row="$row $(summary_ms "$results/$mode-$v.log" Task "$task") |"; done
    echo "$row"
  done
  for what in analyzers generators; do
    row="| compiler: all $what (sum over compilations) |"
    for v in $variants; do row="$row $(analyzer_ms "$results/$mode-$v.log" "$what") |"; done
    echo "$row"
  done
  for package in Microsoft.CodeAnalysis.NetAnalyzers Microsoft.CodeAnalysis.CSharp.NetAnalyzers \
    Microsoft.CodeAnalysis.CodeStyle Microsoft.CodeAnalysis.CSharp.CodeStyle Microsoft.CodeAnalysis.BannedApiAnalyzers \
    Microsoft.CodeAnalysis.CSharp.BannedApiAnalyzers Standards.Sdk.Analyzers \
    Microsoft.CodeQuality.Analyzers.Maintainability.CodeMetrics.CodeMetricsAnalyzer \
    Standards.Sdk.Analyzers.Baseline.CodeBaselineSuppressor; do
    row="| analyzer $package |"
    for v in $variants; do row="$row $(analyzer_ms "$results/$mode-$v.log" "$package") |"; done
    echo "$row"
  done
  row="| Standards.Sdk.Analyzers, share of all analyzers |"
  for v in $variants; do
    row="$row $(awk -v a="$(analyzer_ms "$results/$mode-$v.log" Standards.Sdk.Analyzers)" -v t="$(analyzer_ms "$results/$mode-$v.log" analyzers)" 'BEGIN { if (t > 0) printf "%.1f %%", 100 * a / t; else printf "-" }') |"
  done
  echo "$row"
}

# analyzer_types <log>: every analyzer type the compiler timed (-p:ReportAnalyzer=true), one line each: its ms summed
# over the build's compilations, a tab, its name and the rule ids it reports ("CodeMetricsAnalyzer (CA1501, ...)").
# The compiler times analyzer types, not rules: a type's time is that of all the ids it lists.
analyzer_types() {
  awk '
    /Total analyzer execution time:/ { on = 1; next }
    /Total generator execution time:/ { on = 0 }
    on && $1 ~ /^[<]?[0-9.]+$/ && /\(.*\)[[:space:]]*$/ && !/Version=/ {
      t = $1; sub(/^</, "", t)
      line = $0; sub(/^[[:space:]]*[<]?[0-9.]+[[:space:]]+[<]?[0-9]+[[:space:]]+/, "", line)
      # A suppressor lists every id it can suppress (the code baseline: one per rule): the first few and the count.
      n = split(line, ids, ", ")
      if (n > 8) line = ids[1] ", " ids[2] ", " ids[3] " and " (n - 3) " more)"
      ms[line] += t * 1000
    }
    END { for (k in ms) printf "%d\t%s\n", ms[k], k }' "$1" | sort -t$'\t' -k1,1nr
}

# analyzer_type_table <mode> [top=15]: the analyzer types that cost most in the standards variant's attribution build,
# one row each with every variant's ms, then the rest summed; the ids say which rules each row pays for.
analyzer_type_table() {
  local mode="$1" top="${2:-15}" v row name
  row="| $mode: analyzer type (rule ids), one attribution build, ms |"
  for v in $variants; do row="$row $v |"; done
  echo "$row"
  echo "|---|$(for v in $variants; do printf -- '---|'; done)"
  for v in $variants; do analyzer_types "$results/$mode-$v.log" > "$results/$mode-$v.types"; done
  while IFS=$'\t' read -r _ name; do
    row="| ${name##*.} |"
    for v in $variants; do row="$row $(awk -F'\t' -v n="$name" '$2 == n { print $1; f = 1 } END { if (!f) print 0 }' "$results/$mode-$v.types") |"; done
    echo "$row"
  done < <(head -n "$top" "$results/$mode-standards.types")
  row="| every other analyzer type |"
  for v in $variants; do
    row="$row $(awk -F'\t' -v top="$top" 'NR == FNR { if (FNR <= top) keep[$2] = 1; next } !($2 in keep) { s += $1 } END { print s + 0 }' "$results/$mode-standards.types" "$results/$mode-$v.types") |"
  done
  echo "$row"
}

# analyzer_ms <log> <assembly|analyzers|generators>: the compiler's times (-p:ReportAnalyzer=true) in ms, summed over
# the build's compilations: one analyzer or generator assembly's row, or every "Total analyzer execution time" or
# "Total generator execution time".
analyzer_ms() {
  awk -v want="$2" '
    /Total analyzer execution time:/ && want == "analyzers" { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9.]+$/) { s += $i * 1000; break } }
    /Total generator execution time:/ && want == "generators" { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9.]+$/) { s += $i * 1000; break } }
    want != "analyzers" && want != "generators" { for (i = 1; i < NF; i++) if ($i ~ /^[0-9.]+$/ && ($(i + 2) == want "," || $(i + 2) == want)) { s += $i * 1000; break } }
    END { printf "%d\n", s }' "$1"
}
