//! The real-world variants of SPEC §2 (R1–R11), each generated from the example report by a module of
//! `tests/variants/`. Every variant must read as the example does — one report, the same template cells
//! holding the same figures at the characters that wrote them, the same findings plus the variant's own —
//! and 本年新收·自然人 changed from 8 to 9 must be found at the same two cells.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

mod core_support;
mod variants;

use std::collections::BTreeMap;
use std::ops::Range;

use ogi_lsp::analysis::Finding;
use ogi_lsp::analysis::model::Value;
use ogi_lsp::template::{Format, ROWS};
use variants::example::{EXAMPLE, Example};
use variants::{Generator, Mark, Variant, is_blank, l1};

/// (code, Chinese message), sorted: what a finding says, wherever it is.
fn essence(findings: &[Finding]) -> Vec<(&'static str, String)> {
    let mut e: Vec<_> = findings
        .iter()
        .map(|f| (f.rule.code(), f.message.zh.clone()))
        .collect();
    e.sort();
    e
}

/// Findings as a reader of a failure wants them: code, the text pointed at, message.
fn shown(text: &str, findings: &[Finding]) -> String {
    let at = |s: &Range<usize>| text.get(s.clone()).unwrap_or("<span outside the text>");
    findings
        .iter()
        .map(|f| format!("\n  {} {:?} {}", f.rule.code(), at(&f.span), f.message.zh))
        .collect()
}

/// The example as the reader reads it: template cell → value.
fn reference() -> BTreeMap<(usize, usize), Value> {
    let placed = core_support::analyze(EXAMPLE);
    let cells = &placed[0].analysis.report.cells;
    cells.iter().map(|c| ((c.row, c.col), c.value)).collect()
}

/// Every template cell of the 2021 format: (row, col).
fn template_cells() -> impl Iterator<Item = (usize, usize)> {
    Format::Y2021
        .all_rows()
        .iter()
        .flat_map(|&r| (0..ROWS[r].cells).map(move |c| (r, c)))
}

/// Whether the message states `n` as a figure of its own.
fn states(message: &str, n: usize) -> bool {
    message
        .split(|c: char| !c.is_ascii_digit())
        .any(|s| s == n.to_string())
}

fn inside(span: &Range<usize>, within: &Range<usize>) -> bool {
    within.start <= span.start && span.end <= within.end
}

/// One report, every template cell the example has (but for rows the variant makes unreadable),
/// holding the example's value — or blank where the variant left it blank — read from the very
/// characters the generator wrote for that cell.
fn check_cells(generate: Generator) {
    let v = generate(&Example::load());
    let text = v.text();
    let placed = core_support::analyze(text);
    assert_eq!(placed.len(), 1, "reports");
    let (offset, report) = (placed[0].offset, &placed[0].analysis.report);
    assert_eq!(report.sections.len(), 6, "sections");
    let reference = reference();
    let mut wrong = Vec::new();
    let mut expected = 0;
    for (row, col) in template_cells() {
        let written = v.model.value(row, col);
        let want = if v.unread.contains(&row) {
            None
        } else if is_blank(written) {
            Some(Value::Missing)
        } else {
            reference.get(&(row, col)).copied()
        };
        expected += usize::from(want.is_some());
        let cell = report.cell(row, col);
        let got = cell.map(|c| c.value);
        let label = ROWS[row].label;
        if got != want {
            wrong.push(format!(
                "({row},{col}) {label}: want {want:?}, read {got:?}"
            ));
        } else if let (Some(c), false) = (cell, is_blank(written) || want.is_none()) {
            let at = c.span.start + offset..c.span.end + offset;
            let mark = v.doc.range(Mark::Cell(row, col));
            if at != mark {
                let read = text.get(at.clone()).unwrap_or("?");
                wrong.push(format!(
                    "({row},{col}) {label}: read from {at:?} {read:?}, written at {mark:?}"
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} cells wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    assert_eq!(report.cells.len(), expected, "cells");
}

/// The example's findings, each of the variant's own exactly once where it belongs, nothing else;
/// the example's two label findings point at 预期.
fn check_findings(generate: Generator) {
    let v = generate(&Example::load());
    let text = v.text();
    let mut found = core_support::findings(text);
    let all = shown(text, &found);
    for extra in &v.extra {
        let hits: Vec<usize> = (0..found.len())
            .filter(|&i| {
                found[i].rule.code() == extra.code && inside(&found[i].span, &extra.within)
            })
            .collect();
        let place = &text[extra.within.clone()];
        assert_eq!(
            hits.len(),
            1,
            "one {} at {place:?}; found:{all}",
            extra.code
        );
        let f = found.remove(hits[0]);
        if let Some(n) = extra.states {
            assert!(
                states(&f.message.zh, n),
                "{:?} should state {n}",
                f.message.zh
            );
        }
    }
    let expected = essence(&core_support::findings(EXAMPLE));
    assert_eq!(essence(&found), expected, "found:{all}");
    let labels: Vec<&str> = found
        .iter()
        .filter(|f| f.rule.code() == "label/nonstandard")
        .map(|f| &text[f.span.clone()])
        .collect();
    assert_eq!(labels.len(), 2, "{labels:?}");
    assert!(labels.iter().all(|l| l.contains("预期")), "{labels:?}");
}

/// The example with 本年新收·自然人 8 → 9, as the variant writes it.
fn broken(generate: Generator) -> Variant {
    let mut ex = Example::load();
    assert_eq!(ex.row_mut(6).values[0], "8");
    ex.row_mut(6).values[0] = "9".to_string();
    generate(&ex)
}

/// 一、本年新收's 总计 (8) no longer balances its row, and 结转下年度·自然人 (1) no longer balances its
/// column; nothing else does.
fn check_injected(generate: Generator) {
    let v = broken(generate);
    let text = v.text();
    let found = core_support::findings(text);
    let mut balance: Vec<(&str, Range<usize>)> = found
        .iter()
        .filter(|f| f.rule.code().starts_with("balance/"))
        .map(|f| (f.rule.code(), f.span.clone()))
        .collect();
    balance.sort_by_key(|b| b.1.start);
    let total = v.doc.range(Mark::Cell(6, 6));
    let carried = v.doc.range(Mark::Cell(30, 0));
    assert_eq!((&text[total.clone()], &text[carried.clone()]), ("8", "1"));
    let want = vec![
        ("balance/row-total", total),
        ("balance/intake-outcome", carried),
    ];
    assert_eq!(balance, want, "found:{}", shown(text, &found));
}

/// Every span of every finding lies in the text on character boundaries; in the one-line HTML each
/// points at the characters of a cell, label or heading, never at markup.
fn check_spans(generate: Generator) {
    for v in [generate(&Example::load()), broken(generate)] {
        let text = v.text();
        for f in core_support::findings(text) {
            core_support::assert_spans_sound(text, &f);
            if v.exact_spans {
                let at = &text[f.span.clone()];
                let clean = !at.is_empty() && !at.contains(['<', '>', '&']);
                let marked = v.doc.marks.iter().any(|(_, r)| inside(&f.span, r));
                assert!(clean && marked, "{} points at {at:?}", f.rule.code());
            }
        }
    }
}

macro_rules! variants {
    ($($name:ident: $generator:path,)*) => {
        /// Every generator, for the checks of the generators themselves.
        const ALL: &[(&str, Generator)] = &[$((stringify!($name), $generator),)*];
        $(
            mod $name {
                use super::*;

                #[test]
                fn reads_one_report_with_the_example_cells() {
                    check_cells($generator)
                }

                #[test]
                fn gives_the_example_findings_and_its_own() {
                    check_findings($generator)
                }

                #[test]
                fn finds_an_injected_error_at_its_cells() {
                    check_injected($generator)
                }

                #[test]
                fn points_inside_the_text() {
                    check_spans($generator)
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
    r7_improvement_measures: crate::variants::r7_headings::improvement_measures,
    r8_page_furniture: crate::variants::r8_page_furniture::generate,
    r9_cells_run_together: crate::variants::r9_run_together::generate,
    r11_html_published: crate::variants::r11_html::published,
    r11_html_browser_copy: crate::variants::r11_html::browser_copy,
}

// The generators themselves, checked against the example and against what they say they wrote.

#[test]
fn the_example_taken_apart_renders_back_to_itself() {
    assert_eq!(l1::render(&Example::load()).text, EXAMPLE);
}

#[test]
fn the_example_reads_as_taken_apart() {
    let ex = Example::load();
    let reference = reference();
    assert_eq!(reference.len(), 200);
    for (row, col) in template_cells() {
        let want: i64 = ex.value(row, col).parse().expect("a whole number");
        assert_eq!(reference[&(row, col)], Value::Int(want), "({row},{col})");
    }
    let typos = ex.rows().filter(|r| r.label.contains("预期")).count();
    assert_eq!(typos, 2);
}

#[test]
fn every_generator_writes_each_cell_where_it_says() {
    let ex = Example::load();
    for (name, generate) in ALL {
        let v = generate(&ex);
        for (row, col) in template_cells().filter(|(r, _)| !v.unread.contains(r)) {
            let written = v.model.value(row, col).trim();
            let at = &v.text()[v.doc.range(Mark::Cell(row, col))];
            let want = if written.is_empty() { "|" } else { written };
            assert_eq!(at, want, "{name} ({row},{col})");
        }
        for extra in &v.extra {
            assert!(!v.text()[extra.within.clone()].is_empty(), "{name}");
        }
    }
}

#[test]
fn the_published_page_holds_the_whole_article_on_one_line() {
    let v = variants::r11_html::published(&Example::load());
    let article = v.doc.line_at(v.doc.range(Mark::Heading(0)).start);
    assert!(v.doc.marks.iter().all(|(_, r)| inside(r, &article)));
    assert!(v.text()[article].contains("<td colspan=\"4\"><p>第二十条第(一)项</p></td>"));
}
