//! Writes a template table in a given layout (L1 flattened cells, L2 Markdown pipes, L3 tabs, L4 HTML,
//! L5 plain rows), with labels and values supplied by the caller: values as written for a layout
//! conversion, snippet placeholders for a blank table. Knows the template's shape, not the document.

use crate::analysis::lex::Layout;
use crate::template::{
    APPEALS_COLUMNS, APPEALS_ROW, ColumnDef, Format, GROUPS, REQUEST_COLUMNS, RowId, SUB_TABLES,
    TableId, row_def,
};

/// Where the text of each label and value comes from; both are called in reading order.
pub struct Fill<'a> {
    pub label: &'a mut dyn FnMut(RowId) -> String,
    pub value: &'a mut dyn FnMut(RowId, usize) -> String,
}

/// A table row of values under its label; `groups` are the group labels above it, outermost first,
/// that a merged-cell layout writes once (三、本年度办理结果, （三）不予公开).
struct Line {
    groups: Vec<&'static str>,
    label: Option<String>,
    values: Vec<String>,
}

/// One table as a pipe table writes it: header rows (the first is the pipe table's header), then rows.
struct Block {
    headers: Vec<Vec<String>>,
    lines: Vec<Line>,
    /// How many cells the label takes in a row layout (0 for 表四, 2 for 表三's group and row columns).
    label_cells: usize,
    width: usize,
}

/// The `n`th header text the template lists for `table` (信息内容; the note over 表三's label columns).
fn header_text(table: TableId, n: usize) -> &'static str {
    crate::template::HEADER_TEXTS
        .iter()
        .filter(|(t, _)| *t == table)
        .nth(n)
        .map_or("", |(_, text)| text)
}

/// The header group of `column` at `level` (outermost 0).
fn group(column: &ColumnDef, level: usize) -> &'static str {
    column.groups.get(level).copied().unwrap_or_default()
}

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

fn line(row: RowId, fill: &mut Fill) -> Line {
    let mut groups = Vec::new();
    let def = row_def(row);
    let mut group = if def.table == TableId::Requests {
        def.parent
    } else {
        None
    };
    while let Some(g) = group.and_then(|g| GROUPS.get(g)) {
        groups.insert(0, g.label);
        group = g.parent;
    }
    let label = (!def.label.is_empty()).then(|| (fill.label)(row));
    let values = (0..def.cells).map(|c| (fill.value)(row, c)).collect();
    Line {
        groups,
        label,
        values,
    }
}

fn blocks(table: TableId, fill: &mut Fill) -> Vec<Block> {
    match table {
        TableId::Active => SUB_TABLES
            .iter()
            .map(|s| {
                let mut columns = vec![header_text(TableId::Active, 0)];
                columns.extend(s.columns.iter().copied());
                Block {
                    headers: vec![strings(&[s.anchor]), strings(&columns)],
                    lines: s.rows.clone().map(|r| line(r, fill)).collect(),
                    label_cells: 1,
                    width: 4,
                }
            })
            .collect(),
        TableId::Requests => {
            let (natural, business) = (&REQUEST_COLUMNS[0], &REQUEST_COLUMNS[1]);
            let mut second = vec!["", "", natural.label, group(business, 1)];
            second.extend(["", "", "", ""]);
            second.push(REQUEST_COLUMNS[6].label);
            let mut third = vec!["", "", ""];
            third.extend(REQUEST_COLUMNS.iter().skip(1).take(5).map(|c| c.label));
            vec![Block {
                headers: vec![
                    strings(&[header_text(TableId::Requests, 0), "", group(natural, 0)]),
                    strings(&second),
                    strings(&third),
                ],
                lines: Format::Y2021
                    .rows(TableId::Requests)
                    .map(|r| line(r, fill))
                    .collect(),
                label_cells: 2,
                width: 9,
            }]
        }
        TableId::Appeals => {
            let (review, direct, after) = (
                &APPEALS_COLUMNS[0],
                &APPEALS_COLUMNS[5],
                &APPEALS_COLUMNS[10],
            );
            let first = vec![group(review, 0), "", "", "", "", group(direct, 0)];
            let mut second: Vec<&str> = APPEALS_COLUMNS.iter().take(5).map(|c| c.label).collect();
            second.extend([group(direct, 1), "", "", "", "", group(after, 1)]);
            let third: Vec<&str> = std::iter::repeat_n("", 5)
                .chain(APPEALS_COLUMNS.iter().skip(5).map(|c| c.label))
                .collect();
            vec![Block {
                headers: vec![strings(&first), strings(&second), strings(&third)],
                lines: vec![line(APPEALS_ROW, fill)],
                label_cells: 0,
                width: 15,
            }]
        }
    }
}

/// The cells of a row as a row layout writes them: label cells, values, padding to the table width.
fn row_cells(line: &Line, block: &Block) -> Vec<String> {
    let label = line.label.clone().unwrap_or_default();
    let mut cells = match (block.label_cells, line.groups.split_first()) {
        (0, _) => Vec::new(),
        (1, _) => vec![label],
        (_, None) => vec![label, String::new()],
        (_, Some((outer, inner))) => {
            let mut parts: Vec<&str> = inner.to_vec();
            parts.push(&label);
            vec![outer.to_string(), parts.join(" ")]
        }
    };
    cells.extend(line.values.iter().cloned());
    cells.resize(cells.len().max(block.width), String::new());
    cells
}

fn padded(cells: &[String], width: usize) -> Vec<String> {
    let mut out = cells.to_vec();
    out.resize(width.max(out.len()), String::new());
    out
}

/// The group labels of `line` not already written for the line before it.
fn new_groups<'a>(line: &'a Line, previous: Option<&Line>) -> &'a [&'static str] {
    let shared = previous.map_or(0, |p| {
        line.groups
            .iter()
            .zip(&p.groups)
            .take_while(|(a, b)| a == b)
            .count()
    });
    line.groups.get(shared..).unwrap_or_default()
}

/// `table` written in `layout`.
pub fn table(table: TableId, layout: Layout, fill: &mut Fill) -> String {
    let blocks = blocks(table, fill);
    match layout {
        Layout::Pipe => blocks.iter().map(pipe).collect::<Vec<_>>().join("\n\n"),
        Layout::Tab => blocks.iter().map(tab).collect::<Vec<_>>().join("\n"),
        Layout::Html => html(&blocks),
        Layout::Flat => blocks.iter().map(flat).collect::<Vec<_>>().join("\n"),
        Layout::Plain => blocks.iter().map(plain).collect::<Vec<_>>().join("\n"),
    }
}

fn pipe(block: &Block) -> String {
    let row = |cells: &[String]| format!("| {} |", cells.join(" | "));
    let mut out = Vec::new();
    for (i, header) in block.headers.iter().enumerate() {
        out.push(row(&padded(header, block.width)));
        if i == 0 {
            out.push(row(&vec!["---".to_string(); block.width]));
        }
    }
    out.extend(block.lines.iter().map(|l| row(&row_cells(l, block))));
    out.join("\n")
}

fn tab(block: &Block) -> String {
    let mut out: Vec<String> = block.headers.iter().map(|h| h.join("\t")).collect();
    for l in &block.lines {
        let mut cells = row_cells(l, block);
        while cells.last().is_some_and(String::is_empty) && cells.len() > block.label_cells {
            cells.pop();
        }
        out.push(cells.join("\t"));
    }
    out.join("\n")
}

fn html(blocks: &[Block]) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let row = |cells: &[String]| {
        let tds: String = cells
            .iter()
            .map(|c| format!("<td>{}</td>", escape(c)))
            .collect();
        format!("<tr>{tds}</tr>")
    };
    let mut out = vec!["<table border=\"1\">".to_string()];
    for block in blocks {
        out.extend(block.headers.iter().map(|h| row(&padded(h, block.width))));
        out.extend(block.lines.iter().map(|l| row(&row_cells(l, block))));
    }
    out.push("</table>".to_string());
    out.join("\n")
}

fn flat(block: &Block) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut cell = |text: &str| out.push(format!("{text} |"));
    for header in &block.headers {
        header
            .iter()
            .filter(|h| !h.is_empty())
            .for_each(|h| cell(h));
    }
    let mut previous: Option<&Line> = None;
    for l in &block.lines {
        new_groups(l, previous).iter().for_each(|g| cell(g));
        if let Some(label) = &l.label {
            cell(label);
        }
        l.values.iter().for_each(|v| cell(v));
        previous = Some(l);
    }
    out.join("\n")
}

fn plain(block: &Block) -> String {
    let mut out: Vec<String> = block
        .headers
        .iter()
        .map(|h| {
            let cells: Vec<&str> = h
                .iter()
                .map(String::as_str)
                .filter(|c| !c.is_empty())
                .collect();
            cells.join(" ")
        })
        .collect();
    let mut previous: Option<&Line> = None;
    for l in &block.lines {
        let mut parts: Vec<&str> = new_groups(l, previous).to_vec();
        parts.extend(l.label.as_deref());
        parts.extend(l.values.iter().map(String::as_str));
        out.push(parts.join(" "));
        previous = Some(l);
    }
    out.join("\n")
}

/// A heading as the layout's documents write one (`## 二、…` in Markdown, `<h2>` in HTML).
pub fn heading(text: &str, layout: Layout, level: usize) -> String {
    match layout {
        Layout::Pipe => format!("{} {text}", "#".repeat(level)),
        Layout::Html => format!("<h{level}>{text}</h{level}>"),
        _ => text.to_string(),
    }
}
