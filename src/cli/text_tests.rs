use super::*;
use crate::analysis::{Finding, Message, Related, Rule};
use crate::cli::check::{Options, place_all};

fn snippet(line: &str, start: usize, end: usize) -> (String, usize, usize) {
    let s = Snippet::new(line, start, end);
    (s.line, s.caret_col, s.caret_width)
}

#[test]
fn han_characters_are_two_columns_wide() {
    let line = "1.申请人无正当理由预期不补正";
    // 预期 is characters 10..12, after "1." (2 columns) and eight Han characters (16 columns).
    assert_eq!(snippet(line, 10, 12), (line.to_string(), 18, 4));
}

#[test]
fn tabs_expand_and_control_characters_are_masked() {
    assert_eq!(snippet("\t预期", 1, 3), ("    预期".to_string(), 4, 4));
    assert_eq!(
        snippet("a\x1b[31mb", 6, 7),
        ("a\u{FFFD}[31mb".to_string(), 6, 1)
    );
}

#[test]
fn an_empty_range_still_gets_one_caret_and_end_past_the_line_means_its_end() {
    assert_eq!(snippet("总计 |", 2, 2), ("总计 |".to_string(), 4, 1));
    assert_eq!(
        snippet("总计 |", 0, usize::MAX),
        ("总计 |".to_string(), 0, 6)
    );
}

#[test]
fn long_lines_are_cut_to_a_window_around_the_range() {
    let line = format!("{}预期{}", "a".repeat(500), "b".repeat(500));
    let (text, col, width) = snippet(&line, 500, 502);
    assert!(text.starts_with('…') && text.ends_with('…'), "{text}");
    assert_eq!(text.chars().filter(|&c| c == 'a').count(), CONTEXT_BEFORE);
    assert_eq!(col, 1 + CONTEXT_BEFORE);
    assert_eq!(width, 4);
    assert!(text.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>() <= MAX_LINE_WIDTH + 2);
    assert_eq!(
        text[text.find('预').unwrap()..]
            .chars()
            .take(2)
            .collect::<String>(),
        "预期"
    );
}

#[test]
fn a_snippet_found_from_its_range_is_the_snippet_found_from_the_line_start() {
    let line = format!("{}预𠀀期\t{}x", "a".repeat(60), "长".repeat(200));
    for (start, (byte, _)) in line.char_indices().enumerate() {
        for end in [start, start + 2, usize::MAX] {
            assert_eq!(
                Snippet::at(&line, byte, start, end),
                Snippet::new(&line, start, end),
                "start {start}, end {end}"
            );
        }
    }
    assert_eq!(Snippet::at("预期", 99, 9, 9), Snippet::new("预期", 9, 9));
}

#[test]
fn thousands_of_findings_on_one_long_line_are_each_placed_and_cut() {
    let citation = "第六十条，";
    let line = citation.repeat(20_000);
    let findings = line.match_indices(citation).map(|(i, _)| {
        Finding::new(
            Rule::UnknownReference,
            i..i + 12,
            Message::new("无此条", "no such article"),
        )
    });
    let placed = place_all(&line, findings, &Options::default());
    assert_eq!(placed.len(), 20_000);
    let last = &placed[19_999];
    assert_eq!(
        (last.region.start.utf16, last.region.end.utf16),
        (99_995, 99_999)
    );
    assert!(last.snippet.line.starts_with('…') && last.snippet.line.contains("第六十条"));
}

const REPORT: &str =
    "（七）总计 |\n7 |\n四、结转下年度继续办理 |\n2.申请人预期未按收费通知要求缴纳费用 |\n";

fn diagnostics(locale: Locale) -> Vec<Diagnostic> {
    let label = REPORT.find("预期").unwrap();
    let total = REPORT.find('7').unwrap();
    let findings = vec![
        Finding::new(
            Rule::Nonstandard,
            label..label + "预期".len(),
            Message::new("应为“逾期”", "should be 逾期"),
        ),
        Finding::new(
            Rule::ResultTotal,
            total..total + 1,
            Message::new("总计应为 8（= 7 + 1），实为 7", "total should be 8"),
        )
        .with_related(vec![Related {
            span: 0..3,
            message: Message::new("加数", "addend"),
        }]),
    ];
    place_all(
        REPORT,
        findings,
        &Options {
            locale,
            ..Options::default()
        },
    )
}

#[test]
fn render_shows_location_source_line_caret_notes_and_summary() {
    let file = FileReport {
        name: "r.txt".into(),
        reports: 1,
        diagnostics: diagnostics(Locale::Zh),
        ledgers: Vec::new(),
    };
    let summary = Summary::new(std::slice::from_ref(&file), 0);
    let out = render(&[file], &summary, Locale::Zh, false);
    let expected = "\
r.txt:2:1: error[balance/result-total]: 总计应为 8（= 7 + 1），实为 7
  |
2 | 7 |
  | ^
  = note: r.txt:1:1: 加数

r.txt:4:6: warning[label/nonstandard]: 应为“逾期”
  |
4 | 2.申请人预期未按收费通知要求缴纳费用 |
  |         ^^^^

共检查 1 个文件（1 份报告）：1 个错误，1 个警告
";
    assert_eq!(out, expected);
}

#[test]
fn english_summary_and_colour() {
    let file = FileReport {
        name: "r.txt".into(),
        reports: 1,
        diagnostics: diagnostics(Locale::En),
        ledgers: Vec::new(),
    };
    let summary = Summary {
        failures: 2,
        ..Summary::new(std::slice::from_ref(&file), 0)
    };
    let out = render(&[file], &summary, Locale::En, true);
    assert!(
        out.contains("\x1b[1;31merror[balance/result-total]\x1b[0m: total should be 8"),
        "{out}"
    );
    assert!(out.contains("\x1b[1;33m^^^^\x1b[0m"), "{out}");
    assert!(
        out.ends_with(
            "checked 1 file (1 report): 1 error, 1 warning; 2 files could not be read\x1b[0m\n"
        ),
        "{out}"
    );
}

#[test]
fn a_range_deep_in_a_huge_line_is_shown_with_the_same_window() {
    let line = format!("{}预期{}", "字".repeat(200_000), "b".repeat(200_000));
    let (text, col, width) = snippet(&line, 200_000, 200_002);
    // 40 columns of context before the range: twenty Han characters.
    assert_eq!(text, format!("…{}预期{}…", "字".repeat(20), "b".repeat(76)));
    assert_eq!((col, width), (41, 4));
}
