-- Converts between byte columns (what Neovim and the quickfix list use) and LSP character offsets
-- (UTF-16 code units by default, UTF-8 or UTF-32 when negotiated). Pure string arithmetic, written here
-- because vim.str_byteindex / vim.str_utfindex changed signature between 0.7 and 0.11.

local M = {}

-- Length in bytes of the UTF-8 sequence that starts with byte `b`.
local function seq_len(b)
  if b < 0x80 then
    return 1
  elseif b >= 0xF0 then
    return 4
  elseif b >= 0xE0 then
    return 3
  elseif b >= 0xC0 then
    return 2
  end
  return 1 -- a stray continuation byte counts as one unit, like Neovim does
end

local function units_of(len, encoding)
  if encoding == "utf-8" then
    return len
  elseif encoding == "utf-32" then
    return 1
  end
  return len == 4 and 2 or 1
end

--- 0-based byte column of 0-based LSP character `character` in `line`; clamps to the line's end and
--- never lands inside a character.
function M.byte_col(line, character, encoding)
  local byte, units = 0, 0
  while byte < #line and units < character do
    local len = seq_len(line:byte(byte + 1))
    units = units + units_of(len, encoding)
    if units > character then
      break -- the offset points inside a character: stay at its start
    end
    byte = byte + len
  end
  return math.min(byte, #line)
end

--- 0-based LSP character of 0-based byte column `col` in `line`.
function M.character(line, col, encoding)
  local byte, units = 0, 0
  while byte < col and byte < #line do
    local len = seq_len(line:byte(byte + 1))
    units = units + units_of(len, encoding)
    byte = byte + len
  end
  return units
end

return M
