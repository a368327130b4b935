-- Configuration for Neovim 0.11+ `vim.lsp.config` / `vim.lsp.enable("ogi")`: the same client the
-- plugin's setup{} starts, attaching only to buffers detected as reports.
return require("ogi").lsp_config()
