-- Decides which buffers hold a 政府信息公开工作年度报告 (by file name or by content) and where their
-- workspace root is. Knows nothing about the language client.

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
