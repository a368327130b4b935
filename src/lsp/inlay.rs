//! `textDocument/inlayHint`: the computed value beside each total (`= 8 ✓` / `≠ 9`) inside the range asked for.

use ls_types::InlayHint;
use tower_lsp_server::ls_types;

use super::from_proto;
use super::session::Snapshot;
use super::to_proto;
use crate::analysis::facts;

pub fn inlay_hints(snapshot: &Snapshot, range: ls_types::Range) -> Option<Vec<InlayHint>> {
    let wanted = from_proto::byte_range(&snapshot.rope, range, snapshot.settings.encoding);
    let (lo, hi) = (wanted.start, wanted.end);
    let hints = snapshot
        .reports
        .iter()
        .flat_map(|report| {
            let (frame, target) = (report.frame(), snapshot.target_in(report));
            facts::inlay_hints(&report.analysis)
                .into_iter()
                .filter(move |fact| (lo..=hi).contains(&frame.offset(fact.offset)))
                .map(move |fact| to_proto::inlay_hint(target, &fact))
        })
        .collect();
    Some(hints)
}
