-- A tiny test harness for Neovim end-to-end tests: named cases, waits with readable failures, and on any
-- failure the ogi client's log and the notifications the user would have seen.

local H = {}

local results = {}
local notes = {}

local function out(text)
  io.stdout:write(text .. "\n")
  io.stdout:flush()
end
H.out = out

-- Record what the plugin and Neovim tell the user, so a failure can show it.
vim.notify = function(msg, level, opts)
  table.insert(notes, tostring(msg))
end

--- The last message the plugin or Neovim showed the user.
function H.last_note()
  return notes[#notes] or ""
end

--- Fails the current case with `message` (no Lua position prefix: the message says it all).
function H.fail(message)
  error({ ogi_failure = message }, 0)
end

function H.check(cond, message)
  if not cond then
    H.fail(message)
  end
end

--- Waits up to `seconds` for `pred()`; fails with `what` (a string or a function giving one) if it never holds.
function H.wait(seconds, pred, what)
  if vim.wait(seconds * 1000, pred, 20) then
    return
  end
  local text = type(what) == "function" and what() or what
  H.fail(("%s (waited %d s)"):format(text, seconds))
end

function H.case(name, fn)
  local started = vim.loop.hrtime()
  local ok, err = xpcall(fn, function(e)
    if type(e) == "table" and e.ogi_failure then
      return e.ogi_failure
    end
    return debug.traceback(tostring(e), 2)
  end)
  if not ok and H.on_failure then
    err = err .. H.on_failure()
  end
  local ms = (vim.loop.hrtime() - started) / 1e6
  table.insert(results, { name = name, ok = ok, err = err })
  if ok then
    out(("ok - %s (%.0f ms)"):format(name, ms))
  else
    local text = tostring(err):gsub("\n", "\n    ")
    out(("not ok - %s\n    %s"):format(name, text))
  end
end

local function tail(path, max_lines)
  local ok, lines = pcall(vim.fn.readfile, path)
  if not ok then
    return { "(no log at " .. path .. ")" }
  end
  local first = math.max(1, #lines - max_lines + 1)
  local shown = {}
  if first > 1 then
    table.insert(shown, ("(… %d earlier lines omitted)"):format(first - 1))
  end
  for i = first, #lines do
    table.insert(shown, (lines[i]:sub(1, 400)))
  end
  return shown
end

--- Prints the summary (and, on failure, the LSP log and notifications) and leaves Neovim.
function H.finish()
  local passed, failed = 0, 0
  for _, r in ipairs(results) do
    if r.ok then
      passed = passed + 1
    else
      failed = failed + 1
    end
  end
  for _, n in ipairs(notes) do
    out("# notified: " .. n:gsub("\n", "\n#   "))
  end
  if failed > 0 then
    local log = vim.lsp.get_log_path()
    out("---- Neovim LSP log " .. log .. " ----")
    for _, line in ipairs(tail(log, 120)) do
      out(line)
    end
    out("---- end of log ----")
  end
  out(("%d passed, %d failed"):format(passed, failed))
  vim.cmd(failed > 0 and "cquit 1" or "qall!")
end

return H
