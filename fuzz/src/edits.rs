//! The document target's input: a base text, an encoding and a script of edits, and a model of the
//! text that resolves protocol positions on its own (a plain `String`, no rope), to check the store by.
//!
//! Format: byte 0 holds the encoding (bit 0: UTF-8, else UTF-16) and the base (bits 1–3: 0 inline text
//! of a `u16` length, 1–7 [`crate::base_text`] with a layout byte for 7); then steps until the input
//! ends, each a tag byte (`% 8`: 5 replaces the whole text, 6 analyses pending reports, else a range
//! edit) followed by its fields.

use crate::FRAGMENTS;
use crate::bytes::{Input, Output};

/// Where an edit starts or ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A protocol position as it is, usually out of range.
    Raw { line: u16, character: u16 },
    /// The position of the character boundary at `fraction / 65536` of the text, its column moved by
    /// `nudge` units (into a character, past the end of its line).
    Near { fraction: u16, nudge: i8 },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Replace {
        start: Place,
        end: Place,
        text: String,
    },
    Whole(String),
    /// Analyse the pending reports now, so later edits meet analysed segments.
    Analyse,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Script {
    pub utf8: bool,
    pub text: String,
    pub steps: Vec<Step>,
}

/// Scripts longer than this are cut: the final check is what costs.
pub const MAX_STEPS: usize = 64;

fn place(input: &mut Input) -> Option<Place> {
    let kind = input.u8()?;
    if kind % 4 == 0 {
        Some(Place::Raw {
            line: input.u16()?,
            character: input.u16()?,
        })
    } else {
        Some(Place::Near {
            fraction: input.u16()?,
            nudge: (kind >> 2) as i8 % 8 - 2,
        })
    }
}

fn insert(input: &mut Input) -> Option<String> {
    let choice = input.u8()?;
    if choice < 0x80 {
        Some(FRAGMENTS[usize::from(choice) % FRAGMENTS.len()].to_owned())
    } else {
        input.short_text()
    }
}

fn write_place(out: &mut Output, place: Place) {
    match place {
        Place::Raw { line, character } => {
            out.u8(0).u16(line).u16(character);
        }
        Place::Near { fraction, nudge } => {
            let kind = (((nudge + 2).rem_euclid(8)) as u8) << 2 | 1;
            out.u8(kind).u16(fraction);
        }
    }
}

fn write_insert(out: &mut Output, text: &str) {
    match FRAGMENTS.iter().position(|f| *f == text) {
        Some(i) => out.u8(i as u8),
        None => out.u8(0x80).short_text(text),
    };
}

impl Script {
    pub fn decode(data: &[u8]) -> Option<Script> {
        let mut input = Input::new(data);
        let head = input.u8()?;
        let base = (head >> 1) & 7;
        let text = match base {
            0 => String::from_utf8_lossy(&input.long_bytes()?).into_owned(),
            7 => crate::base_text(7, input.u8()?),
            kind => crate::base_text(kind, 0),
        };
        let mut steps = Vec::new();
        while steps.len() < MAX_STEPS && !input.is_empty() {
            let step = match input.u8()? % 8 {
                5 => Step::Whole(insert(&mut input)?),
                6 => Step::Analyse,
                _ => Step::Replace {
                    start: place(&mut input)?,
                    end: place(&mut input)?,
                    text: insert(&mut input)?,
                },
            };
            steps.push(step);
        }
        Some(Script {
            utf8: head & 1 == 1,
            text,
            steps,
        })
    }

    /// The bytes that decode to a script on base `base` (1–7; 7 with `layout`) with these steps.
    pub fn encode(utf8: bool, base: u8, layout: u8, steps: &[Step]) -> Vec<u8> {
        let mut out = Output::default();
        out.u8(u8::from(utf8) | (base & 7) << 1);
        if base & 7 == 7 {
            out.u8(layout);
        }
        for step in steps {
            match step {
                Step::Replace { start, end, text } => {
                    out.u8(0);
                    write_place(&mut out, *start);
                    write_place(&mut out, *end);
                    write_insert(&mut out, text);
                }
                Step::Whole(text) => {
                    out.u8(5);
                    write_insert(&mut out, text);
                }
                Step::Analyse => {
                    out.u8(6);
                }
            }
        }
        out.data
    }
}

/// A protocol position resolved against the model: the byte offset and whether it had to be clamped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved {
    pub offset: usize,
    pub clamped: bool,
}

/// The text as the client sees it, and positions resolved the way the protocol and the store's
/// documentation say: lines end at `\n`, `\r\n` or `\r`; a line past the end is the end of the text,
/// a column past the end of its line the end of the line's text, a column inside a character that
/// character's start.
pub struct Model {
    pub text: String,
    pub utf8: bool,
}

impl Model {
    /// Byte ranges of each line's text, without its line break.
    fn lines(&self) -> Vec<(usize, usize)> {
        let bytes = self.text.as_bytes();
        let mut lines = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            let brk = match (bytes[i], bytes.get(i + 1)) {
                (b'\r', Some(b'\n')) => 2,
                (b'\r' | b'\n', _) => 1,
                _ => 0,
            };
            if brk > 0 {
                lines.push((start, i));
                i += brk;
                start = i;
            } else {
                i += 1;
            }
        }
        lines.push((start, bytes.len()));
        lines
    }

    fn width(&self, c: char) -> usize {
        if self.utf8 {
            c.len_utf8()
        } else {
            c.len_utf16()
        }
    }

    pub fn resolve(&self, line: u32, character: u32) -> Resolved {
        let lines = self.lines();
        let Some(&(start, end)) = lines.get(line as usize) else {
            return Resolved {
                offset: self.text.len(),
                clamped: true,
            };
        };
        let wanted = character as usize;
        let mut column = 0;
        for (at, c) in self.text[start..end].char_indices() {
            if column == wanted {
                return Resolved {
                    offset: start + at,
                    clamped: false,
                };
            }
            if column + self.width(c) > wanted {
                return Resolved {
                    offset: start + at,
                    clamped: true,
                };
            }
            column += self.width(c);
        }
        Resolved {
            offset: end,
            clamped: column != wanted,
        }
    }

    /// The position of the character boundary at or before `offset`: its line, and its column counted
    /// from the line's start (a boundary inside a `\r\n` counts the `\r`).
    pub fn position(&self, offset: usize) -> (u32, u32) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let lines = self.lines();
        let line = lines
            .iter()
            .rposition(|&(start, _)| start <= offset)
            .unwrap_or(0);
        let start = lines[line].0;
        let column: usize = self.text[start..offset]
            .chars()
            .map(|c| self.width(c))
            .sum();
        (line as u32, column as u32)
    }

    pub fn place(&self, place: Place) -> (u32, u32) {
        match place {
            Place::Raw { line, character } => (u32::from(line), u32::from(character)),
            Place::Near { fraction, nudge } => {
                let offset = self.text.len() * usize::from(fraction) / 65536;
                let (line, character) = self.position(offset);
                (line, character.saturating_add_signed(i32::from(nudge)))
            }
        }
    }

    /// Replaces the text between two positions (in either order); returns the bytes replaced and
    /// whether a position was clamped or the range reversed.
    pub fn replace(
        &mut self,
        start: (u32, u32),
        end: (u32, u32),
        text: &str,
    ) -> (std::ops::Range<usize>, bool) {
        let a = self.resolve(start.0, start.1);
        let b = self.resolve(end.0, end.1);
        let range = a.offset.min(b.offset)..a.offset.max(b.offset);
        self.text.replace_range(range.clone(), text);
        (range, a.clamped || b.clamped || a.offset > b.offset)
    }
}
