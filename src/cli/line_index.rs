//! Byte offsets to line/column positions for one file's text, as the output formats count them.
//! Knows nothing of findings or formats; `\n`, `\r\n` and `\r` break lines, as in LSP.

use std::cell::Cell;

use crate::analysis::segment::lines_with_ranges;

/// A position in a file: 0-based line, and the column counted both in UTF-16 code units (JSON, SARIF,
/// as editors count) and in characters (the text format, as people count).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub line: usize,
    pub utf16: usize,
    pub chars: usize,
}

/// Line starts of one text, so that each lookup is a binary search plus a walk over one line — from
/// the previous lookup when it was earlier on the same line, so that the findings of one long line,
/// looked up in order, cost one walk over it and not one each.
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of the first character of every line; always starts with 0.
    starts: Vec<usize>,
    /// The previous lookup: its offset and position.
    last: Cell<(usize, Position)>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        // A line that ends in a terminator is followed by another (possibly empty) line.
        let starts = std::iter::once(0)
            .chain(
                lines_with_ranges(text)
                    .filter(|(range, content)| range.len() > content.len())
                    .map(|(range, _)| range.end),
            )
            .collect();
        LineIndex {
            text,
            starts,
            last: Cell::new((0, Position::default())),
        }
    }

    /// The 0-based line holding `offset` (an offset past the end belongs to the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// The position of a byte offset; offsets past the end or inside a character are moved back
    /// to the nearest character boundary rather than trusted.
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.floor_boundary(offset);
        let line = self.line_of(offset);
        let (last, at) = self.last.get();
        let (start, from) = if at.line == line && last <= offset {
            (last, at)
        } else {
            (
                self.starts[line],
                Position {
                    line,
                    ..Position::default()
                },
            )
        };
        let before = &self.text[start..offset];
        let position = Position {
            line,
            utf16: from.utf16 + before.encode_utf16().count(),
            chars: from.chars + before.chars().count(),
        };
        self.last.set((offset, position));
        position
    }

    /// The byte offset where `line` starts (the end of the text for a line that does not exist).
    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.text.len())
    }

    /// The text of a line without its terminator; empty for a line that does not exist.
    pub fn line_text(&self, line: usize) -> &'a str {
        let Some(&start) = self.starts.get(line) else {
            return "";
        };
        let end = self
            .starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    fn floor_boundary(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: usize, utf16: usize, chars: usize) -> Position {
        Position { line, utf16, chars }
    }

    #[test]
    fn every_line_break_style_starts_a_line() {
        let text = "a\nb\r\nc\rd";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text.find('b').unwrap()), pos(1, 0, 0));
        assert_eq!(index.position(text.find('c').unwrap()), pos(2, 0, 0));
        assert_eq!(index.position(text.find('d').unwrap()), pos(3, 0, 0));
        assert_eq!(index.line_text(1), "b");
        assert_eq!(index.line_text(2), "c");
        assert_eq!(index.line_text(9), "");
    }

    #[test]
    fn cjk_and_astral_characters_count_differently_in_utf16_and_chars() {
        // 预 is one UTF-16 unit and three bytes; 𠀀 (U+20000) is two UTF-16 units and four bytes.
        let text = "x\n预𠀀期";
        let index = LineIndex::new(text);
        let qi = text.find('期').unwrap();
        assert_eq!(qi, 2 + 3 + 4);
        assert_eq!(index.position(qi), pos(1, 3, 2));
        assert_eq!(index.position(text.len()), pos(1, 4, 3));
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_are_clamped() {
        let text = "预期";
        let index = LineIndex::new(text);
        assert_eq!(index.position(1), pos(0, 0, 0));
        assert_eq!(index.position(4), pos(0, 1, 1));
        assert_eq!(index.position(100), pos(0, 2, 2));
    }

    #[test]
    fn lookups_in_any_order_agree_with_lookups_from_the_line_start() {
        let text = "预𠀀期\nab𠀀c\r\n\r末𠀀";
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let fresh = |o: usize| LineIndex::new(text).position(o);
        let index = LineIndex::new(text);
        for &o in offsets
            .iter()
            .chain(offsets.iter().rev())
            .chain([7, 2, 9, 0, 100].iter())
        {
            assert_eq!(index.position(o), fresh(o), "offset {o}");
        }
    }

    #[test]
    fn a_trailing_newline_opens_an_empty_last_line() {
        let index = LineIndex::new("a\n");
        assert_eq!(index.position(2), pos(1, 0, 0));
        assert_eq!(index.line_text(1), "");
    }
}
