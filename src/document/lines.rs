//! Whole lines around an edit and whether they hold a report landmark: what decides if an edit can
//! move report boundaries at all. Knows the core's landmark test, not segments or the protocol.

use std::ops::Range;

use ropey::Rope;

use crate::analysis::segment::{TITLE_CONTINUATION_LINES, landmark};

/// A title continues the previous one only this many lines below it (the core's rule, with room).
const TITLE_REACH: usize = TITLE_CONTINUATION_LINES + 1;

/// What an edit replaced, looked at before it was applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Replaced {
    /// A line the edit touched was a title or 一、总体情况.
    pub had_landmark: bool,
    /// Line breaks between the edit's start and its end.
    pub line_breaks: usize,
}

impl Replaced {
    pub fn before(rope: &Rope, range: Range<usize>) -> Replaced {
        let (first, last) = line_span(rope, range);
        Replaced {
            had_landmark: any_landmark(rope, first..last + 1),
            line_breaks: last - first,
        }
    }
}

/// The first and last line an edit of `range` touches.
pub fn line_span(rope: &Rope, range: Range<usize>) -> (usize, usize) {
    let len = rope.len_bytes();
    (
        rope.byte_to_line(range.start.min(len)),
        rope.byte_to_line(range.end.min(len)),
    )
}

/// The byte range of lines `first..=last`, line breaks included.
pub fn line_bytes(rope: &Rope, first: usize, last: usize) -> Range<usize> {
    let end = if last + 1 < rope.len_lines() {
        rope.line_to_byte(last + 1)
    } else {
        rope.len_bytes()
    };
    rope.line_to_byte(first)..end
}

/// Whether one of `lines` (indices, clamped to the document) is a landmark.
pub fn any_landmark(rope: &Rope, lines: Range<usize>) -> bool {
    let end = lines.end.min(rope.len_lines());
    (lines.start.min(end)..end).any(|i| {
        let line = String::from(rope.line(i));
        landmark(line.trim_end_matches(['\n', '\r'])).is_some()
    })
}

/// Whether the edit that now spans lines `first..=last` can have changed a title's continuation: only
/// when its line count changed and landmarks stand within reach on both sides of it.
pub fn moves_titles(rope: &Rope, first: usize, last: usize, replaced: Replaced) -> bool {
    last - first != replaced.line_breaks
        && any_landmark(rope, first.saturating_sub(TITLE_REACH)..first)
        && any_landmark(rope, last + 1..last + 1 + TITLE_REACH)
}
