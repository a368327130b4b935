//! Byte offsets ↔ line/column positions under a negotiated encoding (UTF-8 bytes or UTF-16 code units).
//! Pure: knows the rope, not the protocol. Out-of-range and mid-character positions are clamped, never a panic.

use ropey::Rope;

/// How the `character` of a position counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    Utf8,
    /// The protocol's default: astral characters count as two units.
    #[default]
    Utf16,
}

/// A 0-based line and a column counted in the document's [`Encoding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Position {
    pub line: u32,
    pub character: u32,
}

impl Position {
    pub const fn new(line: u32, character: u32) -> Position {
        Position { line, character }
    }
}

/// A byte offset resolved from a position, and whether the position had to be clamped to get it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved {
    pub offset: usize,
    pub clamped: bool,
}

/// Byte length of the line break that ends `line` (0 for the last line).
fn terminator_len(rope: &Rope, line: usize) -> usize {
    let slice = rope.line(line);
    let len = slice.len_bytes();
    match (
        len.checked_sub(2).map(|i| slice.byte(i)),
        len.checked_sub(1).map(|i| slice.byte(i)),
    ) {
        (Some(b'\r'), Some(b'\n')) => 2,
        (_, Some(b'\n' | b'\r')) => 1,
        _ => 0,
    }
}

/// Byte range of the text of `line`, without its line break.
fn line_content(rope: &Rope, line: usize) -> (usize, usize) {
    let start = rope.line_to_byte(line);
    let end = start + rope.line(line).len_bytes() - terminator_len(rope, line);
    (start, end)
}

/// A text that knows where its lines start: the rope of an open document, or the [`LineIndex`] of a
/// text read whole. Both count positions the same way.
///
/// [`LineIndex`]: super::LineIndex
pub trait PositionMap {
    /// The position of byte `offset` (clamped to a character boundary inside the text).
    fn position_of(&self, offset: usize, encoding: Encoding) -> Position;
}

impl PositionMap for Rope {
    fn position_of(&self, offset: usize, encoding: Encoding) -> Position {
        offset_to_position(self, offset, encoding)
    }
}

/// The position of byte `offset`. An offset past the end or inside a character is moved back to the
/// nearest character boundary first.
pub fn offset_to_position(rope: &Rope, offset: usize, encoding: Encoding) -> Position {
    let offset = offset.min(rope.len_bytes());
    let char_idx = rope.byte_to_char(offset);
    let line = rope.char_to_line(char_idx);
    let character = match encoding {
        Encoding::Utf8 => rope.char_to_byte(char_idx) - rope.line_to_byte(line),
        Encoding::Utf16 => {
            rope.char_to_utf16_cu(char_idx) - rope.char_to_utf16_cu(rope.line_to_char(line))
        }
    };
    Position {
        line: saturate(line),
        character: saturate(character),
    }
}

/// The byte offset of `position`. A line past the end resolves to the end of the document, a column past
/// the end of its line to the end of the line's text, a column inside a character to that character's start.
pub fn position_to_offset(rope: &Rope, position: Position, encoding: Encoding) -> Resolved {
    let line = position.line as usize;
    if line >= rope.len_lines() {
        return Resolved {
            offset: rope.len_bytes(),
            clamped: true,
        };
    }
    let (start, end) = line_content(rope, line);
    let character = position.character as usize;
    match encoding {
        Encoding::Utf8 => {
            let wanted = start.saturating_add(character);
            if wanted > end {
                return Resolved {
                    offset: end,
                    clamped: true,
                };
            }
            let floored = rope.char_to_byte(rope.byte_to_char(wanted));
            Resolved {
                offset: floored,
                clamped: floored != wanted,
            }
        }
        Encoding::Utf16 => {
            let start_cu = rope.char_to_utf16_cu(rope.byte_to_char(start));
            let end_cu = rope.char_to_utf16_cu(rope.byte_to_char(end));
            let wanted = start_cu.saturating_add(character);
            if wanted > end_cu {
                return Resolved {
                    offset: end,
                    clamped: true,
                };
            }
            let char_idx = rope.utf16_cu_to_char(wanted);
            let exact = rope.char_to_utf16_cu(char_idx) == wanted;
            Resolved {
                offset: rope.char_to_byte(char_idx),
                clamped: !exact,
            }
        }
    }
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "一、总体情况\r\n𠀀预期a\rb\n\n末";

    /// Every character boundary of `text` must survive offset → position → offset under both encodings.
    fn assert_round_trip(text: &str) {
        let rope = Rope::from_str(text);
        for (offset, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            for encoding in [Encoding::Utf8, Encoding::Utf16] {
                let position = offset_to_position(&rope, offset, encoding);
                let back = position_to_offset(&rope, position, encoding);
                // Offsets inside a `\r\n` pair are not character-boundary-distinct lines; skip the `\n`.
                if text[..offset].ends_with('\r') && text[offset..].starts_with('\n') {
                    continue;
                }
                assert_eq!(
                    back,
                    Resolved {
                        offset,
                        clamped: false
                    },
                    "{encoding:?} offset {offset} via {position:?}"
                );
            }
        }
    }

    #[test]
    fn round_trips_over_cjk_astral_and_every_line_break() {
        assert_round_trip(TEXT);
        assert_round_trip("");
        assert_round_trip("\r\r\n\n𠀀");
    }

    #[test]
    fn cjk_is_three_bytes_one_unit_astral_four_bytes_two_units() {
        let rope = Rope::from_str(TEXT);
        // Line 1 is `𠀀预期a`: 预 starts after the astral char.
        let yu = TEXT.find('预').unwrap_or(0);
        assert_eq!(
            offset_to_position(&rope, yu, Encoding::Utf16),
            Position::new(1, 2)
        );
        assert_eq!(
            offset_to_position(&rope, yu, Encoding::Utf8),
            Position::new(1, 4)
        );
        let a = TEXT.find('a').unwrap_or(0);
        assert_eq!(
            offset_to_position(&rope, a, Encoding::Utf16),
            Position::new(1, 4)
        );
        assert_eq!(
            offset_to_position(&rope, a, Encoding::Utf8),
            Position::new(1, 10)
        );
    }

    #[test]
    fn lone_carriage_return_and_crlf_break_lines() {
        let rope = Rope::from_str(TEXT);
        let b = TEXT.find('b').unwrap_or(0);
        assert_eq!(
            offset_to_position(&rope, b, Encoding::Utf16),
            Position::new(2, 0)
        );
        let last = TEXT.find('末').unwrap_or(0);
        assert_eq!(
            offset_to_position(&rope, last, Encoding::Utf8),
            Position::new(4, 0)
        );
        assert_eq!(
            position_to_offset(&rope, Position::new(0, 6), Encoding::Utf16),
            Resolved {
                offset: 18,
                clamped: false
            }
        );
    }

    #[test]
    fn out_of_range_positions_clamp() {
        let rope = Rope::from_str(TEXT);
        // Past the end of line 0: the end of its text, before `\r\n`.
        assert_eq!(
            position_to_offset(&rope, Position::new(0, 99), Encoding::Utf16),
            Resolved {
                offset: 18,
                clamped: true
            }
        );
        assert_eq!(
            position_to_offset(&rope, Position::new(0, 99), Encoding::Utf8),
            Resolved {
                offset: 18,
                clamped: true
            }
        );
        assert_eq!(
            position_to_offset(&rope, Position::new(40, 0), Encoding::Utf16),
            Resolved {
                offset: TEXT.len(),
                clamped: true
            }
        );
        assert_eq!(
            position_to_offset(&rope, Position::new(u32::MAX, u32::MAX), Encoding::Utf8),
            Resolved {
                offset: TEXT.len(),
                clamped: true
            }
        );
        assert_eq!(
            offset_to_position(&rope, usize::MAX, Encoding::Utf16),
            Position::new(4, 1)
        );
    }

    #[test]
    fn mid_character_positions_fall_back_to_the_character_start() {
        let rope = Rope::from_str(TEXT);
        let line1 = 20;
        // Inside the surrogate pair of 𠀀.
        assert_eq!(
            position_to_offset(&rope, Position::new(1, 1), Encoding::Utf16),
            Resolved {
                offset: line1,
                clamped: true
            }
        );
        // Inside the UTF-8 bytes of 𠀀 and of 预.
        assert_eq!(
            position_to_offset(&rope, Position::new(1, 3), Encoding::Utf8),
            Resolved {
                offset: line1,
                clamped: true
            }
        );
        assert_eq!(
            position_to_offset(&rope, Position::new(1, 5), Encoding::Utf8),
            Resolved {
                offset: line1 + 4,
                clamped: true
            }
        );
        // A byte offset inside a character maps to that character's position.
        assert_eq!(
            offset_to_position(&rope, line1 + 2, Encoding::Utf16),
            Position::new(1, 0)
        );
    }
}
