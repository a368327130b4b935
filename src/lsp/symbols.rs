//! `textDocument/documentSymbol` and `textDocument/foldingRange`, both from the core's outline of each report.

use ls_types::{DocumentSymbolResponse, FoldingRange};
use tower_lsp_server::ls_types;

use super::session::Snapshot;
use super::to_proto;
use crate::analysis::facts::{self, OutlineItem};

fn outlines(snapshot: &Snapshot) -> impl Iterator<Item = (usize, Vec<OutlineItem>)> + '_ {
    snapshot.reports.iter().map(|report| {
        (
            report.range.start,
            facts::outline(&snapshot.text(report), &report.analysis),
        )
    })
}

pub fn document_symbols(snapshot: &Snapshot) -> Option<DocumentSymbolResponse> {
    let target = snapshot.target();
    let symbols = outlines(snapshot)
        .flat_map(|(start, items)| {
            items
                .iter()
                .map(|item| to_proto::document_symbol(target, item, start))
                .collect::<Vec<_>>()
        })
        .collect();
    Some(DocumentSymbolResponse::Nested(symbols))
}

pub fn folding_ranges(snapshot: &Snapshot) -> Option<Vec<FoldingRange>> {
    let target = snapshot.target();
    let mut out = Vec::new();
    for (start, items) in outlines(snapshot) {
        for item in &items {
            to_proto::folding_ranges(target, item, start, &mut out);
        }
    }
    Some(out)
}
