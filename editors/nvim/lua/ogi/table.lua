-- :OgiTable — a scratch split showing the tables of the report under the cursor, drawn by ogi.grid
-- from the server's `ogi/tables` answer, redrawn as the report changes; <CR> on a cell jumps to it.
-- Owns the preview's buffer, window, autocommands and timer; knows nothing of how the grid is laid out.

local grid = require("ogi.grid")
local position = require("ogi.position")

local M = {}

local api = vim.api
local uv = vim.uv or vim.loop

M.namespace = api.nvim_create_namespace("ogi-table")
M.debounce_ms = 200

local LINKS = {
  [grid.hl.title] = "Title",
  [grid.hl.header] = "Label",
  [grid.hl.group] = "Identifier",
  [grid.hl.failing] = "DiagnosticError",
  [grid.hl.blank] = "Comment",
  [grid.hl.unreadable] = "DiagnosticWarn",
  [grid.hl.absent] = "NonText",
}

local views = {} -- source buffer -> { buf, src, timer, group, seq, result, cells, encoding }

local function link_highlights()
  for name, target in pairs(LINKS) do
    vim.cmd(("highlight default link %s %s"):format(name, target))
  end
end

local linked = false

-- Links the grid's groups now and again after every :colorscheme (which clears them).
local function define_highlights()
  link_highlights()
  if not linked then
    linked = true
    api.nvim_create_autocmd("ColorScheme", {
      group = api.nvim_create_augroup("ogi_table_colors", { clear = true }),
      callback = link_highlights,
    })
  end
end

--- The view of the preview buffer `buf`, or of the source buffer `buf`.
function M.view_of(buf)
  for _, view in pairs(views) do
    if view.buf == buf or view.src == buf then
      return view
    end
  end
end

local function windows_of(buf)
  local found = {}
  for _, win in ipairs(api.nvim_tabpage_list_wins(0)) do
    if api.nvim_win_get_buf(win) == buf then
      table.insert(found, win)
    end
  end
  return found
end

local function draw(view, result)
  local buf = view.buf
  if not api.nvim_buf_is_valid(buf) then
    return
  end
  local wins = windows_of(buf)
  local width = #wins > 0 and api.nvim_win_get_width(wins[1]) or vim.o.columns
  local out = grid.render(result, { width = width })
  local cursors = {}
  for _, win in ipairs(wins) do
    cursors[win] = api.nvim_win_get_cursor(win)
  end
  vim.bo[buf].modifiable = true
  api.nvim_buf_set_lines(buf, 0, -1, false, out.lines)
  vim.bo[buf].modifiable = false
  api.nvim_buf_clear_namespace(buf, M.namespace, 0, -1)
  for _, h in ipairs(out.highlights) do
    api.nvim_buf_set_extmark(buf, M.namespace, h.line, h.col_start, { end_col = h.col_end, hl_group = h.group })
  end
  for win, cursor in pairs(cursors) do
    local line = math.min(cursor[1], #out.lines)
    pcall(api.nvim_win_set_cursor, win, { line, cursor[2] })
  end
  view.result, view.cells = result, out.cells
end

local function message(view, text)
  if not api.nvim_buf_is_valid(view.buf) then
    return
  end
  vim.bo[view.buf].modifiable = true
  api.nvim_buf_set_lines(view.buf, 0, -1, false, { text })
  vim.bo[view.buf].modifiable = false
  api.nvim_buf_clear_namespace(view.buf, M.namespace, 0, -1)
  view.result, view.cells = nil, {}
end

-- The cursor of the source: in its window when one shows it, else where it was last.
local function source_position(view, encoding)
  local win = windows_of(view.src)[1]
  local cursor = win and api.nvim_win_get_cursor(win) or api.nvim_buf_get_mark(view.src, '"')
  local row = math.max(cursor[1], 1) - 1
  local line = api.nvim_buf_get_lines(view.src, row, row + 1, false)[1] or ""
  return { line = row, character = position.character(line, cursor[2], encoding) }
end

--- Asks the server for the tables of the report at the source's cursor and redraws the preview.
function M.refresh(view)
  local client = require("ogi").client(view.src)
  if not client then
    -- The client may still be starting: try again a few times before saying so.
    view.tries = (view.tries or 0) + 1
    if view.tries <= 50 then
      return M.schedule(view)
    end
    return message(view, "ogi-lsp is not attached to this buffer (see :OgiAttach).")
  end
  view.tries = 0
  view.seq = view.seq + 1
  local seq, encoding = view.seq, client.offset_encoding or "utf-16"
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(view.src) },
    position = source_position(view, encoding),
  }
  require("ogi").request(client, "ogi/tables", params, function(err, result)
    if views[view.src] ~= view or seq ~= view.seq then
      return -- closed, or a newer request is on its way
    end
    if err then
      return message(view, "ogi/tables failed: " .. tostring(err.message or vim.inspect(err)))
    end
    view.encoding = encoding
    draw(view, result)
  end, view.src)
end

--- Refreshes `view` once the source has been quiet for M.debounce_ms.
function M.schedule(view)
  view.timer:stop()
  view.timer:start(M.debounce_ms, 0, vim.schedule_wrap(function()
    if views[view.src] == view then
      M.refresh(view)
    end
  end))
end

-- Forgets `view`; `wiped` when its buffer is already going away.
local function close(view, wiped)
  if views[view.src] ~= view then
    return
  end
  views[view.src] = nil
  view.timer:stop()
  view.timer:close()
  pcall(api.nvim_del_augroup_by_id, view.group)
  if not wiped and api.nvim_buf_is_valid(view.buf) then
    pcall(api.nvim_buf_delete, view.buf, { force = true })
  end
end

-- The report's line range in the last answer, to tell when the cursor has left it.
local function outside_report(view)
  local report = view.result and view.result.report
  local win = windows_of(view.src)[1]
  if not report or not win then
    return view.result == nil
  end
  local line = api.nvim_win_get_cursor(win)[1] - 1
  return line < report.range.start.line or line > report.range["end"].line
end

local function watch(view)
  -- Every change counts, typed or not (a code action, :substitute, another window): TextChanged would
  -- miss those made while the report is not the current buffer.
  api.nvim_buf_attach(view.src, false, {
    on_lines = function()
      if views[view.src] ~= view then
        return true -- detach
      end
      M.schedule(view)
    end,
  })
  local opts = { group = view.group, buffer = view.src }
  api.nvim_create_autocmd({ "CursorMoved", "CursorMovedI" }, vim.tbl_extend("force", opts, {
    callback = function()
      if outside_report(view) then
        M.schedule(view)
      end
    end,
  }))
  api.nvim_create_autocmd({ "BufDelete", "BufWipeout" }, vim.tbl_extend("force", opts, {
    callback = function()
      close(view)
    end,
  }))
  api.nvim_create_autocmd("BufWipeout", {
    group = view.group,
    buffer = view.buf,
    callback = function()
      close(view, true)
    end,
  })
end

--- The cell map entry under 0-based `line`, byte `col` of the preview: the one there, else the
--- nearest on the line.
function M.cell_at(view, line, col)
  local best, distance
  for _, cell in ipairs(view.cells or {}) do
    if cell.line == line then
      local d = col < cell.col_start and cell.col_start - col or col >= cell.col_end and col - cell.col_end + 1 or 0
      if not distance or d < distance then
        best, distance = cell, d
      end
    end
  end
  return best
end

-- A window of the current tab page for the source: one showing it, else the previous window.
local function source_window(view)
  local shown = windows_of(view.src)[1]
  if shown then
    return shown
  end
  local nr = vim.fn.winnr("#")
  local previous = nr > 0 and vim.fn.win_getid(nr) or 0
  if previous ~= 0 and api.nvim_win_get_buf(previous) ~= view.buf then
    api.nvim_win_set_buf(previous, view.src)
    return previous
  end
  vim.cmd("aboveleft split")
  api.nvim_win_set_buf(0, view.src)
  return api.nvim_get_current_win()
end

--- <CR>: puts the source's cursor at the start of the cell (or label) under the preview's cursor.
function M.jump(view)
  local cursor = api.nvim_win_get_cursor(0)
  local cell = M.cell_at(view, cursor[1] - 1, cursor[2])
  if not cell then
    return
  end
  local start = cell.range.start
  local line = api.nvim_buf_get_lines(view.src, start.line, start.line + 1, false)[1] or ""
  local col = position.byte_col(line, start.character, view.encoding or "utf-16")
  local win = source_window(view)
  api.nvim_set_current_win(win)
  api.nvim_win_set_cursor(win, { start.line + 1, col })
end

local function new_view(src)
  local buf = api.nvim_create_buf(false, true)
  local view = { buf = buf, src = src, seq = 0, timer = uv.new_timer(), cells = {} }
  view.group = api.nvim_create_augroup("ogi_table_" .. buf, { clear = true })
  vim.bo[buf].buftype = "nofile"
  vim.bo[buf].bufhidden = "wipe"
  vim.bo[buf].swapfile = false
  vim.bo[buf].modifiable = false
  pcall(api.nvim_buf_set_name, buf, "ogi-table://" .. api.nvim_buf_get_name(src))
  vim.bo[buf].filetype = "ogitable"
  vim.keymap.set("n", "<CR>", function()
    M.jump(view)
  end, { buffer = buf, desc = "Jump to this cell in the report" })
  vim.keymap.set("n", "q", "<Cmd>close<CR>", { buffer = buf, desc = "Close the table view" })
  views[src] = view
  watch(view)
  return view
end

local function show(view, mods)
  local win = windows_of(view.buf)[1]
  if win then
    return api.nvim_set_current_win(win)
  end
  vim.cmd((mods ~= "" and mods or "belowright") .. " split")
  win = api.nvim_get_current_win()
  api.nvim_win_set_buf(win, view.buf)
  for option, value in pairs({ wrap = false, number = false, relativenumber = false, list = false,
    spell = false, cursorline = true, signcolumn = "no", foldcolumn = "0" }) do
    vim.wo[win][option] = value
  end
end

--- :OgiTable — opens (or reuses) the table view of the current report buffer in a split; `mods` are
--- the command's modifiers (`:vertical OgiTable`).
function M.open(mods)
  define_highlights()
  local current = api.nvim_get_current_buf()
  local view = M.view_of(current)
  if not view then
    if #require("ogi").clients(current) == 0 then
      vim.notify("ogi: ogi-lsp is not attached to this buffer (see :OgiAttach)", vim.log.levels.WARN)
      return
    end
    view = new_view(current)
  end
  show(view, mods or "")
  M.refresh(view)
  return view
end

return M
