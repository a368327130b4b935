//! Structure rules: `structure/missing-section`, `structure/order`, `structure/missing-row`.
//! A missing row gets a quick fix that inserts it, in the layout of its neighbours.

use super::row_name;
use crate::analysis::lex::Layout;
use crate::analysis::model::Report;
use crate::analysis::{Finding, Fix, Message, Rule, Span};
use crate::template::{
    APPEALS_ROW, FIRST_2021_YEAR, Format, ROWS, RowSet, SECTIONS, TRIAL_OTHER_OUTCOME, TableId,
    row_def,
};

fn first_line(text: &str) -> Span {
    let end = text.find(['\n', '\r']).unwrap_or(text.len());
    0..end
}

pub fn check(text: &str, report: &Report, out: &mut Vec<Finding>) {
    sections(text, report, out);
    superseded(report, out);
    row_order(report, out);
    for table in [TableId::Active, TableId::Requests, TableId::Appeals] {
        missing_rows(text, report, table, out);
    }
}

fn sections(text: &str, report: &Report, out: &mut Vec<Finding>) {
    let anchor = report.title.clone().unwrap_or_else(|| first_line(text));
    // Consecutive missing sections have one cause (a report cut off, a part left out): one finding.
    let missing: Vec<usize> = (0..SECTIONS.len())
        .filter(|&i| report.section(i).is_none())
        .collect();
    for run in runs(&missing) {
        let (Some(first), Some(last)) = (SECTIONS.get(run.first), SECTIONS.get(run.last)) else {
            continue;
        };
        let message = if run.len == 1 {
            Message::new(
                format!("缺少第{}部分“{}”", first.numeral, first.heading()),
                format!("Section {} “{}” is missing", run.first + 1, first.title_en),
            )
        } else {
            Message::new(
                format!(
                    "缺少第{}至第{}部分（“{}”至“{}”）",
                    first.numeral,
                    last.numeral,
                    first.heading(),
                    last.heading()
                ),
                format!(
                    "Sections {} to {} are missing (“{}” to “{}”)",
                    run.first + 1,
                    run.last + 1,
                    first.title_en,
                    last.title_en
                ),
            )
        };
        out.push(Finding::new(Rule::MissingSection, anchor.clone(), message));
    }
    let mut last: Option<usize> = None;
    for s in &report.sections {
        if let Some(prev) = last
            && s.index <= prev
            && let (Some(def), Some(before)) = (SECTIONS.get(s.index), SECTIONS.get(prev))
        {
            let (zh, en) = if s.index == prev {
                (
                    format!("“{}”重复出现", def.heading()),
                    format!("“{}” appears twice", def.title_en),
                )
            } else {
                (
                    format!("“{}”应在“{}”之前", def.heading(), before.heading()),
                    format!(
                        "“{}” should come before “{}”",
                        def.title_en, before.title_en
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

/// A report on 2021 or later whose table still follows the 2019 trial format: one finding per table.
fn superseded(report: &Report, out: &mut Vec<Finding>) {
    if report.year.is_none_or(|y| y < FIRST_2021_YEAR) {
        return;
    }
    for table in [TableId::Active, TableId::Requests] {
        if report.format_of(table) != Format::Trial2019 {
            continue;
        }
        // The table's first place that differs: 表二's first anchor or row, 表三's （六）其他处理.
        let at = match table {
            TableId::Active => report.anchors.first().map(|a| a.1.clone()).or_else(|| {
                report
                    .rows
                    .iter()
                    .find(|h| row_def(h.row).table == table)
                    .and_then(|h| report.row_span(h))
            }),
            _ => report
                .row(TRIAL_OTHER_OUTCOME)
                .and_then(|h| report.row_span(h)),
        }
        .or_else(|| report.section(table.section()).map(|s| s.heading.clone()));
        let Some(at) = at else { continue };
        out.push(Finding::new(
            Rule::SupersededFormat,
            at,
            Message::new(
                format!(
                    "{}按{}填写；{} 年度起应使用{}",
                    table.name(),
                    Format::Trial2019.name(),
                    FIRST_2021_YEAR,
                    Format::Y2021.name()
                ),
                format!(
                    "{} follows {}; reports on {} and later use {}",
                    table.name_en(),
                    Format::Trial2019.name_en(),
                    FIRST_2021_YEAR,
                    Format::Y2021.name_en()
                ),
            ),
        ));
    }
}

/// Every row of the report's template, in order (表二 and 表三 in the formats they follow).
fn template_order(report: &Report) -> Vec<usize> {
    [TableId::Active, TableId::Requests, TableId::Appeals]
        .into_iter()
        .flat_map(|t| report.format_of(t).rows(t))
        .collect()
}

/// A run of consecutive numbers: the first, the last, and how many.
struct Run {
    first: usize,
    last: usize,
    len: usize,
}

/// Runs of consecutive numbers in an ascending list.
fn runs(sorted: &[usize]) -> impl Iterator<Item = Run> + '_ {
    sorted.chunk_by(|a, b| *b == a + 1).filter_map(|run| {
        Some(Run {
            first: *run.first()?,
            last: *run.last()?,
            len: run.len(),
        })
    })
}

fn row_order(report: &Report, out: &mut Vec<Finding>) {
    // Positions in the template order of the formats the report's tables follow.
    let mut places = [usize::MAX; ROWS.len()];
    for (k, row) in template_order(report).into_iter().enumerate() {
        if let Some(place) = places.get_mut(row) {
            *place = k;
        }
    }
    let place = |row: usize| places.get(row).copied().unwrap_or(usize::MAX);
    let mut last: Option<(TableId, usize)> = None;
    for hit in report.rows.iter().filter(|h| !h.duplicate) {
        let table = row_def(hit.row).table;
        if let Some((t, prev)) = last
            && t == table
            && place(hit.row) < place(prev)
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
            last.filter(|l| l.0 == table && place(l.1) > place(hit.row))
                .map_or(hit.row, |l| l.1),
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
    text.get(..offset.min(text.len()))
        .unwrap_or_default()
        .rfind(['\n', '\r'])
        .map_or(0, |i| i + 1)
}

fn missing_rows(text: &str, report: &Report, table: TableId, out: &mut Vec<Finding>) {
    let section = report.section(table.section());
    let present = report.rows.iter().any(|h| row_def(h.row).table == table);
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
    let rows: Vec<usize> = report
        .format_of(table)
        .rows(table)
        .filter(|&r| !row_def(r).label.is_empty())
        .collect();
    let present: RowSet = report
        .rows
        .iter()
        .filter(|h| !h.duplicate)
        .map(|h| h.row)
        .collect();
    // Positions (in `rows`) of the missing rows; a missing 表二 sub-table is its rows missing.
    let missing: Vec<usize> = (0..rows.len())
        .filter(|&k| rows.get(k).is_some_and(|&r| !present.contains(r)))
        .collect();
    if missing.is_empty() {
        return;
    }
    // Consecutive missing rows have one cause (a table cut off, a block left out): one finding.
    for run in runs(&missing) {
        let next = rows.iter().skip(run.last + 1).find_map(|&r| report.row(r));
        let prev = rows
            .iter()
            .take(run.first)
            .rev()
            .find_map(|&r| report.row(r));
        let span = next
            .or(prev)
            .and_then(|h| report.row_span(h))
            .unwrap_or_else(|| fallback.clone());
        let (Some(&first), Some(&last)) = (rows.get(run.first), rows.get(run.last)) else {
            continue;
        };
        let (first, last) = (row_def(first), row_def(last));
        if run.len > 1 {
            out.push(Finding::new(
                Rule::MissingRow,
                span,
                Message::new(
                    format!(
                        "{}缺少“{}”至“{}”共 {} 行",
                        table.name(),
                        first.label,
                        last.label,
                        run.len
                    ),
                    format!(
                        "{} lacks {} rows, “{}” to “{}”",
                        table.name_en(),
                        run.len,
                        first.label_en,
                        last.label_en
                    ),
                ),
            ));
            continue;
        }
        let row = first;
        let message = Message::new(
            format!("缺少“{}”行", row.label),
            format!("Row “{}” is missing", row.label_en),
        );
        let mut finding = Finding::new(Rule::MissingRow, span, message);
        if let Some(next) = next
            && let Some(label) = &next.label
            && let Some(insert) = blank_row(row.label, row.cells, next.layout)
        {
            let at = line_start(text, label.start);
            finding = finding.with_fix(Fix {
                title: Message::new(
                    format!("插入“{}”行", row.label),
                    format!("Insert row “{}”", row.label_en),
                ),
                span: at..at,
                replacement: insert,
            });
        }
        out.push(finding);
    }
}
