//! Editor facts derived from an analysed report: hover text, completion candidates, outline, inlay
//! hints, semantic tokens and layout conversion. Spans are relative to the report segment, like findings.
//! STUB signatures: filled in as the core lands.

use super::{Locale, ReportAnalysis, Span};

/// Markdown to show for the thing under the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoverFacts {
    pub span: Span,
    pub markdown: String,
}

pub fn hover(
    _segment_text: &str,
    _report: &ReportAnalysis,
    _offset: usize,
    _locale: Locale,
) -> Option<HoverFacts> {
    None
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

/// Completion in a report segment at `offset`.
pub fn complete(
    _segment_text: &str,
    _report: &ReportAnalysis,
    _offset: usize,
    _locale: Locale,
) -> Vec<CompletionFact> {
    Vec::new()
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
    pub kind: OutlineKind,
    /// The whole extent (used for folding too).
    pub range: Span,
    /// The heading or anchor text.
    pub selection: Span,
    pub children: Vec<OutlineItem>,
}

pub fn outline(_segment_text: &str, _report: &ReportAnalysis) -> Vec<OutlineItem> {
    Vec::new()
}

/// A computed value shown beside a total: `= 8 ✓` or `≠ 9`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlayFact {
    /// Where the hint stands (end of the total's cell).
    pub offset: usize,
    pub text: String,
}

pub fn inlay_hints(_report: &ReportAnalysis) -> Vec<InlayFact> {
    Vec::new()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Heading,
    Label,
    Number,
    Citation,
}

/// Semantic tokens in document order; spans never overlap and never cross a line break.
pub fn semantic_tokens(_report: &ReportAnalysis) -> Vec<(Span, TokenKind)> {
    Vec::new()
}

/// A code action that rewrites text (beyond the quick fixes carried by findings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewrite {
    pub title: crate::analysis::Message,
    pub span: Span,
    pub replacement: String,
}

/// Rewrites offered at `offset`: e.g. convert the table under the cursor to a Markdown pipe table.
pub fn rewrites(_segment_text: &str, _report: &ReportAnalysis, _offset: usize) -> Vec<Rewrite> {
    Vec::new()
}
