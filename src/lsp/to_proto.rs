//! Core and document values to protocol values, named after the type they produce. Spans are
//! document-absolute, except for the core's editor facts, which come with their report's start.

use std::collections::HashMap;

use ls_types::{
    CodeAction, CodeActionKind, CompletionItem, CompletionItemKind, CompletionTextEdit, Diagnostic,
    DiagnosticRelatedInformation, DiagnosticSeverity, DocumentSymbol, FoldingRange,
    FoldingRangeKind, Hover, HoverContents, InlayHint, InlayHintLabel, InsertTextFormat, Location,
    MarkupContent, MarkupKind, NumberOrString, PositionEncodingKind, SemanticToken,
    SemanticTokenType, SemanticTokensLegend, SymbolKind, TextEdit, Uri, WorkspaceEdit,
};
use ropey::Rope;
use tower_lsp_server::ls_types;

use crate::analysis::facts::{
    CompletionFact, CompletionKind, HoverFacts, InlayFact, OutlineItem, OutlineKind, TokenKind,
};
use crate::analysis::{Finding, Locale, Severity, Span};
use crate::document::{Encoding, offset_to_position};

/// What `source` says on every diagnostic.
pub const SOURCE: &str = "ogi-lsp";

pub fn position_encoding_kind(encoding: Encoding) -> PositionEncodingKind {
    match encoding {
        Encoding::Utf8 => PositionEncodingKind::UTF8,
        Encoding::Utf16 => PositionEncodingKind::UTF16,
    }
}

pub fn position(rope: &Rope, offset: usize, encoding: Encoding) -> ls_types::Position {
    let p = offset_to_position(rope, offset, encoding);
    ls_types::Position::new(p.line, p.character)
}

pub fn range(rope: &Rope, span: &Span, encoding: Encoding) -> ls_types::Range {
    ls_types::Range::new(
        position(rope, span.start, encoding),
        position(rope, span.end, encoding),
    )
}

pub fn diagnostic_severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// Where the protocol values of one document are computed: its text, URI, encoding and locale.
#[derive(Clone, Copy)]
pub struct Target<'a> {
    pub uri: &'a Uri,
    pub rope: &'a Rope,
    pub encoding: Encoding,
    pub locale: Locale,
}

impl Target<'_> {
    pub fn range(&self, span: &Span) -> ls_types::Range {
        range(self.rope, span, self.encoding)
    }

    pub fn position(&self, offset: usize) -> ls_types::Position {
        position(self.rope, offset, self.encoding)
    }
}

pub fn diagnostic(target: Target, finding: &Finding, severity: Severity) -> Diagnostic {
    let related = finding
        .related
        .iter()
        .map(|r| DiagnosticRelatedInformation {
            location: Location::new(target.uri.clone(), target.range(&r.span)),
            message: r.message.get(target.locale).to_owned(),
        })
        .collect::<Vec<_>>();
    Diagnostic {
        range: target.range(&finding.span),
        severity: Some(diagnostic_severity(severity)),
        code: Some(NumberOrString::String(finding.rule.code().to_owned())),
        source: Some(SOURCE.to_owned()),
        message: finding.message.get(target.locale).to_owned(),
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    }
}

pub fn text_edit(target: Target, span: &Span, new_text: &str) -> TextEdit {
    TextEdit {
        range: target.range(span),
        new_text: new_text.to_owned(),
    }
}

pub fn workspace_edit(target: Target, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(target.uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

pub fn markdown(value: String) -> MarkupContent {
    MarkupContent {
        kind: MarkupKind::Markdown,
        value,
    }
}

/// `segment_start` shifts the facts' segment-relative span.
pub fn hover(target: Target, facts: HoverFacts, segment_start: usize) -> Hover {
    let span = facts.span.start + segment_start..facts.span.end + segment_start;
    Hover {
        contents: HoverContents::Markup(markdown(facts.markdown)),
        range: Some(target.range(&span)),
    }
}

/// A code action that replaces `span` by `replacement`.
pub fn code_action(
    target: Target,
    title: &str,
    kind: CodeActionKind,
    span: &Span,
    replacement: &str,
    diagnostics: Option<Vec<Diagnostic>>,
) -> CodeAction {
    CodeAction {
        title: title.to_owned(),
        is_preferred: Some(kind == CodeActionKind::QUICKFIX),
        kind: Some(kind),
        diagnostics,
        edit: Some(workspace_edit(
            target,
            vec![text_edit(target, span, replacement)],
        )),
        ..CodeAction::default()
    }
}

fn completion_item_kind(kind: CompletionKind) -> CompletionItemKind {
    match kind {
        CompletionKind::Label => CompletionItemKind::ENUM_MEMBER,
        CompletionKind::Section => CompletionItemKind::MODULE,
        CompletionKind::Anchor => CompletionItemKind::REFERENCE,
        CompletionKind::Snippet => CompletionItemKind::SNIPPET,
    }
}

/// `segment_start` shifts the fact's segment-relative `replace` span.
pub fn completion_item(
    target: Target,
    fact: &CompletionFact,
    segment_start: usize,
) -> CompletionItem {
    let replace = fact.replace.start + segment_start..fact.replace.end + segment_start;
    CompletionItem {
        label: fact.label.clone(),
        kind: Some(completion_item_kind(fact.kind)),
        detail: Some(fact.detail.clone()),
        documentation: fact
            .documentation
            .clone()
            .map(|d| ls_types::Documentation::MarkupContent(markdown(d))),
        sort_text: Some(format!("{:08}", fact.rank)),
        filter_text: Some(fact.filter_text.clone()),
        insert_text_format: Some(if fact.is_snippet {
            InsertTextFormat::SNIPPET
        } else {
            InsertTextFormat::PLAIN_TEXT
        }),
        text_edit: Some(CompletionTextEdit::Edit(text_edit(
            target,
            &replace,
            &fact.insert_text,
        ))),
        ..CompletionItem::default()
    }
}

fn symbol_kind(kind: OutlineKind) -> SymbolKind {
    match kind {
        OutlineKind::Report => SymbolKind::FILE,
        OutlineKind::Section => SymbolKind::NAMESPACE,
        OutlineKind::Table => SymbolKind::STRUCT,
    }
}

fn shifted(span: &Span, by: usize) -> Span {
    span.start + by..span.end + by
}

pub fn document_symbol(target: Target, item: &OutlineItem, segment_start: usize) -> DocumentSymbol {
    let range = target.range(&shifted(&item.range, segment_start));
    let selection = target.range(&shifted(&item.selection, segment_start));
    // The protocol requires the selection inside the range; a core slip must not make clients reject the answer.
    let selection_range = if selection.start >= range.start && selection.end <= range.end {
        selection
    } else {
        range
    };
    let children: Vec<_> = item
        .children
        .iter()
        .map(|c| document_symbol(target, c, segment_start))
        .collect();
    #[allow(deprecated)]
    DocumentSymbol {
        name: item.name.clone(),
        detail: item.detail.clone(),
        kind: symbol_kind(item.kind),
        tags: None,
        deprecated: None,
        range,
        selection_range,
        children: (!children.is_empty()).then_some(children),
    }
}

/// Folding ranges of an outline item and its children, for those that span more than one line.
pub fn folding_ranges(
    target: Target,
    item: &OutlineItem,
    segment_start: usize,
    out: &mut Vec<FoldingRange>,
) {
    let span = shifted(&item.range, segment_start);
    let start_line = target.position(span.start).line;
    // The range usually ends after a line break; the fold ends on the line that break closes.
    let end_line = target
        .position(span.end.saturating_sub(1).max(span.start))
        .line;
    if end_line > start_line {
        out.push(FoldingRange {
            start_line,
            end_line,
            kind: Some(FoldingRangeKind::Region),
            collapsed_text: Some(item.name.clone()),
            ..FoldingRange::default()
        });
    }
    for child in &item.children {
        folding_ranges(target, child, segment_start, out);
    }
}

pub fn inlay_hint(target: Target, fact: &InlayFact, segment_start: usize) -> InlayHint {
    InlayHint {
        position: target.position(fact.offset + segment_start),
        label: InlayHintLabel::String(fact.text.clone()),
        kind: None,
        text_edits: None,
        tooltip: None,
        padding_left: Some(true),
        padding_right: None,
        data: None,
    }
}

/// The token types, indexed by [`token_type`]: headings read as namespaces, row and column labels as
/// properties, figures as numbers and statute citations as macros, so every theme colours them.
pub fn semantic_tokens_legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: vec![
            SemanticTokenType::NAMESPACE,
            SemanticTokenType::PROPERTY,
            SemanticTokenType::NUMBER,
            SemanticTokenType::MACRO,
        ],
        token_modifiers: Vec::new(),
    }
}

fn token_type(kind: TokenKind) -> u32 {
    match kind {
        TokenKind::Heading => 0,
        TokenKind::Label => 1,
        TokenKind::Number => 2,
        TokenKind::Citation => 3,
    }
}

/// Delta-encodes document-absolute tokens given in document order. A token that is empty, overlaps
/// the previous one or spans a line break is dropped rather than sent malformed.
pub fn semantic_tokens(
    target: Target,
    tokens: impl IntoIterator<Item = (Span, TokenKind)>,
) -> Vec<SemanticToken> {
    let mut out = Vec::new();
    // Line and start of the previous token, and where it ended.
    let (mut line, mut start, mut end) = (0u32, 0u32, 0u32);
    for (span, kind) in tokens {
        let (a, b) = (target.position(span.start), target.position(span.end));
        let after_previous = a.line > line || (a.line == line && a.character >= end);
        if a.line != b.line || b.character <= a.character || !after_previous {
            continue;
        }
        let delta_line = a.line - line;
        let delta_start = if delta_line == 0 {
            a.character - start
        } else {
            a.character
        };
        out.push(SemanticToken {
            delta_line,
            delta_start,
            length: b.character - a.character,
            token_type: token_type(kind),
            token_modifiers_bitset: 0,
        });
        (line, start, end) = (a.line, a.character, b.character);
    }
    out
}
