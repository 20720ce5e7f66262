#!/usr/bin/env bash
# The main job, end to end on a fresh clone:
#   1. pack Standards.Sdk, Standards.Tool and Standards.Templates (one version) into artifacts/packages, each pack
#      announced and timed as it runs;
#   2. install the templates into a private hive (artifacts/template-hive; ~/.templateengine is not touched);
#   3. generate a std-service repo into artifacts/demo/Acme.Orders that takes Standards.Sdk from artifacts/packages,
#      and make it a git repository with one commit, as a new repo would be;
#   4. restore (locked), build and test it the way its CI does (CI=true): green, zero warnings;
#   5. start the service on a loopback port, probe /health, /ready and a problem-details error, stop it;
#   6. add a deliberate violation and show what the policy reports (then take it out again).
source "$(dirname "$0")/common.sh"
cd "$REPO_ROOT"

version="$(unique_version)"
packages="$REPO_ROOT/artifacts/packages"
hive="$REPO_ROOT/artifacts/template-hive"
demo="$REPO_ROOT/artifacts/demo"
repo="$demo/Acme.Orders"
export NUGET_PACKAGES="$REPO_ROOT/artifacts/.nuget-packages"
export DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1

step() { printf '\n==> %s\n' "$*"; }

step "Packing Standards.Sdk, Standards.Tool and Standards.Templates $version into artifacts/packages (minutes on a cold clone)"
pack_all "$packages" "$version"

step "Installing the templates into a private hive (artifacts/template-hive)"
rm -rf "$hive"
dotnet new install "$packages/Standards.Templates.$version.nupkg" --debug:custom-hive "$hive" > /dev/null
# `dotnet new install` exits 0 even when a template is broken: check that they are all there.
dotnet new list std- --debug:custom-hive "$hive"

step "Generating a std-service repo: dotnet new std-service -n Acme.Orders --owner=@acme/orders --ci github"
rm -rf "$demo"
mkdir -p "$demo"
# --sdk-feed takes a folder relative to the new repo (a machine path would be committed in nuget.config).
dotnet new std-service -n Acme.Orders -o "$repo" --owner=@acme/orders --ci github --sdk-feed "$(realpath -m --relative-to="$repo" "$packages")" \
  --no-update-check --debug:custom-hive "$hive"
grep -A1 '"msbuild-sdks"' "$repo/global.json"

cd "$repo"
# A new repo is its own git repository (and artifacts/ is ignored by this one, which the checks would see).
git init -q -b main
git add -A
git -c user.name="Standards demo" -c user.email=demo@example.invalid commit -q -m "dotnet new std-service"
export CI=true
step "Restore (locked mode, as the generated CI pipeline runs it)"
dotnet restore --locked-mode -nologo -tl:off -v:q

step "Build in CI mode (Release, warnings are errors, every Standards check on)"
set +e
dotnet build -c Release --no-restore -nologo -tl:off -clp:NoSummary > "$demo/build.log" 2>&1
status=$?
set -e
grep -E "Standards:|warning|error" "$demo/build.log" | sed -E "s# \[[^]]*\]\$##; s#$repo/##g" | sort -u || true
if [ "$status" -ne 0 ] || grep -qE ": (warning|error) " "$demo/build.log"; then
  echo "The generated repo did not build clean; see $demo/build.log" >&2
  exit 1
fi
echo "Build succeeded with zero warnings."

step "Test"
# The repo runs dotnet test on Microsoft.Testing.Platform (its global.json): that mode hands options it does not know
# (-nologo, -tl:off) to the test apps, which refuse them, so none is given.
dotnet test -c Release --no-build 2>&1 | grep -E "Test run summary|^  (total|failed|succeeded|skipped):|error"

step "Running the service on a loopback port and probing it"
port=5180
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
bin="$repo/cmd/Acme.Orders.Api/bin/Release/net10.0"
# The generated service needs a database and a token issuer in production; the demo runs it with the in-memory
# store, a throw-away signing key, and itself as the downstream API (readiness probes it).
signing_key="$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
(cd "$bin" && \
  Database__Provider=InMemory \
  Authentication__Schemes__Bearer__ValidAudiences__0=acme-orders \
  Authentication__Schemes__Bearer__SigningKeys__0__Issuer=https://demo.invalid/ \
  Authentication__Schemes__Bearer__SigningKeys__0__Value="$signing_key" \
  Downstream__BaseAddress="http://127.0.0.1:$port/" \
  exec dotnet Acme.Orders.Api.dll --urls "http://127.0.0.1:$port") > "$demo/service.log" 2>&1 &
app=$!
stop_app() {
  if kill -0 "$app" 2>/dev/null; then
    kill -TERM "$app" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$app" 2>/dev/null || return 0; sleep 0.2; done
    kill -KILL "$app" 2>/dev/null || true
  fi
}
trap stop_app EXIT
for _ in $(seq 150); do
  curl -fsS "http://127.0.0.1:$port/health" > /dev/null 2>&1 && break
  kill -0 "$app" 2>/dev/null || { cat "$demo/service.log" >&2; echo "The service exited before serving." >&2; exit 1; }
  sleep 0.2
done
echo "GET /health  -> $(curl -sS -w ' (HTTP %{http_code})' "http://127.0.0.1:$port/health")"
echo "GET /ready   -> $(curl -sS -w ' (HTTP %{http_code})' "http://127.0.0.1:$port/ready")"
echo "GET /api/v1/items (no token) -> $(curl -sS -w ' (HTTP %{http_code}, %{content_type})' \
  "http://127.0.0.1:$port/api/v1/items")"
# The OpenAPI document is public in Development only; the demo runs the Release build in Production, where it needs
# a bearer token. The demo signs one with its own throw-away key, as `dotnet user-jwts create` does for a developer
# (HS256; the issuer, audience and key the service was started with).
b64url() { base64 | tr -d '\n=' | tr '+/' '-_'; }
now=$(date +%s)
token_body="$(printf '{"alg":"HS256","typ":"JWT"}' | b64url).$(printf '{"iss":"https://demo.invalid/","aud":"acme-orders","sub":"demo","nbf":%d,"iat":%d,"exp":%d}' "$now" "$now" $((now + 600)) | b64url)"
token="$token_body.$(printf '%s' "$token_body" | openssl dgst -sha256 -binary -mac HMAC -macopt "hexkey:$(printf '%s' "$signing_key" | base64 -d | od -An -v -tx1 | tr -d ' \n')" | b64url)"
echo "GET /openapi/v1.json (no token) -> HTTP $(curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/openapi/v1.json"): outside Development the document needs a bearer token (OpenApi:AllowAnonymous=true makes it public)"
echo "GET /openapi/v1.json (a token signed with the demo's key) -> HTTP $(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port/openapi/v1.json")"
curl -fsS "http://127.0.0.1:$port/health" > /dev/null
stop_app
trap - EXIT
echo "Stopped (SIGTERM, graceful shutdown). Service log: artifacts/demo/service.log"

step "Adding a deliberate violation (DateTime.UtcNow, a TODO without owner) and building again"
cat > src/Acme.Orders/Shortcuts.cs <<'CS'
namespace Acme.Orders;

/// <summary>Deliberate violations, added by eng/demo.sh to show the policy at work.</summary>
public static class Shortcuts
{
    // TODO make this configurable
    /// <summary>Reads the clock directly instead of through TimeProvider.</summary>
    /// <returns>The current time.</returns>
    public static DateTime Now() => DateTime.UtcNow;
}
CS
set +e
dotnet build src/Acme.Orders -c Release --no-restore -nologo -tl:off -clp:NoSummary > "$demo/violation-build.log" 2>&1
status=$?
set -e
rm src/Acme.Orders/Shortcuts.cs
grep -E ": (error|warning) " "$demo/violation-build.log" | sed -E "s# \[[^]]*\]\$##; s#^$repo/##" | sort -u
if [ "$status" -eq 0 ]; then
  echo "The violating build unexpectedly succeeded; see $demo/violation-build.log" >&2
  exit 1
fi

printf '\nDone. The generated repo is artifacts/demo/Acme.Orders (Standards.Sdk %s from artifacts/packages);\n' "$version"
echo "logs: artifacts/demo/build.log, artifacts/demo/service.log, artifacts/demo/violation-build.log."
echo "Try it yourself: cd artifacts/demo/Acme.Orders && dotnet test"
