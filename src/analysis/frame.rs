//! Which text a span counts from. The core analyses each report on its own text, so its spans are
//! report-relative; front ends place them in the document. A [`Frame`] is the report's start in its
//! document, and the one place where a report-relative offset becomes a document offset.

use super::Span;

/// The frame of a report that starts `start` bytes into its document ([`Frame::DOCUMENT`] for spans
/// that already count from the document's start).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Frame {
    start: usize,
}

impl Frame {
    pub const DOCUMENT: Frame = Frame { start: 0 };

    pub const fn report(start: usize) -> Frame {
        Frame { start }
    }

    /// Where the frame starts in its document.
    pub const fn start(self) -> usize {
        self.start
    }

    /// A frame-relative offset in the document.
    pub fn offset(self, offset: usize) -> usize {
        offset.saturating_add(self.start)
    }

    /// A frame-relative span in the document.
    pub fn span(self, span: &Span) -> Span {
        self.offset(span.start)..self.offset(span.end)
    }

    /// A document offset relative to the frame; `None` before the frame starts.
    pub fn relative(self, offset: usize) -> Option<usize> {
        offset.checked_sub(self.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_move_by_the_frames_start_and_back() {
        let frame = Frame::report(10);
        assert_eq!(frame.span(&(2..5)), 12..15);
        assert_eq!(frame.relative(12), Some(2));
        assert_eq!(frame.relative(9), None);
        assert_eq!(Frame::DOCUMENT.span(&(2..5)), 2..5);
        assert_eq!(Frame::report(usize::MAX).offset(1), usize::MAX);
    }
}
