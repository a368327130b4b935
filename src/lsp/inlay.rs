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
    let target = snapshot.target();
    let hints = snapshot
        .reports
        .iter()
        .flat_map(|report| {
            let start = report.range.start;
            facts::inlay_hints(&report.analysis)
                .into_iter()
                .filter(move |fact| (lo..=hi).contains(&(fact.offset + start)))
                .map(move |fact| to_proto::inlay_hint(target, &fact, start))
        })
        .collect();
    Some(hints)
}
