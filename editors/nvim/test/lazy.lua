-- What lazy.nvim does with a plugin spec `{ dir = …, ft = "ogi-report", config = … }`, step by step, for
-- the tests (lazy.nvim cannot be installed here). Taken from lazy.nvim's lua/lazy/core/handler/ft.lua,
-- handler/event.lua and loader.lua:
--   1. At startup the plugin is not on 'runtimepath'; its ftdetect/*.{lua,vim} are sourced inside
--      `augroup filetypedetect` (Loader.ftdetect, called by the ft handler's add).
--   2. A once-only FileType autocmd for the pattern ogi-report (in group lazy_handler_event). When the
--      first buffer gets that filetype:
--      a. it notes the groups that already have BufReadPre / BufReadPost autocmds (Event.get_state);
--      b. it puts the plugin on 'runtimepath' and sources its plugin/*.{lua,vim} (Loader.packadd);
--      c. it runs the spec's config;
--      d. it fires BufReadPre and BufReadPost for that buffer in the groups that were not there in (a),
--         then FileType for that buffer in every group (Event.trigger), so the autocmds the plugin just
--         made see the buffer as if it had just been read.

local M = {}

local api = vim.api

-- How the plugin was loaded, for the tests to check: { event, buf, filetype, did_enter }.
M.loaded = nil

local function source_dir(dir)
  local files = vim.fn.glob(dir .. "/*.lua", false, true)
  vim.list_extend(files, vim.fn.glob(dir .. "/*.vim", false, true))
  table.sort(files)
  for _, file in ipairs(files) do
    vim.cmd("silent source " .. vim.fn.fnameescape(file))
  end
end

local function groups_of(event)
  local groups = {}
  for _, autocmd in ipairs(api.nvim_get_autocmds({ event = event })) do
    if autocmd.group_name then
      groups[autocmd.group_name] = true
    end
  end
  return groups
end

-- Event.trigger: with `exclude`, fire only the groups not in it, one group at a time.
local function trigger(event, buf, exclude)
  if exclude == nil then
    api.nvim_exec_autocmds(event, { buffer = buf, modeline = false })
    return
  end
  local done = {}
  for _, autocmd in ipairs(api.nvim_get_autocmds({ event = event })) do
    local group = autocmd.group_name
    if group and not done[group] and not exclude[group] then
      done[group] = true
      api.nvim_exec_autocmds(event, { buffer = buf, group = group, modeline = false })
    end
  end
end

--- Registers `spec` ({ dir, ft, config }) as lazy.nvim does at startup.
function M.add(spec)
  vim.cmd("augroup filetypedetect")
  source_dir(spec.dir .. "/ftdetect")
  vim.cmd("augroup END")
  local group = api.nvim_create_augroup("lazy_handler_event", { clear = true })
  local done = false
  api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = spec.ft,
    once = true,
    callback = function(ev)
      -- As lazy.nvim: a `once` autocmd may run again from the FileType fired below (neovim#25526).
      if done then
        return
      end
      done = true
      local exclude = { BufReadPre = groups_of("BufReadPre"), BufReadPost = groups_of("BufReadPost") }
      M.loaded = { event = "FileType " .. ev.match, buf = ev.buf, filetype = vim.bo[ev.buf].filetype,
        did_enter = vim.v.vim_did_enter }
      vim.opt.runtimepath:prepend(spec.dir)
      source_dir(spec.dir .. "/plugin")
      spec.config()
      trigger("BufReadPre", ev.buf, exclude.BufReadPre)
      trigger("BufReadPost", ev.buf, exclude.BufReadPost)
      trigger("FileType", ev.buf, nil)
    end,
  })
end

return M
