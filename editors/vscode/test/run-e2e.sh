#!/usr/bin/env bash
# End-to-end test of the extension in real VS Code: code-server 4.100.3 (VS Code 1.100.3) driven
# through Debian's Chromium by playwright-core. Installs what it needs (apt, npm), caches the npm part,
# packages the .vsix with the release server, installs it into a fresh profile and runs test/e2e.js.
#
#   editors/vscode/test/run-e2e.sh
#
# Environment:
#   OGI_LSP_BIN=FILE|none  passed to scripts/package.sh (bundle another server, or none) — a wrong one
#                          must make this test fail with a readable message
#   OGI_E2E_CACHE=DIR      where the npm tools are cached (default: <repo>/.artifacts/cache/vscode-e2e)
#   OGI_E2E_KEEP=1         keep the temporary run folder (profile, logs) even when the test passes
# Screenshots go to <repo>/.artifacts/vscode/.
set -euo pipefail

started=$(date +%s)
ext_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
repo=$(cd "$ext_dir/../.." && pwd)
cache=${OGI_E2E_CACHE:-"$repo/.artifacts/cache/vscode-e2e"}
shots="$repo/.artifacts/vscode"
fixture="$repo/tests/fixtures/dongsheng-2024.txt"

say() { printf '[vscode-e2e %3ss] %s\n' "$(($(date +%s) - started))" "$*" >&2; }
die() { say "FAILED: $*"; exit 1; }

# --- system packages (Debian) -------------------------------------------------------------------
# fonts-wqy-microhei: without a CJK font the screenshots show boxes instead of Chinese.
apt_packages=(chromium fonts-wqy-microhei build-essential pkg-config python3 ripgrep libkrb5-dev)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing Debian packages (${missing[*]}); run as root or: sudo apt-get install -y ${missing[*]}"
  say "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- npm tools: code-server + playwright-core, cached by lock-file content ------------------------
tools="$cache/tools"
lock_sum=$(cat "$ext_dir/test/tools/package.json" "$ext_dir/test/tools/package-lock.json" | sha256sum | cut -c1-16)
if [ ! -f "$tools/.installed-$lock_sum" ]; then
  say "npm ci code-server + playwright-core into $tools (one-time, about a minute)"
  rm -rf "$tools"
  mkdir -p "$tools/tmp"
  cp "$ext_dir/test/tools/package.json" "$ext_dir/test/tools/package-lock.json" "$tools/"
  # @vscode/ripgrep downloads rg from the internet unless its cache already holds the archive:
  # hand it Debian's rg under the name it looks for.
  rg_cache="$tools/tmp/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$rg_cache"
  tar czf "$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
  # unsafe_perm: code-server's post-install refuses root otherwise; nodedir: node-gyp uses the
  # installed Node headers instead of downloading them; yes: a post-install runs `npx node-gyp`.
  (cd "$tools" && TMPDIR="$tools/tmp" npm_config_unsafe_perm=true npm_config_nodedir=/usr npm_config_yes=true \
    npm ci --no-audit --no-fund --foreground-scripts >"$tools/npm-install.log" 2>&1) ||
    { tail -n 40 "$tools/npm-install.log" >&2; die "npm install of code-server failed (log: $tools/npm-install.log)"; }
  touch "$tools/.installed-$lock_sum"
fi
code_server="$tools/node_modules/.bin/code-server"

# --- package the extension with the release server -----------------------------------------------
run=$(mktemp -d "${TMPDIR:-/tmp}/ogi-vscode-e2e.XXXXXX")
say "run folder: $run"
server_pid=""
print_logs() {
  say "language-client log (OGI Language Server output channel):"
  local found=0
  while IFS= read -r -d '' f; do
    found=1
    echo "----- $f" >&2
    tail -n 60 "$f" >&2
  done < <(find "$run/user-data/logs" -type f -name '*OGI*' -print0 2>/dev/null)
  [ "$found" = 1 ] || echo "  (no OGI output-channel log was written: the extension may not have activated)" >&2
  local host
  host=$(find "$run/user-data/logs" -type f -name 'remoteexthost.log' 2>/dev/null | head -n 1)
  if [ -n "$host" ]; then
    echo "----- $host (extension host, last 30 lines)" >&2
    tail -n 30 "$host" >&2
  fi
}
finish() {
  local rc=$?
  local passed
  passed=$(cat "$run/e2e-passed" 2>/dev/null || echo 0)
  [ "$rc" != 0 ] || passed=$((passed + 1))
  # code-server runs a child per window and extension host: end the whole process group we started.
  [ -z "$server_pid" ] || kill -- "-$server_pid" 2>/dev/null || true
  if [ "$rc" != 0 ]; then
    [ ! -d "$run/user-data/logs" ] || print_logs
    say "kept the run folder for inspection: $run"
  elif [ "${OGI_E2E_KEEP:-}" != 1 ]; then
    rm -rf "$run"
  fi
  say "duration: $(($(date +%s) - started)) s"
  # One plain closing line for CI: the browser steps, plus the HTML review page.
  echo "vscode-e2e: $passed passed, $([ "$rc" = 0 ] && echo 0 || echo 1) failed"
}
trap finish EXIT
vsix=$("$ext_dir/scripts/package.sh" "$run/ogi-report.vsix" 2> >(sed 's/^/  package.sh: /' >&2)) ||
  die "packaging the extension failed (see the package.sh lines above)"
# package.sh left node_modules and out/ in place: the unit tests (grammar, server lookup, table preview HTML) cost a second.
say "unit tests (grammar, server lookup, table preview HTML, extract, server command answers)"
(cd "$ext_dir" && node --test test/grammar.test.js test/serverPath.test.js test/tableHtml.test.js test/extractText.test.js test/commandsProtocol.test.js 2>&1 | grep -E '^# (tests|pass|fail)|^not ok' | sed 's/^/  /'; exit "${PIPESTATUS[0]}") ||
  die "the extension's unit tests failed (run: npm test --prefix editors/vscode)"

# --- a fresh VS Code profile, workspace and $HOME -------------------------------------------------
mkdir -p "$run/home" "$run/user-data/User" "$run/extensions" "$run/ws" "$shots"
rm -f "$shots"/*.png # a stale failure.png from an earlier run would mislead
export HOME="$run/home" XDG_CONFIG_HOME="$run/home/.config" XDG_DATA_HOME="$run/home/.local/share" \
  XDG_STATE_HOME="$run/home/.local/state" XDG_CACHE_HOME="$run/home/.cache"
cat >"$run/user-data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "security.workspace.trust.enabled": false
}
JSON
cp "$fixture" "$run/ws/report.ogi.txt"
cp "$fixture" "$run/ws/plain.txt"
cp "$fixture" "$run/ws/closed.txt"
: >"$run/ws/skeleton.ogi.md"
echo '{}' >"$run/ws/notes.json" # a document the client does not send to the server
# Two years of another agency for the carry-over check: the example ends its year with
# 四、结转下年度继续办理 = 1 (自然人) and starts it with 二、上年结转 = 0, so as 2023 and 2024 reports of one
# agency they disagree in one column.
sed 's/东胜区/康巴什区/g' "$fixture" >"$run/ws/kangbashi-2024.txt"
sed 's/东胜区/康巴什区/g; s/2024/2023/g' "$fixture" >"$run/ws/kangbashi-2023.txt"
# For OGI: Open as Report Text: a .docx whose text view is the example, and a damaged PDF.
python3 "$repo/editors/test/lines_to_docx.py" "$fixture" "$run/ws/report.docx" || die "could not write report.docx"
printf '%%PDF-1.4 broken' >"$run/ws/broken.pdf"

"$code_server" --install-extension "$vsix" --force --extensions-dir "$run/extensions" --user-data-dir "$run/user-data" \
  >"$run/install-extension.log" 2>&1 || { cat "$run/install-extension.log" >&2; die "code-server could not install $vsix"; }

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$run/code-server.yaml" <<YAML
bind-addr: 127.0.0.1:$port
auth: none
cert: false
YAML


setsid "$code_server" --config "$run/code-server.yaml" --user-data-dir "$run/user-data" --extensions-dir "$run/extensions" \
  --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  --ignore-last-opened "$run/ws" >"$run/code-server.log" 2>&1 &
server_pid=$!

say "code-server on port $port; driving Chromium"
NODE_PATH="$tools/node_modules" \
  OGI_E2E_URL="http://127.0.0.1:$port/?folder=$run/ws" \
  OGI_E2E_HEALTH="http://127.0.0.1:$port/healthz" \
  OGI_E2E_FIXTURE="$fixture" \
  OGI_E2E_SHOTS="$shots" \
  OGI_E2E_RUN="$run" \
  node "$ext_dir/test/e2e.js" || die "the end-to-end test failed (message above; screenshots in $shots)"
installed_server=$(find "$run/extensions" -path '*/server/ogi-lsp' -type f | head -n 1)
[ -n "$installed_server" ] || die "the installed extension has no server/ogi-lsp"
# The CLI's HTML review page in the same Chromium: the example, and a copy with 自然人 8 → 9 (line 65)
# that exits 1, each checked under a relative name as a user would; screenshots and A4 PDFs go to
# <repo>/.artifacts/html/.
say "HTML review page (check --format html) in Chromium"
sed '65s/^8 |$/9 |/' "$fixture" >"$run/broken.txt"
(cd "$repo" && "$installed_server" check --format html -o "$run/example.html" "${fixture#"$repo"/}") ||
  die "check --format html failed on the example"
(cd "$run" && "$installed_server" check --format html -o broken.html broken.txt) || [ $? = 1 ] ||
  die "check --format html failed on the broken copy"
NODE_PATH="$tools/node_modules" node "$ext_dir/test/html-page.js" "$repo/.artifacts/html" "$run/example.html" "$run/broken.html" ||
  die "the HTML review page test failed (message above)"
say "PASSED"
