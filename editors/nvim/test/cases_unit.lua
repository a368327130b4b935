-- Unit cases of the plugin's pure parts (position conversion, report detection, quickfix items), run in the
-- same headless Neovim before the end-to-end cases; they need no server.

return function(T)
  local H = T.H
  local position = require("ogi.position")
  local detect = require("ogi.detect")
  local check = require("ogi.check")

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

end
