-- Cases about which buffers get the client: detection by name and by content, one client per workspace,
-- :OgiRestart, and a clean stop.

return function(T)
  local H, api, ogi, report, ws = T.H, vim.api, T.ogi, T.report, T.ws
  local client_of, diags, describe, at_lines = T.client_of, T.diags, T.describe, T.at_lines

  local function ids(buf)
    local found = {}
    for _, c in ipairs(ogi.clients(buf)) do
      table.insert(found, c.id)
    end
    return found
  end

  H.case("*.ogi.md, a .md report and a plain .txt: filetype and client as documented", function()
    local shared = client_of(report).id
    local notes = T.open(ws .. "/notes.txt")
    local draft = T.open(ws .. "/draft.ogi.md")
    H.check(vim.bo[draft].filetype == "ogi-report", "*.ogi.md should be ogi-report, got " .. vim.bo[draft].filetype)
    H.check(vim.b[draft].current_syntax == "ogi-report", "draft.ogi.md should use syntax/ogi-report.vim")
    H.check(client_of(draft).id == shared, "draft.ogi.md should share the workspace's client")
    local md = T.open(ws .. "/report.md")
    H.check(vim.bo[md].filetype == "markdown", "a .md report keeps filetype markdown, got " .. vim.bo[md].filetype)
    H.check(client_of(md).id == shared, "report.md (detected by 一、总体情况) should share the workspace's client")
    -- notes.txt was opened before both attachments above completed, so a late attach would show by now.
    H.check(vim.bo[notes].filetype == "text", "notes.txt should stay text, got " .. vim.bo[notes].filetype)
    H.check(#ids(notes) == 0, "notes.txt is no report but got client(s) " .. table.concat(ids(notes), ","))
    vim.cmd("buffer " .. report)
  end)

  H.case("a help file naming a report stays help: :help ogi, and a doc/*.txt with ft=help", function()
    -- The plugin's own manual names 政府信息公开工作年度报告 on its first line: a copy with its tags.
    local rtp = vim.fn.tempname()
    vim.fn.mkdir(rtp .. "/doc", "p")
    vim.fn.writefile(vim.fn.readfile(T.repo .. "/editors/nvim/doc/ogi.txt"), rtp .. "/doc/ogi.txt")
    vim.cmd("helptags " .. vim.fn.fnameescape(rtp .. "/doc"))
    vim.opt.runtimepath:append(rtp)
    vim.cmd("help ogi")
    local help = api.nvim_get_current_buf()
    H.check(vim.bo[help].filetype == "help" and #ids(help) == 0,
      (":help ogi should be filetype help without a client, got %s with %d"):format(vim.bo[help].filetype, #ids(help)))
    vim.cmd("helpclose")
    local doc = T.open(rtp .. "/doc/ogi.txt")
    H.check(vim.bo[doc].filetype == "help", "doc/ogi.txt opened as a file should be help, got " .. vim.bo[doc].filetype)
    vim.cmd("buffer " .. report)
    vim.opt.runtimepath:remove(rtp)
  end)

  H.case(":OgiRestart starts a new client that publishes diagnostics again", function()
    local old = client_of(report).id
    vim.cmd("OgiRestart")
    local new
    H.wait(15, function()
      for _, c in ipairs(ogi.clients(report)) do
        if c.id ~= old and c.initialized then
          new = c
        end
      end
      return new ~= nil
    end, "no new initialized client after :OgiRestart")
    H.check(vim.lsp.get_client_by_id(old) == nil or #ogi.clients() == 1, "the old client is still running")
    local ns = vim.lsp.diagnostic.get_namespace(new.id)
    H.wait(20, function()
      return at_lines(T.diags(report, "label/nonstandard"), { 257 })
        and #vim.diagnostic.get(report, { namespace = ns }) > 0
    end, function() return "the restarted client published nothing: " .. describe(diags(report)) end)
  end)

  -- Live server processes started by this Neovim (Linux /proc): children whose executable is the server.
  local function server_pids()
    local uv = vim.loop
    local binary = vim.fn.resolve(os.getenv("OGI_LSP_BIN") or vim.fn.exepath("ogi-lsp"))
    local found = {}
    for _, dir in ipairs(vim.fn.glob("/proc/[0-9]*", false, true)) do
      -- Other processes come and go while we look: one may be gone before its stat is read.
      local ok, lines = pcall(vim.fn.readfile, dir .. "/stat", "", 1)
      local stat = ok and lines[1] or ""
      local state, ppid = stat:match("%) (%S) (%d+)")
      if ppid and tonumber(ppid) == vim.fn.getpid() and state ~= "Z" and uv.fs_readlink(dir .. "/exe") == binary then
        table.insert(found, tonumber(dir:match("%d+$")))
      end
    end
    return found
  end

  H.case("vim.lsp.stop_client stops the server: shutdown, exit, and the process is gone", function()
    client_of(report)
    local all = ids(nil)
    local pids = server_pids()
    H.check(#all > 0 and #pids == #all, ("expected one running ogi-lsp process for each of %d client(s), found %d"):format(
      #all, #pids))
    vim.lsp.stop_client(all)
    H.wait(10, function()
      return #ogi.clients() == 0 and #server_pids() == 0
    end, function()
      return ("after stop_client: %d client(s), server process(es) %s still running"):format(
        #ogi.clients(), table.concat(server_pids(), ","))
    end)
  end)
end
