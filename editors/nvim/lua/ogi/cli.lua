-- Runs the ogi-lsp command line (`check`, `extract`) in the background and hands back its exit code and
-- output, each as a list of lines. Knows nothing of what the commands print.

local M = {}

--- Starts `argv` (a list: no shell) with `opts.cwd`; `on_exit(code, stdout, stderr)` runs when it ends.
--- Returns false when the command could not be started (on_exit is then not called).
function M.run(argv, opts, on_exit)
  local stdout, stderr = {}, {}
  local job = vim.fn.jobstart(argv, {
    cwd = opts.cwd,
    stdout_buffered = true,
    stderr_buffered = true,
    on_stdout = function(_, data)
      stdout = data
    end,
    on_stderr = function(_, data)
      stderr = data
    end,
    on_exit = function(_, code)
      on_exit(code, stdout, stderr)
    end,
  })
  return job > 0
end

return M
