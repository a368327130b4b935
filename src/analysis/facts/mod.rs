//! Editor facts derived from an analysed report: hover text, completion candidates, outline, inlay
//! hints, semantic tokens and layout conversion. Spans are relative to the report segment, like findings.
//! Knows the report model, the template and the regulation; knows nothing of the protocol.

mod basis;
mod cell;
mod completion;
mod hover;
mod inlay;
mod outline;
mod pinyin;
mod render;
mod rewrite;
mod snippet;
mod table_labels;
mod tables;
mod tokens;

#[cfg(test)]
mod tests;

pub use completion::{complete, document_layout};
pub use hover::hover;
pub use inlay::inlay_hints;
pub use outline::outline;
pub use rewrite::rewrites;
pub use snippet::plain_skeleton;
pub use tables::{
    BlockView, CellStatus, CellView, EquationView, HeaderCell, RowView, TableView, tables,
};
pub use tokens::{semantic_tokens, semantic_tokens_by_line};

use super::Span;
use super::model::{LabelKind, Report};
use crate::template::{ROWS, TableId};

/// Markdown to show for the thing under the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoverFacts {
    pub span: Span,
    pub markdown: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionKind {
    Label,
    Section,
    Anchor,
    Snippet,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionFact {
    /// What the list shows (the template text).
    pub label: String,
    /// Names the source article, e.g. `《条例》第三十六条第（三）项`.
    pub detail: String,
    pub documentation: Option<String>,
    /// Strings the client filters on: the label, its pinyin initials and full pinyin.
    pub filter_text: String,
    pub insert_text: String,
    /// `insert_text` uses snippet syntax (`${1}` placeholders).
    pub is_snippet: bool,
    pub kind: CompletionKind,
    /// Lower sorts first ("the next expected row first").
    pub rank: u32,
    /// The text the completion replaces (the partially typed word), relative to the segment.
    pub replace: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutlineKind {
    Report,
    Section,
    Table,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineItem {
    pub name: String,
    /// A second line for the item: the agency and year of a report.
    pub detail: Option<String>,
    pub kind: OutlineKind,
    /// The whole extent (used for folding too).
    pub range: Span,
    /// The heading or anchor text.
    pub selection: Span,
    pub children: Vec<OutlineItem>,
}

/// A computed value shown beside a total: `= 8 ✓` or `≠ 9`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlayFact {
    /// Where the hint stands (end of the total's cell).
    pub offset: usize,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Heading,
    Label,
    Number,
    Citation,
}

/// A code action that rewrites text (beyond the quick fixes carried by findings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewrite {
    pub title: crate::analysis::Message,
    pub span: Span,
    pub replacement: String,
}

/// A report's agency and year as one line (`东胜区…局 · 2024`), when either is known.
pub fn identity_text(identity: &crate::analysis::identity::Identity) -> Option<String> {
    let agency = identity.agency.as_ref().map(|a| a.name.clone());
    let year = identity.year.map(|y| y.to_string());
    match (agency, year) {
        (None, None) => None,
        (a, y) => Some(a.into_iter().chain(y).collect::<Vec<_>>().join(" · ")),
    }
}

/// A title line as a reader names the report: without Markdown heading marks and emphasis, or the
/// HTML tags a web page wraps it in (`# **…年度报告**`, `<h1>…</h1>`).
pub fn plain_title(line: &str) -> String {
    let mut text = String::with_capacity(line.len());
    let mut in_tag = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // A tag opens with a letter, `/` or `!`; `a < b` is text.
            '<' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!')) =>
            {
                in_tag = true
            }
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            c => text.push(c),
        }
    }
    text.trim()
        .trim_start_matches('#')
        .trim()
        .trim_matches(|c| c == '*' || c == '_')
        .trim()
        .to_string()
}

/// The table a label belongs to, if any.
fn label_table(kind: LabelKind) -> Option<TableId> {
    match kind {
        LabelKind::Anchor(_) => Some(TableId::Active),
        LabelKind::Row(row) => ROWS.get(row).map(|r| r.table),
        LabelKind::Group(_) => Some(TableId::Requests),
        LabelKind::Header(table) => Some(table),
        LabelKind::Title | LabelKind::Section(_) => None,
    }
}

/// The spans of everything that belongs to `table` (labels, anchors, headers and cells) inside `within`.
fn table_parts<'a>(
    report: &'a Report,
    table: TableId,
    within: &'a Span,
) -> impl Iterator<Item = Span> + 'a {
    let inside = move |s: &Span| within.start <= s.start && s.end <= within.end;
    let labels = report
        .labels
        .iter()
        .filter(move |l| label_table(l.kind) == Some(table))
        .map(|l| l.span.clone());
    let cells = report
        .cells
        .iter()
        .filter(move |c| ROWS.get(c.row).is_some_and(|r| r.table == table))
        .map(|c| c.span.clone());
    labels
        .chain(cells)
        .filter(move |s| inside(s) && !s.is_empty())
}

/// The extents of the tables found, each narrowed from the parser's extent (which may start at the
/// section heading) to the first and last part that belongs to the table.
fn table_bodies(report: &Report) -> Vec<(TableId, Span)> {
    report
        .tables
        .iter()
        .filter_map(|(table, extent)| {
            let (start, end) = table_parts(report, *table, extent)
                .fold((usize::MAX, 0), |(s, e), p| (s.min(p.start), e.max(p.end)));
            (start < end).then_some((*table, start..end))
        })
        .collect()
}

/// Byte offset of the start of the line holding `offset`.
fn line_start(text: &str, offset: usize) -> usize {
    let offset = floor_boundary(text, offset);
    text.get(..offset)
        .and_then(|head| head.rfind('\n'))
        .map_or(0, |i| i + 1)
}

/// Byte offset of the end of the line holding `offset` (before its `\r\n` or `\n`).
fn line_end(text: &str, offset: usize) -> usize {
    let offset = floor_boundary(text, offset);
    let end = text
        .get(offset..)
        .and_then(|rest| rest.find('\n'))
        .map_or(text.len(), |i| offset + i);
    if end > offset && text.get(..end).is_some_and(|head| head.ends_with('\r')) {
        end - 1
    } else {
        end
    }
}

/// The largest char boundary at or before `offset` (a client may send an offset inside a character).
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
