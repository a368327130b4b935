-- Cases that edit the example report: the quick fix for 预期, an unbalanced row total, completion.

return function(T)
  local H, api, report, position = T.H, vim.api, T.report, T.position
  local client_of, diags, describe, at_lines, line_of = T.client_of, T.diags, T.describe, T.at_lines, T.line_of

  H.case("the quick fix on line 249 replaces 预期 by 逾期 and nothing else", function()
    client_of(report)
    H.wait(20, function()
      return at_lines(diags(report, "label/nonstandard"), { 248 })
    end, function() return "no label/nonstandard diagnostic on line 249: " .. describe(diags(report)) end)
    local line = api.nvim_buf_get_lines(report, 248, 249, false)[1]
    local expected = line:gsub("预期", "逾期")
    local untouched = api.nvim_buf_get_lines(report, 257, 258, false)[1]
    api.nvim_win_set_cursor(0, { 249, line:find("预期", 1, true) - 1 })

    -- The user picks from vim.ui.select the action that writes 逾期 (or says so in its title).
    local function score(action)
      if type(action) ~= "table" then
        return 0
      end
      for _, edits in pairs(action.edit and action.edit.changes or {}) do
        for _, e in ipairs(edits) do
          if e.newText:find("逾期", 1, true) then
            return 3
          end
        end
      end
      for _, change in ipairs(action.edit and action.edit.documentChanges or {}) do
        for _, e in ipairs(change.edits or {}) do
          if e.newText:find("逾期", 1, true) then
            return 3
          end
        end
      end
      if (action.title or ""):find("逾期", 1, true) then
        return 2
      end
      for _, d in ipairs(action.diagnostics or {}) do
        if d.code == "label/nonstandard" and (action.kind or ""):match("^quickfix") then
          return 1
        end
      end
      return 0
    end
    local offered, chosen = nil, false
    local select = vim.ui.select
    vim.ui.select = function(items, _, on_choice)
      offered = {}
      local pick, best = nil, 0
      for i, item in ipairs(items) do
        local action = item.action or item[2] -- 0.11 passes {action=…}, 0.7 {client_id, action}
        table.insert(offered, type(action) == "table" and tostring(action.title) or tostring(action))
        if score(action) > best then
          pick, best = i, score(action)
        end
      end
      chosen = pick ~= nil
      on_choice(pick and items[pick] or nil, pick)
    end
    local ok, err = pcall(vim.lsp.buf.code_action)
    H.check(ok, "vim.lsp.buf.code_action() raised: " .. tostring(err))
    H.wait(10, function() return offered ~= nil end, "the server offered no code action on line 249")
    vim.ui.select = select
    H.check(chosen, "no code action writes 逾期 or fixes label/nonstandard; offered: " .. table.concat(offered, " | "))
    H.wait(10, function()
      return api.nvim_buf_get_lines(report, 248, 249, false)[1]:find("逾期", 1, true) ~= nil
    end, "line 249 never received 逾期 after applying the action")
    local now = api.nvim_buf_get_lines(report, 248, 249, false)[1]
    H.check(now == expected, ("line 249 after the fix:\n  got      %s\n  expected %s"):format(now, expected))
    H.check(api.nvim_buf_get_lines(report, 257, 258, false)[1] == untouched, "the fix also changed line 258")
    H.wait(10, function()
      local left = diags(report, "label/nonstandard")
      return at_lines(left, { 257 }) and not at_lines(left, { 248 })
    end, function()
      return "after the fix, expected label/nonstandard only at 258 (not 249): " .. describe(diags(report))
    end)
  end)

  H.case("changing 自然人 of 一、本年新收 from 8 to 9 raises balance/row-total on its 总计", function()
    client_of(report)
    local label = line_of(report, "一、本年新收政府信息公开申请数量")
    local cell = label + 1
    local before = api.nvim_buf_get_lines(report, cell, cell + 1, false)[1]
    H.check(before:match("^8"), "the 自然人 cell of 一、本年新收 should start with 8, got " .. before)
    api.nvim_buf_set_text(report, cell, 0, cell, 1, { "9" })
    H.wait(10, function()
      return #diags(report, "balance/row-total") > 0
    end, function() return "no balance/row-total after the edit; diagnostics: " .. describe(diags(report)) end)
    local d = diags(report, "balance/row-total")[1]
    H.check(d.severity == vim.diagnostic.severity.ERROR, "balance/row-total should be an error: " .. describe({ d }))
    -- SPEC §3: the primary range is the 总计 cell, the 7th value after the label.
    H.check(d.lnum == label + 7, ("balance/row-total should sit on the 总计 cell (line %d), got line %d"):format(
      label + 8, d.lnum + 1))
    api.nvim_buf_set_text(report, cell, 0, cell, 1, { "8" })
    H.wait(10, function()
      return #diags(report, "balance/row-total") == 0
    end, function() return "balance/row-total stayed after restoring 8: " .. describe(diags(report)) end)
  end)

  H.case("completion of `bygk` on a new line in 表三 offers 不予公开", function()
    local client = client_of(report)
    local row = line_of(report, "(三)不予公开")
    -- A new empty line just above the 不予公开 group, then the user types `bygk`.
    api.nvim_buf_set_lines(report, row, row, false, { "" })
    api.nvim_buf_set_text(report, row, 0, row, 0, { "bygk" })
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(report) },
      position = { line = row, character = position.character("bygk", 4, client.offset_encoding) },
      context = { triggerKind = 1 },
    }
    local responses = vim.lsp.buf_request_sync(report, "textDocument/completion", params, 10000)
    api.nvim_buf_set_lines(report, row, row + 1, false, {})
    local labels = {}
    for _, response in pairs(responses or {}) do
      H.check(not response.err, "completion failed: " .. vim.inspect(response.err))
      local result = response.result or {}
      for _, item in ipairs(result.items or result) do
        table.insert(labels, item.label)
      end
    end
    H.check(responses ~= nil, "no completion answer within 10 s")
    local found = false
    for _, label in ipairs(labels) do
      found = found or label:find("不予公开", 1, true) ~= nil
    end
    H.check(found, ("no completion item labelled 不予公开 at line %d character %d; labels: %s"):format(
      row + 1, params.position.character, #labels == 0 and "(none): " .. vim.inspect(responses) or table.concat(labels, ", ")))
  end)
end
