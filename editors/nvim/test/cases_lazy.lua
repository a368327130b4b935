-- Cases of the lazy variant (test/init.lua with OGI_TEST_VARIANT=lazy): Neovim was started on a copy of
-- the example report (a .txt file, a report by its content) with the plugin registered as lazy.nvim
-- registers `ft = "ogi-report"`. Its ftdetect must give the file that filetype, which loads the plugin;
-- setup{} then runs with the report already open and must attach it. A failure here ends the run: the
-- other cases need the plugin loaded.

return function(H)
  local api = vim.api
  local lazy = require("ogi_test_lazy")
  local file = vim.fn.fnamemodify(assert(os.getenv("OGI_TEST_STARTUP_FILE"), "OGI_TEST_STARTUP_FILE is not set"), ":p")
  local buf = vim.fn.bufnr(file)

  H.case("lazy loading: the report read at startup gets filetype ogi-report, which loads the plugin", function()
    H.check(buf ~= -1 and api.nvim_buf_is_loaded(buf), "the report given on the command line is not loaded: " .. file)
    H.check(vim.bo[buf].filetype == "ogi-report", "ftdetect/ should make the .txt report ogi-report, it is "
      .. vim.bo[buf].filetype)
    local loaded = lazy.loaded
    H.check(loaded ~= nil, "the plugin was never loaded: no FileType ogi-report happened")
    H.check(loaded.event == "FileType ogi-report" and loaded.buf == buf and loaded.did_enter == 0,
      "expected the plugin loaded by FileType ogi-report of the startup report during startup: " .. vim.inspect(loaded))
  end)

  H.case("lazy loading: setup{} after the report was read still attaches the client and publishes its diagnostics", function()
    H.check(package.loaded.ogi ~= nil, "the plugin was not loaded (see above)")
    local ogi = require("ogi")
    H.wait(15, function()
      local client = ogi.client(buf)
      return client ~= nil
    end, "no initialized ogi client on the report open before setup{}")
    H.check(#ogi.clients(buf) == 1, ("one client expected on the report, found %d"):format(#ogi.clients(buf)))
    H.wait(20, function()
      local lines = {}
      for _, d in ipairs(vim.diagnostic.get(buf)) do
        if d.code == "label/nonstandard" then
          lines[d.lnum] = true
        end
      end
      return lines[248] and lines[257]
    end, "no label/nonstandard warnings at lines 249 and 258 of the report open before setup{}")
    H.check(vim.b[buf].current_syntax == "ogi-report", "the re-triggered FileType should load syntax/ogi-report.vim, "
      .. "current_syntax is " .. tostring(vim.b[buf].current_syntax))
  end)

  if package.loaded.ogi == nil then
    H.finish()
  end
end
