//! Every rule of SPEC §3 fires at the right cell with the right numbers when an error is injected
//! into the real example report (layout L1), and only then.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

mod core_support;

use core_support::analyze;
use ogi_lsp::analysis::Finding;

const EXAMPLE: &str = include_str!("fixtures/dongsheng-2024.txt");

/// (code, 1-based line, 0-based character column, Chinese message) of every finding.
fn findings(text: &str) -> Vec<(&'static str, usize, usize, String)> {
    core_support::findings(text)
        .iter()
        .map(|f| describe(text, f))
        .collect()
}

fn describe(text: &str, f: &Finding) -> (&'static str, usize, usize, String) {
    let before = &text[..f.span.start];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count());
    (f.rule.code(), line, col, f.message.zh.clone())
}

/// The example with line `n` (1-based) replaced.
fn with_line(n: usize, replacement: &str) -> String {
    let mut lines: Vec<&str> = EXAMPLE.split('\n').collect();
    lines[n - 1] = replacement;
    lines.join("\n")
}

fn without_lines(from: usize, to: usize) -> String {
    let lines: Vec<&str> = EXAMPLE.split('\n').collect();
    [&lines[..from - 1], &lines[to..]].concat().join("\n")
}

/// The findings a text has beyond the example's own two label warnings.
fn new_findings(text: &str) -> Vec<(&'static str, usize, usize, String)> {
    findings(text)
        .into_iter()
        .filter(|f| f.0 != "label/nonstandard")
        .collect()
}

#[test]
fn the_example_has_exactly_its_two_label_typos() {
    let got = findings(EXAMPLE);
    assert_eq!(got.len(), 2, "{got:#?}");
    // Each covers 预期, the two characters that differ from the template (after `1.申请人无正当理由`
    // and `2.申请人`).
    assert_eq!(
        (got[0].0, got[0].1, got[0].2),
        ("label/nonstandard", 249, 10)
    );
    assert_eq!(
        (got[1].0, got[1].1, got[1].2),
        ("label/nonstandard", 258, 5)
    );
    assert!(
        got[0].3.contains("1.申请人无正当理由逾期不补正"),
        "{}",
        got[0].3
    );
}

#[test]
fn label_fix_replaces_only_the_characters_that_differ() {
    let fixes: Vec<_> = core_support::findings(EXAMPLE)
        .into_iter()
        .filter_map(|f| f.fix)
        .collect();
    assert!(
        fixes
            .iter()
            .all(|f| &EXAMPLE[f.span.clone()] == "预期" && f.replacement == "逾期"),
        "{fixes:?}"
    );
    let mut text = EXAMPLE.to_string();
    for fix in fixes.iter().rev() {
        text.replace_range(fix.span.clone(), &fix.replacement);
    }
    assert_eq!(text, EXAMPLE.replace("预期", "逾期"));
    assert!(findings(&text).is_empty());
}

#[test]
fn row_total_and_intake_outcome() {
    let got = new_findings(&with_line(65, "9 |"));
    assert_eq!(got.len(), 2, "{got:#?}");
    assert_eq!((got[0].0, got[0].1, got[0].2), ("balance/row-total", 71, 0));
    assert!(
        got[0]
            .3
            .contains("总计应为 9（= 9 + 0 + 0 + 0 + 0 + 0），实为 8"),
        "{}",
        got[0].3
    );
    assert_eq!(
        (got[1].0, got[1].1, got[1].2),
        ("balance/intake-outcome", 286, 0)
    );
    assert!(
        got[1].3.contains("应为 2（= 9 + 0 − 7），实为 1"),
        "{}",
        got[1].3
    );
}

#[test]
fn result_total() {
    // （七）总计 自然人 7 → 6: the column sum says 7, the row sum says 6 + … = 6 ≠ 7, and 一 + 二 ≠ 6 + 1.
    let got = new_findings(&with_line(277, "6 |"));
    let codes: Vec<_> = got.iter().map(|g| (g.0, g.1)).collect();
    assert_eq!(
        codes,
        vec![
            ("balance/result-total", 277),
            ("balance/row-total", 283),
            ("balance/intake-outcome", 286)
        ],
        "{got:#?}"
    );
    assert!(
        got[0].3.contains("（七）总计应为 7（= 7 + 0 + 0"),
        "{}",
        got[0].3
    );
    assert!(got[0].3.ends_with("实为 6"), "{}", got[0].3);
}

#[test]
fn review_and_litigation_totals() {
    // The prose says 均未产生行政复议和诉讼, so a non-zero total also contradicts the text (line 5).
    let got = new_findings(&with_line(320, "1 |"));
    let codes: Vec<_> = got.iter().map(|g| (g.0, g.1)).collect();
    assert_eq!(
        codes,
        vec![("narrative/mismatch", 5), ("balance/review-total", 320)],
        "{got:#?}"
    );
    assert_eq!(got[1].3, "行政复议总计应为 0（= 0 + 0 + 0 + 0），实为 1");
    assert_eq!(got[0].3, "正文为 0，而表四行政复议总计为 1");
    let got = new_findings(&with_line(325, "2 |"));
    let codes: Vec<_> = got.iter().map(|g| (g.0, g.1)).collect();
    assert_eq!(
        codes,
        vec![("narrative/mismatch", 5), ("balance/litigation-total", 325)],
        "{got:#?}"
    );
    assert_eq!(
        got[1].3,
        "未经复议直接起诉总计应为 0（= 0 + 0 + 0 + 0），实为 2"
    );
    let got = new_findings(&with_line(330, "3 |"));
    assert_eq!(
        (got[1].0, got[1].1, got.len()),
        ("balance/litigation-total", 330, 2),
        "{got:#?}"
    );
    assert!(got[1].3.contains("复议后起诉总计应为 0") && got[1].3.ends_with("实为 3"));
}

#[test]
fn a_title_without_sections_or_tables_is_no_report() {
    // A web page's header repeats the title far above the report: one report, not two.
    let header = "某局2024年政府信息公开工作年度报告\n字号：大 中 小\n发布时间：2025-01-20\n";
    let filler = "分享到：\n".repeat(30);
    let text = format!("{header}{filler}某局2024年政府信息公开工作年度报告\n{EXAMPLE}");
    let checked = ogi_lsp::analysis::check(&text);
    assert_eq!(checked.reports, 1);
    assert_eq!(checked.findings.len(), 2, "{:?}", checked.findings);
    let alone = ogi_lsp::analysis::check("某局2024年政府信息公开工作年度报告\n本页无内容。\n");
    assert_eq!((alone.reports, alone.findings.len()), (0, 0));
}

#[test]
fn missing_section() {
    let got = new_findings(&with_line(331, "本部分从略"));
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!((got[0].0, got[0].1), ("structure/missing-section", 2));
    assert!(got[0].3.contains("五、存在的主要问题及改进情况"));
}

#[test]
fn missing_row_points_at_the_next_row() {
    // 2.重复申请 and its seven values.
    let got = new_findings(&without_lines(212, 220));
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].0, "structure/missing-row");
    assert!(got[0].3.contains("2.重复申请"));
    // Lines shift by 9 after the removal: 3.要求提供公开出版物 was at 221.
    assert_eq!(got[0].1, 221 - 9);
}

#[test]
fn cell_count() {
    // 二、上年结转 loses one of its seven values (its row ends with `||`, a merged cell, not a blank).
    let got = new_findings(&without_lines(74, 74));
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(
        got.iter().any(|g| g.0 == "structure/cell-count"
            && g.1 == 73
            && g.3.contains("应有 7 个数值单元格，实有 6 个")),
        "{got:#?}"
    );
}

#[test]
fn duplicate_row_and_order() {
    let lines: Vec<&str> = EXAMPLE.split('\n').collect();
    // Repeat 一、本年新收 (label + 7 values) after 二、上年结转.
    let mut out: Vec<&str> = lines[..81].to_vec();
    out.extend_from_slice(&lines[63..71]);
    out.extend_from_slice(&lines[81..]);
    let got = new_findings(&out.join("\n"));
    assert!(
        got.iter()
            .any(|g| g.0 == "structure/duplicate-row" && g.1 == 82),
        "{got:#?}"
    );
}

#[test]
fn rows_out_of_order() {
    let lines: Vec<&str> = EXAMPLE.split('\n').collect();
    // Move 二、上年结转 (label + 7 values, lines 73–80) before 一、本年新收 (line 64).
    let mut out: Vec<&str> = lines[..63].to_vec();
    out.extend_from_slice(&lines[72..80]);
    out.extend_from_slice(&lines[63..72]);
    out.extend_from_slice(&lines[80..]);
    let got = new_findings(&out.join("\n"));
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!((got[0].0, got[0].1), ("structure/order", 72));
}

#[test]
fn value_rules() {
    let got = new_findings(&with_line(66, "八 |"));
    assert_eq!(
        (got[0].0, got[0].1, got[0].2),
        ("value/not-a-number", 66, 0),
        "{got:#?}"
    );
    let got = new_findings(&with_line(66, "1.5 |"));
    assert_eq!(
        (got[0].0, got[0].1, got[0].2),
        ("value/not-integer", 66, 0),
        "{got:#?}"
    );
    assert!(
        got[0].3.contains("商业企业") && got[0].3.contains("1.5"),
        "{}",
        got[0].3
    );
    let got = new_findings(&with_line(66, "-1 |"));
    assert!(
        got.iter().any(|g| g.0 == "value/negative" && g.1 == 66),
        "{got:#?}"
    );
    // A placeholder is reported once, and the equations that need it are skipped.
    let got = new_findings(&with_line(66, "— |"));
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!((got[0].0, got[0].1), ("value/missing", 66));
}

#[test]
fn narrative_mismatch() {
    let text = EXAMPLE.replace(
        "全年共受理政府信息公开申请8件",
        "全年共受理政府信息公开申请9件",
    );
    let got = new_findings(&text);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].0, "narrative/mismatch");
    assert_eq!(got[0].1, 5);
    assert!(
        got[0].3.contains("正文为 9") && got[0].3.contains("为 8"),
        "{}",
        got[0].3
    );
    let line = EXAMPLE.split('\n').nth(4).unwrap_or("");
    assert_eq!(got[0].2, line.chars().take_while(|&c| c != '8').count());
}

#[test]
fn inline_suppression_covers_the_next_table() {
    let text = with_line(65, "9 |").replacen(
        "三、收到和处理政府信息公开申请情况",
        "三、收到和处理政府信息公开申请情况\n<!-- ogi-disable balance/row-total -->",
        1,
    );
    let got = new_findings(&text);
    assert_eq!(
        got.iter().map(|g| g.0).collect::<Vec<_>>(),
        vec!["balance/intake-outcome"],
        "{got:#?}"
    );
}

#[test]
fn three_reports_in_one_file_are_checked_one_by_one() {
    let title = |n: u32| format!("某局{n}政府信息公开工作年度报告\n");
    let broken = with_line(65, "9 |");
    let text = format!(
        "{}{}{}{}{}{}",
        title(1),
        EXAMPLE,
        title(2),
        broken,
        title(3),
        EXAMPLE
    );
    let reports = analyze(&text);
    assert_eq!(reports.len(), 3);
    let findings = core_support::findings(&text);
    let balance: Vec<_> = findings
        .iter()
        .filter(|f| f.rule.code() == "balance/row-total")
        .collect();
    assert_eq!(balance.len(), 1);
    // The second report's segment ends where the third begins.
    assert!(reports[1].offset <= balance[0].span.start && balance[0].span.end <= reports[2].offset);
    assert_eq!(
        findings
            .iter()
            .filter(|f| f.rule.code() == "label/nonstandard")
            .count(),
        6
    );
}

#[test]
fn a_document_without_landmarks_is_no_report() {
    assert!(analyze("# README\n\n| a | b |\n| - | - |\n| 1 | 2 |\n").is_empty());
}

#[test]
fn unknown_statute_references() {
    let text = EXAMPLE.replace(
        "均未产生行政复议和诉讼。",
        "均未产生行政复议和诉讼，依据《条例》第六十条、第二十条第（十六）项处理。",
    );
    let got = new_findings(&text);
    let codes: Vec<_> = got.iter().map(|g| (g.0, g.1)).collect();
    assert_eq!(
        codes,
        vec![
            ("statute/unknown-reference", 5),
            ("statute/unknown-reference", 5)
        ],
        "{got:#?}"
    );
    let line = text.split('\n').nth(4).unwrap_or("");
    assert_eq!(got[0].2, line.chars().take_while(|&c| c != '《').count());
    assert!(got[0].3.contains("56"), "{}", got[0].3);
    assert!(got[1].3.contains("15 项"), "{}", got[1].3);
}

#[test]
fn the_batch_check_equals_the_full_analysis() {
    let broken = with_line(65, "9 |");
    let text = format!(
        "\u{FEFF}某局政府信息公开工作年度报告\n{EXAMPLE}某局政府信息公开工作年度报告\n{broken}"
    );
    let checked = ogi_lsp::analysis::check(&text);
    let reports = analyze(&text);
    assert_eq!(checked.reports, reports.len());
    assert_eq!(checked.reports, 2);
    let full: Vec<_> = reports
        .iter()
        .flat_map(|r| {
            r.analysis
                .findings
                .iter()
                .map(|f| f.in_document(ogi_lsp::analysis::Frame::report(r.offset)))
        })
        .collect();
    assert_eq!(checked.findings, full);
    assert_eq!(checked.findings.len(), 6);
}

#[test]
fn a_row_of_a_thousand_extra_cells_names_sixteen_and_then_the_rest() {
    // 二、上年结转 (line 73) with its seven values and a thousand more.
    let lines: Vec<&str> = EXAMPLE.split('\n').collect();
    let mut out: Vec<&str> = lines[..80].to_vec();
    out.extend(std::iter::repeat_n("5 |", 1000));
    out.extend_from_slice(&lines[80..]);
    let text = out.join("\n");
    let all = core_support::findings(&text);
    let count: Vec<_> = all
        .iter()
        .filter(|f| f.rule.code() == "structure/cell-count")
        .collect();
    assert_eq!(count.len(), 1, "{all:#?}");
    assert!(
        count[0]
            .message
            .zh
            .contains("应有 7 个数值单元格，实有 1007 个")
    );
    let related = &count[0].related;
    assert_eq!(related.len(), 17);
    assert!(related[..16].iter().all(|r| r.message.zh == "多出的单元格"));
    // The first sixteen extra cells are lines 81–96; the rest run from line 97 to line 1080.
    let line = |at: usize| text[..at].matches('\n').count() + 1;
    assert_eq!(line(related[0].span.start), 81);
    assert_eq!(line(related[15].span.start), 96);
    assert_eq!(related[16].message.zh, "其余 984 个多出的单元格");
    assert_eq!(
        (line(related[16].span.start), line(related[16].span.end)),
        (97, 1080)
    );
}
