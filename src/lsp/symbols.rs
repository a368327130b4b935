//! `textDocument/documentSymbol` and `textDocument/foldingRange`, both from the core's outline of each report.

use ls_types::{DocumentSymbolResponse, FoldingRange};
use tower_lsp_server::ls_types;

use super::session::Snapshot;
use super::to_proto::{self, Target};
use crate::analysis::facts::{self, OutlineItem};

fn outlines(snapshot: &Snapshot) -> impl Iterator<Item = (Target<'_>, Vec<OutlineItem>)> + '_ {
    snapshot.reports.iter().map(|report| {
        (
            snapshot.target_in(report),
            facts::outline(&snapshot.text(report), &report.analysis),
        )
    })
}

pub fn document_symbols(snapshot: &Snapshot) -> Option<DocumentSymbolResponse> {
    let symbols = outlines(snapshot)
        .flat_map(|(target, items)| {
            items
                .iter()
                .map(|item| to_proto::document_symbol(target, item))
                .collect::<Vec<_>>()
        })
        .collect();
    Some(DocumentSymbolResponse::Nested(symbols))
}

pub fn folding_ranges(snapshot: &Snapshot) -> Option<Vec<FoldingRange>> {
    let mut out = Vec::new();
    for (target, items) in outlines(snapshot) {
        for item in &items {
            to_proto::folding_ranges(target, item, &mut out);
        }
    }
    Some(out)
}
