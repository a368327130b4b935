//! `textDocument/completion`: the core's completion facts for the report under the cursor. A document
//! without reports gets none; snippets only go to clients that can expand them.

use ls_types::{CompletionList, CompletionResponse};
use tower_lsp_server::ls_types;

use super::session::Snapshot;
use super::to_proto;
use crate::analysis::facts;

pub fn completion(snapshot: &Snapshot, position: ls_types::Position) -> Option<CompletionResponse> {
    let offset = snapshot.offset(position);
    let report = snapshot.report_at(offset)?;
    let text = snapshot.text(report);
    let target = snapshot.target_in(report);
    let items = facts::complete(
        &text,
        &report.analysis,
        report.frame().relative(offset)?,
        snapshot.settings.locale,
    )
    .iter()
    .filter(|fact| snapshot.settings.snippets || !fact.is_snippet)
    .map(|fact| to_proto::completion_item(target, fact))
    .collect();
    Some(CompletionResponse::List(CompletionList {
        is_incomplete: false,
        items,
    }))
}
