//! A table the reader could not line up at all: several of its rows have a number of cells that is
//! no row's (PDF text extracted column by column, as `pdftotext` without `-layout` gives it, puts a
//! whole column's figures under one label). One finding says so, and every other finding about
//! those tables is withdrawn: they would only describe the misreading.

use super::row_name;
use crate::analysis::model::{Report, RowHit, Unsure};
use crate::analysis::{Finding, Message, Rule};
use crate::template::{TableId, row_def};

/// Rows of one table with the wrong number of cells before the table counts as unreadable.
const UNSURE_ROWS: usize = 2;

/// A table's rows that have cells, but not as many as the template row.
fn misfit_rows(report: &Report, table: TableId) -> Vec<&RowHit> {
    report
        .rows
        .iter()
        .filter(|h| {
            row_def(h.row).table == table
                && h.unsure == Some(Unsure::CellCount)
                // A table published without figures is said so by `value/missing`.
                && !h.cells.is_empty()
        })
        .collect()
}

/// The tables the reader could not line up: once one table has several misfit rows, every table
/// with a misfit row, since they have the same cause. Empty for almost every report.
pub fn unreadable_tables(report: &Report) -> Vec<TableId> {
    // Most reports have no unsure row at all: say nothing, allocate nothing.
    if report
        .rows
        .iter()
        .all(|h| h.unsure != Some(Unsure::CellCount))
    {
        return Vec::new();
    }
    let tables = [TableId::Active, TableId::Requests, TableId::Appeals];
    if !tables
        .iter()
        .any(|&t| misfit_rows(report, t).len() >= UNSURE_ROWS)
    {
        return Vec::new();
    }
    tables
        .into_iter()
        .filter(|&t| !misfit_rows(report, t).is_empty())
        .collect()
}

pub fn check(report: &Report, out: &mut Vec<Finding>) {
    let affected = unreadable_tables(report);
    if affected.is_empty() {
        return;
    }
    let rows: Vec<_> = affected
        .iter()
        .flat_map(|&t| misfit_rows(report, t))
        .collect();
    let Some(at) = rows.first().and_then(|h| report.row_span(h)) else {
        return;
    };
    let extents: Vec<_> = report
        .tables
        .iter()
        .filter(|(t, _)| affected.contains(t))
        .map(|(_, s)| s.clone())
        .collect();
    out.retain(|f| {
        f.rule == Rule::NarrativeMismatch
            || f.rule == Rule::UnknownReference
            || !extents.iter().any(|e| e.contains(&f.span.start))
    });
    let names_zh: Vec<&str> = affected.iter().map(|t| t.name()).collect();
    let names_en: Vec<&str> = affected.iter().map(|t| t.name_en()).collect();
    let examples: Vec<String> = rows
        .iter()
        .take(2)
        .map(|h| format!("“{}” {} 个", row_name(h.row, false), h.cells.len()))
        .collect();
    out.push(Finding::new(
        Rule::CellCount,
        at,
        Message::new(
            format!(
                "{}的行与数值对不上（{} 行单元格数不符，如{}），无法读取，不作核对；常见原因是 PDF 文本按列提取（如 pdftotext 未加 -layout）",
                names_zh.join("、"),
                rows.len(),
                examples.join("、")
            ),
            format!(
                "{}: rows and figures do not line up ({} rows with the wrong number of cells); not checked. PDF text extracted column by column (pdftotext without -layout) reads like this",
                names_en.join(", "),
                rows.len()
            ),
        ),
    ));
}
