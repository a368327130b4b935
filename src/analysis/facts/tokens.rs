//! Semantic tokens: headings (title, sections), labels (rows, groups, anchors, headers), numbers and
//! references to the regulation — in document order, never overlapping.

use super::{Span, TokenKind};
use crate::analysis::ReportAnalysis;
use crate::analysis::model::{LabelKind, Value};

/// Semantic tokens in document order; spans never overlap. Where two would overlap the more specific
/// wins: a reference over the anchor label it is written as, a heading over a label, a number over a
/// label. A span may still cross a line break (an HTML cell written over two lines): clients that
/// cannot take that use [`semantic_tokens_by_line`].
pub fn semantic_tokens(report: &ReportAnalysis) -> Vec<(Span, TokenKind)> {
    let model = &report.report;
    let mut candidates: Vec<(Span, TokenKind)> = Vec::new();
    candidates.extend(
        model
            .references
            .iter()
            .map(|r| (r.span.clone(), TokenKind::Citation)),
    );
    candidates.extend(model.title.iter().map(|s| (s.clone(), TokenKind::Heading)));
    candidates.extend(
        model
            .sections
            .iter()
            .map(|s| (s.heading.clone(), TokenKind::Heading)),
    );
    candidates.extend(
        model
            .cells
            .iter()
            .filter(|c| matches!(c.value, Value::Int(_) | Value::Decimal(_)))
            .map(|c| (c.span.clone(), TokenKind::Number)),
    );
    candidates.extend(model.labels.iter().map(|l| {
        let kind = match l.kind {
            LabelKind::Title | LabelKind::Section(_) => TokenKind::Heading,
            _ => TokenKind::Label,
        };
        (l.span.clone(), kind)
    }));
    candidates.retain(|(s, _)| s.start < s.end);
    // Candidates are in order of preference; a stable sort keeps that order among equal priorities.
    candidates.sort_by_key(|(_, kind)| priority(*kind));
    let mut taken: Vec<(Span, TokenKind)> = Vec::with_capacity(candidates.len());
    let mut by_start: std::collections::BTreeMap<usize, usize> = Default::default();
    for (span, kind) in candidates {
        let before = by_start.range(..span.end).next_back();
        let overlaps = before.is_some_and(|(_, &end)| end > span.start);
        if !overlaps {
            by_start.insert(span.start, span.end);
            taken.push((span, kind));
        }
    }
    taken.sort_by_key(|(s, _)| s.start);
    taken
}

/// [`semantic_tokens`] with every span split at line breaks (`\n`, `\r\n`), as LSP tokens must be.
pub fn semantic_tokens_by_line(
    segment_text: &str,
    report: &ReportAnalysis,
) -> Vec<(Span, TokenKind)> {
    let mut out = Vec::new();
    for (span, kind) in semantic_tokens(report) {
        let Some(text) = segment_text.get(span.clone()) else {
            continue;
        };
        let mut start = span.start;
        for piece in text.split('\n') {
            let lead = piece.len() - piece.trim_start().len();
            let end = piece.trim_end().len();
            if end > lead {
                out.push((start + lead..start + end, kind));
            }
            start += piece.len() + 1;
        }
    }
    out
}

fn priority(kind: TokenKind) -> u8 {
    match kind {
        TokenKind::Citation => 0,
        TokenKind::Heading => 1,
        TokenKind::Number => 2,
        TokenKind::Label => 3,
    }
}
