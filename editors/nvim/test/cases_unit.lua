-- Unit cases of the plugin's pure parts (position conversion, report detection, quickfix items, the table
-- grid), run in the same headless Neovim before the end-to-end cases; they need no server.

return function(T)
  local H = T.H
  local position = require("ogi.position")
  local detect = require("ogi.detect")
  local check = require("ogi.check")
  local grid = require("ogi.grid")

  local function eq(got, want, what)
    H.check(vim.deep_equal(got, want), ("%s: got %s, want %s"):format(what, vim.inspect(got), vim.inspect(want)))
  end

  -- 𠀀 (U+20000) is outside the BMP: 4 bytes, 2 UTF-16 units, 1 UTF-32 unit.
  local line = "a逾𠀀b |"

  H.case("UTF-16 characters to byte columns over CJK and astral characters", function()
    eq(position.byte_col(line, 0, "utf-16"), 0, "before a")
    eq(position.byte_col(line, 1, "utf-16"), 1, "before 逾")
    eq(position.byte_col(line, 2, "utf-16"), 4, "before 𠀀")
    eq(position.byte_col(line, 3, "utf-16"), 4, "inside 𠀀 stays at its start")
    eq(position.byte_col(line, 4, "utf-16"), 8, "before b")
    eq(position.byte_col(line, 99, "utf-16"), #line, "past the end clamps")
    eq(position.byte_col(line, 5, "utf-32"), 10, "utf-32 before |")
    eq(position.byte_col(line, 6, "utf-32"), #line, "utf-32 end")
    eq(position.byte_col(line, 4, "utf-8"), 4, "utf-8 is bytes")
  end)

  H.case("byte columns to characters, inverse of the above", function()
    for _, enc in ipairs({ "utf-8", "utf-16", "utf-32" }) do
      for _, col in ipairs({ 0, 1, 4, 8, 9, #line }) do
        eq(position.byte_col(line, position.character(line, col, enc), enc), col, enc .. " round trip at " .. col)
      end
    end
    eq(position.character(line, 8, "utf-16"), 4, "b in UTF-16")
    eq(position.character(line, 8, "utf-32"), 3, "b in UTF-32")
  end)

  H.case("detection by name and by content landmarks", function()
    eq(detect.by_name("/x/a.ogi.md"), true, "*.ogi.md")
    eq(detect.by_name("/x/a.ogi.txt"), true, "*.ogi.txt")
    eq(detect.by_name("/x/a.md"), false, "plain .md")
    eq(detect.by_content({ "某区2024年政府信息公开工作年度报告" }), true, "title line")
    eq(detect.by_content({ "", "一、总体情况" }), true, "first section heading")
    eq(detect.by_content({ "## 一、总体情况 " }), true, "Markdown heading")
    eq(detect.by_content({ "\227\128\128**一、总体情况**" }), true, "U+3000 and bold")
    eq(detect.by_content({ "一、总体情况良好，无需报告" }), false, "heading text inside prose")
    eq(detect.by_content({ "购物清单" }), false, "not a report")
  end)

  H.case("checker JSON to quickfix items: UTF-16 ranges become byte columns of the file on disk", function()
    local dir = vim.fn.tempname()
    vim.fn.mkdir(dir, "p")
    vim.fn.writefile({ "标题", "1.申请人无正当理由预期不补正 |" }, dir .. "/r.txt")
    local items = check.items({
      files = { { path = "r.txt", diagnostics = { {
        code = "label/nonstandard", severity = "warning", message = "应为逾期",
        range = { start = { line = 1, character = 2 }, ["end"] = { line = 1, character = 15 } },
      } } } },
    }, dir)
    eq(#items, 1, "item count")
    local it = items[1]
    eq({ it.filename, it.lnum, it.col, it.end_lnum, it.end_col, it.type },
      { dir .. "/r.txt", 2, 3, 2, 3 + 13 * 3, "W" }, "item fields")
    eq(it.text, "应为逾期 [label/nonstandard]", "item text")
  end)


  local function range(line, from, to)
    return { start = { line = line, character = from }, ["end"] = { line = line, character = to } }
  end

  local function cell(col, text, status, line)
    local value = tonumber(text)
    return { col = col, text = text, value = value, status = status, range = line and range(line, 0, #text) or nil }
  end

  local function head(text, columns, rows)
    return { text = text, columns = columns or 1, rows = rows or 1 }
  end

  -- A small 表三-like table: a corner over two label columns and two header rows, a CJK label, a group,
  -- a label too long for the label column, every cell status, and a failing equation.
  local requests = {
    id = "requests", name = "表三", title = "收到和处理政府信息公开申请情况", found = true, unreadable = false,
    blocks = { {
      labelColumns = 2, valueColumns = 3,
      header = { { head("项目", 2, 2), head("申请人情况", 3) }, { head("自然人"), head("法人"), head("总计") } },
      rows = {
        { row = 6, groups = {}, label = "一、本年新收政府信息公开申请数量", labelColumns = 2,
          labelRange = range(10, 0, 16), cells = { cell(0, "8", "fine", 11), cell(1, "12345", "fine", 12),
          cell(2, "12353", "fine", 13) } },
        { row = 8, groups = { head("三、本年度办理结果", 1, 2) }, label = "(一)予以公开",
          labelColumns = 1, cells = { cell(0, "7", "fine", 20), cell(1, "", "blank", 21), cell(2, "7", "fine", 22) } },
        { row = 9, groups = {}, label = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", labelColumns = 1,
          cells = { cell(0, "1", "failing", 30), cell(1, "8 0", "unreadable", 31), cell(2, "0", "failing", 32) } },
        { row = 30, groups = {}, label = "ab", labelColumns = 2, cells = { cell(0, "", "absent"),
          cell(1, "", "absent"), cell(2, "", "absent") } },
      },
    } },
    equations = { { total = { row = 9, col = 2 }, holds = false, text = "表三 · 总计 = 1 ✗（表中为 0）" },
      { total = { row = 6, col = 2 }, holds = true, text = "表三 · 总计 = 12353 ✓" } },
  }
  local result = { report = { title = "某局2024年政府信息公开工作年度报告", year = 2024 }, tables = { requests } }

  -- Display column of byte `byte` of `line`, counting the blanks cut from the line's end.
  local function display_col(line, byte)
    return vim.fn.strdisplaywidth(line:sub(1, byte)) + math.max(0, byte - #line)
  end

  -- The cell map's figure slots of each line, left to right.
  local function slots(out)
    local by_line = {}
    for _, c in ipairs(out.cells) do
      if c.kind == "cell" then
        by_line[c.line] = by_line[c.line] or {}
        table.insert(by_line[c.line], c)
      end
    end
    for _, list in pairs(by_line) do
      table.sort(list, function(a, b) return a.col_start < b.col_start end)
    end
    return by_line
  end

  local function find_line(out, needle)
    for i, line in ipairs(out.lines) do
      if line:find(needle, 1, true) then
        return i - 1, line
      end
    end
    H.fail(("no line holds %s in:\n%s"):format(needle, table.concat(out.lines, "\n")))
  end

  -- The figures the cell map finds on 0-based `line`, left to right.
  local function figures_on(out, line)
    local found = {}
    for _, c in ipairs((slots(out))[line] or {}) do
      table.insert(found, vim.trim(out.lines[line + 1]:sub(c.col_start + 1, c.col_end)))
    end
    return found
  end

  H.case("table grid: every figure column starts and ends at the same display column in every row", function()
    -- —, … and ─ are East Asian "ambiguous": one cell or two as 'ambiwidth' says.
    for _, width in ipairs({ 200, 60, "ambiwidth=double" }) do
      if type(width) == "string" then
        vim.o.ambiwidth, width = "double", 200
      end
      local out = grid.render(result, { width = width })
      local starts, ends, rows = {}, {}, 0
      for line, list in pairs(slots(out)) do
        local text = out.lines[line + 1]
        eq(#list, 3, "figure slots on line " .. text)
        rows = rows + 1
        for v, c in ipairs(list) do
          local s, e = display_col(text, c.col_start), display_col(text, c.col_end)
          starts[v] = starts[v] or s
          ends[v] = ends[v] or e
          H.check(s == starts[v] and e == ends[v], ("width %d, column %d: display columns %d-%d on %q, %d-%d above")
            :format(width, v, s, e, text, starts[v], ends[v]))
        end
      end
      eq(rows, 3, "rows with figures in the map at width " .. width) -- absent cells have no range
      -- The column names end where the figures end (right-aligned, before the one-cell mark).
      local _, header = find_line(out, "自然人")
      eq(display_col(header, select(2, header:find("自然人", 1, true))), ends[1] - 1, "自然人 over its figures")
      eq(display_col(header, select(2, header:find("总计", 1, true))), ends[3] - 1, "总计 over its figures")
    end
    vim.o.ambiwidth = "single"
  end)

  H.case("table grid: labels cut with …, groups above their rows, marks and highlights per status", function()
    local out = grid.render(result, { width = 200 })
    local display = require("ogi.display")
    eq(display.truncate("一、本年新收", 7), "一、本…", "cut to 7 display cells")
    eq(display.truncate("一、本年新收", 12), "一、本年新收", "fits in 12")
    local long_line, long = find_line(out, "（二）部分公开")
    H.check(long:find("…", 1, true) and not long:find("不计其他情形", 1, true), "the long label is not cut: " .. long)
    local group_line, group = find_line(out, "三、本年度办理结果")
    local row_line, row = find_line(out, "(一)予以公开")
    H.check(not group:find("%d%s*$") and row:find("^%s+" .. vim.pesc("(一)予以公开")), "group line then row: " .. group)
    H.check(#row:match("^%s*") > #group:match("^%s*"), "the row is indented under its group:\n" .. group .. "\n" .. row)
    eq(figures_on(out, long_line), { "1!", "8 0?", "0!" }, "failing and unreadable marks")
    eq(figures_on(out, row_line), { "7", "—", "7" }, "a blank cell")
    local _, absent = find_line(out, "  ab ")
    eq(vim.split(vim.trim(absent:sub(#"  ab" + 1)), "%s+"), { "×", "×", "×" }, "absent cells")
    local note = find_line(out, "表三 · 总计 = 1 ✗")
    for _, text in ipairs(out.lines) do
      H.check(not text:find("✓", 1, true), "a holding equation is listed: " .. text)
    end
    local groups = {}
    for _, h in ipairs(out.highlights) do
      if h.line == long_line then
        table.insert(groups, out.lines[long_line + 1]:sub(h.col_start + 1, h.col_end) .. "=" .. h.group)
      end
    end
    eq(groups, { "1=OgiTableFailing", "!=OgiTableFailing", "8 0=OgiTableUnreadable", "?=OgiTableUnreadable",
      "0=OgiTableFailing", "!=OgiTableFailing" }, "highlights on the failing row")
    -- The map: the figure 12345 and the equation lead to their ranges, the label to its own.
    local line = find_line(out, "一、本年新收")
    local hit = {}
    for _, c in ipairs(out.cells) do
      if c.line == line then
        table.insert(hit, c.kind .. "@" .. c.range.start.line)
      end
      if c.line == note then
        eq({ c.kind, c.range.start.line }, { "equation", 32 }, "the failing equation leads to its total")
      end
    end
    eq(hit, { "label@10", "cell@11", "cell@12", "cell@13" }, "cell map of the first row")
    eq(group_line > line, true, "rows keep their order")
  end)

  H.case("table grid: one unlabelled row under repeated groups (表四) folds into a row per group", function()
    local appeals = {
      name = "表四", title = "政府信息公开行政复议、行政诉讼情况", found = true,
      blocks = { {
        labelColumns = 0, valueColumns = 4,
        header = {
          { head("行政复议", 2), head("行政诉讼", 2) },
          { head("维持", 1, 2), head("总计", 1, 2), head("复议后起诉", 2) },
          { head("维持"), head("总计") },
        },
        rows = { { row = 40, groups = {}, label = "", labelColumns = 0, cells = {
          cell(0, "1", "fine", 1), cell(1, "1", "fine", 2), cell(2, "2", "fine", 3), cell(3, "3", "failing", 4) } } },
      } },
      equations = {},
    }
    local out = grid.render({ report = { year = 2024 }, tables = { appeals } }, { width = 100 })
    eq(figures_on(out, (find_line(out, "  行政复议"))), { "1", "1" }, "行政复议's figures")
    eq(figures_on(out, (find_line(out, "行政诉讼·复议后起诉"))), { "2", "3!" }, "复议后起诉's figures")
    local _, header = find_line(out, "维持")
    eq(vim.split(vim.trim(header), "%s+"), { "维持", "总计" }, "one line of column names")
    local line = find_line(out, "行政诉讼·复议后起诉")
    local lines = {}
    for _, c in ipairs(out.cells) do
      if c.line == line then
        table.insert(lines, c.range.start.line)
      end
    end
    eq(lines, { 3, 4 }, "the folded row's cells lead to the right figures")
  end)

end
