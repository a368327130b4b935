//! Protocol values to document and core values, named after the type they produce.

use ls_types::{ClientCapabilities, PositionEncodingKind, TextDocumentContentChangeEvent};
use ropey::Rope;
use tower_lsp_server::ls_types;

use crate::analysis::Locale;
use crate::document::{Encoding, Position, TextChange, position_to_offset};

pub fn position(position: ls_types::Position) -> Position {
    Position::new(position.line, position.character)
}

/// The byte offset of a protocol position (clamped into the document).
pub fn offset(rope: &Rope, position: ls_types::Position, encoding: Encoding) -> usize {
    position_to_offset(rope, self::position(position), encoding).offset
}

/// The byte range of a protocol range, start and end in order.
pub fn byte_range(
    rope: &Rope,
    range: ls_types::Range,
    encoding: Encoding,
) -> std::ops::Range<usize> {
    let (a, b) = (
        offset(rope, range.start, encoding),
        offset(rope, range.end, encoding),
    );
    a.min(b)..a.max(b)
}

pub fn text_change(change: TextDocumentContentChangeEvent) -> TextChange {
    TextChange {
        range: change.range.map(|r| (position(r.start), position(r.end))),
        text: change.text,
    }
}

/// UTF-8 when the client offers it (less work on both sides), otherwise the protocol's UTF-16.
pub fn encoding(capabilities: &ClientCapabilities) -> Encoding {
    let offered = capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_deref())
        .unwrap_or_default();
    if offered.contains(&PositionEncodingKind::UTF8) {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    }
}

pub fn locale(tag: Option<&str>) -> Locale {
    Locale::from_tag(tag)
}

pub fn snippet_support(capabilities: &ClientCapabilities) -> bool {
    capabilities
        .text_document
        .as_ref()
        .and_then(|t| t.completion.as_ref())
        .and_then(|c| c.completion_item.as_ref())
        .and_then(|i| i.snippet_support)
        .unwrap_or(false)
}

pub fn configuration_support(capabilities: &ClientCapabilities) -> bool {
    capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.configuration)
        .unwrap_or(false)
}

/// Whether the client shows `$/progress` reports the server starts.
pub fn progress_support(capabilities: &ClientCapabilities) -> bool {
    capabilities
        .window
        .as_ref()
        .and_then(|w| w.work_done_progress)
        .unwrap_or(false)
}

/// Whether the client watches files for the server when asked to by registration.
pub fn watched_files_registration(capabilities: &ClientCapabilities) -> bool {
    capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use ls_types::GeneralClientCapabilities;

    use super::*;

    fn offering(kinds: Vec<PositionEncodingKind>) -> ClientCapabilities {
        ClientCapabilities {
            general: Some(GeneralClientCapabilities {
                position_encodings: Some(kinds),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    #[test]
    fn negotiates_utf8_only_when_offered() {
        assert_eq!(encoding(&ClientCapabilities::default()), Encoding::Utf16);
        assert_eq!(
            encoding(&offering(vec![PositionEncodingKind::UTF16])),
            Encoding::Utf16
        );
        assert_eq!(
            encoding(&offering(vec![
                PositionEncodingKind::UTF16,
                PositionEncodingKind::UTF8
            ])),
            Encoding::Utf8
        );
    }

    #[test]
    fn ranges_come_out_ordered_and_clamped() {
        let rope = Rope::from_str("𠀀预期\n");
        let range =
            ls_types::Range::new(ls_types::Position::new(0, 3), ls_types::Position::new(0, 2));
        assert_eq!(byte_range(&rope, range, Encoding::Utf16), 4..7);
        let past =
            ls_types::Range::new(ls_types::Position::new(0, 0), ls_types::Position::new(9, 9));
        assert_eq!(byte_range(&rope, past, Encoding::Utf8), 0..11);
    }
}
