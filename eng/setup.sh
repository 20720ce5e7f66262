#!/usr/bin/env bash
# Installs what the test suite needs besides the .NET SDK; idempotent and quick when everything is there.
# eng/test.sh runs it first, so a fresh machine (and CI) gets the same set-up.
#   - PostgreSQL server binaries (initdb, pg_ctl, postgres): the template end-to-end tests start a private server.
#     Debian's package; apt-get needs root (CI runs as root). Without root, install it yourself.
#   - The OpenAPI validator (npm, eng/tools/openapi): validates a generated service's /openapi/v1.json.
#   - The GitHub Actions linter (npm, eng/tools/action-validator): checks the CI templates and generated ci.yml files.
#   - Renovate's config validator (npm, eng/tools/renovate): checks the Renovate preset in ci-templates/renovate/.
#   - Chromium (Debian's package): the fleet report's browser tests load `dotnet standards report`'s page headless
#     (and drive it over the DevTools protocol with PuppeteerSharp, which uses this Chromium and downloads none).
#   - secretlint with its recommended preset (npm, eng/tools/secretlint): an oracle for secret detection (SecretlintOracleTests, full tier).
source "$(dirname "$0")/common.sh"

postgres_bin() {
  local bin
  bin=$(pg_config --bindir 2>/dev/null || true)
  if [ -n "$bin" ] && [ -x "$bin/initdb" ]; then echo "$bin"; return; fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

if [ -z "$(postgres_bin)" ] || [ ! -x "$(postgres_bin)/initdb" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get > /dev/null; then
    echo "==> Installing the PostgreSQL server (apt-get install postgresql)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null
    # The package starts a cluster on port 5432; the tests use their own private servers, so stop it.
    (command -v pg_ctlcluster > /dev/null && pg_ctlcluster --force "$(ls /etc/postgresql | sort -V | tail -1)" main stop) 2> /dev/null || true
  else
    echo "eng/setup.sh: the PostgreSQL server (initdb, pg_ctl) is missing; install Debian's 'postgresql' package." >&2
    exit 1
  fi
fi

if ! command -v chromium > /dev/null; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get > /dev/null; then
    echo "==> Installing Chromium (apt-get install chromium)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null
  else
    echo "eng/setup.sh: Chromium is missing; install Debian's 'chromium' package." >&2
    exit 1
  fi
fi

# npm tools, each in its own folder under eng/tools/ with its one dependency pinned in package.json.
install_npm_tool() {
  local folder="$REPO_ROOT/eng/tools/$1" marker="$2" what="$3"
  if [ -f "$folder/node_modules/$marker/package.json" ]; then return; fi
  if command -v npm > /dev/null; then
    echo "==> Installing $what (npm, eng/tools/$1)"
    # No lock file: it would record the registry's address.
    npm install --prefix "$folder" --no-package-lock --no-audit --no-fund --loglevel=error > /dev/null
  else
    echo "eng/setup.sh: npm is missing; the tests that use $what will fail." >&2
  fi
}

install_npm_tool openapi @seriousme/openapi-schema-validator "the OpenAPI validator"
install_npm_tool action-validator @action-validator/cli "the GitHub Actions linter"
install_npm_tool renovate renovate "Renovate's config validator"
install_npm_tool secretlint secretlint "secretlint"
