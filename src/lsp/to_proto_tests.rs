//! Conversions out: ranges under both encodings, diagnostics, tokens, folds and symbols.

use ls_types::{DiagnosticSeverity, NumberOrString, SemanticToken, Uri};
use ropey::Rope;
use tower_lsp_server::ls_types;

use super::to_proto::{self, Target};
use crate::analysis::facts::{OutlineItem, OutlineKind, TokenKind};
use crate::analysis::{Finding, Locale, Message, Related, Rule, Severity};
use crate::document::Encoding;

const TEXT: &str = "一、总体情况\n𠀀预期 8 |\r\n第二十条第（五）项\n二、主动公开\n";

fn uri() -> Uri {
    "file:///r.txt".parse().unwrap()
}

fn target<'a>(uri: &'a Uri, rope: &'a Rope, encoding: Encoding) -> Target<'a> {
    Target::new(uri, rope, encoding, Locale::En)
}

fn span_of(needle: &str) -> std::ops::Range<usize> {
    let at = TEXT.find(needle).unwrap();
    at..at + needle.len()
}

#[test]
fn a_diagnostic_carries_code_source_severity_locale_and_related_places() {
    let (uri, rope) = (uri(), Rope::from_str(TEXT));
    let finding = Finding::new(
        Rule::Nonstandard,
        span_of("预期"),
        Message::new("标签", "label"),
    )
    .with_related(vec![Related {
        span: span_of("8"),
        message: Message::new("值", "value"),
    }]);
    let d = to_proto::diagnostic(
        target(&uri, &rope, Encoding::Utf16),
        &finding,
        Severity::Error,
    );
    assert_eq!(
        d.code,
        Some(NumberOrString::String("label/nonstandard".into()))
    );
    assert_eq!(d.source.as_deref(), Some("ogi-lsp"));
    assert_eq!(d.severity, Some(DiagnosticSeverity::ERROR));
    assert_eq!(d.message, "label");
    assert_eq!(
        (
            d.range.start.line,
            d.range.start.character,
            d.range.end.character
        ),
        (1, 2, 4)
    );
    let related = d.related_information.unwrap();
    assert_eq!(related[0].location.uri, uri);
    assert_eq!(
        related[0].location.range.start,
        ls_types::Position::new(1, 5)
    );
    assert_eq!(related[0].message, "value");
}

#[test]
fn tokens_are_delta_encoded_in_the_negotiated_units() {
    let (uri, rope) = (uri(), Rope::from_str(TEXT));
    let tokens = vec![
        (span_of("一、总体情况"), TokenKind::Heading),
        (span_of("预期"), TokenKind::Label),
        (span_of("8"), TokenKind::Number),
        // Overlaps the number: dropped.
        (span_of("8 |"), TokenKind::Label),
        // Crosses a line break: dropped.
        (span_of("|\r\n第"), TokenKind::Label),
        (span_of("第二十条第（五）项"), TokenKind::Citation),
    ];
    let token = |delta_line, delta_start, length, token_type| SemanticToken {
        delta_line,
        delta_start,
        length,
        token_type,
        token_modifiers_bitset: 0,
    };
    let utf16 = to_proto::semantic_tokens(target(&uri, &rope, Encoding::Utf16), tokens.clone());
    assert_eq!(
        utf16,
        vec![
            token(0, 0, 6, 0),
            token(1, 2, 2, 1),
            token(0, 3, 1, 2),
            token(1, 0, 9, 3)
        ]
    );
    let utf8 = to_proto::semantic_tokens(target(&uri, &rope, Encoding::Utf8), tokens);
    assert_eq!(
        utf8,
        vec![
            token(0, 0, 18, 0),
            token(1, 4, 6, 1),
            token(0, 7, 1, 2),
            token(1, 0, 27, 3)
        ]
    );
}

fn outline() -> OutlineItem {
    let end = TEXT.find("二、").unwrap();
    OutlineItem {
        name: "一、总体情况".into(),
        detail: None,
        kind: OutlineKind::Section,
        range: 0..end,
        selection: span_of("一、总体情况"),
        children: vec![OutlineItem {
            name: "8".into(),
            detail: None,
            kind: OutlineKind::Table,
            range: span_of("8 |"),
            // Outside its range: the symbol falls back to the range.
            selection: span_of("二、主动公开"),
            children: vec![],
        }],
    }
}

#[test]
fn folds_end_on_the_last_line_of_their_range_and_skip_single_lines() {
    let (uri, rope) = (uri(), Rope::from_str(TEXT));
    let mut folds = Vec::new();
    to_proto::folding_ranges(target(&uri, &rope, Encoding::Utf16), &outline(), &mut folds);
    assert_eq!(folds.len(), 1);
    assert_eq!((folds[0].start_line, folds[0].end_line), (0, 2));
}

#[test]
fn symbols_keep_their_selection_inside_their_range() {
    let (uri, rope) = (uri(), Rope::from_str(TEXT));
    let symbol = to_proto::document_symbol(target(&uri, &rope, Encoding::Utf16), &outline());
    assert_eq!(symbol.selection_range.end, ls_types::Position::new(0, 6));
    let child = &symbol.children.unwrap()[0];
    assert_eq!(child.selection_range, child.range);
    assert_eq!(child.range.start, ls_types::Position::new(1, 5));
}

#[test]
fn sizes_read_as_people_write_them() {
    let message = |size, limit| to_proto::oversized(size, limit, Locale::Zh).message;
    assert!(message(200 << 20, 64 << 20).starts_with("文档过大（200 MB，超过 64 MB 的上限）"));
    assert!(message((25 << 20) / 2, 1 << 20).starts_with("文档过大（12.5 MB，超过 1 MB 的上限）"));
    assert!(message(20_000, 4096).starts_with("文档过大（20 KB，超过 4 KB 的上限）"));
}
