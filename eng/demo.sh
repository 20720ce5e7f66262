#!/usr/bin/env bash
# The main job: pack Standards.Sdk into artifacts/packages, then build a small sample repo that uses it in CI
# mode — first clean, then with a deliberate violation — and show what the policy reports.
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"

version="$(unique_version)"
packages="$REPO_ROOT/artifacts/packages"
demo="$REPO_ROOT/artifacts/demo"
export NUGET_PACKAGES="$REPO_ROOT/artifacts/.nuget-packages"

echo "==> Packing Standards.Sdk $version into artifacts/packages"
pack_all "$packages" "$version"

echo "==> Writing the sample repo to artifacts/demo"
rm -rf "$demo"
mkdir -p "$demo"
cp -R "$REPO_ROOT/eng/demo-repo/." "$demo/"
rm "$demo/violation.cs.txt"
cat > "$demo/global.json" <<JSON
{
  "sdk": { "version": "10.0.401", "rollForward": "latestFeature" },
  "msbuild-sdks": { "Standards.Sdk": "$version" }
}
JSON
cat > "$demo/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="standards-local" value="$packages" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="standards-local"><package pattern="Standards.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML

echo "==> Clean build (CI mode): expect success with zero warnings"
CI=true dotnet build "$demo/src/Demo.Orders/Demo.Orders.csproj" -nologo -tl:off -clp:NoSummary -v:n \
  | grep -E "Standards.Sdk:|warning|error|Build succeeded" || true

echo
echo "==> Adding a deliberate violation (DateTime.UtcNow and a TODO without owner) and building again"
cp "$REPO_ROOT/eng/demo-repo/violation.cs.txt" "$demo/src/Demo.Orders/Shortcuts.cs"
set +e
CI=true dotnet build "$demo/src/Demo.Orders/Demo.Orders.csproj" -nologo -tl:off -clp:NoSummary > "$demo/violation-build.log" 2>&1
status=$?
set -e
grep -E "error|warning" "$demo/violation-build.log" | sed -E 's#^.*/(src/)#\1#; s# \[[^]]*\]$##' | sort -u
if [ "$status" -eq 0 ]; then
  echo "The violating build unexpectedly succeeded; see $demo/violation-build.log" >&2
  exit 1
fi

echo
echo "Done. The sample repo is in artifacts/demo (build log of the violation: artifacts/demo/violation-build.log)."
