-- The user's init.lua for the end-to-end tests: the plugin is loaded exactly as a user would load it.
-- OGI_TEST_VARIANT=start additionally forces the vim.lsp.start path (what 0.8–0.10 use), an explicit
-- `cmd` and a rule setting (label/nonstandard raised to error), so one 0.11 binary also covers that code.
-- OGI_TEST_VARIANT=lazy loads it as lazy.nvim does for `{ dir = …, ft = "ogi-report", config = … }`
-- (test/lazy.lua): setup{} runs only once a report given on the command line is read.

local here = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h")
local plugin = vim.fn.fnamemodify(here, ":h")
vim.lsp.set_log_level("debug")

local variant = os.getenv("OGI_TEST_VARIANT")
if variant == "lazy" then
  local lazy = dofile(here .. "/lazy.lua")
  package.loaded["ogi_test_lazy"] = lazy
  lazy.add({ dir = plugin, ft = "ogi-report", config = function() require("ogi").setup({}) end })
  return
end

vim.opt.runtimepath:prepend(plugin)
if variant == "start" then
  require("ogi").setup({
    cmd = { os.getenv("OGI_LSP_BIN") or "ogi-lsp" },
    lsp_api = "start",
    settings = { rules = { ["label/nonstandard"] = "error" } },
  })
else
  require("ogi").setup({})
end
