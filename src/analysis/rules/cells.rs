//! Value and row-shape rules: `value/*`, `structure/cell-count`, `structure/duplicate-row`.
//! A row the reader could not read is reported once, by `structure/cell-count`, and nothing else is
//! said about its cells; blank cells are reported once per table, with their count.

use super::row_name;
use crate::analysis::model::{Report, Unsure, Value};
use crate::analysis::{Finding, Message, Related, Rule};
use crate::template::{RowSet, TableId, column_label, row_def};

/// Extra cells of a row named one by one; any beyond are one related place. (The widest template row
/// has 15 cells, so a real row that overflows is named cell by cell.)
const MAX_EXTRA_CELLS: usize = 16;

pub fn check(report: &Report, out: &mut Vec<Finding>) {
    let readable_rows: RowSet = report
        .rows
        .iter()
        .filter(|h| h.unsure.is_none() && !h.duplicate)
        .map(|h| h.row)
        .collect();
    let readable = |row: usize| readable_rows.contains(row);
    // Blank cells per table: (table, first blank cell, count).
    let mut blanks: Vec<(TableId, usize, usize)> = Vec::new();
    for (i, cell) in report.cells.iter().enumerate() {
        let def = row_def(cell.row);
        if !readable(cell.row) || report.cell_index(cell.row, cell.col) != Some(i) {
            continue;
        }
        // 本年增/减 may be negative and 采购总金额 carries a unit: neither is checked.
        if def.free & (1 << cell.col) != 0 {
            continue;
        }
        if cell.value == Value::Missing {
            match blanks.iter_mut().find(|b| b.0 == def.table) {
                Some(b) => b.2 += 1,
                None => blanks.push((def.table, i, 1)),
            }
            continue;
        }
        let healthy = match cell.value {
            Value::Int(v) => v >= 0,
            Value::Decimal(v) => def.decimal && v >= 0.0,
            Value::Missing | Value::Text => false,
        };
        if healthy {
            continue;
        }
        let col = column_label(cell.row, cell.col);
        let place_zh = format!("“{}”{}", row_name(cell.row, false), col);
        let place_en = format!("“{}” {}", row_name(cell.row, true), col);
        let (rule, zh, en) = match cell.value {
            Value::Text => (
                Rule::NotANumber,
                format!("{place_zh}应为数字"),
                format!("{place_en} must be a number"),
            ),
            Value::Decimal(v) if !def.decimal => (
                Rule::NotInteger,
                format!("{place_zh}应为整数，实为 {v}"),
                format!("{place_en} must be a whole number, found {v}"),
            ),
            Value::Int(v) if v < 0 => (
                Rule::Negative,
                format!("{place_zh}不能为负数，实为 {v}"),
                format!("{place_en} cannot be negative, found {v}"),
            ),
            Value::Decimal(v) if v < 0.0 => (
                Rule::Negative,
                format!("{place_zh}不能为负数，实为 {v}"),
                format!("{place_en} cannot be negative, found {v}"),
            ),
            _ => continue,
        };
        out.push(Finding::new(rule, cell.span.clone(), Message::new(zh, en)));
    }
    for (table, first, count) in blanks {
        let Some(cell) = report.cells.get(first) else {
            continue;
        };
        out.push(Finding::new(
            Rule::Missing,
            cell.span.clone(),
            Message::new(
                format!(
                    "{}有 {count} 个空白单元格（首个为“{}”{}），勾稽关系按 0 核对",
                    table.name(),
                    row_name(cell.row, false),
                    column_label(cell.row, cell.col)
                ),
                format!(
                    "{} has {count} blank cells (the first: “{}” {}); equations count them as 0",
                    table.name_en(),
                    row_name(cell.row, true),
                    column_label(cell.row, cell.col)
                ),
            ),
        ));
    }
    // A table published with its labels and no figure at all: one finding for the table.
    let mut empty_tables: Vec<TableId> = Vec::new();
    for table in [TableId::Active, TableId::Requests, TableId::Appeals] {
        // (rows of the table, rows with a figure or an unreadable run, the first row)
        let (mut rows, mut with_figures, mut first) = (0, 0, None);
        for h in report
            .rows
            .iter()
            .filter(|h| row_def(h.row).table == table && !h.duplicate)
        {
            rows += 1;
            first = first.or(Some(h));
            if !h.cells.is_empty() || h.unsure == Some(Unsure::RunTogether) {
                with_figures += 1;
                break;
            }
        }
        if rows < 2 || with_figures > 0 {
            continue;
        }
        empty_tables.push(table);
        if let Some(span) = first.and_then(|h| report.row_span(h)) {
            out.push(Finding::new(
                Rule::Missing,
                span,
                Message::new(
                    format!(
                        "{}只有行标签，没有填写数值（{} 行），不作核对",
                        table.name(),
                        rows
                    ),
                    format!(
                        "{} has its row labels but no figures ({} rows); it is not checked",
                        table.name_en(),
                        rows
                    ),
                ),
            ));
        }
    }
    for hit in &report.rows {
        let Some(span) = report.row_span(hit) else {
            continue;
        };
        let def = row_def(hit.row);
        let expected = def.cells;
        if empty_tables.contains(&def.table) {
            continue;
        }
        if hit.unsure == Some(Unsure::RunTogether) {
            out.push(Finding::new(
                Rule::CellCount,
                span.clone(),
                Message::new(
                    format!(
                        "“{}”的数值与标签或彼此连在一起，无法逐格读取，相关勾稽关系不作核对",
                        row_name(hit.row, false)
                    ),
                    format!(
                        "“{}”: figures run together with the label or each other; the row cannot be read and its equations are skipped",
                        row_name(hit.row, true)
                    ),
                ),
            ));
        } else if hit.cells.len() != expected {
            let found = hit.cells.len();
            let extra = hit.cells.get(expected..).unwrap_or(&[]);
            let (named, rest) = extra.split_at(extra.len().min(MAX_EXTRA_CELLS));
            let mut related: Vec<Related> = named
                .iter()
                .filter_map(|&i| report.cells.get(i))
                .map(|cell| Related {
                    span: cell.span.clone(),
                    message: Message::new("多出的单元格", "extra cell"),
                })
                .collect();
            // A row of thousands of cells is one place for the rest, not thousands of notes.
            let first = rest.first().and_then(|&i| report.cells.get(i));
            let last = rest.last().and_then(|&i| report.cells.get(i));
            if let (Some(first), Some(last)) = (first, last) {
                related.push(Related {
                    span: first.span.start..last.span.end,
                    message: Message::new(
                        format!("其余 {} 个多出的单元格", rest.len()),
                        format!("{} more extra cells", rest.len()),
                    ),
                });
            }
            out.push(
                Finding::new(
                    Rule::CellCount,
                    span.clone(),
                    Message::new(
                        format!(
                            "“{}”应有 {expected} 个数值单元格，实有 {found} 个，相关勾稽关系不作核对",
                            row_name(hit.row, false)
                        ),
                        format!(
                            "“{}” should have {expected} value cells, found {found}; its equations are skipped",
                            row_name(hit.row, true)
                        ),
                    ),
                )
                .with_related(related),
            );
        }
        if hit.duplicate {
            let first = report.row(hit.row).and_then(|h| report.row_span(h));
            let related = first
                .map(|s| {
                    vec![Related {
                        span: s,
                        message: Message::new("第一次出现", "first occurrence"),
                    }]
                })
                .unwrap_or_default();
            out.push(
                Finding::new(
                    Rule::DuplicateRow,
                    span,
                    Message::new(
                        format!(
                            "“{}”重复出现，只核对第一次出现的数值",
                            row_name(hit.row, false)
                        ),
                        format!(
                            "“{}” appears twice; only the first is checked",
                            row_name(hit.row, true)
                        ),
                    ),
                )
                .with_related(related),
            );
        }
    }
}
