-- Neovim 0.7 only: its vim.lsp.buf.code_action() rebuilds context.diagnostics from vim.diagnostic with
-- byte columns where LSP wants UTF-16 characters, so a server that uses those ranges edits the wrong text.
-- This keeps the diagnostics the server published and sends those back instead (fixed upstream in 0.8), and
-- sets 'omnifunc' on attach as 0.8+ does by itself.

local position = require("ogi.position")

local M = {}

local published = {} -- uri -> the server's own diagnostics, as last published

local function same(vim_diag, lsp_diag)
  return vim_diag.range.start.line == lsp_diag.range.start.line
    and vim_diag.message == lsp_diag.message
    and tostring(vim_diag.code) == tostring(lsp_diag.code)
end

-- The published original when there is one, else the same diagnostic with its columns converted.
local function restore(uri, diag, bufnr, encoding)
  for _, original in ipairs(published[uri] or {}) do
    if same(diag, original) then
      return original
    end
  end
  local fixed = vim.deepcopy(diag)
  for _, key in ipairs({ "start", "end" }) do
    local pos = fixed.range[key]
    local line = vim.api.nvim_buf_get_lines(bufnr, pos.line, pos.line + 1, false)[1] or ""
    pos.character = position.character(line, pos.character, encoding)
  end
  return fixed
end

--- Client config additions for vim.lsp.start_client on 0.7.
function M.extend(cfg)
  cfg.handlers = cfg.handlers or {}
  cfg.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
    if result and result.uri then
      published[result.uri] = result.diagnostics
    end
    return vim.lsp.handlers["textDocument/publishDiagnostics"](err, result, ctx, config)
  end
  local on_attach = cfg.on_attach
  cfg.on_attach = function(client, bufnr)
    if vim.bo[bufnr].omnifunc == "" then
      vim.bo[bufnr].omnifunc = "v:lua.vim.lsp.omnifunc"
    end
    if on_attach then
      on_attach(client, bufnr)
    end
  end
  cfg.on_init = function(client)
    local request = client.request
    client.request = function(method, params, handler, bufnr)
      local context = type(params) == "table" and params.context
      if method == "textDocument/codeAction" and context and context.diagnostics and bufnr then
        local uri = params.textDocument.uri
        local target = bufnr == 0 and vim.api.nvim_get_current_buf() or bufnr
        for i, diag in ipairs(context.diagnostics) do
          context.diagnostics[i] = restore(uri, diag, target, client.offset_encoding or "utf-16")
        end
      end
      return request(method, params, handler, bufnr)
    end
  end
  return cfg
end

return M
