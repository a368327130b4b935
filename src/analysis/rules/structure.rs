//! Structure rules: `structure/missing-section`, `structure/order`, `structure/missing-row`.
//! A missing row gets a quick fix that inserts it, in the layout of its neighbours.

use super::row_name;
use crate::analysis::lex::Layout;
use crate::analysis::model::Report;
use crate::analysis::{Finding, Fix, Message, Rule, Span};
use crate::template::{APPEALS_ROW, ROWS, SECTIONS, SUB_TABLES, TableId};

fn first_line(text: &str) -> Span {
    let end = text.find(['\n', '\r']).unwrap_or(text.len());
    0..end
}

pub fn check(text: &str, report: &Report, out: &mut Vec<Finding>) {
    sections(text, report, out);
    row_order(report, out);
    for table in [TableId::Active, TableId::Requests, TableId::Appeals] {
        missing_rows(text, report, table, out);
    }
}

fn sections(text: &str, report: &Report, out: &mut Vec<Finding>) {
    let anchor = report.title.clone().unwrap_or_else(|| first_line(text));
    for (i, def) in SECTIONS.iter().enumerate() {
        if report.section(i).is_none() {
            out.push(Finding::new(
                Rule::MissingSection,
                anchor.clone(),
                Message::new(
                    format!("缺少第{}部分“{}”", def.numeral, def.heading()),
                    format!("Section {} “{}” is missing", i + 1, def.title_en),
                ),
            ));
        }
    }
    let mut last: Option<usize> = None;
    for s in &report.sections {
        if let Some(prev) = last
            && s.index <= prev
        {
            let def = &SECTIONS[s.index];
            let (zh, en) = if s.index == prev {
                (
                    format!("“{}”重复出现", def.heading()),
                    format!("“{}” appears twice", def.title_en),
                )
            } else {
                (
                    format!("“{}”应在“{}”之前", def.heading(), SECTIONS[prev].heading()),
                    format!(
                        "“{}” should come before “{}”",
                        def.title_en, SECTIONS[prev].title_en
                    ),
                )
            };
            out.push(Finding::new(
                Rule::Order,
                s.heading.clone(),
                Message::new(zh, en),
            ));
        }
        last = Some(last.map_or(s.index, |p| p.max(s.index)));
    }
}

fn row_order(report: &Report, out: &mut Vec<Finding>) {
    let mut last: Option<(TableId, usize)> = None;
    for hit in report.rows.iter().filter(|h| !h.duplicate) {
        let table = ROWS[hit.row].table;
        if let Some((t, prev)) = last
            && t == table
            && hit.row < prev
            && let Some(span) = hit.label.clone()
        {
            out.push(Finding::new(
                Rule::Order,
                span,
                Message::new(
                    format!(
                        "“{}”应在“{}”之前",
                        row_name(hit.row, false),
                        row_name(prev, false)
                    ),
                    format!(
                        "“{}” should come before “{}”",
                        row_name(hit.row, true),
                        row_name(prev, true)
                    ),
                ),
            ));
        }
        last = Some((
            table,
            last.filter(|l| l.0 == table)
                .map_or(hit.row, |l| l.1.max(hit.row)),
        ));
    }
}

/// The text of a blank row in a layout, ready to insert before a line.
fn blank_row(label: &str, cells: usize, layout: Layout) -> Option<String> {
    let zeros = || vec!["0"; cells];
    Some(match layout {
        Layout::Flat => format!(
            "{label} |\n{}",
            zeros()
                .iter()
                .map(|z| format!("{z} |\n"))
                .collect::<String>()
        ),
        Layout::Pipe => format!("| {label} | {} |\n", zeros().join(" | ")),
        Layout::Tab => format!("{label}\t{}\n", zeros().join("\t")),
        Layout::Plain => format!("{label} {}\n", zeros().join(" ")),
        Layout::Html => return None,
    })
}

fn line_start(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())]
        .rfind(['\n', '\r'])
        .map_or(0, |i| i + 1)
}

fn missing_rows(text: &str, report: &Report, table: TableId, out: &mut Vec<Finding>) {
    let section = report.section(table.section());
    let present = report.rows.iter().any(|h| ROWS[h.row].table == table);
    // Without the section and without any of its rows, the missing section says it all.
    let Some(fallback) = section
        .map(|s| s.heading.clone())
        .or_else(|| present.then_some(0..0))
    else {
        return;
    };
    if table == TableId::Appeals {
        if report.row(APPEALS_ROW).is_none() {
            out.push(Finding::new(
                Rule::MissingRow,
                fallback,
                Message::new(
                    "表四缺少数据行（15 个数值）",
                    "Table 4 has no data row (15 values)",
                ),
            ));
        }
        return;
    }
    if table == TableId::Active {
        for (i, sub) in SUB_TABLES.iter().enumerate() {
            let has_rows = sub.rows.clone().any(|r| report.row(r).is_some());
            if report.anchors.iter().all(|a| a.0 != i) && !has_rows {
                out.push(Finding::new(
                    Rule::MissingRow,
                    fallback.clone(),
                    Message::new(
                        format!("表二缺少分表“{}”", sub.anchor),
                        format!("Table 2 lacks the sub-table “{}”", sub.anchor),
                    ),
                ));
            }
        }
    }
    let rows: Vec<usize> = ROWS
        .iter()
        .filter(|r| r.table == table && !r.label.is_empty())
        .map(|r| r.id)
        .collect();
    for (k, &row) in rows.iter().enumerate() {
        if report.row(row).is_some() {
            continue;
        }
        if table == TableId::Active {
            let sub = ROWS[row].parent.unwrap_or(0);
            let sub_present = report.anchors.iter().any(|a| a.0 == sub)
                || SUB_TABLES[sub]
                    .rows
                    .clone()
                    .any(|r| report.row(r).is_some());
            if !sub_present {
                continue;
            }
        }
        let next = rows[k + 1..].iter().find_map(|&r| report.row(r));
        let prev = rows[..k].iter().rev().find_map(|&r| report.row(r));
        let span = next
            .or(prev)
            .and_then(|h| h.label.clone())
            .unwrap_or_else(|| fallback.clone());
        let message = Message::new(
            format!("缺少“{}”行", ROWS[row].label),
            format!("Row “{}” is missing", ROWS[row].label_en),
        );
        let mut finding = Finding::new(Rule::MissingRow, span, message);
        if let Some(next) = next
            && let Some(label) = &next.label
            && let Some(insert) = blank_row(ROWS[row].label, ROWS[row].cells, next.layout)
        {
            let at = line_start(text, label.start);
            finding = finding.with_fix(Fix {
                title: Message::new(
                    format!("插入“{}”行", ROWS[row].label),
                    format!("Insert row “{}”", ROWS[row].label_en),
                ),
                span: at..at,
                replacement: insert,
            });
        }
        out.push(finding);
    }
}
