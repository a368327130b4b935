//! The review page's tables: the core's table view (`facts::tables`) as real HTML tables — the
//! template's merged headers and group labels as colspan/rowspan, 表二's sub-tables under their
//! captions, each cell's status as a class and the equations that hold it, evaluated, as its
//! tooltip. Knows no rules; the page around the tables is `html`'s.

use std::fmt::Write;

use super::html::{Esc, tr};
use crate::analysis::Locale;
use crate::analysis::facts::{
    BlockView, CellStatus, CellView, EquationView, HeaderCell, TableView,
};
use crate::analysis::model::Unsure;
use crate::template::{Format, TableId};

/// Renders one table: its heading, what is wrong with it as a whole, and its blocks.
pub fn render(out: &mut String, table: &TableView, locale: Locale) {
    let id = match table.table {
        TableId::Active => "active",
        TableId::Requests => "requests",
        TableId::Appeals => "appeals",
    };
    let name = match locale {
        Locale::Zh => table.table.name(),
        Locale::En => table.table.name_en(),
    };
    let _ = write!(
        out,
        "<section class=\"table t-{id}\">\n<h4>{name} <span lang=\"zh-CN\">{}</span></h4>\n",
        Esc(table.title)
    );
    let failing = table.equations.iter().filter(|e| !e.holds).count();
    let mut notes: Vec<String> = Vec::new();
    if !table.found {
        notes.push(
            tr(
                locale,
                "报告中没有这张表。",
                "The report does not have this table.",
            )
            .into(),
        );
    } else if table.unreadable {
        notes.push(
            tr(
                locale,
                "这张表的行与数字对不上（可能是按列提取的 PDF 文字），数字都无法读取。",
                "The table's rows and figures do not line up (text extracted column by column): no figure could be read.",
            )
            .into(),
        );
    }
    if table.format == Format::Trial2019 {
        notes.push(
            tr(
                locale,
                "按 2019 年试行格式（国办公开办函〔2019〕60号）读取。",
                "Read as the 2019 trial format (国办公开办函〔2019〕60号).",
            )
            .into(),
        );
    }
    if table.found && !table.equations.is_empty() {
        notes.push(match locale {
            Locale::Zh => format!(
                "勾稽关系 {} 条，其中 {failing} 条不成立。",
                table.equations.len()
            ),
            Locale::En => format!(
                "{} equations evaluated, {failing} do not hold.",
                table.equations.len()
            ),
        });
    }
    for note in notes {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", Esc(&note));
    }
    for block in &table.blocks {
        render_block(out, block, &table.equations, id, locale);
    }
    out.push_str("</section>\n");
}

fn render_block(
    out: &mut String,
    block: &BlockView,
    equations: &[EquationView],
    id: &str,
    locale: Locale,
) {
    let _ = writeln!(out, "<table class=\"grid t-{id}\" lang=\"zh-CN\">");
    if let Some(caption) = block.caption {
        let _ = writeln!(out, "<caption>{}</caption>", Esc(caption));
    }
    out.push_str("<thead>\n");
    for row in &block.header {
        out.push_str("<tr>");
        for cell in row {
            header_cell(out, cell, "col");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</thead>\n<tbody>\n");
    for row in &block.rows {
        let class = match (row.found, row.unsure) {
            (false, _) => " class=\"missing\"",
            (true, Some(_)) => " class=\"unsure\"",
            (true, None) => "",
        };
        let _ = write!(out, "<tr data-row=\"{}\"{class}>", row.row);
        for group in &row.groups {
            header_cell(out, group, "rowgroup");
        }
        if row.label_columns > 0 {
            let _ = write!(
                out,
                "<th scope=\"row\"{}",
                span("colspan", row.label_columns)
            );
            let _ = write!(out, ">{}</th>", Esc(row.label));
        }
        for cell in &row.cells {
            let note = unreadable_note(cell, row.unsure, locale);
            render_cell(out, cell, equations, note, locale);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn header_cell(out: &mut String, cell: &HeaderCell, scope: &str) {
    let _ = write!(
        out,
        "<th scope=\"{scope}\"{}{}>{}</th>",
        span("colspan", cell.columns),
        span("rowspan", cell.rows),
        Esc(cell.text)
    );
}

/// ` colspan="3"`, or nothing for a single column or row.
fn span(attribute: &str, n: usize) -> String {
    if n > 1 {
        format!(" {attribute}=\"{n}\"")
    } else {
        String::new()
    }
}

/// Why an unreadable cell could not be read.
fn unreadable_note(cell: &CellView, unsure: Option<Unsure>, locale: Locale) -> &'static str {
    if cell.status != CellStatus::Unreadable {
        return "";
    }
    match unsure {
        Some(Unsure::CellCount) => tr(
            locale,
            "无法读取：这一行的单元格数与模板不符",
            "unreadable: the row has a different number of cells from the template",
        ),
        Some(Unsure::RunTogether) => tr(
            locale,
            "无法读取：数字连在一起",
            "unreadable: figures run together",
        ),
        None => tr(
            locale,
            "无法读取：不是可计算的数字",
            "unreadable: not a figure that can be counted",
        ),
    }
}

/// A value cell: its text as written, its status as a class, and as tooltip what it is and the
/// equations that hold it (those it is the total of first).
fn render_cell(
    out: &mut String,
    cell: &CellView,
    equations: &[EquationView],
    unreadable: &str,
    locale: Locale,
) {
    let mut classes: Vec<&str> = Vec::new();
    if cell.status != CellStatus::Fine {
        classes.push(cell.status.name());
    }
    if cell
        .totals
        .iter()
        .any(|&i| equations.get(i).is_some_and(|e| !e.holds))
    {
        classes.push("bad-total");
    }
    let mut tip: Vec<&str> = Vec::new();
    match cell.status {
        CellStatus::Absent => tip.push(tr(locale, "报告中没有这一格", "not in the report")),
        CellStatus::Blank => tip.push(tr(locale, "空白，按 0 计", "blank, counted as 0")),
        CellStatus::Unreadable => tip.push(unreadable),
        CellStatus::Failing | CellStatus::Fine => {}
    }
    let others = cell.equations.iter().filter(|i| !cell.totals.contains(i));
    for &i in cell.totals.iter().chain(others) {
        if let Some(e) = equations.get(i) {
            tip.push(e.text.get(locale));
        }
    }
    out.push_str("<td");
    if !classes.is_empty() {
        let _ = write!(out, " class=\"{}\"", classes.join(" "));
    }
    if !tip.is_empty() {
        let _ = write!(out, " title=\"{}\"", Esc(&tip.join("\n")));
    }
    let _ = write!(out, ">{}</td>", Esc(&cell.text));
}
