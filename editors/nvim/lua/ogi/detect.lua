-- Decides which buffers hold a 政府信息公开工作年度报告 (by file name or by content) and where their
-- workspace root is. Knows nothing about the language client. Needs no other module of the plugin:
-- ftdetect/ogi-report.lua loads it by its path, before the plugin is on 'runtimepath'.

local M = {}

local uv = vim.uv or vim.loop

-- Landmarks of SPEC §2: a report starts at a title line containing this phrase …
local TITLE = "政府信息公开工作年度报告"
-- … or, without a title, at the first section heading.
local FIRST_SECTION = "一、总体情况"

local SPACES = { " ", "\t", "\239\187\191" --[[ BOM ]], "\227\128\128" --[[ U+3000 ]] }
-- Markdown decoration a heading may carry in a .md report (`## 一、总体情况`, `**一、总体情况**`).
local LEAD = { "#", "*", "_", ">" }
local TRAIL = { "*", "_", "|" }

local function strip(s, pieces, at_end)
  local changed = true
  while changed do
    changed = false
    for _, p in ipairs(pieces) do
      if at_end then
        if #s >= #p and s:sub(-#p) == p then
          s, changed = s:sub(1, -#p - 1), true
        end
      elseif s:sub(1, #p) == p then
        s, changed = s:sub(#p + 1), true
      end
    end
  end
  return s
end

local function is_first_section(line)
  local s = strip(strip(line, SPACES), LEAD)
  s = strip(s, SPACES)
  s = strip(strip(s, SPACES, true), TRAIL, true)
  return strip(s, SPACES, true) == FIRST_SECTION
end

--- True when a file name says "this is a report" whatever its content.
function M.by_name(path)
  return path ~= nil and (path:match("%.ogi%.md$") ~= nil or path:match("%.ogi%.txt$") ~= nil)
end

--- True when one of `lines` carries a report landmark.
function M.by_content(lines)
  for _, line in ipairs(lines) do
    if line:find(TITLE, 1, true) or is_first_section(line) then
      return true
    end
  end
  return false
end

--- Whether buffer `bufnr` should get the ogi client. `b:ogi_report` (set by :OgiAttach) wins.
function M.is_report(bufnr, scan_lines)
  local forced = vim.b[bufnr].ogi_report
  if forced ~= nil then
    return forced == true or forced == 1
  end
  if vim.bo[bufnr].filetype == "ogi-report" or M.by_name(vim.api.nvim_buf_get_name(bufnr)) then
    return true
  end
  return M.by_content(vim.api.nvim_buf_get_lines(bufnr, 0, scan_lines or 40, false))
end

--- The plugin's options when setup{} ran (ftdetect may run before it, or without it).
local function options()
  local config = package.loaded["ogi.config"]
  return config and config.get() or nil
end

local function listed(opts, filetype)
  for _, ft in ipairs(opts.filetypes or {}) do
    if ft == filetype then
      return true
    end
  end
  return false
end

--- "ogi-report" when a file just read is a report by its name (`*.ogi.md`, `*.ogi.txt`), or a plain `.txt`
--- file (no filetype yet, or `text`) whose first lines hold a landmark; nil otherwise. A `.md` report keeps
--- filetype markdown, and a help file stays help (this plugin's own doc/ogi.txt names a report).
function M.filetype(bufnr)
  if vim.bo[bufnr].buftype ~= "" then
    return nil
  end
  local name = vim.api.nvim_buf_get_name(bufnr)
  if M.by_name(name) then
    return "ogi-report"
  end
  local current = vim.bo[bufnr].filetype
  if current ~= "" and current ~= "text" then
    return nil
  end
  local opts = options()
  if opts and not (listed(opts, "text") and listed(opts, "ogi-report")) then
    return nil -- the user's `filetypes` leave plain text alone
  end
  local scan = opts and opts.scan_lines or 40
  if name:match("%.txt$") and M.by_content(vim.api.nvim_buf_get_lines(bufnr, 0, scan, false)) then
    return "ogi-report"
  end
  return nil
end

--- Gives report files filetype `ogi-report` when they are read or created, after Neovim's own detection
--- (or before it: the filetype set here stays, `:setfiletype` keeps a filetype already set). Defining it
--- again replaces it, so ftdetect/ogi-report.lua and setup{} may both call it.
function M.define_filetype_autocmds()
  local group = vim.api.nvim_create_augroup("ogi_filetype", { clear = true })
  vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, {
    group = group,
    pattern = { "*.ogi.md", "*.ogi.txt", "*.txt" },
    nested = true, -- FileType ogi-report must run its autocmds (the client's attach, lazy loaders)
    callback = function(args)
      if vim.bo[args.buf].filetype ~= "ogi-report" and M.filetype(args.buf) then
        vim.bo[args.buf].filetype = "ogi-report"
      end
    end,
  })
end

local function exists(path)
  return uv.fs_stat(path) ~= nil
end

--- Nearest ancestor directory holding `.git` (a folder, or a file in a git worktree), else the file's own
--- directory, else the current directory for an unnamed buffer.
function M.root_dir(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == "" then
    return uv.cwd()
  end
  local start = vim.fn.fnamemodify(name, ":p:h")
  local dir = start
  while true do
    if exists(dir .. "/.git") then
      return dir
    end
    local parent = vim.fn.fnamemodify(dir, ":h")
    if parent == dir then
      return start
    end
    dir = parent
  end
end

return M
