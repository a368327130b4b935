-- The server's own commands, run through workspace/executeCommand: :OgiSkeleton (`ogi.skeleton`, a blank
-- report in the buffer's layout, inserted at the cursor) and :OgiCheckWorkspace (`ogi.checkWorkspace`,
-- every report file of the workspace checked by the server, which publishes their diagnostics).

local position = require("ogi.position")

local M = {}

local api = vim.api

M.SKELETON = "ogi.skeleton"
M.CHECK_WORKSPACE = "ogi.checkWorkspace"

-- The result of the last finished :OgiCheckWorkspace: { result, items, summary } or { error }.
M.last_check = nil

local function offers(client, command)
  local provider = client.server_capabilities and client.server_capabilities.executeCommandProvider
  for _, offered in ipairs(provider and provider.commands or {}) do
    if offered == command then
      return true
    end
  end
  return false
end

--- The initialized ogi client of `bufnr` (else, with `any_buffer`, the only one running) that offers
--- `command`, or nil and why not.
local function client_for(bufnr, command, action, any_buffer)
  local ogi = require("ogi")
  local client = ogi.client(bufnr)
  if not client and any_buffer then
    local running = ogi.clients()
    client = #running == 1 and running[1].initialized and running[1] or nil
  end
  if not client then
    return nil, ("ogi: %s needs ogi-lsp attached to this buffer, and it is not (:OgiAttach attaches it)"):format(action)
  end
  if not offers(client, command) then
    return nil, ("ogi: %s needs the server command %s, which this ogi-lsp does not offer; update ogi-lsp"):format(
      action, command)
  end
  return client
end

local function fail(message)
  vim.notify(message, vim.log.levels.ERROR)
  return nil
end

local function insert(bufnr, row, col, text)
  local lines = vim.split(text, "\r?\n")
  local ok, err = pcall(api.nvim_buf_set_text, bufnr, row, col, row, col, lines)
  if not ok then
    return fail("ogi: cannot insert the skeleton: " .. tostring(err))
  end
  return #lines
end

--- :OgiSkeleton — asks the server for a blank report in the layout the buffer already uses (plain text for
--- an empty one) and inserts it at the cursor, which stays at the skeleton's first line.
--- `on_done(lines)` runs after the insertion with the number of lines inserted (nil when it failed).
function M.skeleton(on_done)
  on_done = on_done or function() end
  local bufnr, win = api.nvim_get_current_buf(), api.nvim_get_current_win()
  local client, why = client_for(bufnr, M.SKELETON, ":OgiSkeleton")
  if not client then
    return on_done(fail(why))
  end
  local cursor = api.nvim_win_get_cursor(win)
  local row, col = cursor[1] - 1, cursor[2]
  local line = api.nvim_buf_get_lines(bufnr, row, row + 1, false)[1] or ""
  local encoding = client.offset_encoding or "utf-16"
  local argument = {
    uri = vim.uri_from_bufnr(bufnr),
    position = { line = row, character = position.character(line, col, encoding) },
  }
  local tick = api.nvim_buf_get_changedtick(bufnr)
  require("ogi").request(client, "workspace/executeCommand", { command = M.SKELETON, arguments = { argument } },
    function(err, result)
      if err then
        return on_done(fail("ogi: " .. M.SKELETON .. " failed: " .. tostring(err.message or vim.inspect(err))))
      end
      if type(result) ~= "table" or type(result.text) ~= "string" then
        return on_done(fail("ogi: the server has no skeleton for this buffer (it does not have it open)"))
      end
      if not api.nvim_buf_is_valid(bufnr) or api.nvim_buf_get_changedtick(bufnr) ~= tick then
        return on_done(fail("ogi: the buffer changed while the server wrote the skeleton; run :OgiSkeleton again"))
      end
      local inserted = insert(bufnr, row, col, result.text)
      if inserted and api.nvim_win_is_valid(win) and api.nvim_win_get_buf(win) == bufnr then
        api.nvim_win_set_cursor(win, { row + 1, col })
      end
      on_done(inserted)
    end, bufnr)
end

local function plural(n, one)
  return ("%d %s%s"):format(n, one, n == 1 and "" or "s")
end

--- The one-line summary of an `ogi.checkWorkspace` result (the same words as the VS Code extension's).
function M.summary(r)
  local counts = function(key)
    return type(r[key]) == "number" and r[key] or 0
  end
  local unreadable = #(r.unreadable or {})
  return ("ogi: checked %s (%s): %s, %s, %s%s."):format(
    plural(counts("files"), "file"), plural(counts("reports"), "report"), plural(counts("errors"), "error"),
    plural(counts("warnings"), "warning"), plural(counts("notes"), "note"),
    unreadable > 0 and ("; %s could not be read"):format(plural(unreadable, "file")) or "")
end

-- Every diagnostic of `client` (open buffers and the files the check published) as quickfix items.
local function quickfix_items(client)
  local namespace = vim.lsp.diagnostic.get_namespace(client.id)
  local items = vim.diagnostic.toqflist(vim.diagnostic.get(nil, { namespace = namespace }))
  table.sort(items, function(a, b)
    local fa, fb = api.nvim_buf_get_name(a.bufnr), api.nvim_buf_get_name(b.bufnr)
    if fa ~= fb then
      return fa < fb
    end
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return items
end

-- The server may still be sending the diagnostics it published when its answer arrives (they go out
-- through a queue): the quickfix list made from the answer takes in those that arrive after it, for as
-- long as it is the current quickfix list and the client runs. Changes are taken in batches.
local function follow(client, qf_id)
  local group = api.nvim_create_augroup("ogi_check_workspace", { clear = true })
  local pending = false
  api.nvim_create_autocmd("DiagnosticChanged", {
    group = group,
    callback = function()
      if pending then
        return
      end
      pending = true
      vim.defer_fn(function()
        pending = false
        if vim.fn.getqflist({ id = 0 }).id ~= qf_id or vim.lsp.get_client_by_id(client.id) == nil then
          pcall(api.nvim_del_augroup_by_id, group)
          return
        end
        vim.fn.setqflist({}, "r", { id = qf_id, items = quickfix_items(client) })
      end, 50)
    end,
  })
end

local function finish(outcome, opts)
  M.last_check = outcome
  local lines = { outcome.summary }
  for _, u in ipairs(outcome.result and outcome.result.unreadable or {}) do
    -- A URI for a file it could not read, a path for a folder it could not list.
    local name = tostring(u.uri or "")
    name = name:match("^%a[%w+.-]*:") and vim.uri_to_fname(name) or name
    table.insert(lines, ("  could not read %s: %s"):format(name, tostring(u.reason)))
  end
  require("ogi.check").conclude(outcome, {
    title = "ogi-lsp checkWorkspace",
    message = table.concat(lines, "\n"),
    open = opts.open,
    event = "OgiCheckWorkspaceDone",
  })
end

--- :OgiCheckWorkspace [dir] — the server checks every report file under `opts.dir` (default: its
--- workspace folders, the root of the current buffer's client), in its locale and with the plugin's
--- settings, carry-over between years included, and publishes the diagnostics of the files not open.
--- Then the quickfix list holds every diagnostic of that client.
function M.check_workspace(opts)
  opts = opts or {}
  local bufnr = api.nvim_get_current_buf()
  local client, why = client_for(bufnr, M.CHECK_WORKSPACE, ":OgiCheckWorkspace", true)
  if not client then
    return finish({ error = why }, opts)
  end
  local arguments = {}
  if opts.dir then
    local dir = vim.fn.fnamemodify(opts.dir, ":p"):gsub("/$", "")
    arguments = { { folders = { vim.uri_from_fname(dir) } } }
  end
  vim.notify("ogi: checking the workspace…", vim.log.levels.INFO)
  require("ogi").request(client, "workspace/executeCommand", { command = M.CHECK_WORKSPACE, arguments = arguments },
    function(err, result)
      if err then
        return finish({ error = "ogi: " .. M.CHECK_WORKSPACE .. " failed: " .. tostring(err.message or vim.inspect(err)) }, opts)
      end
      if type(result) ~= "table" then
        return finish({ error = "ogi: " .. M.CHECK_WORKSPACE .. " gave no result" }, opts)
      end
      vim.schedule(function()
        finish({ result = result, items = quickfix_items(client), summary = M.summary(result) }, opts)
        follow(client, vim.fn.getqflist({ id = 0 }).id)
      end)
    end, bufnr)
end

return M
