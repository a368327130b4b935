#!/usr/bin/env bash
# Builds the release server and packages the extension, with that server inside, as a .vsix.
#
#   editors/vscode/scripts/package.sh [OUTPUT.vsix]
#
# Environment:
#   OGI_LSP_BIN=FILE   bundle FILE as the server instead of building target/release/ogi-lsp
#   OGI_LSP_BIN=none   package without a server (the extension then uses ogi.server.path or PATH)
# Needs cargo, Node 20 and npm (the npm registry is the only network it uses).
set -euo pipefail

ext_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
repo=$(cd "$ext_dir/../.." && pwd)
cd "$ext_dir"

version=$(node -p "require('./package.json').version")
bin=${OGI_LSP_BIN:-}

rm -rf server
if [ "$bin" = none ]; then
  target=""
  echo "package.sh: no server bundled (OGI_LSP_BIN=none)" >&2
else
  if [ -z "$bin" ]; then
    echo "package.sh: cargo build --release in $repo" >&2
    (cd "$repo" && cargo build --release --bin ogi-lsp)
    bin="$repo/target/release/ogi-lsp"
  fi
  if [ ! -f "$bin" ]; then
    echo "package.sh: server binary not found: $bin" >&2
    exit 1
  fi
  mkdir -p server
  # The release profile keeps line tables for backtraces; the packaged copy does not need them.
  strip -o server/ogi-lsp "$bin" 2>/dev/null || cp "$bin" server/ogi-lsp
  chmod 755 server/ogi-lsp
  # A bundled binary only runs on one platform, so the .vsix says which.
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) target=linux-x64 ;;
    Linux-aarch64) target=linux-arm64 ;;
    Darwin-x86_64) target=darwin-x64 ;;
    Darwin-arm64) target=darwin-arm64 ;;
    *) target="" ;;
  esac
fi

out=${1:-"$ext_dir/ogi-report-$version${target:+-$target}.vsix"}
mkdir -p "$(dirname "$out")"

# npm ci wipes node_modules; skip it when the installed tree already matches the lock file.
# Progress goes to stderr: stdout carries only the path of the .vsix, for callers to capture.
if [ ! node_modules/.package-lock.json -nt package-lock.json ]; then
  npm ci --no-audit --no-fund >&2
fi
npm run --silent compile >&2
npx --no-install vsce package --allow-missing-repository ${target:+--target "$target"} -o "$out" >&2
echo "$out"
