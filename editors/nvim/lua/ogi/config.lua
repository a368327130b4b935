-- Holds the plugin's options (defaults merged with what setup{} was given) and turns them into a
-- language-client configuration. Knows no Neovim version differences: lua/ogi/init.lua does.

local detect = require("ogi.detect")

local M = {}

M.defaults = {
  -- How to start the server; the first word must be an executable (on PATH or a path).
  cmd = { "ogi-lsp" },
  -- Filetypes considered. `ogi-report` buffers always attach; the others only when the file name or the
  -- first `scan_lines` lines say it is a report.
  filetypes = { "ogi-report", "text", "markdown" },
  scan_lines = 40,
  -- The `ogi` configuration section: answered to workspace/configuration and sent as initializationOptions.
  settings = {},
  -- Passed through to the client when given.
  capabilities = nil,
  on_attach = nil,
  -- "auto" picks vim.lsp.config/enable (0.11+), vim.lsp.start (0.8+) or vim.lsp.start_client (0.7).
  lsp_api = "auto",
}

local current = vim.deepcopy(M.defaults)

--- Merges `opts` over the defaults (lists such as `cmd` and `filetypes` are replaced, not merged).
function M.set(opts)
  local merged = vim.deepcopy(M.defaults)
  for key, value in pairs(opts or {}) do
    merged[key] = value
  end
  if type(merged.cmd) == "string" then
    merged.cmd = { merged.cmd }
  end
  current = merged
  return current
end

function M.get()
  return current
end

--- The executable the server command starts, or nil with a reason.
function M.executable()
  local cmd = current.cmd
  if type(cmd) ~= "table" or type(cmd[1]) ~= "string" then
    return nil, "ogi: option `cmd` must be a list like { \"ogi-lsp\" }"
  end
  if vim.fn.executable(cmd[1]) ~= 1 then
    return nil,
      ("ogi: language server `%s` is not executable (not installed or not on PATH); "
        .. "install ogi-lsp or pass cmd = { \"/path/to/ogi-lsp\" } to require(\"ogi\").setup{}"):format(cmd[1])
  end
  return cmd[1]
end

--- Client configuration shared by every start path; `root_dir` is filled in by the caller.
function M.client_config()
  local opts = current
  local config = {
    name = "ogi",
    cmd = vim.deepcopy(opts.cmd),
    filetypes = vim.deepcopy(opts.filetypes),
    settings = { ogi = vim.deepcopy(opts.settings or {}) },
    init_options = vim.deepcopy(opts.settings or {}),
    on_attach = opts.on_attach,
  }
  if opts.capabilities then
    config.capabilities = opts.capabilities
  end
  return config
end

--- Whether buffer `bufnr` is one the client should attach to under the current options.
function M.wants(bufnr)
  if not vim.api.nvim_buf_is_valid(bufnr) or vim.bo[bufnr].buftype ~= "" then
    return false
  end
  local ft = vim.bo[bufnr].filetype
  local listed = vim.b[bufnr].ogi_report ~= nil
  for _, want in ipairs(current.filetypes) do
    listed = listed or want == ft
  end
  return listed and detect.is_report(bufnr, current.scan_lines)
end

return M
