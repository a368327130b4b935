//! Rewrites beyond quick fixes: a table written in another layout (L1 flattened cells, tabs, HTML, PDF
//! rows) converted to a GFM pipe table that reads back to the same cells. Labels the template matched
//! exactly are written in the template's form; a label that differs is kept as written, so its
//! finding survives the conversion (labels are never silently rewritten, SPEC §2).

use std::cell::Cell;

use super::render::{self, Fill};
use super::{Rewrite, Span, line_end, line_start, table_bodies};
use crate::analysis::lex::Layout;
use crate::analysis::model::{LabelKind, Report};
use crate::analysis::{Message, ReportAnalysis};
use crate::template::{ROWS, RowId, TableId, row_def};

pub fn rewrites(segment_text: &str, report: &ReportAnalysis, offset: usize) -> Vec<Rewrite> {
    let model = &report.report;
    let Some((table, body)) = table_bodies(model)
        .into_iter()
        .find(|(_, b)| b.start <= offset && offset <= b.end)
    else {
        return Vec::new();
    };
    convert(segment_text, model, table, &body)
        .map(|(span, replacement)| Rewrite {
            title: Message::new(
                format!("将{}转换为 Markdown 表格", table.name()),
                format!("Convert {} to a Markdown table", table.name_en()),
            ),
            span,
            replacement,
        })
        .into_iter()
        .collect()
}

/// The span to replace and the pipe table, when the table is not a pipe table already and nothing
/// in it would be lost (a repeated row, cells past the template's columns, text that is not the table's,
/// a header that differs from the template's, a row's missing label) or added (a row the report lacks).
fn convert(text: &str, model: &Report, table: TableId, body: &Span) -> Option<(Span, String)> {
    // An analysis of other text (a stale one) must not slice outside this one.
    text.get(body.clone())?;
    let inside = |s: &Span| body.start <= s.start && s.end <= body.end;
    let hits: Vec<_> = model
        .rows
        .iter()
        .filter(|h| ROWS.get(h.row).is_some_and(|r| r.table == table))
        .filter(|h| model.row_span(h).is_some_and(|s| inside(&s)))
        .collect();
    if hits.is_empty() || hits.iter().all(|h| h.layout == Layout::Pipe) {
        return None;
    }
    let lossy = hits.iter().any(|h| {
        h.duplicate
            || h.cells.iter().any(|&i| {
                model
                    .cells
                    .get(i)
                    .is_none_or(|c| c.col >= row_def(h.row).cells)
            })
    });
    if lossy {
        return None;
    }
    let html = hits.iter().any(|h| h.layout == Layout::Html);
    let span = if html {
        html_span(text, body)?
    } else {
        line_start(text, body.start)..line_end(text, body.end)
    };
    if !html && has_foreign_text(text, model, table, &span) {
        return None;
    }
    // Headers, group labels and anchors are written as the template writes them: one that differs
    // would be corrected silently and its finding lost.
    // So would a row read by its place, its label cell blank or lost.
    let retyped = model.labels.iter().any(|l| {
        !l.exact
            && !matches!(l.kind, LabelKind::Row(_))
            && span.start <= l.span.start
            && l.span.end <= span.end
    }) || hits
        .iter()
        .any(|h| h.label.is_none() && ROWS.get(h.row).is_some_and(|r| !r.label.is_empty()));
    if retyped {
        return None;
    }
    // The template's rows are all written: a row the report lacks would come back blank, its
    // `structure/missing-row` turned into `value/missing` by a rewrite. Such a table is not converted.
    let absent = Cell::new(false);
    let mut label = |row: RowId| row_label(text, model, row);
    let mut value = |row: RowId, col: usize| {
        absent.set(absent.get() || model.row(row).is_none());
        model
            .cell(row, col)
            .and_then(|c| text.get(c.span.clone()))
            .unwrap_or_default()
            .replace('|', "\\|")
    };
    let mut fill = Fill {
        label: &mut label,
        value: &mut value,
    };
    let mut replacement = render::table(table, Layout::Pipe, &mut fill);
    if absent.get() {
        return None;
    }
    // A pipe table needs blank lines around it to stand apart from a paragraph.
    let before = text.get(..span.start)?;
    if !before.is_empty() && !before.ends_with("\n\n") && !before.ends_with("\n\r\n") {
        replacement.insert(0, '\n');
        if !before.ends_with('\n') {
            replacement.insert(0, '\n');
        }
    }
    let after = text.get(span.end..)?;
    let after_line_end = after
        .strip_prefix("\r\n")
        .or_else(|| after.strip_prefix('\n'));
    match after_line_end {
        Some(rest) if !rest.is_empty() && !rest.starts_with(['\n', '\r']) => replacement.push('\n'),
        None if !after.is_empty() => replacement.push_str("\n\n"),
        _ => {}
    }
    Some((span, replacement))
}

/// The row's label: the template's text when it matched exactly, else the text as written.
fn row_label(text: &str, model: &Report, row: RowId) -> String {
    let written = model
        .row(row)
        .and_then(|h| h.label.clone())
        .and_then(|span| {
            model
                .labels
                .iter()
                .find(|l| l.span == span && l.kind == LabelKind::Row(row) && !l.exact)
                .and_then(|_| text.get(span))
        });
    written.map_or_else(|| row_def(row).label.to_string(), |w| w.replace('|', "\\|"))
}

/// Whether a line of the span holds text that is neither part of the table nor only cell separators.
fn has_foreign_text(text: &str, model: &Report, table: TableId, span: &Span) -> bool {
    let parts: Vec<Span> = super::table_parts(model, table, span).collect();
    let mut start = span.start;
    for line in text.get(span.clone()).unwrap_or_default().split('\n') {
        let end = start + line.len();
        let blank = line.chars().all(|c| c == '|' || c.is_whitespace());
        let covered = parts.iter().any(|p| p.start < end && start < p.end);
        if !blank && !covered {
            return true;
        }
        start = end + 1;
    }
    false
}

/// For an HTML table: from its `<table` tag to the end of its `</table>`.
fn html_span(text: &str, body: &Span) -> Option<Span> {
    let lower = |s: &str| s.to_ascii_lowercase();
    let start = lower(text.get(..body.start)?).rfind("<table")?;
    let close = lower(text.get(body.end..)?).find("</table>")?;
    Some(start..body.end + close + "</table>".len())
}
