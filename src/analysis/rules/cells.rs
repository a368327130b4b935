//! Value and row-shape rules: `value/*`, `structure/cell-count`, `structure/duplicate-row`.

use super::row_name;
use crate::analysis::model::{Report, Value};
use crate::analysis::{Finding, Message, Related, Rule};
use crate::template::{ROWS, column_label};

pub fn check(report: &Report, out: &mut Vec<Finding>) {
    for cell in &report.cells {
        let def = &ROWS[cell.row];
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
            Value::Missing => (
                Rule::Missing,
                format!("{place_zh}为空，相关勾稽关系不作核对"),
                format!("{place_en} is empty; equations using it are skipped"),
            ),
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
    for hit in &report.rows {
        let Some(span) = report.row_span(hit) else {
            continue;
        };
        let expected = ROWS[hit.row].cells;
        if hit.cells.len() != expected {
            let found = hit.cells.len();
            let related = hit
                .cells
                .get(expected..)
                .unwrap_or(&[])
                .iter()
                .map(|&i| Related {
                    span: report.cells[i].span.clone(),
                    message: Message::new("多出的单元格", "extra cell"),
                });
            out.push(
                Finding::new(
                    Rule::CellCount,
                    span.clone(),
                    Message::new(
                        format!(
                            "“{}”应有 {expected} 个数值单元格，实有 {found} 个",
                            row_name(hit.row, false)
                        ),
                        format!(
                            "“{}” should have {expected} value cells, found {found}",
                            row_name(hit.row, true)
                        ),
                    ),
                )
                .with_related(related.collect()),
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
