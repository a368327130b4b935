-- Cases about the server's workspace: the carry-over check between two years of one agency,
-- :OgiCheckWorkspace publishing the findings of files that are not open, and :OgiSkeleton.

return function(T)
  local H, api, ogi, fixture_lines = T.H, vim.api, T.ogi, T.fixture_lines
  local client_of, diags, describe = T.client_of, T.diags, T.describe
  -- A line of the header of 表三 in the server's skeleton.
  local REQUEST_HEADER = "申请人情况"

  -- A second workspace (its own root, so its own server): two years of another agency, copied from the
  -- example. The example ends its year with 四、结转下年度继续办理 = 1 0 0 0 0 0 1 and starts it with
  -- 二、上年结转 = 0 0 0 0 0 0 0, so as the 2023 and 2024 reports of one agency they disagree under 自然人.
  local ws = vim.fn.tempname()
  vim.fn.mkdir(ws .. "/.git", "p")
  local function copy(name, year)
    local lines = {}
    for i, line in ipairs(fixture_lines) do
      lines[i] = line:gsub("东胜区", "康巴什区"):gsub("2024", year)
    end
    vim.fn.writefile(lines, ws .. "/" .. name)
  end
  copy("kangbashi-2023.txt", "2023")
  copy("kangbashi-2024.txt", "2024")
  vim.fn.writefile({}, ws .. "/empty.ogi.md")

  local function index_of(lines, prefix)
    for i, line in ipairs(lines) do
      if line:sub(1, #prefix) == prefix then
        return i - 1
      end
    end
    H.fail("the example has no line starting with " .. prefix)
  end
  -- 0-based lines of the first (自然人) cell of each row: the line after its label.
  local carried_in = index_of(fixture_lines, "二、上年结转政府信息公开申请数量") + 1
  local carried_out = index_of(fixture_lines, "四、结转下年度继续办理") + 1

  local this_year
  H.case("carry-over: the 2024 report beside its 2023 report gets one carryover/mismatch on 二、上年结转", function()
    H.check(fixture_lines[carried_in + 1] == "0 |" and fixture_lines[carried_out + 1] == "1 |",
      "the example's 自然人 cells of 二、上年结转 and 四、结转下年度继续办理 should be 0 and 1")
    this_year = T.open(ws .. "/kangbashi-2024.txt")
    client_of(this_year)
    -- The server indexes the workspace in the background and publishes again once it has the 2023 report.
    H.wait(30, function()
      return #diags(this_year, "carryover/mismatch") > 0
    end, function() return "no carryover/mismatch on kangbashi-2024.txt: " .. describe(diags(this_year)) end)
    local found = diags(this_year, "carryover/mismatch")
    H.check(#found == 1, "expected exactly one carryover/mismatch: " .. describe(found))
    local d = found[1]
    H.check(d.lnum == carried_in, ("carryover/mismatch should be on line %d (二、上年结转, 自然人): %s"):format(
      carried_in + 1, describe(found)))
    H.check(d.severity == vim.diagnostic.severity.WARN, "carryover/mismatch should be a warning: " .. describe(found))
    H.check(d.message:find("kangbashi-2023.txt", 1, true), "the message should name kangbashi-2023.txt: " .. d.message)
    local related = d.user_data and d.user_data.lsp and d.user_data.lsp.relatedInformation or {}
    local other = related[1] and related[1].location or {}
    H.check(other.uri == vim.uri_from_fname(ws .. "/kangbashi-2023.txt") and other.range.start.line == carried_out,
      ("relatedInformation should point at kangbashi-2023.txt line %d: %s"):format(carried_out + 1, vim.inspect(related)))
  end)

  H.case(":OgiCheckWorkspace publishes the findings of kangbashi-2023.txt, which is not open", function()
    vim.cmd("buffer " .. this_year)
    client_of(this_year)
    local other = vim.fn.bufnr(ws .. "/kangbashi-2023.txt")
    H.check(other == -1 or #vim.diagnostic.get(other) == 0, "kangbashi-2023.txt has diagnostics before the check")
    local done = false
    api.nvim_create_autocmd("User", { pattern = "OgiCheckWorkspaceDone", once = true, callback = function() done = true end })
    vim.cmd("OgiCheckWorkspace")
    H.wait(60, function() return done end, ":OgiCheckWorkspace never finished")
    local last = require("ogi.execute").last_check
    H.check(not last.error, ":OgiCheckWorkspace failed: " .. tostring(last.error))
    local r = last.result
    -- kangbashi-2023.txt, kangbashi-2024.txt and the empty empty.ogi.md; the two reports each have the
    -- example's two 预期 findings (warnings, errors in the `start` variant's settings), and 2024 its
    -- carry-over warning.
    local raised = os.getenv("OGI_TEST_VARIANT") == "start"
    local errors, warnings = raised and 4 or 0, raised and 1 or 5
    H.check(r.files == 3 and r.reports == 2 and r.errors == errors and r.warnings == warnings and r.notes == 0
      and #(r.unreadable or {}) == 0, "unexpected result: " .. vim.inspect(r))
    local summary = ("ogi: checked 3 files (2 reports): %d error%s, %d warning%s, 0 notes."):format(
      errors, errors == 1 and "" or "s", warnings, warnings == 1 and "" or "s")
    H.check(last.summary == summary, ("summary:\n  got      %s\n  expected %s"):format(last.summary, summary))
    -- The server publishes through a queue, so its last publications may arrive after its answer.
    H.wait(10, function()
      other = vim.fn.bufnr(ws .. "/kangbashi-2023.txt")
      return other ~= -1 and #diags(other) == 2
    end, function() return "kangbashi-2023.txt never got its two diagnostics: " .. describe(other ~= -1 and diags(other) or {}) end)
    H.check(not api.nvim_buf_is_loaded(other), "the check loaded kangbashi-2023.txt into a buffer")
    H.check(T.at_lines(diags(other, "label/nonstandard"), { 248, 257 }),
      "kangbashi-2023.txt should have its two label/nonstandard findings (249, 258): " .. describe(diags(other)))
    local function listed()
      local n = 0
      for _, item in ipairs(vim.fn.getqflist()) do
        if item.bufnr == other and item.text:find("逾期", 1, true) then
          n = n + 1
        end
      end
      return n
    end
    H.wait(10, function() return listed() == 2 end, function()
      return ("the quickfix list should hold the two findings of kangbashi-2023.txt, holds %d: %s"):format(
        listed(), vim.inspect(vim.fn.getqflist()))
    end)
    H.check(vim.fn.getqflist({ title = 0 }).title == "ogi-lsp checkWorkspace", "the quickfix list is not the check's")
  end)

  H.case(":OgiSkeleton inserts the server's blank report into an empty ogi-report buffer", function()
    local buf = T.open(ws .. "/empty.ogi.md")
    client_of(buf)
    local inserted
    require("ogi.execute").skeleton(function(n) inserted = n or false end)
    H.wait(10, function() return inserted ~= nil end, ":OgiSkeleton never finished")
    H.check(inserted, ":OgiSkeleton failed (see the notifications below)")
    local lines = api.nvim_buf_get_lines(buf, 0, -1, false)
    H.check(#lines == inserted, ("%d lines inserted, the buffer has %d"):format(inserted, #lines))
    H.check(lines[1]:find("政府信息公开工作年度报告", 1, true), "the skeleton should start with a title: " .. lines[1])
    local function has(needle)
      for _, line in ipairs(lines) do
        if line:find(needle, 1, true) then
          return true
        end
      end
      return false
    end
    for _, needle in ipairs({ "一、总体情况", REQUEST_HEADER, "四、结转下年度继续办理", "六、其他需要报告的事项" }) do
      H.check(has(needle), "the skeleton has no line holding " .. needle .. ":\n" .. table.concat(lines, "\n"))
    end
    H.check(api.nvim_win_get_cursor(0)[1] == 1, "the cursor should stay on the skeleton's first line")
  end)

  H.case(":OgiSkeleton in a buffer without the server says so and changes nothing", function()
    local buf = T.open(T.ws .. "/notes.txt")
    local before = api.nvim_buf_get_lines(buf, 0, -1, false)
    local result = "pending"
    require("ogi.execute").skeleton(function(n) result = n end)
    H.check(result == nil, "expected an immediate failure, got " .. tostring(result))
    H.check(vim.deep_equal(api.nvim_buf_get_lines(buf, 0, -1, false), before), "notes.txt was changed")
    H.check(H.last_note():find(":OgiSkeleton needs ogi-lsp attached", 1, true), "no clear error: " .. H.last_note())
    vim.cmd("buffer " .. T.report)
  end)
end
