-- The plugin's entry point: setup{}, starting and attaching the ogi-lsp client on every Neovim from 0.7
-- to 0.11+, and the user commands. Filetype detection is ogi.detect (also sourced by ftdetect/), the
-- :OgiCheck batch run ogi.check, :OgiExtract ogi.extract, the server's own commands ogi.execute.

local config = require("ogi.config")
local detect = require("ogi.detect")

local M = {}

local api = vim.api
local GROUP = "ogi"

--- Which client API this Neovim offers (or the user forced with `lsp_api`).
function M.lsp_api()
  local want = config.get().lsp_api
  if want and want ~= "auto" then
    return want
  end
  if vim.fn.has("nvim-0.11") == 1 and vim.lsp.config and vim.lsp.enable then
    return "enable"
  elseif vim.lsp.start then
    return "start"
  end
  return "start_client"
end

--- The ogi clients, all or those attached to `bufnr`, on every supported version.
function M.clients(bufnr)
  local found = {}
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ name = "ogi", bufnr = bufnr })
  end
  local all = bufnr and vim.lsp.buf_get_clients(bufnr) or vim.lsp.get_active_clients()
  for _, client in pairs(all) do
    if client.name == "ogi" then
      table.insert(found, client)
    end
  end
  return found
end

--- The first initialized ogi client attached to `bufnr`, if any.
function M.client(bufnr)
  for _, client in ipairs(M.clients(bufnr)) do
    if client.initialized then
      return client
    end
  end
  return nil
end

--- client:request on 0.11+, client.request before (0.11 deprecates the call without `self`).
function M.request(client, method, params, handler, bufnr)
  if vim.fn.has("nvim-0.11") == 1 then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

local warned = false

-- A missing server is the usual first-run problem: say so once, in the message area and in the LSP log
-- (where `:lua vim.cmd.edit(vim.lsp.get_log_path())` finds it), instead of failing silently.
local function server_available()
  local exe, why = config.executable()
  if not exe and not warned then
    warned = true
    require("vim.lsp.log").error(why)
    vim.notify(why, vim.log.levels.WARN)
  end
  return exe ~= nil
end

-- 0.7 has no vim.lsp.start: keep one client per workspace root by hand.
local legacy_clients = {}

local function start_legacy(bufnr, cfg)
  local root = cfg.root_dir
  local id = legacy_clients[root]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or client.is_stopped() then
    cfg.on_exit = function(_, _, client_id)
      if legacy_clients[root] == client_id then
        legacy_clients[root] = nil
      end
    end
    id = vim.lsp.start_client(cfg)
    if not id then
      return nil
    end
    legacy_clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

--- Starts (or reuses) the client for `bufnr` and attaches it, whatever the Neovim version.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and api.nvim_get_current_buf() or bufnr
  if not server_available() then
    return nil
  end
  local cfg = config.client_config()
  cfg.root_dir = detect.root_dir(bufnr)
  cfg.filetypes = nil
  local which = M.lsp_api()
  if which == "start_client" then
    return start_legacy(bufnr, require("ogi.compat07").extend(cfg))
  end
  if which == "enable" then
    -- Same resolved config as vim.lsp.enable uses, so the client is shared with it.
    cfg = vim.deepcopy(vim.lsp.config.ogi)
    cfg.root_dir = detect.root_dir(bufnr)
  end
  local id
  api.nvim_buf_call(bufnr, function()
    id = vim.lsp.start(cfg, { bufnr = bufnr })
  end)
  return id
end

--- Configuration for vim.lsp.config (also what lsp/ogi.lua returns): attaches only to reports.
function M.lsp_config()
  local cfg = config.client_config()
  cfg.name = nil
  cfg.root_dir = function(bufnr, on_dir)
    if config.wants(bufnr) then
      on_dir(detect.root_dir(bufnr))
    end
  end
  return cfg
end

local function listed(ft)
  for _, want in ipairs(config.get().filetypes) do
    if want == ft then
      return true
    end
  end
  return false
end

local function on_filetype(bufnr)
  if not config.wants(bufnr) then
    return
  end
  -- A content-detected .txt becomes `ogi-report` (plain text loses nothing); a .md keeps `markdown` so
  -- Markdown highlighting and plugins keep working, and only gets the client.
  if vim.bo[bufnr].filetype == "text" and listed("ogi-report") then
    vim.bo[bufnr].filetype = "ogi-report"
    return
  end
  if M.lsp_api() == "enable" then
    server_available() -- vim.lsp.enable starts the client itself; only the warning is ours
    return
  end
  M.attach(bufnr)
end

local function define_autocmds()
  -- ftdetect/ogi-report.lua defined these already when the plugin was on 'runtimepath' at startup (or
  -- lazy.nvim sourced it); defining them again costs nothing and covers a later 'runtimepath'.
  detect.define_filetype_autocmds()
  local group = api.nvim_create_augroup(GROUP, { clear = true })
  api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = config.get().filetypes,
    nested = true,
    callback = function(args)
      on_filetype(args.buf)
    end,
  })
end

-- Report buffers already open (before setup{} ran: a plugin manager loading the plugin lazily, on their
-- filetype; or after :OgiRestart stopped the clients): the filetype they would have got, and the client.
local function attach_open_buffers()
  for _, bufnr in ipairs(api.nvim_list_bufs()) do
    if api.nvim_buf_is_loaded(bufnr) then
      if vim.bo[bufnr].filetype ~= "ogi-report" and detect.filetype(bufnr) then
        vim.bo[bufnr].filetype = "ogi-report" -- FileType attaches it
      elseif config.wants(bufnr) then
        M.attach(bufnr)
      end
    end
  end
end

--- Stops every ogi client and attaches the report buffers again once they are gone.
function M.restart()
  local ids = {}
  for _, client in ipairs(M.clients()) do
    table.insert(ids, client.id)
  end
  if #ids > 0 then
    vim.lsp.stop_client(ids)
  end
  local waited = vim.wait(5000, function()
    return #M.clients() == 0
  end, 20)
  if not waited then
    vim.lsp.stop_client(ids, true)
  end
  attach_open_buffers()
end

local function define_commands()
  api.nvim_create_user_command("OgiCheck", function(args)
    require("ogi.check").run({ path = args.args ~= "" and args.args or nil })
  end, { nargs = "?", complete = "dir", desc = "ogi-lsp check the workspace into the quickfix list" })
  api.nvim_create_user_command("OgiAttach", function()
    local bufnr = api.nvim_get_current_buf()
    vim.b[bufnr].ogi_report = true
    M.attach(bufnr)
  end, { desc = "Treat the current buffer as a report and attach ogi-lsp" })
  api.nvim_create_user_command("OgiTable", function(args)
    require("ogi.table").open(args.mods)
  end, { desc = "Show the report's tables in a split; <CR> on a figure jumps to it" })
  api.nvim_create_user_command("OgiExtract", function(args)
    require("ogi.extract").run({ file = args.args })
  end, { nargs = "?", complete = "file", desc = "Open the text of a .docx or .pdf report in a new ogi-report buffer" })
  api.nvim_create_user_command("OgiRestart", function()
    M.restart()
  end, { desc = "Restart ogi-lsp" })
  api.nvim_create_user_command("OgiSkeleton", function()
    require("ogi.execute").skeleton()
  end, { desc = "Insert the server's blank report at the cursor" })
  api.nvim_create_user_command("OgiCheckWorkspace", function(args)
    require("ogi.execute").check_workspace({ dir = args.args ~= "" and args.args or nil })
  end, { nargs = "?", complete = "dir", desc = "ogi-lsp checks every report of the workspace; diagnostics and quickfix" })
end


--- require("ogi").setup{} — every option is optional; see :help ogi-options.
function M.setup(opts)
  config.set(opts)
  warned = false
  define_autocmds()
  define_commands()
  if M.lsp_api() == "enable" then
    vim.lsp.config("ogi", M.lsp_config())
    vim.lsp.enable("ogi")
  end
  -- Also during startup: lazy.nvim loads a plugin on `ft` while Neovim reads the files it was given.
  attach_open_buffers()
  return M
end

return M
