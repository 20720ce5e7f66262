#!/usr/bin/env bash
# Benchmark of the repository checks with the secret check on a generated repo of 100,000 files, 20,000 of them
# configuration files (eng/bench/LayoutBench 100000 500 20000). The secret check searches every text file, so every
# file is a content input of the fingerprint: what a no-op build pays (the fingerprint, with the content hashes it
# keeps for all 100,000 files), what a build after a change and a first build pay (fingerprint, snapshot, every
# repository check), and the secret check alone (it reads and searches every file).
# Prints a markdown table (median of RUNS runs); with --write it also replaces the section
# "## Secrets check at 100,000 files" of docs/performance.md.
# Usage: eng/bench-secrets.sh [runs=5] [--write]
source "$(dirname "$0")/common.sh"
bench_args 5 "$@"

project="$REPO_ROOT/eng/bench/LayoutBench/LayoutBench.csproj"
# The build's output is shown when it fails (set -e would otherwise end the script without a word).
if ! log="$(dotnet build "$project" -c Release -nologo -v:q 2>&1)"; then
  echo "$log" >&2
  exit 1
fi
table="$(dotnet run --project "$project" -c Release --no-build -- "$runs" 100000 500 20000)"
echo "$table"

if [ "$write" = true ]; then
  doc="$REPO_ROOT/docs/performance.md"
  section="$(mktemp)"
  trap 'rm -f "$section"' EXIT
  {
    echo "## Secrets check at 100,000 files"
    echo
    echo "Measured with \`eng/bench-secrets.sh $runs --write\` on $(date -u +%Y-%m-%d) ($(nproc) cores, .NET $(dotnet --version),"
    echo "load average $(cut -d' ' -f1-3 /proc/loadavg))."
    echo "At a load average above the core count (other builds running) every figure is an upper bound."
    echo "A no-op build pays the fingerprint as a build computes it (second row; budget: at most 1 s at 100,000 files),"
    echo "then skips every repository check, the secret check included. A build after one file changed pays a row"
    echo "\"a build after a change\": the fingerprint (content hashes from the kept cache, the changed file hashed again),"
    echo "the snapshot from its walk and every repository check over all files, the secret check searching only the texts"
    echo "its kept findings do not hold (none in the benchmark, which changes no file). \"A first build\" hashes and searches every file."
    echo
    echo "$table"
    echo
    cat <<'TEXT'
The second row counts what a no-op build does: the kept content hashes parsed, the tree walked on every core, every
file examined (stat, and read only where its kept hash cannot be trusted). Allocations count every thread.

**The secret check keeps its findings by content** (`artifacts/standards/obj/secret-findings.txt`, beside the
other state of the repository checks): for each text it searched, the SHA-256 of the text, whether values under secret
names were searched too (configuration files), and the findings (kind, line, column, fingerprint; never the
secret). A build after a change still reads every tracked file, hashes its text and looks it up, but searches only
the texts it has not searched before: the edited, added or changed ones. The findings of a text no file holds any
more are not written back, so a removed file's findings are dropped; a cache written by another build of the checks
(a new Standards.Sdk version, any change of a pattern) is not used, and a damaged entry is searched again, never
taken as a file without secrets. The table's "after a change" rows measure that path with every text already
searched; the "first build" row searches every text.
TEXT
    echo
  } > "$section"
  replace_doc_section "$doc" "Secrets check at 100,000 files" "$section"
  echo "Updated docs/performance.md"
fi
