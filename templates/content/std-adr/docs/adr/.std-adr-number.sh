#!/usr/bin/env bash
# Written by `dotnet new std-adr` and deleted when it has run: gives the new record the next free number in
# docs/adr/ (the template engine cannot list files, so it creates the record as 0000-... and this renames it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
trap 'rm -f .std-adr-number.sh .std-adr-number.ps1' EXIT

new="0000-std-adr-title.md"
if [ ! -f "$new" ]; then
  echo "std-adr: $new not found in docs/adr/; nothing to number." >&2
  exit 1
fi

highest=0
for record in [0-9][0-9][0-9][0-9]-*.md; do
  if [ ! -e "$record" ] || [ "$record" = "$new" ]; then
    continue
  fi
  number=$((10#${record:0:4}))
  if [ "$number" -gt "$highest" ]; then
    highest=$number
  fi
done

next=$(printf '%04d' $((highest + 1)))
target="$next-${new#0000-}"
if [ -e "$target" ]; then
  echo "std-adr: docs/adr/$target already exists; create the record with --number <N> instead." >&2
  exit 1
fi

sed "1s/^# ADR-0000:/# ADR-$next:/" "$new" > "$target"
rm -f "$new"
echo "Created docs/adr/$target (ADR-$next)."
