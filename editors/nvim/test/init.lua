-- The user's init.lua for the end-to-end tests: the plugin is loaded exactly as a user would load it.
-- OGI_TEST_VARIANT=start additionally forces the vim.lsp.start path (what 0.8–0.10 use), an explicit
-- `cmd` and a rule setting (label/nonstandard raised to error), so one 0.11 binary also covers that code.

local plugin = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h:h")
vim.opt.runtimepath:prepend(plugin)
vim.lsp.set_log_level("debug")

if os.getenv("OGI_TEST_VARIANT") == "start" then
  require("ogi").setup({
    cmd = { os.getenv("OGI_LSP_BIN") or "ogi-lsp" },
    lsp_api = "start",
    settings = { rules = { ["label/nonstandard"] = "error" } },
  })
else
  require("ogi").setup({})
end
