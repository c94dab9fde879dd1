# Sourced by the fetch scripts: `npm pack`s one package into a folder and checks the tarball against the registry's
# integrity (sha512), so what is converted or compared is exactly what was published.
# Usage: tarball="$(npm_pack_verified PACKAGE@VERSION sha512-... FOLDER)"

npm_pack_verified() {
  local package=$1 expected_integrity=$2 folder=$3 tarball integrity
  npm pack "$package" --pack-destination "$folder" --json > "$folder/pack.json"
  tarball="$(ls "$folder"/*.tgz)"
  integrity="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
  if [[ "$integrity" != "$expected_integrity" ]]; then
    echo "integrity mismatch for $package: got $integrity" >&2
    return 1
  fi
  echo "$tarball"
}
