-- :OgiExtract — runs `ogi-lsp extract FILE` on a .docx or .pdf and opens its text view in a new buffer
-- named `FILE.ogi.txt`, not written to disk, of filetype ogi-report so the server checks it as you edit.
-- Knows the CLI's contract (the text on stdout and exit 0, or `error: <path>: <reason>` on stderr and
-- exit 2); knows nothing about the language client, which attaches through the FileType autocommand.

local cli = require("ogi.cli")
local config = require("ogi.config")

local M = {}

local api = vim.api

--- Whether `path` names a file `ogi-lsp extract` reads (the CLI tells them by extension, in any case).
function M.extractable(path)
  local lower = path:lower()
  return lower:match("%.docx$") ~= nil or lower:match("%.pdf$") ~= nil
end

--- The file `:OgiExtract {arg}` means: {arg} as typed (or expanded, for `%`, `~` and the like), else
--- the current buffer's file. Nil and a reason when there is none.
function M.target(arg)
  if arg == nil or arg == "" then
    local name = api.nvim_buf_get_name(0)
    if name == "" or not M.extractable(name) then
      return nil, "ogi: :OgiExtract needs a .docx or .pdf file, and the current buffer is none"
    end
    return name
  end
  local file = vim.fn.filereadable(arg) == 1 and arg or vim.fn.expand(arg)
  return vim.fn.fnamemodify(file, ":p")
end

--- The CLI's reason for giving no text, without its `error: ` prefix and without the path.
local function reason(stderr, file, code)
  local said = {}
  for _, line in ipairs(stderr) do
    local text = line:match("^error: (.*)$")
    if text then
      if text:sub(1, #file + 2) == file .. ": " then
        text = text:sub(#file + 3)
      end
      table.insert(said, text)
    end
  end
  if #said > 0 then
    return table.concat(said, "; ")
  end
  local rest = vim.trim(table.concat(stderr, "\n"))
  return ("`extract` exited with code %d%s"):format(code, rest ~= "" and (": " .. rest) or "")
end

local function find_buffer(name)
  for _, buf in ipairs(api.nvim_list_bufs()) do
    if api.nvim_buf_get_name(buf) == name then
      return buf
    end
  end
  return nil
end

--- Shows `lines` in the buffer `FILE.ogi.txt`: a new one, or the one an earlier :OgiExtract made as long
--- as nothing was changed in it since (edits made there are not thrown away).
local function show(file, lines)
  local name = file .. ".ogi.txt"
  local buf = find_buffer(name)
  if buf and vim.b[buf].ogi_extracted ~= api.nvim_buf_get_changedtick(buf) then
    vim.notify(("ogi: %s has changes; it is shown as it is, not read again"):format(vim.fn.fnamemodify(name, ":~:.")),
      vim.log.levels.WARN)
  else
    if not buf then
      buf = api.nvim_create_buf(true, false)
      -- Named before the filetype is set, so the client finds the workspace root beside the file.
      api.nvim_buf_set_name(buf, name)
    end
    api.nvim_buf_set_lines(buf, 0, -1, false, lines)
    -- Modified: the text is not on disk, and :edit must not replace it with an empty file.
    vim.bo[buf].modified = true
    vim.bo[buf].filetype = "ogi-report"
    vim.b[buf].ogi_extracted = api.nvim_buf_get_changedtick(buf)
  end
  api.nvim_win_set_buf(0, buf)
  return buf
end

--- Runs the extraction of `opts.file` (default: see M.target) without blocking. `opts.on_done(buf)`
--- gets the new buffer, or nil after an error (which is also notified at ERROR level).
function M.run(opts)
  opts = opts or {}
  local function done(buf, err)
    if err then
      vim.notify(err, vim.log.levels.ERROR)
    end
    if opts.on_done then
      opts.on_done(buf)
    end
  end
  local file, why = M.target(opts.file)
  if not file then
    return done(nil, why)
  end
  local exe, missing = config.executable()
  if not exe then
    return done(nil, missing)
  end
  local shown = vim.fn.fnamemodify(file, ":~:.")
  -- A list command runs without a shell, so the file name reaches the CLI as it is.
  local started = cli.run({ exe, "extract", file }, {}, function(code, stdout, stderr)
    if code ~= 0 then
      return done(nil, ("ogi: cannot open %s as report text: %s"):format(shown, reason(stderr, file, code)))
    end
    -- Every line of the text ends with a newline, so the last item of the list is the empty rest.
    if stdout[#stdout] == "" then
      table.remove(stdout)
    end
    done(show(file, stdout))
  end)
  if not started then
    done(nil, ("ogi: cannot run `%s`"):format(exe))
  end
end

return M
