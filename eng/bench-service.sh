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
# Usage: eng/bench-service.sh [duration-seconds=15] [connections=16] [--write]
# STANDARDS_BENCH_FEED and STANDARDS_BENCH_VERSION reuse packages packed before (eng/common.sh pack_all) instead of
# packing them again.
source "$(dirname "$0")/common.sh"
duration="${1:-15}"
connections="${2:-16}"
write=false
for arg in "$@"; do [ "$arg" = "--write" ] && write=true; done
case "$duration" in ''|*[!0-9]*) duration=15 ;; esac
case "$connections" in ''|*[!0-9]*) connections=16 ;; esac

bash "$REPO_ROOT/eng/setup.sh"
if ! command -v wrk > /dev/null; then
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq wrk > /dev/null; else echo "bench-service: install wrk (Debian's package)" >&2; exit 1; fi
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/standards-bench-service.XXXXXX")"
chmod 755 "$work"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2> /dev/null && wait "$app_pid" 2> /dev/null
  [ -d "$work/pg/data" ] && as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop > /dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

version="${STANDARDS_BENCH_VERSION:-$(unique_version)}"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
export NUGET_PACKAGES="$work/packages" DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1
echo "==> Packing and generating std-service" >&2
if [ -n "${STANDARDS_BENCH_FEED:-}" ]; then ln -s "$(realpath "$STANDARDS_BENCH_FEED")" "$work/feed"; else pack_all "$work/feed" "$version" > /dev/null; fi
dotnet new install "$work/feed/Standards.Templates.$version.nupkg" --debug:custom-hive "$work/hive" > /dev/null
repo="$work/gen/Acme.Orders"
dotnet new std-service -n Acme.Orders -o "$repo" --sdk-feed ../../feed --no-update-check --debug:custom-hive "$work/hive" > /dev/null
# A new repo is a git repository with its first commit (the version comes from its history, STD6004).
git -C "$repo" init -q -b main && git -C "$repo" add -A
git -C "$repo" -c user.name=bench -c user.email=bench@example.invalid commit -qm "dotnet new std-service"
(cd "$repo" && CI=true dotnet build -c Release -nologo -v:q > "$work/build.log" 2>&1) || { cat "$work/build.log" >&2; exit 1; }

echo "==> Starting PostgreSQL and the service" >&2
mkdir -p "$work/pg" && openssl rand -hex 16 > "$work/pg/pw"
[ "$(id -u)" -eq 0 ] && chown -R postgres "$work/pg"
pg_port=$(free_port)
as_pg "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=scram-sha-256 --pwfile="$work/pg/pw" -E UTF8 --no-locale > /dev/null
as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -o "-h 127.0.0.1 -p $pg_port -k $work/pg" -w start > /dev/null
PGPASSWORD=$(cat "$work/pg/pw") "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE orders" > /dev/null

key_hex=$(openssl rand -hex 32)
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"https://issuer.bench.test/","aud":"bench","sub":"bench","scope":"items:read items:write","exp":%s}' "$(( $(date +%s) + 3600 ))" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key_hex" -binary | b64url)
token="$header.$payload.$signature"

app_port=$(free_port)
started=$(date +%s%N)
dll="$repo/cmd/Acme.Orders.Api/bin/Release/net10.0/Acme.Orders.Api.dll"
(cd "$(dirname "$dll")" && \
  ConnectionStrings__Database="Host=127.0.0.1;Port=$pg_port;Database=orders;Username=postgres;Password=$(cat "$work/pg/pw")" \
  Authentication__Schemes__Bearer__ValidAudiences__0=bench \
  Authentication__Schemes__Bearer__SigningKeys__0__Issuer=https://issuer.bench.test/ \
  Authentication__Schemes__Bearer__SigningKeys__0__Value="$(python3 -c "import base64,sys; print(base64.b64encode(bytes.fromhex(sys.argv[1])).decode())" "$key_hex")" \
  RateLimiting__TokensPerSecond=1000000 RateLimiting__BurstSize=1000000 \
  Downstream__BaseAddress="http://127.0.0.1:$app_port/" \
  exec dotnet "$dll" --urls "http://127.0.0.1:$app_port" > "$work/app.log" 2>&1) &
app_pid=$!
for _ in $(seq 1200); do curl -sf "http://127.0.0.1:$app_port/health" > /dev/null && break; sleep 0.05; done
cold_ms=$(( ($(date +%s%N) - started) / 1000000 ))
curl -sf "http://127.0.0.1:$app_port/ready" > /dev/null || { echo "the service is not ready:" >&2; tail -20 "$work/app.log" >&2; exit 1; }

sleep 5
rss_mib() { awk -v k="$1:" '$1 == k {printf "%.0f", $2 / 1024}' "/proc/$app_pid/status"; }
idle_mib=$(rss_mib VmRSS)

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

run() { # run <name> <script> <path>: warm-up 3 s, then the measured run
  wrk -t2 -c"$connections" -d3s -s "$work/$2" "http://127.0.0.1:$app_port$3" > /dev/null
  wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s -s "$work/$2" "http://127.0.0.1:$app_port$3" | awk -v n="$1" '/^RESULT/ {print n, $2, $3, $4, $5, $6, $7}'
}
echo "==> Loading: create, then list (${duration} s each, $connections connections)" >&2
create=$(run create create.lua /api/v1/items)
list=$(run list list.lua "/api/v1/items?limit=20")
peak_mib=$(rss_mib VmHWM)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
rows=$(PGPASSWORD=$(cat "$work/pg/pw") "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d orders -Atc "SELECT count(*) FROM items")

row() { # row <name requests/s p50 p95 p99 requests errors> <method and path>
  read -r name rps p50 p95 p99 total errors <<< "$1"
  verdict="yes"; [ "$(awk -v p="$p95" 'BEGIN {print (p < 200)}')" = 1 ] || verdict="**no**"
  echo "| $2 | $rps | $p50 | $p95 | $p99 | $total | $errors | $verdict |"
}
cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo "?")
section="## Service load (std-service on PostgreSQL)

Measured with \`eng/bench-service.sh $duration $connections --write\` on $(date -u +%Y-%m-%d) ($cores cores shared by the
load generator, the service and PostgreSQL; .NET $(dotnet --version); PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}');
load average $load_before before and $load_after after: other processes share the cores, so the numbers are for
this machine at that load, not a capacity).
A std-service generated with the defaults, Release build, production settings (JSON logs at Information, trace
sampling 1 %, no OTLP endpoint), a valid JWT on every request, the rate limiter on with a limit that does not reject;
PostgreSQL 15 on loopback with its default settings. wrk, 2 threads, $connections connections, $duration s per endpoint after a
3 s warm-up; create runs first and fills the table ($rows rows at the end), list reads the first page of 20.
Budget (profile §5): p95 under 200 ms.

| Endpoint | requests/s | p50 ms | p95 ms | p99 ms | requests | errors | p95 < 200 ms |
|---|---|---|---|---|---|---|---|
$(row "$create" "\`POST /api/v1/items\`")
$(row "$list" "\`GET /api/v1/items?limit=20\`")

| Cold start to \`/health\` | Resident memory at idle | Peak resident memory under load |
|---|---|---|
| $cold_ms ms | $idle_mib MiB | $peak_mib MiB |

Cold start: from starting \`dotnet Acme.Orders.Api.dll\` (the built output, not published) to the first 200 from
\`/health\`, polled every 50 ms. Memory: VmRSS of the process 5 s after \`/ready\`, and VmHWM after both runs. Compare two runs only at similar load averages: this section holds one run, so it supports no before/after claim.
"
echo "$section"
if $write; then
  doc="$REPO_ROOT/docs/performance.md"
  python3 - "$doc" "$section" <<'PY'
import sys, re
path, section = sys.argv[1], sys.argv[2].rstrip() + "\n"
text = open(path).read() if __import__("os").path.exists(path) else "# Performance\n"
heading = "## Service load (std-service on PostgreSQL)"
if heading in text:
    start = text.index(heading)
    nxt = text.find("\n## ", start + len(heading))
    text = text[:start] + section + ("\n" + text[nxt + 1:] if nxt >= 0 else "")
else:
    text = text.rstrip() + "\n\n" + section
open(path, "w").write(text)
PY
  echo "Wrote the section to docs/performance.md" >&2
fi
