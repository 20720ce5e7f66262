#!/usr/bin/env bash
# Regenerates the packages.lock.json files that std-lib ships (templates/content/std-lib/). std-service and
# std-worker ship none: their options change the package set, so `dotnet new` restores them and writes the lock
# files (a restore post-action).
#
#   templates/scripts/refresh-lock-files.sh <standards-sdk-version> [<standards-sdk-feed>]
#
# Run it after changing a package version in a template's Directory.Packages.props, a PackageReference, or the
# implicit package references that Standards.Sdk adds (the lock files record those too). Each template is
# instantiated as Company.Product (so the files come back with the template's own names), restored, and its lock
# files are copied back. Variants whose packages differ (std-service/std-worker with --tracing false) are stored
# as packages.notracing.lock.json next to the default one; template.json renames them.
set -euo pipefail

if [ $# -lt 1 ]; then
  sed -n '2,10p' "$0"
  exit 2
fi
version=$1
feed=${2:-}
templates=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# instantiate <template> <variant> [template options...]: prints the folder of the restored instance
instantiate() {
  local template=$1 variant=$2
  shift 2
  local hive="$work/hive-$template-$variant" out="$work/$template-$variant/Company.Product"
  # The whole content folder: the host templates take shared files from content/_shared.
  dotnet new install "$templates/content" --debug:custom-hive "$hive" > /dev/null
  dotnet new "$template" -n Company.Product -o "$out" --sdk-version "$version" ${feed:+--sdk-feed "$(realpath -m --relative-to="$out" "$feed")"} \
    --debug:custom-hive "$hive" "$@" > /dev/null
  (cd "$out" && dotnet restore --force-evaluate > /dev/null)
  # NuGet writes the keys of project entries in lower case. Write them as the project names instead, so that the
  # template engine renames them with the projects (NuGet compares them case-insensitively).
  local project name lock
  while IFS= read -r lock; do
    while IFS= read -r project; do
      name=$(basename "$project" .csproj)
      sed -i "s/\"${name,,}\": {/\"$name\": {/" "$lock"
    done < <(find "$out" -name '*.csproj')
  done < <(find "$out" -name packages.lock.json -not -path '*/obj/*')
  echo "$out"
}

# copy <instance> <template> <file name in content>: copies every lock file of the instance into the content
copy_back() {
  local out=$1 template=$2 target_name=$3 lock relative target
  while IFS= read -r lock; do
    relative=${lock#"$out"/}
    target="$templates/content/$template/$(dirname "$relative")/$target_name"
    if [ "$target_name" != packages.lock.json ] \
      && cmp -s "$lock" "$templates/content/$template/$(dirname "$relative")/packages.lock.json"; then
      rm -f "$target"
      continue
    fi
    cp "$lock" "$target"
    echo "  $template/$(dirname "$relative")/$target_name"
  done < <(find "$out" -name packages.lock.json -not -path '*/obj/*' | sort)
}

# TEMPLATES=std-service limits the run to some templates.
for template in ${TEMPLATES:-std-lib}; do
  echo "$template"
  copy_back "$(instantiate "$template" default)" "$template" packages.lock.json
  if [ "$template" != std-lib ]; then
    echo "$template --tracing false"
    copy_back "$(instantiate "$template" notracing --tracing false)" "$template" packages.notracing.lock.json
  fi
done
