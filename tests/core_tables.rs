//! The table view of the core (what the previews and the HTML page show) is the same grid for the
//! example in every layout (SPEC §2 L1–L5) and every real-world variant (R1–R11): the same figures
//! in the same template cells, each shown from the characters that wrote it, with the same status;
//! and the same cells are marked when 本年新收·自然人 is changed from 8 to 9.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

mod core_support;
mod variants;

use ogi_lsp::analysis::facts::{CellStatus, TableView, tables};
use ogi_lsp::analysis::{analyze_report, report_texts};
use variants::example::Example;
use variants::{Generator, Mark, Variant, is_blank};

const L1: &str = include_str!("fixtures/dongsheng-2024.txt");
const L2: &str = include_str!("fixtures/layouts/l2-markdown.md");
const L3: &str = include_str!("fixtures/layouts/l3-tabs.txt");
const L4: &str = include_str!("fixtures/layouts/l4-html.html");
const L5: &str = include_str!("fixtures/layouts/l5-pdf.txt");

/// A shown cell: (template row, column, the figure as shown, status).
type Shown = (usize, usize, String, CellStatus);

/// The one report of `text`: its offset, and its tables.
fn view(text: &str) -> (usize, Vec<TableView>) {
    let reports: Vec<(usize, &str)> = report_texts(text).collect();
    assert_eq!(reports.len(), 1, "one report");
    let (offset, report) = reports[0];
    (offset, tables(report, &analyze_report(report)))
}

/// Every cell of every table, in template order, each checked to be shown from the text its span
/// covers.
fn grid(text: &str) -> Vec<Shown> {
    let (offset, views) = view(text);
    let mut out = Vec::new();
    for row in views.iter().flat_map(|t| &t.blocks).flat_map(|b| &b.rows) {
        for c in &row.cells {
            if let Some(span) = &c.span {
                let written = &text[span.start + offset..span.end + offset];
                assert_eq!(
                    written.trim(),
                    c.text,
                    "({}, {}) shown as written",
                    row.row,
                    c.col
                );
            }
            out.push((row.row, c.col, c.text.clone(), c.status));
        }
    }
    out
}

fn failing(grid: &[Shown]) -> Vec<(usize, usize)> {
    grid.iter()
        .filter(|s| s.3 == CellStatus::Failing)
        .map(|s| (s.0, s.1))
        .collect()
}

/// 本年新收's row and 自然人's carried-forward column: the cells of the two equations 8 → 9 breaks.
fn failing_when_broken() -> Vec<(usize, usize)> {
    let mut cells: Vec<(usize, usize)> = (0..7).map(|c| (6, c)).collect();
    cells.extend([(7, 0), (29, 0), (30, 0)]);
    cells
}

fn sorted(mut cells: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    cells.sort_unstable();
    cells
}

#[test]
fn every_layout_shows_the_same_grid() {
    let reference = grid(L1);
    assert_eq!(reference.len(), 200);
    assert!(reference.iter().all(|s| s.3 == CellStatus::Fine));
    for (name, text) in [("L2", L2), ("L3", L3), ("L4", L4), ("L5", L5)] {
        assert_eq!(grid(text), reference, "{name}");
    }
}

#[test]
fn every_layout_marks_the_same_cells_of_a_broken_total() {
    let broken = [
        (L1, L1.replacen("数量 |\n8 |", "数量 |\n9 |", 1)),
        (
            L2,
            L2.replace(
                "| 一、本年新收政府信息公开申请数量 | | 8 |",
                "| 一、本年新收政府信息公开申请数量 | | 9 |",
            ),
        ),
        (
            L3,
            L3.replace(
                "一、本年新收政府信息公开申请数量\t\t8",
                "一、本年新收政府信息公开申请数量\t\t9",
            ),
        ),
        (
            L4,
            L4.replace(
                "一、本年新收政府信息公开申请数量</td><td>8</td>",
                "一、本年新收政府信息公开申请数量</td><td>9</td>",
            ),
        ),
        (
            L5,
            L5.replace(
                "一、本年新收政府信息公开申请数量 8",
                "一、本年新收政府信息公开申请数量 9",
            ),
        ),
    ];
    for (n, (original, text)) in broken.iter().enumerate() {
        let name = format!("L{}", n + 1);
        assert_ne!(original, text, "{name} changed");
        assert_eq!(
            sorted(failing(&grid(text))),
            failing_when_broken(),
            "{name}"
        );
    }
}

/// The variant's grid: each cell the example's figure (or blank where the variant leaves it
/// blank) at the characters the generator wrote for it; rows the variant makes unreadable shown so.
fn check_variant(v: &Variant) {
    let text = v.text();
    let (offset, views) = view(text);
    let mut wrong = Vec::new();
    for row in views.iter().flat_map(|t| &t.blocks).flat_map(|b| &b.rows) {
        for c in &row.cells {
            let written = v.model.value(row.row, c.col);
            let ok = if v.unread.contains(&row.row) {
                matches!(c.status, CellStatus::Unreadable | CellStatus::Absent)
            } else if is_blank(written) {
                c.status == CellStatus::Blank
            } else {
                let at = c.span.clone().map(|s| s.start + offset..s.end + offset);
                c.status == CellStatus::Fine
                    && c.text == written.trim()
                    && at == Some(v.doc.range(Mark::Cell(row.row, c.col)))
            };
            if !ok {
                wrong.push(format!("({}, {}) {written:?}: {c:?}", row.row, c.col));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} cells wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

fn check_broken_variant(generate: Generator) {
    let mut ex = Example::load();
    ex.row_mut(6).values[0] = "9".to_string();
    let v = generate(&ex);
    let cells = failing(&grid(v.text()));
    let expected: Vec<(usize, usize)> = failing_when_broken()
        .into_iter()
        .filter(|(r, _)| !v.unread.contains(r))
        .collect();
    assert_eq!(sorted(cells), expected);
}

macro_rules! variants {
    ($($name:ident: $generator:path,)*) => {
        $(
            mod $name {
                use super::*;

                #[test]
                fn shows_the_example_grid() {
                    check_variant(&$generator(&Example::load()))
                }

                #[test]
                fn marks_the_cells_of_a_broken_total() {
                    check_broken_variant($generator)
                }
            }
        )*
    };
}

variants! {
    r1_web_rows: crate::variants::r1_web_rows::generate,
    r2_blank_line_cells: crate::variants::r2_blank_lines::generate,
    r3_bare_pipe_cells: crate::variants::r3_bare_pipes::generate,
    r4_pdf_text_pypdf: crate::variants::r4_pdf_text::pypdf,
    r4_pdf_text_pdf_extract: crate::variants::r4_pdf_text::pdf_extract,
    r5_numbering_and_punctuation: crate::variants::r5_numbering::generate,
    r6_damaged_labels: crate::variants::r6_damaged_labels::generate,
    r7_heading_variants: crate::variants::r7_headings::generate,
    r8_page_furniture: crate::variants::r8_page_furniture::generate,
    r9_cells_run_together: crate::variants::r9_run_together::generate,
    r11_html_published: crate::variants::r11_html::published,
    r11_html_browser_copy: crate::variants::r11_html::browser_copy,
}
