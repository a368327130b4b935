-- End-to-end tests of the Neovim plugin against the real ogi-lsp, in a real headless Neovim started with
-- test/init.lua (the plugin on the runtimepath, require("ogi").setup{}). Run by test/run.sh.

local here = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h")
local H = dofile(here .. "/harness.lua")
if os.getenv("OGI_TEST_VARIANT") == "lazy" then
  -- Loaded as lazy.nvim loads it: first what the loading did to the report open at startup.
  dofile(here .. "/cases_lazy.lua")(H)
end
local ogi = require("ogi")
local position = require("ogi.position")

local api = vim.api
local repo = vim.fn.fnamemodify(here, ":h:h:h")
local fixture = repo .. "/tests/fixtures/dongsheng-2024.txt"
local server = os.getenv("OGI_LSP_BIN") or "ogi-lsp on PATH"
local v = vim.version()
H.out(("# nvim %d.%d.%d, client API %s, server %s"):format(v.major, v.minor, v.patch, ogi.lsp_api(), server))

-- A throw-away workspace: a copy of the example report, a few other files, and a .git marking the root.
local ws = vim.fn.tempname()
vim.fn.mkdir(ws .. "/.git", "p")
vim.fn.writefile(vim.fn.readfile(fixture, "b"), ws .. "/dongsheng-2024.txt", "b")
vim.fn.writefile({ "草稿" }, ws .. "/draft.ogi.md")
vim.fn.writefile({ "# 某局2024年度报告", "", "## 一、总体情况", "", "全年共受理申请8件。" }, ws .. "/report.md")
vim.fn.writefile({ "购物清单", "一、总体情况以外的事" }, ws .. "/notes.txt")
local layout = repo .. "/tests/fixtures/layouts/l2-markdown.md"
vim.fn.writefile(vim.fn.readfile(layout, "b"), ws .. "/markdown-layout.md", "b")
local fixture_lines = vim.fn.readfile(fixture)

local function open(path)
  vim.cmd("edit " .. vim.fn.fnameescape(path))
  return api.nvim_get_current_buf()
end

local function line_of(buf, needle)
  for i, line in ipairs(api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if line:find(needle, 1, true) then
      return i - 1, line
    end
  end
  H.fail("the buffer has no line containing " .. needle)
end

local server_down -- the first "no server" message, repeated by every later case
local server_seen = false

--- The initialized ogi client attached to `buf`, or a failure saying why there is none.
local function client_of(buf)
  if server_down then
    H.fail("no ogi-lsp client (see the first failure above)")
  end
  local found
  local ok = vim.wait(15000, function()
    for _, c in ipairs(ogi.clients(buf)) do
      if c.initialized then
        found = c
        return true
      end
    end
    return false
  end, 20)
  if not ok then
    server_down = ("no initialized ogi-lsp client on %s after 15 s: the server (%s) is missing, "
      .. "crashed or never answered `initialize`. Build it (cargo build --release) or point OGI_LSP_BIN "
      .. "at it; the LSP log below says more."):format(api.nvim_buf_get_name(buf), server)
    H.fail(server_down)
  end
  server_seen = true
  return found
end

-- A failure while the client is gone usually means the server crashed: say so next to the failure.
H.on_failure = function()
  if server_down or not server_seen or #ogi.clients() > 0 then
    return ""
  end
  return "\n(no ogi client is running any more: the server exited or crashed; see its stderr in the LSP log)"
end

local function diags(buf, code)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local dcode = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code == nil or dcode == code then
      table.insert(found, d)
    end
  end
  return found
end

local function describe(list)
  local parts = {}
  for _, d in ipairs(list) do
    table.insert(parts, ("%d:%d %s %s"):format(d.lnum + 1, d.col + 1, tostring(d.code), d.message))
  end
  return #parts == 0 and "none" or table.concat(parts, "; ")
end

local function at_lines(list, wanted)
  local seen = {}
  for _, d in ipairs(list) do
    seen[d.lnum] = true
  end
  for _, lnum in ipairs(wanted) do
    if not seen[lnum] then
      return false
    end
  end
  return true
end

local T = {
  H = H, ogi = ogi, position = position, ws = ws, repo = repo, fixture_lines = fixture_lines, open = open,
  line_of = line_of, client_of = client_of, diags = diags, describe = describe, at_lines = at_lines,
}
T.report = open(ws .. "/dongsheng-2024.txt")

-- Order matters: the reading cases see the file as published, the edits then change it step by step.
for _, file in ipairs({ "cases_unit.lua", "cases_read.lua", "cases_table.lua", "cases_edit.lua",
  "cases_extract.lua", "cases_workspace.lua", "cases_server.lua" }) do
  dofile(here .. "/" .. file)(T)
end

H.finish()
