//! Byte offsets to line/column positions for a text held as a string (a file the batch checker or the
//! workspace check reads), counted as the open documents' ropes count them ([`super::position`]): one
//! position model for the server and the CLI's outputs (a property test holds the two together).
//! `\n`, `\r\n` and `\r` break lines, as in LSP.

use std::cell::Cell;

use super::position::{Encoding, Position, PositionMap};
use crate::analysis::segment::lines_with_ranges;

/// A place in a text: 0-based line, and the column counted in UTF-8 bytes and UTF-16 code units (as
/// editors count, per the negotiated encoding) and in characters (the text format, as people count).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Point {
    pub line: usize,
    pub utf8: usize,
    pub utf16: usize,
    pub chars: usize,
}

impl Point {
    /// The protocol position of the point in `encoding`.
    pub fn position(self, encoding: Encoding) -> Position {
        let character = match encoding {
            Encoding::Utf8 => self.utf8,
            Encoding::Utf16 => self.utf16,
        };
        Position {
            line: u32::try_from(self.line).unwrap_or(u32::MAX),
            character: u32::try_from(character).unwrap_or(u32::MAX),
        }
    }
}

/// Line starts of one text, so that each lookup is a binary search plus a walk over one line.
/// Lookups walk from the previous lookup when it was earlier on the same line, so that the findings
/// of one long line, looked up in order, cost one walk over it and not one each.
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of the first character of every line; always starts with 0.
    starts: Vec<usize>,
    /// The previous lookup: its offset and point.
    last: Cell<(usize, Point)>,
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
            last: Cell::new((0, Point::default())),
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
    pub fn point(&self, offset: usize) -> Point {
        let offset = self.floor_boundary(offset);
        let line = self.line_of(offset);
        let (last, at) = self.last.get();
        let (start, from) = if at.line == line && last <= offset {
            (last, at)
        } else {
            let start = self.starts.get(line).copied().unwrap_or_default();
            let from = Point {
                line,
                ..Point::default()
            };
            (start, from)
        };
        let before = self.text.get(start..offset).unwrap_or_default();
        let point = Point {
            line,
            utf8: from.utf8 + before.len(),
            utf16: from.utf16 + before.encode_utf16().count(),
            chars: from.chars + before.chars().count(),
        };
        self.last.set((offset, point));
        point
    }

    /// The byte offset where `line` starts (the end of the text for a line that does not exist).
    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.text.len())
    }

    /// The protocol position of a byte offset in `encoding`.
    pub fn position(&self, offset: usize, encoding: Encoding) -> Position {
        self.point(offset).position(encoding)
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
        self.text
            .get(start..end)
            .unwrap_or_default()
            .trim_end_matches(['\n', '\r'])
    }

    fn floor_boundary(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

impl PositionMap for LineIndex<'_> {
    fn position_of(&self, offset: usize, encoding: Encoding) -> Position {
        self.position(offset, encoding)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: usize, utf16: usize, chars: usize) -> (usize, usize, usize) {
        (line, utf16, chars)
    }

    /// Line, UTF-16 column and character column of `offset`.
    fn at(index: &LineIndex<'_>, offset: usize) -> (usize, usize, usize) {
        let p = index.point(offset);
        (p.line, p.utf16, p.chars)
    }

    #[test]
    fn every_line_break_style_starts_a_line() {
        let text = "a\nb\r\nc\rd";
        let index = LineIndex::new(text);
        assert_eq!(at(&index, text.find('b').unwrap()), pos(1, 0, 0));
        assert_eq!(at(&index, text.find('c').unwrap()), pos(2, 0, 0));
        assert_eq!(at(&index, text.find('d').unwrap()), pos(3, 0, 0));
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
        assert_eq!(at(&index, qi), pos(1, 3, 2));
        assert_eq!(at(&index, text.len()), pos(1, 4, 3));
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_are_clamped() {
        let text = "预期";
        let index = LineIndex::new(text);
        assert_eq!(at(&index, 1), pos(0, 0, 0));
        assert_eq!(at(&index, 4), pos(0, 1, 1));
        assert_eq!(at(&index, 100), pos(0, 2, 2));
    }

    #[test]
    fn lookups_in_any_order_agree_with_lookups_from_the_line_start() {
        let text = "预𠀀期\nab𠀀c\r\n\r末𠀀";
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let fresh = |o: usize| LineIndex::new(text).point(o);
        let index = LineIndex::new(text);
        for &o in offsets
            .iter()
            .chain(offsets.iter().rev())
            .chain([7, 2, 9, 0, 100].iter())
        {
            assert_eq!(index.point(o), fresh(o), "offset {o}");
        }
    }

    #[test]
    fn a_trailing_newline_opens_an_empty_last_line() {
        let index = LineIndex::new("a\n");
        assert_eq!(at(&index, 2), pos(1, 0, 0));
        assert_eq!(index.line_text(1), "");
    }
}

#[cfg(test)]
mod agreement {
    use proptest::prelude::*;
    use ropey::Rope;

    use super::*;
    use crate::document::offset_to_position;

    fn texts() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a", "7", " ", "\t", "\n", "\r\n", "\r", "预", "期", "𠀀", "😀", "\u{3000}", "|",
        ]);
        prop::collection::vec(pieces, 0..60).prop_map(|p| p.concat())
    }

    proptest! {
        /// The CLI's outputs and the server count every offset of every text the same way.
        #[test]
        fn the_line_index_counts_as_the_rope_does(text in texts()) {
            let rope = Rope::from_str(&text);
            let index = LineIndex::new(&text);
            for offset in 0..=text.len() + 2 {
                for encoding in [Encoding::Utf8, Encoding::Utf16] {
                    prop_assert_eq!(
                        index.position(offset, encoding),
                        offset_to_position(&rope, offset, encoding),
                        "offset {} of {:?}", offset, text
                    );
                }
            }
        }
    }
}
