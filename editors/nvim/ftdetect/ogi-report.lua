-- Filetype `ogi-report` for report files: `*.ogi.md`, `*.ogi.txt`, and `.txt` files whose first lines
-- hold a report's landmark. Neovim sources this at startup for a plugin on 'runtimepath'; lazy.nvim
-- sources it for a plugin loaded on `ft = "ogi-report"` before the plugin is on 'runtimepath', so this
-- loads lua/ogi/detect.lua by its path rather than with require().
local here = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h:h")
dofile(here .. "/lua/ogi/detect.lua").define_filetype_autocmds()
