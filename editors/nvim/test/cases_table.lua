-- Cases of :OgiTable against the real server: the grid of the example report, its refresh after an edit
-- that breaks a total, <CR> back to the source (also after CJK text on the line), and its clean-up.

return function(T)
  local H, api, report = T.H, vim.api, T.report
  local client_of = T.client_of
  local tbl = require("ogi.table")

  local function preview_lines(view)
    return api.nvim_buf_get_lines(view.buf, 0, -1, false)
  end

  local function show(view)
    return table.concat(preview_lines(view), "\n")
  end

  -- The figure cells the view's cell map has on 0-based grid line `line`, left to right.
  local function cells_on(view, line)
    local found = {}
    for _, c in ipairs(view.cells or {}) do
      if c.line == line and c.kind == "cell" then
        table.insert(found, c)
      end
    end
    table.sort(found, function(a, b) return a.col_start < b.col_start end)
    return found
  end

  -- The first grid line starting with `label` (after its indent): 0-based line, its figures as shown.
  local function figures(view, label)
    for i, line in ipairs(preview_lines(view)) do
      if vim.startswith(vim.trim(line), label) then
        local shown = {}
        for _, c in ipairs(cells_on(view, i - 1)) do
          table.insert(shown, vim.trim(line:sub(c.col_start + 1, c.col_end)))
        end
        return i - 1, shown
      end
    end
    H.fail(("the grid has no line starting with %s:\n%s"):format(label, show(view)))
  end

  local function wait_figures(view, label, want)
    H.wait(10, function()
      local ok, got = pcall(function()
        return select(2, figures(view, label))
      end)
      return ok and vim.deep_equal(got, want)
    end, function()
      return ("%s should show %s; the grid:\n%s"):format(label, table.concat(want, " "), show(view))
    end)
  end

  -- Opens the table view of `buf` from its window and waits for the first grid.
  local function open_table(buf, mods)
    client_of(buf)
    vim.cmd("silent only")
    api.nvim_set_current_buf(buf)
    vim.cmd((mods or "") .. " OgiTable")
    local view = tbl.view_of(buf)
    H.check(view, ":OgiTable opened no table view for " .. api.nvim_buf_get_name(buf))
    H.wait(15, function()
      return view.result ~= nil
    end, function() return "no ogi/tables answer was drawn; the preview shows:\n" .. show(view) end)
    return view
  end

  -- Puts the preview's cursor on the `n`th figure of the grid line of `label` and presses <CR>.
  local function press_enter_on(view, label, n)
    local win = vim.fn.bufwinid(view.buf)
    H.check(win ~= -1, "the table view is not shown in this tab page")
    api.nvim_set_current_win(win)
    local line = figures(view, label)
    local cell = cells_on(view, line)[n]
    H.check(cell, ("no figure %d on the grid line of %s"):format(n, label))
    local text = preview_lines(view)[line + 1]
    -- On the figure itself, not on the blanks that right-align it.
    local col = text:find("%S", cell.col_start + 1) - 1
    api.nvim_win_set_cursor(win, { line + 1, col })
    api.nvim_feedkeys(api.nvim_replace_termcodes("<CR>", true, false, true), "x", false)
  end

  local function failing_marks(view)
    local marks = {}
    for _, m in ipairs(api.nvim_buf_get_extmarks(view.buf, tbl.namespace, 0, -1, { details = true })) do
      if m[4].hl_group == "OgiTableFailing" then
        table.insert(marks, { line = m[2], col = m[3], end_col = m[4].end_col })
      end
    end
    return marks
  end

  H.case(":OgiTable draws the example's three tables in a scratch split, nothing failing", function()
    local view = open_table(report)
    local buf = view.buf
    H.check(api.nvim_get_current_buf() == buf, "the table view should get the cursor")
    H.check(#api.nvim_tabpage_list_wins(0) == 2, "expected the report and the table view side by side")
    H.check(api.nvim_buf_get_name(buf):match("^ogi%-table://.*dongsheng%-2024%.txt$"),
      "buffer name: " .. api.nvim_buf_get_name(buf))
    for option, want in pairs({ buftype = "nofile", bufhidden = "wipe", swapfile = false, modifiable = false,
      filetype = "ogitable" }) do
      H.check(vim.bo[buf][option] == want, ("'%s' is %s, want %s"):format(option, tostring(vim.bo[buf][option]),
        tostring(want)))
    end
    local lines = preview_lines(view)
    local titles = {}
    for _, line in ipairs(lines) do
      if vim.startswith(line, "表") then
        table.insert(titles, line)
      end
    end
    T.H.check(vim.deep_equal(titles, { "表二 主动公开政府信息情况", "表三 收到和处理政府信息公开申请情况",
      "表四 政府信息公开行政复议、行政诉讼情况" }), "table titles: " .. vim.inspect(titles) .. "\n" .. show(view))
    wait_figures(view, "一、本年新收", { "8", "0", "0", "0", "0", "0", "8" })
    wait_figures(view, "四、结转下年度", { "1", "0", "0", "0", "0", "0", "1" })
    wait_figures(view, "行政许可", { "52425" })
    wait_figures(view, "行政诉讼·复议后起诉", { "0", "0", "0", "0", "0" })
    for i = 3, #lines do -- line 2 is the legend, which shows the mark
      H.check(not lines[i]:find("!", 1, true), "a failing mark in the balanced example: " .. lines[i])
    end
    for _, m in ipairs(failing_marks(view)) do
      H.check(m.line == 1, "a failing highlight outside the legend, on line " .. (m.line + 1))
    end
  end)

  H.case("changing 自然人 of 一、本年新收 to 9 redraws the grid with its cells marked failing", function()
    local view = tbl.view_of(report)
    H.check(view, "the table view of the report is gone")
    local cell = 64 -- line 65: 自然人 of 一、本年新收
    H.check(api.nvim_buf_get_lines(report, cell, cell + 1, false)[1] == "8 |", "line 65 should read `8 |`")
    api.nvim_buf_set_text(report, cell, 0, cell, 1, { "9" })
    wait_figures(view, "一、本年新收", { "9!", "0!", "0!", "0!", "0!", "0!", "8!" })
    wait_figures(view, "四、结转下年度", { "1!", "0", "0", "0", "0", "0", "1" })
    local line = figures(view, "一、本年新收")
    local text = preview_lines(view)[line + 1]
    local marked = {}
    for _, m in ipairs(failing_marks(view)) do
      if m.line == line then
        table.insert(marked, text:sub(m.col + 1, m.end_col))
      end
    end
    H.check(vim.deep_equal(marked, { "9", "!", "0", "!", "0", "!", "0", "!", "0", "!", "0", "!", "8", "!" }),
      "failing highlights on 一、本年新收's line cover: " .. vim.inspect(marked))
    local listed = false
    for _, l in ipairs(preview_lines(view)) do
      listed = listed or (l:find("一、本年新收政府信息公开申请数量", 1, true) and l:find("✗", 1, true)) ~= nil
    end
    H.check(listed, "the failing equation of 一、本年新收 is not listed:\n" .. show(view))
  end)

  H.case("<CR> on 52425 in the grid puts the report's cursor on line 30, column 0", function()
    local view = tbl.view_of(report)
    H.check(view, "the table view of the report is gone")
    press_enter_on(view, "行政许可", 1)
    H.check(api.nvim_get_current_buf() == report, "<CR> should move to the report's window")
    local cursor = api.nvim_win_get_cursor(0)
    H.check(cursor[1] == 30 and cursor[2] == 0, ("cursor at %d:%d, want 30:0"):format(cursor[1], cursor[2]))
    press_enter_on(view, "一、本年新收", 7)
    cursor = api.nvim_win_get_cursor(0)
    H.check(cursor[1] == 71 and cursor[2] == 0, ("总计 of 一、本年新收: cursor at %d:%d, want 71:0"):format(
      cursor[1], cursor[2]))
  end)

  H.case("restoring the 8 clears the marks; :OgiTable again reuses the window; closing cleans up", function()
    local view = tbl.view_of(report)
    api.nvim_buf_set_text(report, 64, 0, 64, 1, { "8" })
    wait_figures(view, "一、本年新收", { "8", "0", "0", "0", "0", "0", "8" })
    local win = vim.fn.bufwinid(view.buf)
    api.nvim_set_current_win(vim.fn.bufwinid(report))
    vim.cmd("OgiTable")
    H.check(#api.nvim_tabpage_list_wins(0) == 2 and api.nvim_get_current_win() == win,
      "a second :OgiTable should reuse the table view's window")
    H.check(tbl.view_of(report) == view, "a second :OgiTable made a new view")
    vim.cmd("close")
    H.check(not api.nvim_buf_is_valid(view.buf), "closing the window should wipe the table view's buffer")
    H.check(tbl.view_of(report) == nil, "the view outlived its window")
    local ok, left = pcall(api.nvim_get_autocmds, { group = view.group })
    H.check(not ok or #left == 0, "autocommands left behind: " .. vim.inspect(left))
  end)

  -- Runs `fn`, then leaves one window on the report whatever happened, for the cases that follow.
  local function then_tidy(fn)
    return function()
      local ok, err = xpcall(fn, function(e)
        return type(e) == "table" and e or debug.traceback(tostring(e), 2)
      end)
      vim.cmd("silent only")
      api.nvim_set_current_buf(report)
      if not ok then
        error(err, 0)
      end
    end
  end

  H.case(":vertical OgiTable on the Markdown layout: <CR> lands on figures after CJK text", then_tidy(function()
    local md = T.open(T.ws .. "/markdown-layout.md")
    local client = client_of(md)
    local view = open_table(md, "vertical")
    local wins = api.nvim_tabpage_list_wins(0)
    H.check(#wins == 2 and api.nvim_win_get_position(wins[1])[1] == api.nvim_win_get_position(wins[2])[1],
      ":vertical OgiTable should split side by side")
    wait_figures(view, "一、本年新收", { "8", "0", "0", "0", "0", "0", "8" })
    -- { grid label, figure number, source line, Lua pattern of the figure in it }
    local cases = {
      { "行政许可", 1, "| 行政许可 | 52425 |", "52425" },
      { "一、本年新收", 7, "| 一、本年新收政府信息公开申请数量 |", "8 |%s*$" },
    }
    for _, c in ipairs(cases) do
      local lnum, line = T.line_of(md, c[3])
      local col = line:find(c[4]) - 1
      press_enter_on(view, c[1], c[2])
      local cursor = api.nvim_win_get_cursor(0)
      H.check(api.nvim_get_current_buf() == md and cursor[1] == lnum + 1 and cursor[2] == col,
        ("%s, figure %d (%s positions): cursor at %d:%d, want %d:%d in %q"):format(c[1], c[2],
          client.offset_encoding, cursor[1], cursor[2], lnum + 1, col, line))
    end
  end))

  H.case("in a file of two reports the view follows the cursor from one report to the other", then_tidy(function()
    local first = vim.fn.readfile(T.repo .. "/tests/fixtures/layouts/l2-markdown.md")
    local second = vim.deepcopy(first)
    second[1] = second[1]:gsub("2024年", "2023年")
    local lines = vim.list_extend(vim.list_extend(vim.deepcopy(first), { "" }), second)
    vim.fn.writefile(lines, T.ws .. "/two-reports.md")
    local both = T.open(T.ws .. "/two-reports.md")
    client_of(both)
    api.nvim_win_set_cursor(0, { #first + 10, 0 })
    local view = open_table(both)
    local function legend()
      return preview_lines(view)[1] or ""
    end
    H.wait(10, function() return legend():find("（2023年度）", 1, true) ~= nil end,
      function() return "with the cursor in the second report the view should show 2023: " .. legend() end)
    api.nvim_set_current_win(vim.fn.bufwinid(both))
    api.nvim_win_set_cursor(0, { 3, 0 })
    vim.cmd("doautocmd <nomodeline> CursorMoved") -- what moving the cursor in Normal mode triggers
    H.wait(10, function() return legend():find("（2024年度）", 1, true) ~= nil end,
      function() return "after moving into the first report the view should show 2024: " .. legend() end)
    api.nvim_buf_delete(both, { force = true })
    H.check(not api.nvim_buf_is_valid(view.buf) and tbl.view_of(both) == nil,
      "deleting the report should close its table view")
  end))
end
