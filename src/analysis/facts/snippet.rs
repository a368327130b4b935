//! Snippets: a blank 表二, 表三 or 表四 and a whole report skeleton, written in the layout the document
//! already uses, with `${n}` placeholders for every value.

use super::basis::detail;
use super::render::{self, Fill};
use super::{CompletionFact, CompletionKind, pinyin};
use crate::analysis::Locale;
use crate::analysis::lex::Layout;
use crate::template::{RowId, SECTIONS, TableId, row_def};

const TABLES: [TableId; 3] = [TableId::Active, TableId::Requests, TableId::Appeals];

/// Snippet items, ranked from 0: the table of the section the cursor is in first, the skeleton last.
/// Their `replace` span is the caller's to set.
pub fn snippets(context: Option<TableId>, layout: Layout, locale: Locale) -> Vec<CompletionFact> {
    let zh = locale == Locale::Zh;
    let mut out: Vec<CompletionFact> = TABLES
        .iter()
        .enumerate()
        .map(|(i, &table)| {
            let section = table.section_def();
            let label = if zh {
                format!("{}（空白表格）", table.name())
            } else {
                format!("{} (blank table)", table.name_en())
            };
            let doc = if zh {
                format!(
                    "按本文档的版式（{}）插入空白的{}：{}",
                    layout_name(layout, zh),
                    table.name(),
                    section.title
                )
            } else {
                format!(
                    "A blank {} ({}) in this document's layout: {}",
                    table.name_en(),
                    section.title_en,
                    layout_name(layout, zh)
                )
            };
            let mut counter = 0;
            CompletionFact {
                filter_text: format!("{} {}", pinyin::filter_text(&label), table.name_en()),
                label,
                detail: detail(&section.basis, locale),
                documentation: Some(doc),
                insert_text: blank_table(table, layout, &mut counter),
                is_snippet: true,
                kind: CompletionKind::Snippet,
                rank: if context == Some(table) {
                    0
                } else {
                    1 + i as u32
                },
                replace: 0..0,
            }
        })
        .collect();
    let label = if zh {
        "年度报告框架"
    } else {
        "Annual report skeleton"
    };
    out.push(CompletionFact {
        label: label.to_string(),
        detail: if zh { "国办公开办函〔2021〕30号 格式" } else { "The 2021 national format" }.to_string(),
        documentation: Some(if zh {
            format!("标题、六个部分和三张空白表格，按本文档的版式（{}）。", layout_name(layout, zh))
        } else {
            format!("Title, the six sections and the three blank tables, in this document's layout ({}).", layout_name(layout, zh))
        }),
        filter_text: format!("{} report skeleton", pinyin::filter_text("年度报告框架")),
        insert_text: skeleton(layout),
        is_snippet: true,
        kind: CompletionKind::Snippet,
        rank: 1 + TABLES.len() as u32,
        replace: 0..0,
    });
    out
}

fn layout_name(layout: Layout, zh: bool) -> &'static str {
    match (layout, zh) {
        (Layout::Flat, true) => "逐格换行",
        (Layout::Pipe, true) => "Markdown 表格",
        (Layout::Tab, true) => "制表符分隔",
        (Layout::Html, true) => "HTML 表格",
        (Layout::Plain, true) => "空格分隔",
        (Layout::Flat, false) => "one cell per line",
        (Layout::Pipe, false) => "Markdown table",
        (Layout::Tab, false) => "tab-separated",
        (Layout::Html, false) => "HTML table",
        (Layout::Plain, false) => "space-separated",
    }
}

/// Literal text inside a snippet: `$`, `}` and `\` are syntax there.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '$' | '}' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A blank table with placeholders numbered on from `counter`.
fn blank_table(table: TableId, layout: Layout, counter: &mut u32) -> String {
    let mut value = |_: RowId, _: usize| {
        *counter += 1;
        format!("${{{counter}}}")
    };
    filled(table, layout, &|row| escape(row_def(row).label), &mut value)
}

/// `table` in `layout` with its labels and values from the two functions.
fn filled(
    table: TableId,
    layout: Layout,
    label: &dyn Fn(RowId) -> String,
    value: &mut dyn FnMut(RowId, usize) -> String,
) -> String {
    let mut label = label;
    render::table(
        table,
        layout,
        &mut Fill {
            label: &mut label,
            value,
        },
    )
}

/// A whole report: title, the six sections, a blank table in each section that has one.
fn skeleton(layout: Layout) -> String {
    // Placeholders are numbered in reading order, so tab walks from the title down the report.
    let mut counter = 2;
    let mut body = |table: Option<TableId>| match table {
        Some(table) => blank_table(table, layout, &mut counter),
        None => {
            counter += 1;
            format!("${{{counter}}}")
        }
    };
    report(
        layout,
        "${1:单位名称}${2:2024}年政府信息公开工作年度报告",
        &escape,
        &mut body,
    )
}

/// The report skeleton as plain text to insert as it is: blank cells (`-` where cells are separated
/// by spaces), and the title's placeholders as words (`单位名称2024年…`).
pub fn plain_skeleton(layout: Layout) -> String {
    let mut body = |table: Option<TableId>| {
        let Some(table) = table else {
            return String::new();
        };
        // Space-separated cells cannot be empty: a dash holds the place, as on paper forms.
        let blank = if layout == Layout::Plain { "-" } else { "" };
        let label = |row: RowId| row_def(row).label.to_string();
        filled(table, layout, &label, &mut |_, _| blank.to_string())
    };
    report(
        layout,
        "单位名称2024年政府信息公开工作年度报告",
        &|s: &str| s.to_string(),
        &mut body,
    )
}

/// Title, the six section headings, and under each what `body` gives for its table (or for the
/// free text of a section without one), in `layout`.
fn report(
    layout: Layout,
    title: &str,
    literal: &dyn Fn(&str) -> String,
    body: &mut dyn FnMut(Option<TableId>) -> String,
) -> String {
    let mut parts = vec![render::heading(title, layout, 1)];
    for section in &SECTIONS {
        parts.push(render::heading(&literal(&section.heading()), layout, 2));
        parts.push(body(section.table));
    }
    let separator = if layout == Layout::Pipe { "\n\n" } else { "\n" };
    parts.join(separator)
}
