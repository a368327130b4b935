-- Cases of :OgiExtract: a .docx whose text view is the example report opens as an ogi-report buffer the
-- server checks; a damaged PDF gives an error and no buffer. run.sh makes the .docx (OGI_TEST_DOCX).

return function(T)
  local H, api, ws = T.H, vim.api, T.ws
  local uv = vim.uv or vim.loop

  --- Runs `:OgiExtract {arg}` and waits for it to finish; returns the buffer it opened (or nil) and
  --- what it notified, as { msg, level } pairs.
  local function extract(arg)
    local notified, finished, opened = {}, false, nil
    local notify = vim.notify
    vim.notify = function(msg, level, opts)
      table.insert(notified, { msg = tostring(msg), level = level })
      return notify(msg, level, opts)
    end
    local run = require("ogi.extract").run
    require("ogi.extract").run = function(opts)
      opts.on_done = function(buf)
        opened, finished = buf, true
      end
      return run(opts)
    end
    local ok, err = pcall(vim.cmd, arg == "" and "OgiExtract" or ("OgiExtract " .. vim.fn.fnameescape(arg)))
    local waited = vim.wait(30000, function() return finished end, 20)
    vim.notify, require("ogi.extract").run = notify, run
    H.check(ok, ":OgiExtract raised an error: " .. tostring(err))
    H.check(waited, ":OgiExtract " .. arg .. " never finished (waited 30 s)")
    return opened, notified
  end

  local function buffer_names()
    local names = {}
    for _, buf in ipairs(api.nvim_list_bufs()) do
      names[buf] = api.nvim_buf_get_name(buf)
    end
    return names
  end

  local docx = ws .. "/报告 2024.docx"

  H.case(":OgiExtract completes file names, and opens a .docx's text as an ogi-report buffer the server checks", function()
    local made = os.getenv("OGI_TEST_DOCX")
    H.check(made and vim.fn.filereadable(made) == 1, "OGI_TEST_DOCX names no file: run this through test/run.sh")
    H.check(uv.fs_copyfile(made, docx), "cannot copy " .. made .. " into the workspace")
    local completed = vim.fn.getcompletion("OgiExtract " .. ws .. "/报告", "cmdline")
    H.check(#completed == 1 and completed[1] == docx,
      "file-name completion of :OgiExtract: " .. vim.inspect(completed))

    local buf, notified = extract(docx)
    H.check(buf ~= nil, "no buffer opened; notified: " .. vim.inspect(notified))
    H.check(api.nvim_get_current_buf() == buf, "the text view is not in the current window")
    H.check(api.nvim_buf_get_name(buf) == docx .. ".ogi.txt",
      "buffer name should be the file's name + .ogi.txt, got " .. api.nvim_buf_get_name(buf))
    H.check(vim.fn.filereadable(docx .. ".ogi.txt") == 0, "the text view was written to disk")
    H.check(vim.bo[buf].filetype == "ogi-report", "filetype should be ogi-report, got " .. vim.bo[buf].filetype)
    H.check(vim.bo[buf].buftype == "", "buftype should be normal (so :w writes it), got " .. vim.bo[buf].buftype)
    H.check(vim.bo[buf].modified, "the unsaved text view should be marked modified")
    local lines = api.nvim_buf_get_lines(buf, 0, -1, false)
    H.check(#lines == #T.fixture_lines, ("the text view has %d lines, the example %d"):format(#lines, #T.fixture_lines))
    for i, line in ipairs(T.fixture_lines) do
      H.check(lines[i] == line, ("line %d of the text view differs from the example:\n%s\n%s"):format(i, lines[i], line))
    end
    T.client_of(buf)
    H.wait(20, function()
      return T.at_lines(T.diags(buf, "label/nonstandard"), { 248, 257 })
    end, function()
      return "expected label/nonstandard at lines 249 and 258; diagnostics: " .. T.describe(T.diags(buf))
    end)
    H.check(#T.diags(buf, "label/nonstandard") == 2,
      "expected exactly two label/nonstandard diagnostics: " .. T.describe(T.diags(buf, "label/nonstandard")))

    -- Run again on the same file: the same buffer, read again, as long as nothing was typed into it.
    local again = extract(docx)
    H.check(again == buf, ("a second :OgiExtract opened buffer %s instead of reusing %d"):format(tostring(again), buf))
    H.check(api.nvim_buf_line_count(buf) == #T.fixture_lines, "the reused buffer does not hold the text view")
  end)

  H.case(":OgiExtract on a damaged PDF (the current buffer's file): an error with the CLI's reason, no buffer", function()
    local pdf = ws .. "/broken.pdf"
    vim.fn.writefile({ "%PDF-1.4 broken" }, pdf, "b")
    vim.cmd("edit " .. vim.fn.fnameescape(pdf))
    local before = buffer_names()
    local buf, notified = extract("")
    H.check(buf == nil, "a buffer was opened for a damaged PDF: " .. tostring(buf and api.nvim_buf_get_name(buf)))
    H.check(vim.deep_equal(buffer_names(), before), "buffers changed: " .. vim.inspect(buffer_names()))
    local errors = {}
    for _, n in ipairs(notified) do
      if n.level == vim.log.levels.ERROR then
        table.insert(errors, n.msg)
      end
    end
    H.check(#errors == 1, "expected one error message, got: " .. vim.inspect(notified))
    H.check(errors[1]:find("^ogi: cannot open .*broken%.pdf as report text: not a readable PDF %(truncated or damaged%?%)") ~= nil,
      "the error should name the file and the CLI's reason: " .. errors[1])

    vim.cmd("buffer " .. T.report)
    local _, none = extract("")
    H.check(#none == 1 and none[1].level == vim.log.levels.ERROR and none[1].msg:find("needs a .docx or .pdf", 1, true),
      ":OgiExtract in a buffer that is no .docx/.pdf should say what it needs: " .. vim.inspect(none))
  end)
end
