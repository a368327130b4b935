//! Core and document values to protocol values, named after the type they produce. Spans count from
//! the [`Target`]'s frame: a report's start for the core's report-relative spans and facts
//! ([`Target::in_report`]), the document's start otherwise; the frame is applied in one place.

use std::collections::HashMap;

use ls_types::{
    CodeAction, CodeActionKind, CompletionItem, CompletionItemKind, CompletionTextEdit, Diagnostic,
    DiagnosticRelatedInformation, DiagnosticSeverity, DocumentSymbol, FoldingRange,
    FoldingRangeKind, Hover, HoverContents, InlayHint, InlayHintLabel, InsertTextFormat, Location,
    MarkupContent, MarkupKind, NumberOrString, PositionEncodingKind, SemanticToken,
    SemanticTokenType, SemanticTokensLegend, SymbolKind, TextEdit, Uri, WorkspaceEdit,
};
use tower_lsp_server::ls_types;

use crate::analysis::facts::{
    CompletionFact, CompletionKind, HoverFacts, InlayFact, OutlineItem, OutlineKind, TokenKind,
};
use crate::analysis::{Finding, Frame, Locale, Severity, Span};
use crate::document::{Encoding, PositionMap};

/// What `source` says on every diagnostic.
pub const SOURCE: &str = "ogi-lsp";

pub fn position_encoding_kind(encoding: Encoding) -> PositionEncodingKind {
    match encoding {
        Encoding::Utf8 => PositionEncodingKind::UTF8,
        Encoding::Utf16 => PositionEncodingKind::UTF16,
    }
}

pub fn position(lines: &dyn PositionMap, offset: usize, encoding: Encoding) -> ls_types::Position {
    let p = lines.position_of(offset, encoding);
    ls_types::Position::new(p.line, p.character)
}

pub fn range(lines: &dyn PositionMap, span: &Span, encoding: Encoding) -> ls_types::Range {
    ls_types::Range::new(
        position(lines, span.start, encoding),
        position(lines, span.end, encoding),
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

/// Where the protocol values of one document are computed: its lines (an open document's rope, or
/// the line index of a file read whole), URI, encoding and locale, and the frame the spans given to it
/// count from.
#[derive(Clone, Copy)]
pub struct Target<'a> {
    pub uri: &'a Uri,
    pub lines: &'a dyn PositionMap,
    pub encoding: Encoding,
    pub locale: Locale,
    pub frame: Frame,
}

impl<'a> Target<'a> {
    /// A target for the document's own spans.
    pub fn new(
        uri: &'a Uri,
        lines: &'a dyn PositionMap,
        encoding: Encoding,
        locale: Locale,
    ) -> Target<'a> {
        Target {
            uri,
            lines,
            encoding,
            locale,
            frame: Frame::DOCUMENT,
        }
    }

    /// The same target for the spans of the report that starts at byte `start` of the document.
    pub fn in_report(self, start: usize) -> Target<'a> {
        Target {
            frame: Frame::report(start),
            ..self
        }
    }

    pub fn range(&self, span: &Span) -> ls_types::Range {
        range(self.lines, &self.frame.span(span), self.encoding)
    }

    pub fn position(&self, offset: usize) -> ls_types::Position {
        position(self.lines, self.frame.offset(offset), self.encoding)
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

/// A size as people read it: `64 MB`, `12.5 MB`, `20 KB`.
fn byte_size(bytes: usize) -> String {
    const MB: usize = 1 << 20;
    if bytes >= MB {
        let tenths = (bytes * 10).div_ceil(MB);
        match tenths % 10 {
            0 => format!("{} MB", tenths / 10),
            d => format!("{}.{d} MB", tenths / 10),
        }
    } else {
        format!("{} KB", bytes.div_ceil(1 << 10))
    }
}

/// The one diagnostic of a document too large to analyse, at its start.
pub fn oversized(size: usize, limit: usize, locale: Locale) -> Diagnostic {
    let (size, limit) = (byte_size(size), byte_size(limit));
    let message = match locale {
        Locale::Zh => format!(
            "文档过大（{size}，超过 {limit} 的上限），未作检查。可用命令行 ogi-lsp check 检查，或在设置 maxDocumentBytes 中调高上限。"
        ),
        Locale::En => format!(
            "The document is too large to check here ({size}, over the {limit} limit). Check it with `ogi-lsp check`, or raise the limit with the maxDocumentBytes setting."
        ),
    };
    Diagnostic {
        range: ls_types::Range::default(),
        severity: Some(DiagnosticSeverity::WARNING),
        source: Some(SOURCE.to_owned()),
        message,
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

pub fn hover(target: Target, facts: HoverFacts) -> Hover {
    Hover {
        contents: HoverContents::Markup(markdown(facts.markdown)),
        range: Some(target.range(&facts.span)),
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

pub fn completion_item(target: Target, fact: &CompletionFact) -> CompletionItem {
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
            &fact.replace,
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

pub fn document_symbol(target: Target, item: &OutlineItem) -> DocumentSymbol {
    let range = target.range(&item.range);
    let selection = target.range(&item.selection);
    // The protocol requires the selection inside the range; a core slip must not make clients reject the answer.
    let selection_range = if selection.start >= range.start && selection.end <= range.end {
        selection
    } else {
        range
    };
    let children: Vec<_> = item
        .children
        .iter()
        .map(|c| document_symbol(target, c))
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
pub fn folding_ranges(target: Target, item: &OutlineItem, out: &mut Vec<FoldingRange>) {
    let span = &item.range;
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
        folding_ranges(target, child, out);
    }
}

pub fn inlay_hint(target: Target, fact: &InlayFact) -> InlayHint {
    InlayHint {
        position: target.position(fact.offset),
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

/// Delta-encodes tokens given in document order. A token that is empty, overlaps
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
