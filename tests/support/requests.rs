//! Typed requests for the features, each answering with the value a test asserts on.

use tower_lsp_server::ls_types::request;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionContext, CodeActionOrCommand, CodeActionParams, CompletionItem,
    CompletionParams, CompletionResponse, DocumentSymbol, DocumentSymbolParams,
    DocumentSymbolResponse, FoldingRange, FoldingRangeParams, Hover, HoverParams, InlayHint,
    InlayHintParams, Position, Range, SemanticTokensParams, SemanticTokensResult,
    TextDocumentIdentifier, Uri,
};

use super::{Server, position_params};

impl Server {
    pub fn hover(&mut self, uri: &Uri, at: Position) -> Option<Hover> {
        self.request::<request::HoverRequest>(HoverParams {
            text_document_position_params: position_params(uri, at),
            work_done_progress_params: Default::default(),
        })
    }

    /// The completion items at `at` (none when the server answers `null`).
    pub fn completion(&mut self, uri: &Uri, at: Position) -> Option<Vec<CompletionItem>> {
        let response = self.request::<request::Completion>(CompletionParams {
            text_document_position: position_params(uri, at),
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
            context: None,
        });
        response.map(|r| match r {
            CompletionResponse::Array(items) => items,
            CompletionResponse::List(list) => list.items,
        })
    }

    pub fn code_actions(&mut self, uri: &Uri, range: Range) -> Vec<CodeAction> {
        let response = self.request::<request::CodeActionRequest>(CodeActionParams {
            text_document: TextDocumentIdentifier { uri: uri.clone() },
            range,
            context: CodeActionContext::default(),
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
        });
        let actions = response.unwrap_or_default().into_iter();
        actions
            .filter_map(|a| match a {
                CodeActionOrCommand::CodeAction(action) => Some(action),
                CodeActionOrCommand::Command(_) => None,
            })
            .collect()
    }

    pub fn document_symbols(&mut self, uri: &Uri) -> Vec<DocumentSymbol> {
        let response = self.request::<request::DocumentSymbolRequest>(DocumentSymbolParams {
            text_document: TextDocumentIdentifier { uri: uri.clone() },
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
        });
        match response {
            Some(DocumentSymbolResponse::Nested(symbols)) => symbols,
            // `[]` reads as either shape.
            Some(DocumentSymbolResponse::Flat(flat)) if flat.is_empty() => Vec::new(),
            other => panic!("expected nested document symbols, got {other:?}"),
        }
    }

    pub fn folding_ranges(&mut self, uri: &Uri) -> Vec<FoldingRange> {
        self.request::<request::FoldingRangeRequest>(FoldingRangeParams {
            text_document: TextDocumentIdentifier { uri: uri.clone() },
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
        })
        .unwrap_or_default()
    }

    pub fn inlay_hints(&mut self, uri: &Uri, range: Range) -> Vec<InlayHint> {
        self.request::<request::InlayHintRequest>(InlayHintParams {
            text_document: TextDocumentIdentifier { uri: uri.clone() },
            range,
            work_done_progress_params: Default::default(),
        })
        .unwrap_or_default()
    }

    /// Semantic tokens decoded to absolute `(line, start, length, type)`.
    pub fn semantic_tokens(&mut self, uri: &Uri) -> Vec<(u32, u32, u32, u32)> {
        let response = self.request::<request::SemanticTokensFullRequest>(SemanticTokensParams {
            text_document: TextDocumentIdentifier { uri: uri.clone() },
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
        });
        let Some(SemanticTokensResult::Tokens(tokens)) = response else {
            panic!("expected semantic tokens, got {response:?}")
        };
        let (mut line, mut start) = (0, 0);
        let mut out = Vec::new();
        for t in tokens.data {
            line += t.delta_line;
            start = if t.delta_line == 0 {
                start + t.delta_start
            } else {
                t.delta_start
            };
            out.push((line, start, t.length, t.token_type));
        }
        out
    }
}
