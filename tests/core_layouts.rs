//! The same report in every layout (SPEC §2, L1–L5) yields the same findings apart from positions,
//! and an error injected in each layout is found at the cell that holds it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

mod core_support;

use core_support::{analyze, findings};

const L1: &str = include_str!("fixtures/dongsheng-2024.txt");
const L2: &str = include_str!("fixtures/layouts/l2-markdown.md");
const L3: &str = include_str!("fixtures/layouts/l3-tabs.txt");
const L4: &str = include_str!("fixtures/layouts/l4-html.html");
const L5: &str = include_str!("fixtures/layouts/l5-pdf.txt");

/// Findings without positions: (code, message), in order.
fn essence(text: &str) -> Vec<(&'static str, String)> {
    findings(text)
        .into_iter()
        .map(|f| (f.rule.code(), f.message.zh))
        .collect()
}

/// Findings with the text each one points at.
fn pointed(text: &str) -> Vec<(&'static str, &str)> {
    findings(text)
        .into_iter()
        .map(|f| (f.rule.code(), &text[f.span]))
        .collect()
}

/// Each layout with 本年新收 自然人 changed from 8 to 9.
fn broken() -> Vec<(&'static str, String)> {
    let mut lines: Vec<&str> = L1.split('\n').collect();
    lines[64] = "9 |";
    vec![
        ("L1", lines.join("\n")),
        (
            "L2",
            L2.replace(
                "| 一、本年新收政府信息公开申请数量 | | 8 |",
                "| 一、本年新收政府信息公开申请数量 | | 9 |",
            ),
        ),
        (
            "L3",
            L3.replace(
                "一、本年新收政府信息公开申请数量\t\t8",
                "一、本年新收政府信息公开申请数量\t\t9",
            ),
        ),
        (
            "L4",
            L4.replace(
                "一、本年新收政府信息公开申请数量</td><td>8</td>",
                "一、本年新收政府信息公开申请数量</td><td>9</td>",
            ),
        ),
        (
            "L5",
            L5.replace(
                "一、本年新收政府信息公开申请数量 8",
                "一、本年新收政府信息公开申请数量 9",
            ),
        ),
    ]
}

#[test]
fn every_layout_reads_all_two_hundred_cells() {
    for (name, text) in [("L1", L1), ("L2", L2), ("L3", L3), ("L4", L4), ("L5", L5)] {
        let reports = analyze(text);
        assert_eq!(reports.len(), 1, "{name}");
        let report = &reports[0].analysis.report;
        assert_eq!(report.rows.len(), 32, "{name}");
        assert_eq!(report.cells.len(), 200, "{name}");
        assert_eq!(report.sections.len(), 6, "{name}");
        // 行政许可's 52425 is read as one value in every layout, merged cells and all.
        let licence = report.cell(2, 0).map(|c| reports[0].text(text, &c.span));
        assert_eq!(licence, Some("52425"), "{name}");
    }
}

#[test]
fn the_same_report_gives_the_same_findings_in_every_layout() {
    let expected = essence(L1);
    assert_eq!(expected.len(), 2);
    for (name, text) in [("L2", L2), ("L3", L3), ("L4", L4), ("L5", L5)] {
        assert_eq!(essence(text), expected, "{name}");
        let labels: Vec<_> = pointed(text).into_iter().map(|p| p.1).collect();
        assert_eq!(labels, vec!["预期", "预期"], "{name}");
    }
}

#[test]
fn an_injected_error_is_found_at_the_same_cells_in_every_layout() {
    let all = broken();
    let expected = essence(&all[0].1);
    assert!(expected.iter().any(|e| e.0 == "balance/row-total"));
    for (name, text) in &all {
        assert_eq!(&essence(text), &expected, "{name}");
        let balance: Vec<_> = pointed(text)
            .into_iter()
            .filter(|p| p.0.starts_with("balance/"))
            .collect();
        // The row total still holds 8; 结转下年度 自然人 holds 1.
        assert_eq!(
            balance,
            vec![("balance/row-total", "8"), ("balance/intake-outcome", "1")],
            "{name}"
        );
    }
}

/// L1 as some pages flatten it: one cell per line with no pipes at all (and no lines of pipes).
fn l1_without_pipes(text: &str) -> String {
    text.split('\n')
        .filter(|l| l.is_empty() || !l.chars().all(|c| c == '|'))
        .map(|l| l.strip_suffix(" |").unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn flattened_cells_without_pipes_read_the_same() {
    let text = l1_without_pipes(L1);
    let reports = analyze(&text);
    assert_eq!(reports[0].analysis.report.cells.len(), 200);
    assert_eq!(essence(&text), essence(L1));
    // 表四's fifteen values arrive one per line and still fill one row.
    let l1_broken = &broken()[0].1;
    assert_eq!(essence(&l1_without_pipes(l1_broken)), essence(l1_broken));
}
