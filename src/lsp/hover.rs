//! `textDocument/hover`: the core's hover facts for the report under the cursor, as Markdown.

use ls_types::Hover;
use tower_lsp_server::ls_types;

use super::session::Snapshot;
use super::to_proto;
use crate::analysis::facts;

pub fn hover(snapshot: &Snapshot, position: ls_types::Position) -> Option<Hover> {
    let offset = snapshot.offset(position);
    let report = snapshot.report_at(offset)?;
    let text = snapshot.text(report);
    let found = facts::hover(
        &text,
        &report.analysis,
        report.frame().relative(offset)?,
        snapshot.settings.locale,
    )?;
    Some(to_proto::hover(snapshot.target_in(report), found))
}
