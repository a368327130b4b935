-- Renders the answer of `ogi/tables` as text for :OgiTable: one aligned grid per table, the figures
-- right-aligned in fixed columns, a status mark after each one, and a map from every cell and row
-- label back to its range in the report. Pure: it knows no buffer, window or client; widths are
-- display widths (strdisplaywidth), so CJK labels line up.

local display = require("ogi.display")

local M = {}

--- Highlight groups of the rendered text (linked to standard groups by ogi.table).
M.hl = {
  title = "OgiTableTitle",
  header = "OgiTableHeader",
  group = "OgiTableGroup",
  failing = "OgiTableFailing",
  blank = "OgiTableBlank",
  unreadable = "OgiTableUnreadable",
  absent = "OgiTableAbsent",
}

local GAP = "  " -- between columns
local INDENT = "  " -- per group level in the label column
local MAX_LABEL = 40 -- display width of the label column when the window is wide enough
local MIN_LABEL = 24 -- narrower labels say too little: past this the window scrolls
local MAX_CELL = 12 -- a cell written as a long text is cut to this

local width, truncate, pad, spanning = display.width, display.truncate, display.pad, display.spanning

-- How a cell is shown: its text, a one-character mark after it, and the highlight.
local function face(cell)
  local text = cell.text or ""
  if text == "" and cell.value then
    text = tostring(cell.value)
  end
  text = truncate(text, MAX_CELL)
  local status = cell.status
  if status == "failing" then
    return text, "!", M.hl.failing
  elseif status == "blank" then
    return text ~= "" and text or "—", " ", M.hl.blank
  elseif status == "unreadable" then
    return text, "?", M.hl.unreadable
  elseif status == "absent" then
    return "×", " ", M.hl.absent
  end
  return text, " ", nil
end

-- The header cells placed on the grid as HTML does it (rowspans push later cells right):
-- { text, first, last (1-based columns, label columns included), bottom (1-based header row) }.
local function place_header(block)
  local taken, placed = {}, {}
  for r, cells in ipairs(block.header or {}) do
    taken[r] = taken[r] or {}
    local c = 1
    for _, h in ipairs(cells) do
      while taken[r][c] do
        c = c + 1
      end
      local cols, rows = math.max(1, h.columns or 1), math.max(1, h.rows or 1)
      for dr = 0, rows - 1 do
        taken[r + dr] = taken[r + dr] or {}
        for dc = 0, cols - 1 do
          taken[r + dr][c + dc] = true
        end
      end
      table.insert(placed, { text = h.text, first = c, last = c + cols - 1, bottom = r + rows - 1 })
      c = c + cols
    end
  end
  return placed
end

-- The block as lines to draw: header lines over value columns (each cell on its bottom row, so the
-- column names share the last line), the label column's heading, and the rows and group lines.
local function plan(block)
  local labels = block.labelColumns or 0
  local depth = #(block.header or {})
  local p = { header = {}, items = {}, has_labels = labels > 0 }
  for r = 1, depth do
    p.header[r] = {}
  end
  for _, h in ipairs(place_header(block)) do
    if h.first <= labels then
      p.corner = h.text
    else
      table.insert(p.header[h.bottom], { text = h.text, first = h.first - labels, last = h.last - labels })
    end
  end
  for _, line in ipairs(p.header) do
    table.sort(line, function(a, b)
      return a.first < b.first
    end)
  end
  for _, row in ipairs(block.rows or {}) do
    local level = labels - (row.labelColumns or labels)
    for i, g in ipairs(row.groups or {}) do
      table.insert(p.items, { group = g.text, level = level - #row.groups + i - 1 })
    end
    table.insert(p.items, { label = row.label or "", level = level, range = row.labelRange, cells = row.cells or {} })
  end
  p.columns = block.valueColumns or 0
  return p
end

-- 表四 is one unlabelled row of 15 figures under three groups of the same five columns: drawn as
-- three rows labelled by their group (行政诉讼·复议后起诉) under one line of column names.
local function fold(p)
  if p.has_labels or #p.items ~= 1 or #p.header < 2 then
    return p
  end
  local runs = {}
  for v = 1, p.columns do
    local path, leaf = {}, nil
    for _, line in ipairs(p.header) do
      for _, h in ipairs(line) do
        if h.first <= v and v <= h.last then
          if h.first == h.last then
            leaf = h.text
          else
            table.insert(path, h.text)
          end
        end
      end
    end
    local name = table.concat(path, "·")
    local last = runs[#runs]
    if not last or last.name ~= name then
      last = { name = name, leaves = {}, first = v }
      table.insert(runs, last)
    end
    table.insert(last.leaves, leaf or "")
  end
  local first = runs[1]
  if #runs < 2 then
    return p
  end
  for _, run in ipairs(runs) do
    if run.name == "" or not vim.deep_equal(run.leaves, first.leaves) then
      return p
    end
  end
  local folded = { header = { {} }, items = {}, has_labels = true, columns = #first.leaves }
  for v, leaf in ipairs(first.leaves) do
    table.insert(folded.header[1], { text = leaf, first = v, last = v })
  end
  local cells = p.items[1].cells
  for _, run in ipairs(runs) do
    local slice = {}
    for v = 1, #run.leaves do
      slice[v] = cells[run.first + v - 1]
    end
    table.insert(folded.items, { label = run.name, level = 0, cells = slice })
  end
  return folded
end

-- Column widths: the widest of the column's name and its figures (the mark's cell comes on top).
local function widths(p)
  local w = {}
  for v = 1, p.columns do
    w[v] = 1
  end
  for _, line in ipairs(p.header) do
    for _, h in ipairs(line) do
      if h.first == h.last and w[h.first] then
        w[h.first] = math.max(w[h.first], width(h.text))
      end
    end
  end
  for _, item in ipairs(p.items) do
    for v, cell in ipairs(item.cells or {}) do
      if w[v] then
        w[v] = math.max(w[v], width((face(cell))))
      end
    end
  end
  return w
end

local function label_width(p, w, opts)
  local values = 0
  for v = 1, p.columns do
    values = values + #GAP + w[v] + 1
  end
  local max = math.max(MIN_LABEL, math.min(opts.label_width or MAX_LABEL, (opts.width or 200) - values - #INDENT))
  local need = p.corner and width(p.corner) or 0
  for _, item in ipairs(p.items) do
    need = math.max(need, item.level * #INDENT + width(item.label or item.group))
  end
  return math.min(need, max)
end

local function draw_header(doc, p, w, lw)
  if p.corner and width(p.corner) > lw then
    doc:line(INDENT .. p.corner, M.hl.header) -- 表三's note is too long for the corner
  end
  for r, line in ipairs(p.header) do
    doc:put(INDENT)
    if p.has_labels then
      doc:put(pad(r == #p.header and p.corner and width(p.corner) <= lw and p.corner or "", lw))
    end
    local v = 1
    for _, h in ipairs(line) do
      for _ = v, h.first - 1 do
        doc:put(GAP .. (" "):rep(w[v] + 1))
        v = v + 1
      end
      if h.first == h.last then
        doc:put(GAP .. pad(h.text, w[h.first], "right") .. " ")
      else
        local span = -#GAP
        for c = h.first, h.last do
          span = span + #GAP + w[c] + 1
        end
        doc:put(GAP .. spanning(h.text, span))
      end
      v = h.last + 1
    end
    doc:close(M.hl.header)
  end
end

local function draw_rows(doc, p, w, lw)
  for _, item in ipairs(p.items) do
    doc:put(INDENT)
    local indent = INDENT:rep(item.level)
    if item.group then
      doc:put(indent)
      doc:put(truncate(item.group, lw - #indent), M.hl.group)
      doc:close()
    else
      if p.has_labels then
        local start, finish = doc:put(indent .. pad(item.label, lw - #indent))
        doc:link(start + #indent, finish, item.range, "label")
      end
      for v = 1, p.columns do
        local cell = item.cells[v] or { status = "absent" }
        local text, mark, group = face(cell)
        doc:put(GAP)
        local start = doc:put((" "):rep(w[v] - width(text)))
        doc:put(text, group)
        local _, finish = doc:put(mark, group)
        doc:link(start, finish, cell.range, "cell")
      end
      doc:close()
    end
  end
end

local function draw_block(doc, block)
  if block.caption then
    local start, finish = doc:put(INDENT .. block.caption)
    doc:link(start + #INDENT, finish, block.captionRange, "caption")
    doc:close(M.hl.group)
  end
  local p = fold(plan(block))
  local w = widths(p)
  local lw = p.has_labels and label_width(p, w, doc.opts) or 0
  draw_header(doc, p, w, lw)
  draw_rows(doc, p, w, lw)
end

-- The ranges of a table's cells by template row and column, for its equations' totals.
local function cell_ranges(tbl)
  local ranges = {}
  for _, block in ipairs(tbl.blocks or {}) do
    for _, row in ipairs(block.rows or {}) do
      ranges[row.row] = ranges[row.row] or {}
      for _, cell in ipairs(row.cells or {}) do
        ranges[row.row][cell.col] = cell.range
      end
    end
  end
  return ranges
end

local function draw_table(doc, tbl)
  local state = not tbl.found and "（报告中没有这张表）" or tbl.unreadable and "（行与数字对不上，数字无法识读）" or ""
  doc:line(("%s %s%s"):format(tbl.name, tbl.title, state), M.hl.title)
  for i, block in ipairs(tbl.blocks or {}) do
    if i > 1 then
      doc:line("")
    end
    draw_block(doc, block)
  end
  local ranges = cell_ranges(tbl)
  for _, eq in ipairs(tbl.equations or {}) do
    if not eq.holds then
      local start, finish = doc:put(INDENT .. eq.text, M.hl.failing)
      local total = eq.total or {}
      doc:link(start + #INDENT, finish, (ranges[total.row] or {})[total.col], "equation")
      doc:close()
    end
  end
end

local function draw_legend(doc, report)
  local year = report.year and ("（%d年度）"):format(report.year) or ""
  -- The server gives the title line as written: drop Markdown's heading marks and bold.
  local title = report.title and report.title:gsub("^#+%s*", ""):gsub("%*%*", "")
  doc:line((title or "（无标题的报告）") .. year, M.hl.title)
  doc:put("图例：")
  doc:put("9!", M.hl.failing)
  doc:put(" 勾稽关系不成立  ")
  doc:put("—", M.hl.blank)
  doc:put(" 空白  ")
  doc:put("?", M.hl.unreadable)
  doc:put(" 无法识读  ")
  doc:put("×", M.hl.absent)
  doc:put(" 报告中没有   <CR> 跳到原文")
  doc:close()
end

--- The `ogi/tables` result as { lines, cells, highlights }: `cells` maps byte columns of the lines
--- ({ line, col_start, col_end }, 0-based, end exclusive; a figure's slot includes the blanks that
--- right-align it and its mark) to the report `range` they show, with `kind` "cell", "label",
--- "caption" or "equation"; `highlights` are { line, col_start, col_end, group }.
--- opts.width: the window's width, which narrows the label column down to MIN_LABEL when needed.
function M.render(result, opts)
  local doc = display.new_doc()
  doc.opts = opts or {}
  if not result then
    doc:line("ogi-lsp 还没有打开这个文档。")
  elseif not result.report then
    doc:line("此文档中没有找到政府信息公开工作年度报告。")
  else
    draw_legend(doc, result.report)
    for _, tbl in ipairs(result.tables or {}) do
      doc:line("")
      draw_table(doc, tbl)
    end
  end
  return { lines = doc.lines, cells = doc.cells, highlights = doc.highlights }
end

return M
