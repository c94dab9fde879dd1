#!/usr/bin/env bash
# The test command: on a fresh Debian 12 machine with the .NET SDK, installs the Debian packages the tests drive
# (Chromium for the browser tests, Node.js + npm for the pinned model packages, PostgreSQL for the server-database
# tests) when they are missing, checks the code style (dotnet format), then runs every test. Extra arguments go to `dotnet test` (e.g. --filter ...).
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages the tests need: ${missing[*]}"
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The code style in .editorconfig is part of the build's contract: a change that does not follow it fails here.
dotnet format FaceJobs.sln --verify-no-changes -v q
dotnet test FaceJobs.sln "$@"
