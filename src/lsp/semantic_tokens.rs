//! `textDocument/semanticTokens/full`: headings, labels, numbers and statute citations of every report.

use ls_types::{SemanticTokens, SemanticTokensResult};
use tower_lsp_server::ls_types;

use super::session::Snapshot;
use super::to_proto;
use crate::analysis::facts;

pub fn full(snapshot: &Snapshot) -> Option<SemanticTokensResult> {
    let tokens = snapshot.reports.iter().flat_map(|report| {
        let frame = report.frame();
        // Tokens are split at line breaks, which needs the report's text (a cell may span lines).
        let text = snapshot.text(report);
        facts::semantic_tokens_by_line(&text, &report.analysis)
            .into_iter()
            .map(move |(span, kind)| (frame.span(&span), kind))
    });
    let data = to_proto::semantic_tokens(snapshot.target(), tokens);
    Some(SemanticTokensResult::Tokens(SemanticTokens {
        result_id: None,
        data,
    }))
}
