-- Cases that read the example report as published: diagnostics, :OgiCheck, hover.

return function(T)
  local H, api, report = T.H, vim.api, T.report
  local client_of, diags, describe, at_lines, line_of = T.client_of, T.diags, T.describe, T.at_lines, T.line_of

  H.case("opens the example report as ogi-report and shows label/nonstandard at lines 249 and 258", function()
    H.check(vim.bo[report].filetype == "ogi-report",
      "content detection: expected filetype ogi-report for the .txt report, got " .. vim.bo[report].filetype)
    client_of(report)
    H.wait(20, function()
      return at_lines(diags(report, "label/nonstandard"), { 248, 257 })
    end, function()
      return "expected label/nonstandard warnings at lines 249 and 258; diagnostics: " .. describe(diags(report))
    end)
    -- The `start` variant's setup{} raises the rule to error through `settings`.
    local raised = os.getenv("OGI_TEST_VARIANT") == "start"
    local want = raised and vim.diagnostic.severity.ERROR or vim.diagnostic.severity.WARN
    for _, d in ipairs(diags(report, "label/nonstandard")) do
      H.check(d.severity == want, ("label/nonstandard should be %s: %s"):format(
        raised and "an error (settings.rules)" or "a warning", describe({ d })))
      H.check(d.source == "ogi-lsp", "diagnostic source should be ogi-lsp, got " .. tostring(d.source))
    end
  end)

  H.case(":OgiCheck fills the quickfix list with byte columns matching the live diagnostics", function()
    client_of(report)
    local done = false
    api.nvim_create_autocmd("User", { pattern = "OgiCheckDone", once = true, callback = function() done = true end })
    vim.cmd("OgiCheck")
    H.wait(30, function() return done end, ":OgiCheck never finished")
    local last = require("ogi.check").last
    H.check(last and not last.error, ":OgiCheck failed: " .. tostring(last and last.error))
    local live = {}
    for _, d in ipairs(diags(report, "label/nonstandard")) do
      live[d.lnum + 1] = d
    end
    local matched = 0
    for _, item in ipairs(vim.fn.getqflist()) do
      local name = api.nvim_buf_get_name(item.bufnr)
      local d = live[item.lnum]
      if name:match("dongsheng%-2024%.txt$") and d and item.text:find("label/nonstandard", 1, true) then
        H.check(item.type == "W", "quickfix type for a warning should be W, got " .. item.type)
        H.check(item.col == d.col + 1 and item.end_col == d.end_col + 1,
          ("line %d: quickfix columns %d-%d differ from the live diagnostic's %d-%d"):format(
            item.lnum, item.col, item.end_col, d.col + 1, d.end_col + 1))
        matched = matched + 1
      end
    end
    H.check(matched == 2, ("expected quickfix entries for lines 249 and 258, matched %d of %d items: %s"):format(
      matched, #vim.fn.getqflist(), vim.inspect(vim.fn.getqflist())))
  end)

  H.case("hover on 第二十条第(五)项 quotes the regulation's item", function()
    local client = client_of(report)
    local lnum, line = line_of(report, "第二十条第(五)项")
    local byte = line:find("第五", 1, true) or line:find("十", 1, true) -- inside the reference
    api.nvim_win_set_cursor(0, { lnum + 1, byte - 1 })
    local before = {}
    for _, w in ipairs(api.nvim_list_wins()) do before[w] = true end
    vim.lsp.buf.hover()
    local float
    H.wait(10, function()
      for _, w in ipairs(api.nvim_list_wins()) do
        if not before[w] and api.nvim_win_get_config(w).relative ~= "" then
          float = w
          return true
        end
      end
      return false
    end, function()
      -- Ask again directly, so the failure shows what the server answered.
      local params = {
        textDocument = { uri = vim.uri_from_bufnr(report) },
        position = { line = lnum, character = T.position.character(line, byte - 1, client.offset_encoding) },
      }
      local answer = vim.lsp.buf_request_sync(report, "textDocument/hover", params, 5000)
      return ("no hover window opened on line %d at %s character %d; the server answered %s"):format(
        lnum + 1, client.offset_encoding, params.position.character, vim.inspect(answer))
    end)
    local text = table.concat(api.nvim_buf_get_lines(api.nvim_win_get_buf(float), 0, -1, false), "\n")
    api.nvim_win_close(float, true)
    H.check(text:find("办理行政许可", 1, true), "hover text does not quote 办理行政许可:\n" .. text)
  end)
end
