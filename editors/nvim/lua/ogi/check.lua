-- :OgiCheck — runs `ogi-lsp check --format json <root>` and turns its report (SPEC §5: 0-based lines,
-- UTF-16 characters) into quickfix items with byte columns. Knows nothing about the language client.

local cli = require("ogi.cli")
local config = require("ogi.config")
local detect = require("ogi.detect")
local position = require("ogi.position")

local M = {}

local TYPES = { error = "E", warning = "W", information = "I", hint = "N" }

-- The result of the last finished run: { root, items, summary } or { root, error }.
M.last = nil

local function decode(text)
  if vim.json and vim.json.decode then
    return pcall(vim.json.decode, text)
  end
  return pcall(vim.fn.json_decode, text)
end

local function absolute(path, root)
  if path:sub(1, 1) == "/" then
    return path
  end
  return root .. "/" .. path:gsub("^%./", "")
end

-- The checker read the files on disk, so columns are converted against the disk text.
local function line_reader()
  local cache = {}
  return function(path, lnum)
    local lines = cache[path]
    if lines == nil then
      local ok, read = pcall(vim.fn.readfile, path)
      lines = ok and read or {}
      cache[path] = lines
    end
    return lines[lnum + 1] or ""
  end
end

local function to_item(file, diag, line_of)
  local range = diag.range or {}
  local start = range.start or { line = 0, character = 0 }
  local finish = range["end"] or start
  local first = line_of(file, start.line)
  local last = finish.line == start.line and first or line_of(file, finish.line)
  local code = diag.code and (" [" .. tostring(diag.code) .. "]") or ""
  return {
    filename = file,
    lnum = start.line + 1,
    col = position.byte_col(first, start.character, "utf-16") + 1,
    end_lnum = finish.line + 1,
    end_col = position.byte_col(last, finish.character, "utf-16") + 1,
    type = TYPES[diag.severity] or "E",
    text = tostring(diag.message or "") .. code,
  }
end

--- Quickfix items from the decoded JSON of `ogi-lsp check --format json` run in `root`.
function M.items(report, root)
  local items = {}
  local line_of = line_reader()
  for _, entry in ipairs(report.files or {}) do
    local file = absolute(entry.path or "", root)
    for _, diag in ipairs(entry.diagnostics or {}) do
      table.insert(items, to_item(file, diag, line_of))
    end
  end
  return items
end

--- Ends a run of :OgiCheck or :OgiCheckWorkspace: an error is shown as one; else `outcome.items` go to the
--- quickfix list titled `how.title`, `how.message` is shown, and the quickfix window opens when there are
--- items (the cursor stays where it is) unless `how.open` is false. Then `how.on_done(outcome)` runs and
--- `User {how.event}` is triggered.
function M.conclude(outcome, how)
  if outcome.error then
    vim.notify(outcome.error, vim.log.levels.ERROR)
  else
    vim.fn.setqflist({}, " ", { title = how.title, items = outcome.items })
    vim.notify(how.message, vim.log.levels.INFO)
    if #outcome.items > 0 and how.open ~= false then
      local win = vim.api.nvim_get_current_win()
      vim.cmd("copen")
      vim.api.nvim_set_current_win(win)
    end
  end
  if how.on_done then
    how.on_done(outcome)
  end
  vim.cmd("doautocmd <nomodeline> User " .. how.event)
end

local function finish(result, opts)
  M.last = result
  local s = result.summary or {}
  M.conclude(result, {
    title = "ogi-lsp check " .. tostring(result.root),
    message = ("ogi: %d error(s), %d warning(s) in %d file(s)"):format(s.errors or 0, s.warnings or 0, s.files or 0),
    open = opts.open,
    on_done = opts.on_done,
    event = "OgiCheckDone",
  })
end

--- Runs the checker on `opts.path` (default: the current buffer's workspace root) without blocking.
function M.run(opts)
  opts = opts or {}
  local exe, why = config.executable()
  local root = opts.path and vim.fn.fnamemodify(opts.path, ":p"):gsub("/$", "") or detect.root_dir(0)
  if not exe then
    return finish({ root = root, error = why }, opts)
  end
  local argv = { exe, "check", "--format", "json", root }
  local started = cli.run(argv, { cwd = vim.fn.isdirectory(root) == 1 and root or nil }, function(code, stdout, stderr)
    local err = vim.trim(table.concat(stderr, "\n"))
    -- Exit 1 only means "error-level findings"; 2 is a usage or I/O failure.
    if code ~= 0 and code ~= 1 then
      return finish({ root = root, error = ("ogi: `%s check` exited %d: %s"):format(exe, code, err) }, opts)
    end
    local ok, report = decode(table.concat(stdout, "\n"))
    if not ok or type(report) ~= "table" then
      return finish({ root = root, error = "ogi: cannot read the checker's JSON: " .. tostring(report) }, opts)
    end
    finish({ root = root, items = M.items(report, root), summary = report.summary }, opts)
  end)
  if not started then
    finish({ root = root, error = ("ogi: cannot run `%s`"):format(exe) }, opts)
  end
end

return M
