#!/usr/bin/env bash
# Load benchmark of a generated std-service on PostgreSQL, on loopback, bounded in time:
#   generate std-service (the defaults: JWT, PostgreSQL, rate limiting, tracing), build it in Release, start a private
#   PostgreSQL server (initdb/pg_ctl in a temp folder, loopback port, stopped at the end), start the service against
#   it, then load it with wrk (Debian's package) for DURATION seconds per endpoint with CONNECTIONS connections:
#     create  POST /api/v1/items (with a valid JWT; every request inserts a row)
#     list    GET  /api/v1/items?limit=20 (the first page, after create filled the table)
#   and report requests/s and latency p50/p95/p99 against the budget of profile §5 (p95 < 200 ms), the cold start
#   (process start to the first 200 from /health), the resident memory at idle (5 s after /ready) and its peak
#   under load (VmHWM after both runs), and the machine's load average before and after.
# The rate limiter stays on with a limit high enough not to reject the load (its partition lookup is measured).
# Prints a markdown section; with --write it replaces "## Service load (std-service on PostgreSQL)" in
# docs/performance.md. No test asserts these numbers: they are measurements.
# Usage: eng/bench-service.sh [duration-seconds=15] [connections=16] [--before <git revision>] [--write]
# With --before, the same measures are taken in the same run for a second std-service generated from the templates
# (and SDK) packed from <revision> (a git worktree of it, packed with that revision's own eng/common.sh): "before"
# is measured first, then "current", each against its own database of the same PostgreSQL server, one at a time.
# STANDARDS_BENCH_FEED and STANDARDS_BENCH_VERSION reuse packages packed before (eng/common.sh pack_all) instead of
# packing the current sources again.
source "$(dirname "$0")/common.sh"
duration=15
connections=16
write=false
before=""
numbers=()
while [ $# -gt 0 ]; do
  case "$1" in
    --write) write=true ;;
    --before) before="${2:?--before needs a git revision}"; shift ;;
    *) numbers+=("$1") ;;
  esac
  shift
done
duration="${numbers[0]:-15}"
connections="${numbers[1]:-16}"
case "$duration" in ''|*[!0-9]*) duration=15 ;; esac
case "$connections" in ''|*[!0-9]*) connections=16 ;; esac
if [ -n "$before" ] && ! before_commit=$(git -C "$REPO_ROOT" rev-parse --verify --quiet "$before^{commit}"); then
  echo "bench-service: '$before' is not a commit of this repository" >&2
  exit 2
fi

bash "$REPO_ROOT/eng/setup.sh"
if ! command -v wrk > /dev/null; then
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq wrk > /dev/null; else echo "bench-service: install wrk (Debian's package)" >&2; exit 1; fi
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/standards-bench-service.XXXXXX")"
chmod 755 "$work"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
app_pid=""
stop_app() { [ -n "$app_pid" ] && kill "$app_pid" 2> /dev/null && wait "$app_pid" 2> /dev/null; app_pid=""; }
cleanup() {
  stop_app
  [ -d "$work/pg/data" ] && as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop > /dev/null 2>&1
  [ -d "$work/before-src" ] && git -C "$REPO_ROOT" worktree remove --force "$work/before-src" > /dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
export NUGET_PACKAGES="$work/packages" DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1

# prepare <variant> <feed folder> <version>: installs that pack's templates into a private hive, generates std-service
# into $work/gen-<variant>/Acme.Orders (a git repository with its first commit: the version comes from its history,
# STD6004) and builds it in CI mode, Release.
prepare() {
  local variant="$1" feed="$2" version="$3" repo="$work/gen-$1/Acme.Orders"
  dotnet new install "$feed/Standards.Templates.$version.nupkg" --debug:custom-hive "$work/hive-$variant" > /dev/null
  dotnet new std-service -n Acme.Orders -o "$repo" --sdk-feed "../../$(basename "$feed")" --no-update-check \
    --debug:custom-hive "$work/hive-$variant" > /dev/null
  git -C "$repo" init -q -b main && git -C "$repo" add -A
  git -C "$repo" -c user.name=bench -c user.email=bench@example.invalid commit -qm "dotnet new std-service"
  (cd "$repo" && CI=true dotnet build -c Release -nologo -v:q > "$work/build-$variant.log" 2>&1) || { cat "$work/build-$variant.log" >&2; exit 1; }
}

variants=()
if [ -n "$before" ]; then
  echo "==> Packing the templates and SDK of $before (${before_commit:0:12})" >&2
  git -C "$REPO_ROOT" worktree add -q --detach "$work/before-src" "$before_commit"
  before_version="$(unique_version)"
  (cd "$work/before-src" && bash -c 'source eng/common.sh && pack_all "$1" "$2"' _ "$work/feed-before" "$before_version") > /dev/null
  echo "==> Generating and building std-service of $before" >&2
  prepare before "$work/feed-before" "$before_version"
  variants+=(before)
fi
echo "==> Packing the current sources, generating and building std-service" >&2
version="${STANDARDS_BENCH_VERSION:-$(unique_version)}"
if [ -n "${STANDARDS_BENCH_FEED:-}" ]; then ln -s "$(realpath "$STANDARDS_BENCH_FEED")" "$work/feed-current"; else pack_all "$work/feed-current" "$version" > /dev/null; fi
prepare current "$work/feed-current" "$version"
variants+=(current)

echo "==> Starting PostgreSQL" >&2
mkdir -p "$work/pg" && openssl rand -hex 16 > "$work/pg/pw"
[ "$(id -u)" -eq 0 ] && chown -R postgres "$work/pg"
pg_port=$(free_port)
as_pg "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=scram-sha-256 --pwfile="$work/pg/pw" -E UTF8 --no-locale > /dev/null
as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -o "-h 127.0.0.1 -p $pg_port -k $work/pg" -w start > /dev/null
psql_pg() { PGPASSWORD=$(cat "$work/pg/pw") "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres "$@"; }

key_hex=$(openssl rand -hex 32)
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"https://issuer.bench.test/","aud":"bench","sub":"bench","scope":"items:read items:write","exp":%s}' "$(( $(date +%s) + 3600 ))" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key_hex" -binary | b64url)
token="$header.$payload.$signature"

cat > "$work/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.0f %.2f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.requests, errors))
end
LUA
cat > "$work/create.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"name":"Widget","description":"load test"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
$(cat "$work/report.lua")
LUA
cat > "$work/list.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
$(cat "$work/report.lua")
LUA

rss_mib() { awk -v k="$1:" '$1 == k {printf "%.0f", $2 / 1024}' "/proc/$app_pid/status"; }
# load <variant> <endpoint> <script> <path>: warm-up 3 s, then the measured run; prints "<variant> <endpoint> <figures>"
load() {
  wrk -t2 -c"$connections" -d3s -s "$work/$3" "http://127.0.0.1:$app_port$4" > /dev/null
  wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s -s "$work/$3" "http://127.0.0.1:$app_port$4" | awk -v v="$1" -v n="$2" '/^RESULT/ {print v, n, $2, $3, $4, $5, $6, $7}'
}
# measure <variant>: starts the variant's service on its own database, then prints its load rows (create fills the
# table, list reads the first page) and one line "<variant> process <cold start ms> <idle MiB> <peak MiB> <rows>".
measure() {
  local variant="$1" dll="$work/gen-$1/Acme.Orders/cmd/Acme.Orders.Api/bin/Release/net10.0/Acme.Orders.Api.dll"
  psql_pg -qc "CREATE DATABASE orders_$variant" > /dev/null
  app_port=$(free_port)
  local started cold_ms idle_mib
  started=$(date +%s%N)
  (cd "$(dirname "$dll")" && \
    ConnectionStrings__Database="Host=127.0.0.1;Port=$pg_port;Database=orders_$variant;Username=postgres;Password=$(cat "$work/pg/pw")" \
    Authentication__Schemes__Bearer__ValidAudiences__0=bench \
    Authentication__Schemes__Bearer__SigningKeys__0__Issuer=https://issuer.bench.test/ \
    Authentication__Schemes__Bearer__SigningKeys__0__Value="$(python3 -c "import base64,sys; print(base64.b64encode(bytes.fromhex(sys.argv[1])).decode())" "$key_hex")" \
    RateLimiting__TokensPerSecond=1000000 RateLimiting__BurstSize=1000000 \
    Downstream__BaseAddress="http://127.0.0.1:$app_port/" \
    exec dotnet "$dll" --urls "http://127.0.0.1:$app_port" > "$work/app-$variant.log" 2>&1) &
  app_pid=$!
  for _ in $(seq 1200); do curl -sf "http://127.0.0.1:$app_port/health" > /dev/null && break; sleep 0.05; done
  cold_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  curl -sf "http://127.0.0.1:$app_port/ready" > /dev/null || { echo "the $variant service is not ready:" >&2; tail -20 "$work/app-$variant.log" >&2; exit 1; }
  sleep 5
  idle_mib=$(rss_mib VmRSS)
  echo "==> Loading $variant: create, then list (${duration} s each, $connections connections)" >&2
  load "$variant" create create.lua /api/v1/items
  load "$variant" list list.lua "/api/v1/items?limit=20"
  echo "$variant process $cold_ms $idle_mib $(rss_mib VmHWM) $(psql_pg -d "orders_$variant" -Atc "SELECT count(*) FROM items")"
  stop_app
}

# Not in a command substitution: a failing step ends the script, and the trap stops the service it started.
for variant in "${variants[@]}"; do measure "$variant" >> "$work/results"; done
results="$(cat "$work/results")"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

label() { if [ "$1" = before ]; then echo "before ($before, ${before_commit:0:7})"; else echo "current"; fi; }
endpoint_rows() { # endpoint_rows <endpoint> <method and path>
  local v e rps p50 p95 p99 total errors verdict
  while read -r v e rps p50 p95 p99 total errors; do
    [ "$e" = "$1" ] || continue
    verdict="yes"; [ "$(awk -v p="$p95" 'BEGIN {print (p < 200)}')" = 1 ] || verdict="**no**"
    echo "| $2 | $(label "$v") | $rps | $p50 | $p95 | $p99 | $total | $errors | $verdict |"
  done <<< "$results"
}
process_rows() {
  local v e cold idle peak rows
  while read -r v e cold idle peak rows; do
    [ "$e" = process ] || continue
    echo "| $(label "$v") | $cold ms | $idle MiB | $peak MiB | $rows |"
  done <<< "$results"
}
cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo "?")
arguments="$duration $connections${before:+ --before $before}"
if [ -n "$before" ]; then
  compared="Two services measured in the same run, one after the other at the load above: \"before\" generated from the templates and SDK of \`$before\`, then \"current\"; compare them with each other, not with another run."
else
  compared="Compare two runs only at similar load averages: this section holds one run, so it supports no before/after claim (\`--before <revision>\` measures an earlier version in the same run)."
fi
section="## Service load (std-service on PostgreSQL)

Measured with \`eng/bench-service.sh $arguments --write\` on $(date -u +%Y-%m-%d) ($cores cores shared by the
load generator, the service and PostgreSQL; .NET $(dotnet --version); PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}');
load average $load_before before and $load_after after: other processes share the cores, so the numbers are for
this machine at that load, not a capacity).
A std-service generated with the defaults, Release build, production settings (JSON logs at Information, trace
sampling 1 %, no OTLP endpoint), a valid JWT on every request, the rate limiter on with a limit that does not reject;
PostgreSQL 15 on loopback with its default settings. wrk, 2 threads, $connections connections, $duration s per endpoint after a
3 s warm-up; create runs first and fills the table, list reads the first page of 20.
Budget (profile §5): p95 under 200 ms. $compared

| Endpoint | Service | requests/s | p50 ms | p95 ms | p99 ms | requests | errors | p95 < 200 ms |
|---|---|---|---|---|---|---|---|---|
$(endpoint_rows create "\`POST /api/v1/items\`")
$(endpoint_rows list "\`GET /api/v1/items?limit=20\`")

| Service | Cold start to \`/health\` | Resident memory at idle | Peak resident memory under load | Rows at the end |
|---|---|---|---|---|
$(process_rows)

Cold start: from starting \`dotnet Acme.Orders.Api.dll\` (the built output, not published) to the first 200 from
\`/health\`, polled every 50 ms. Memory: VmRSS of the process 5 s after \`/ready\`, and VmHWM after both runs.
"
echo "$section"
if $write; then
  section_file="$work/section.md"
  printf '%s\n' "$section" > "$section_file"
  replace_doc_section "$REPO_ROOT/docs/performance.md" "Service load (std-service on PostgreSQL)" "$section_file"
  echo "Wrote the section to docs/performance.md" >&2
fi
