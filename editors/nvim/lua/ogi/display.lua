-- Text measured in display cells (a CJK character takes two, as strdisplaywidth says) and a line
-- builder that remembers the byte columns of the pieces it puts, for highlights and links back to
-- the report. Knows nothing of tables or of the server's answer.

local M = {}

--- Display width of `s` (two cells a CJK character; `…` and `─` per 'ambiwidth').
function M.width(s)
  return vim.fn.strdisplaywidth(s)
end

--- `s` cut to display width `w` with a trailing `…` when it is wider.
function M.truncate(s, w)
  if M.width(s) <= w then
    return s
  end
  local ellipsis = "…"
  local room = w - M.width(ellipsis)
  local kept, used = {}, 0
  for ch in s:gmatch("[^\128-\191][\128-\191]*") do
    local cw = M.width(ch)
    if used + cw > room then
      break
    end
    table.insert(kept, ch)
    used = used + cw
  end
  return room < 0 and "" or table.concat(kept) .. ellipsis
end

--- `s` padded (or cut) to display width `w`: "right" or "centre" aligned, else left.
function M.pad(s, w, align)
  s = M.truncate(s, w)
  local room = w - M.width(s)
  if align == "right" then
    return (" "):rep(room) .. s
  elseif align == "centre" then
    local left = math.floor(room / 2)
    return (" "):rep(left) .. s .. (" "):rep(room - left)
  end
  return s .. (" "):rep(room)
end

-- `n` display cells of `─` (two cells each when 'ambiwidth' is double), topped up with spaces.
local function rule(n)
  local fw = M.width("─")
  local count = math.max(0, math.floor(n / fw))
  return ("─"):rep(count) .. (" "):rep(math.max(0, n - count * fw))
end

--- A heading centred over the columns it spans, with a rule either side to show the span.
function M.spanning(s, w)
  s = M.truncate(s, w)
  local room = w - M.width(s)
  if room < 4 then
    return M.pad(s, w, "centre")
  end
  local left = math.floor(room / 2)
  return rule(left - 1) .. " " .. s .. " " .. rule(room - left - 1)
end

-- The text being built: lines, the map of linked pieces and the highlights, with byte columns.
local Doc = {}
Doc.__index = Doc

--- An empty text: put pieces on the current line, link them to ranges, close the line.
function M.new_doc()
  return setmetatable({ lines = {}, cells = {}, highlights = {}, parts = {}, len = 0, links = {} }, Doc)
end

--- Appends `text` to the current line (highlighted with `group` if given); returns its byte span.
function Doc:put(text, group)
  local start = self.len
  table.insert(self.parts, text)
  self.len = self.len + #text
  if group and text:find("%S") then
    table.insert(self.highlights, { line = #self.lines, col_start = start, col_end = self.len, group = group })
  end
  return start, self.len
end

--- Records that bytes `start`..`finish` of the current line stand for `range` in the report.
function Doc:link(start, finish, range, kind)
  if range then
    table.insert(self.links, { col_start = start, col_end = finish, range = range, kind = kind })
  end
end

--- Ends the current line; `group` highlights the whole of it.
function Doc:close(group)
  local text = table.concat(self.parts):gsub("%s+$", "")
  local line = #self.lines
  table.insert(self.lines, text)
  if group and #text > 0 then
    table.insert(self.highlights, { line = line, col_start = 0, col_end = #text, group = group })
  end
  for _, l in ipairs(self.links) do
    l.line = line -- a slot's end may pass the end of the line its trailing blanks were cut from
    table.insert(self.cells, l)
  end
  self.parts, self.len, self.links = {}, 0, {}
end

function Doc:line(text, group)
  self:put(text)
  self:close(group)
end

return M
