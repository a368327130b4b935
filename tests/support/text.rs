//! Positions in a test's own copy of the text, computed independently of the server.

use tower_lsp_server::ls_types::{Position, TextEdit};

/// The byte offset of `position` in `text`, counted independently of the server: lines end at `\n`,
/// `\r\n` or `\r`; columns count UTF-8 bytes or UTF-16 units.
pub fn offset(text: &str, position: Position, utf8: bool) -> usize {
    let mut line = 0;
    let mut line_start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while line < position.line && i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => i += 1,
            b'\n' | b'\r' => {}
            _ => {
                i += 1;
                continue;
            }
        }
        i += 1;
        line += 1;
        line_start = i;
    }
    let mut column = 0;
    for (at, c) in text[line_start..].char_indices() {
        if column >= position.character as usize || c == '\n' || c == '\r' {
            return line_start + at;
        }
        column += if utf8 { c.len_utf8() } else { c.len_utf16() };
    }
    text.len()
}

/// The inverse of [`offset`].
pub fn position(text: &str, offset: usize, utf8: bool) -> Position {
    let before = &text[..offset];
    let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + before.matches('\r').count()
        - before.matches("\r\n").count();
    let column: usize = before[line_start..]
        .chars()
        .map(|c| if utf8 { c.len_utf8() } else { c.len_utf16() })
        .sum();
    Position::new(line as u32, column as u32)
}

/// Applies protocol text edits to `text` (edits must not overlap, as the protocol requires).
pub fn apply_edits(text: &str, edits: &[TextEdit], utf8: bool) -> String {
    let mut spans: Vec<_> = edits
        .iter()
        .map(|e| {
            (
                offset(text, e.range.start, utf8),
                offset(text, e.range.end, utf8),
                &e.new_text,
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_owned();
    for (start, end, new_text) in spans {
        out.replace_range(start..end, new_text);
    }
    out
}

/// The position of the `nth` occurrence of `needle` in `text`.
pub fn find(text: &str, needle: &str, nth: usize, utf8: bool) -> Position {
    let at = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in text"))
        .0;
    position(text, at, utf8)
}
