//! The 2019 trial format (SPEC R10, reference/report-format-2019.md). The example report re-laid as a
//! 2020 report in the trial format (L1, like the example) is checked against the trial template and
//! gives no finding — a negative 本年增/减 and a 采购总金额 with a unit included; the same tables
//! under a 2022 title give one `structure/superseded-format` per table that differs (表二 and 表三;
//! 表四 is the same in both formats) and nothing else; a broken total is computed with the trial
//! format's single （六）其他处理 row as one addend.
//!
//! Decided here: which template applies follows the report's year *and* its tables. A 2020 report
//! whose tables are clearly the 2021 format (the genuine example under a 2020 title) is checked
//! against the 2021 format, without any finding about the format: it gives exactly the example's own
//! two 预期 warnings.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

mod core_support;

use std::ops::Range;

use ogi_lsp::analysis::{Finding, Severity};

const EXAMPLE: &str = include_str!("fixtures/dongsheng-2024.txt");
const AGENCY: &str = "东胜区行政审批政务服务与数据管理局";

fn title(year: u32) -> String {
    format!("{AGENCY}{year}年政府信息公开工作年度报告")
}

/// 表二 in the trial format, flattened like the example's: five sub-tables under 第二十条第(X)项,
/// each with 信息内容 and its columns, then its rows. 本年增/减 may be negative; 采购总金额 has a unit.
const ACTIVE_2019: &[&str] = &[
    "第二十条第(一)项 |",
    "|||",
    "信息内容 |",
    "本年新制作数量 |",
    "本年新公开数量 |",
    "对外公开总数量 |",
    "规章 |",
    "0 |",
    "0 |",
    "0 |",
    "规范性文件 |",
    "2 |",
    "2 |",
    "15 |",
    "第二十条第(五)项 |",
    "|||",
    "信息内容 |",
    "上一年项目数量 |",
    "本年增/减 |",
    "处理决定数量 |",
    "行政许可 |",
    "312 |",
    "-3 |",
    "52425 |",
    "其他对外管理服务事项 |",
    "45 |",
    "2 |",
    "1830 |",
    "第二十条第(六)项 |",
    "|||",
    "信息内容 |",
    "上一年项目数量 |",
    "本年增/减 |",
    "处理决定数量 |",
    "行政处罚 |",
    "0 |",
    "0 |",
    "0 |",
    "行政强制 |",
    "0 |",
    "0 |",
    "0 |",
    "第二十条第(八)项 |",
    "|||",
    "信息内容 |",
    "上一年项目数量 |",
    "本年增/减 |",
    "||",
    "行政事业性收费 |",
    "0 |",
    "0 |",
    "||",
    "第二十条第(九)项 |",
    "|||",
    "信息内容 |",
    "采购项目数量 |",
    "采购总金额 |",
    "||",
    "政府集中采购 |",
    "3 |",
    "251000元 |",
    "||",
];

const HEADING_FIVE_2021: &str = "五、存在的主要问题及改进情况";
const HEADING_FIVE_2019: &str = "五、政府信息公开工作存在的主要问题及改进情况";

/// The example as a report for `year` in the trial format, in L1: a title line; 表二's five trial
/// sub-tables; 表三 with （六）其他处理 as one row holding the sums of the example's three （六） rows;
/// 表四 unchanged; section five under the trial wording; the prose's year moved to 2020.
fn trial_report(year: u32) -> String {
    let lines: Vec<&str> = EXAMPLE.split('\n').collect();
    let at = |l: &str| {
        lines
            .iter()
            .position(|x| *x == l)
            .unwrap_or_else(|| panic!("the example has no line {l:?}"))
    };
    let active = at("第二十条第(一)项 |");
    let requests = at("三、收到和处理政府信息公开申请情况");
    let other = at("(六)其他处理 |");
    let total = at("(七)总计 |");
    // The three sub-rows' values, in reading order: seven per row.
    let values: Vec<u64> = lines[other..total]
        .iter()
        .filter_map(|l| l.strip_suffix(" |")?.parse().ok())
        .collect();
    assert_eq!(values.len(), 21, "three （六） sub-rows of seven cells");
    let sums: Vec<String> = (0..7)
        .map(|c| format!("{} |", values[c] + values[c + 7] + values[c + 14]))
        .collect();

    let mut out: Vec<String> = vec![title(year)];
    // The example's first line is empty (it has no title): the title takes its place.
    out.extend(lines[1..active].iter().map(|l| l.to_string()));
    out.extend(ACTIVE_2019.iter().map(|l| l.to_string()));
    out.extend(lines[requests..other].iter().map(|l| l.to_string()));
    out.push("(六)其他处理 |".to_owned());
    out.extend(sums);
    out.push("||".to_owned());
    out.extend(lines[total..].iter().map(|l| l.to_string()));
    out.into_iter()
        .map(|l| {
            if l == HEADING_FIVE_2021 {
                HEADING_FIVE_2019.to_owned()
            } else if l.starts_with(AGENCY) && l.ends_with("年度报告") {
                l
            } else {
                l.replace("2024年", "2020年")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Byte range of the first line equal to `line`.
fn line_range(text: &str, line: &str) -> Range<usize> {
    let mut start = 0;
    for l in text.split('\n') {
        if l == line {
            return start..start + l.len();
        }
        start += l.len() + 1;
    }
    panic!("no line {line:?}");
}

/// Byte range of the `n`-th line (0-based) after the first line equal to `line`.
fn line_after(text: &str, line: &str, n: usize) -> Range<usize> {
    let at = line_range(text, line).end + 1;
    let rest = &text[at..];
    let start = at
        + rest
            .split('\n')
            .take(n - 1)
            .map(|l| l.len() + 1)
            .sum::<usize>();
    let len = text[start..].split('\n').next().map_or(0, str::len);
    start..start + len
}

fn within(span: &Range<usize>, range: &Range<usize>) -> bool {
    range.start <= span.start && span.end <= range.end
}

/// `code @ line "text": message`, 1-based line.
fn show(text: &str, f: &Finding) -> String {
    let line = text[..f.span.start.min(text.len())].matches('\n').count() + 1;
    format!(
        "{} @ {line} {:?}: {}",
        f.rule.code(),
        text.get(f.span.clone()).unwrap_or("<bad span>"),
        f.message.zh
    )
}

#[test]
fn the_generator_lays_out_the_trial_format() {
    // Holds whatever the reader does: the fixture this file checks is what the header says.
    let text = trial_report(2020);
    let lines: Vec<&str> = text.split('\n').collect();
    assert_eq!(
        lines[0],
        "东胜区行政审批政务服务与数据管理局2020年政府信息公开工作年度报告"
    );
    assert_eq!(lines[1], "一、总体情况");
    for line in [
        "第二十条第(九)项 |",
        "规范性文件 |",
        "-3 |",
        "251000元 |",
        HEADING_FIVE_2019,
        "四、政府信息公开行政复议、行政诉讼情况",
    ] {
        assert!(lines.contains(&line), "{line}");
    }
    assert!(!text.contains("行政规范性文件"));
    assert!(!text.contains("本年制发件数"));
    assert!(!text.contains("1.申请人"));
    assert!(!text.contains("2024年"));
    assert!(text.contains("全年共受理政府信息公开申请8件"));
    let other = lines
        .iter()
        .position(|l| *l == "(六)其他处理 |")
        .unwrap_or(0);
    assert_eq!(
        &lines[other..other + 10],
        [
            "(六)其他处理 |",
            "0 |",
            "0 |",
            "0 |",
            "0 |",
            "0 |",
            "0 |",
            "0 |",
            "||",
            "(七)总计 |"
        ]
    );
    // 表四 and the rest of 表三 are the example's, cell for cell.
    let tail = |t: &str| -> String {
        let from = t.find("(七)总计 |").unwrap_or(0);
        t[from..]
            .replace(HEADING_FIVE_2019, HEADING_FIVE_2021)
            .replace("2020年", "2024年")
    };
    assert_eq!(tail(&text), tail(EXAMPLE));
    assert_eq!(
        trial_report(2022),
        text.replacen("2020年政府", "2022年政府", 1)
    );
}

#[test]
fn a_2020_report_in_the_trial_format_gives_no_finding() {
    let text = trial_report(2020);
    let got: Vec<_> = core_support::findings(&text)
        .iter()
        .map(|f| show(&text, f))
        .collect();
    assert!(got.is_empty(), "{got:#?}");
}

#[test]
fn a_2022_report_in_the_trial_format_gets_one_superseded_finding_per_table() {
    let text = trial_report(2022);
    let mut findings = core_support::findings(&text);
    findings.sort_by_key(|f| f.span.start);
    let got: Vec<_> = findings.iter().map(|f| show(&text, f)).collect();
    assert_eq!(findings.len(), 2, "{got:#?}");
    // 表二: its heading, its first anchor, its first differing column or row.
    let active = [
        "二、主动公开政府信息情况",
        "第二十条第(一)项 |",
        "本年新制作数量 |",
        "规范性文件 |",
    ];
    // 表三: its heading, the note that anchors it, its first differing row.
    let requests = [
        "三、收到和处理政府信息公开申请情况",
        "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |",
        "(六)其他处理 |",
    ];
    for (f, places, table) in [
        (&findings[0], &active[..], "表二"),
        (&findings[1], &requests[..], "表三"),
    ] {
        assert_eq!(f.rule.code(), "structure/superseded-format", "{got:#?}");
        assert_eq!(f.severity, Severity::Warning, "{got:#?}");
        assert!(
            places
                .iter()
                .any(|p| within(&f.span, &line_range(&text, p))),
            "the {table} finding is not at the table's anchor or first differing row: {got:#?}"
        );
    }
}

#[test]
fn a_broken_total_is_computed_with_the_single_other_row() {
    // （七）总计 自然人 7 → 8. Its column sum (with （六）其他处理 as one addend) is 7; its own row now
    // sums to 8 against a 总计 of 7 (balance/row-total, SPEC §3 "every row"); and 一 + 二 = 8 is no
    // longer 三（七）+ 四 = 8 + 1.
    let mut text = trial_report(2020);
    let cell = line_after(&text, "(七)总计 |", 1);
    assert_eq!(&text[cell.clone()], "7 |");
    text.replace_range(cell.start..cell.start + 1, "8");

    let findings = core_support::findings(&text);
    let got: Vec<_> = findings.iter().map(|f| show(&text, f)).collect();
    let mut sorted: Vec<&Finding> = findings.iter().collect();
    sorted.sort_by_key(|f| f.span.start);
    let codes: Vec<_> = sorted.iter().map(|f| f.rule.code()).collect();
    assert_eq!(
        codes,
        [
            "balance/result-total",
            "balance/row-total",
            "balance/intake-outcome"
        ],
        "{got:#?}"
    );
    let (result, row, intake) = (sorted[0], sorted[1], sorted[2]);
    assert_eq!(result.span, cell.start..cell.start + 1, "{got:#?}");
    assert!(
        result.message.zh.contains("应为 7") && result.message.zh.contains("实为 8"),
        "{}",
        result.message.zh
    );
    // The addends: （一）, （二）, （三）1–8, （四）1–3, （五）1–5 and the one （六）其他处理.
    assert_eq!(result.related.len(), 19, "{:#?}", result.related);
    let other = line_after(&text, "(六)其他处理 |", 1);
    assert!(
        result.related.iter().any(|r| within(&r.span, &other)),
        "（六）其他处理 自然人 is an addend: {:#?}",
        result.related
    );
    assert!(
        within(&row.span, &line_after(&text, "(七)总计 |", 7)),
        "{got:#?}"
    );
    assert!(
        within(
            &intake.span,
            &line_after(&text, "四、结转下年度继续办理 |", 1)
        ),
        "{got:#?}"
    );
    assert!(
        intake.message.zh.contains("应为 0") && intake.message.zh.contains("实为 1"),
        "{}",
        intake.message.zh
    );
}

#[test]
fn a_2020_report_in_the_2021_format_is_checked_against_the_2021_format() {
    // The example's first line is empty: the title takes its place, and every line keeps its number.
    let title = title(2020);
    let text = format!("{title}{EXAMPLE}");
    let shifted: Vec<_> = core_support::findings(EXAMPLE)
        .into_iter()
        .map(|f| (f.rule.code(), f.span.start + title.len(), f.message.zh))
        .collect();
    let got: Vec<_> = core_support::findings(&text)
        .into_iter()
        .map(|f| (f.rule.code(), f.span.start, f.message.zh))
        .collect();
    assert_eq!(got, shifted);
    let codes: Vec<_> = got.iter().map(|g| g.0).collect();
    assert_eq!(codes, ["label/nonstandard", "label/nonstandard"]);
}

#[test]
fn the_table_view_follows_the_trial_template() {
    use ogi_lsp::analysis::facts::{CellStatus, tables};
    use ogi_lsp::analysis::{analyze_report, report_texts};
    let text = trial_report(2020);
    let (_, report) = report_texts(&text).next().expect("one report");
    let views = tables(report, &analyze_report(report));
    let active = &views[0];
    let captions: Vec<&str> = active.blocks.iter().filter_map(|b| b.caption).collect();
    assert_eq!(captions.len(), 5);
    assert_eq!(captions[4], "第二十条第（九）项");
    let licence = &active.blocks[1].rows[0];
    assert_eq!(licence.label, "行政许可");
    let written: Vec<&str> = licence.cells.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(written, vec!["312", "-3", "52425"]);
    // 本年增/减 and 采购总金额 are free columns: shown as written, never marked.
    let purchase = &active.blocks[4].rows[0].cells[1];
    assert_eq!(
        (purchase.text.as_str(), purchase.status),
        ("251000元", CellStatus::Fine)
    );
    // 表三 has （六）其他处理 as one row under 三、本年度办理结果 (20 rows in the trial template).
    let requests = &views[1].blocks[0];
    assert_eq!(requests.rows.len(), 23);
    assert_eq!(requests.rows[2].groups[0].rows, 20);
    let other = requests
        .rows
        .iter()
        .find(|r| r.label == "（六）其他处理")
        .expect("the single other row");
    assert!(other.groups.is_empty());
    assert_eq!(other.label_columns, 2);
    assert!(views.iter().flat_map(|t| &t.equations).all(|e| e.holds));
}
