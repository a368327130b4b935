use super::*;
use crate::analysis::Locale;
use crate::analysis::facts::{CompletionFact, CompletionKind, complete};
use crate::analysis::model::Value;
use crate::template::{Format, ROWS};

/// The completion items at the cursor, best first, with the text each would replace.
fn check(fixture: &str) -> (Vec<CompletionFact>, Vec<String>) {
    let (text, analysis, offset) = with_cursor(fixture);
    let items = complete(&text, &analysis, offset, Locale::Zh);
    let replaced = items
        .iter()
        .map(|c| text[c.replace.clone()].to_string())
        .collect();
    (items, replaced)
}

fn labels(items: &[CompletionFact]) -> Vec<&str> {
    items.iter().map(|c| c.label.as_str()).collect()
}

/// The example with an empty line (holding `typed` and the cursor) before the `nth` `needle`.
fn typed_before(needle: &str, nth: usize, typed: &str) -> String {
    example_at(needle, nth).replacen("$0", &format!("{typed}$0\n"), 1)
}

#[test]
fn pinyin_initials_typed_inside_the_requests_table_find_withheld() {
    let (items, replaced) = check(&typed_before("(四)无法提供", 0, "bygk"));
    let found = items
        .iter()
        .position(|c| c.label.contains("不予公开"))
        .expect("不予公开 offered");
    assert_eq!(items[found].label, "（三）不予公开");
    assert_eq!(items[found].detail, "《条例》第三十六条第（三）项（推断）");
    assert!(items[found].filter_text.contains("bygk buyugongkai"));
    assert_eq!(items[found].kind, CompletionKind::Label);
    assert!(!items[found].is_snippet);
    assert_eq!(replaced[found], "bygk");
    let doc = items[found].documentation.as_deref().unwrap_or_default();
    assert!(doc.contains("推断，非官方对应"), "{doc}");
}

#[test]
fn the_next_expected_row_comes_first() {
    // After (二)部分公开 the template goes on with （三）不予公开 1.属于国家秘密.
    let (items, _) = check(&typed_before("(三)不予公开", 0, ""));
    assert_eq!(labels(&items)[..2], ["1.属于国家秘密", "（三）不予公开"]);
    assert_eq!((items[0].rank, items[1].rank), (0, 1));
    // A table being written from scratch: after the first row, the second.
    let fresh = "一、总体情况\n概况。\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n$0\n";
    let (items, _) = check(fresh);
    assert_eq!(items[0].label, "二、上年结转政府信息公开申请数量");
    assert_eq!(
        items[0].detail,
        "《条例》第三十三条第二款；第三十条（推断）"
    );
    // Rows the report already has sort after those it lacks.
    let first_row = items
        .iter()
        .find(|c| c.label == "一、本年新收政府信息公开申请数量")
        .map(|c| c.rank);
    let last_row = items
        .iter()
        .find(|c| c.label == "四、结转下年度继续办理")
        .map(|c| c.rank);
    assert!(first_row > last_row, "{first_row:?} {last_row:?}");
}

#[test]
fn chinese_typed_in_a_pipe_cell_is_what_the_item_replaces() {
    let l2 = report_text(EXAMPLE_L2);
    let fixture = mark(&l2, "| 四、结转下年度继续办理", 0).replacen(
        "$0",
        "| 三、本年度办理结果 | （三）不予$0\n",
        1,
    );
    let (items, replaced) = check(&fixture);
    let found = items
        .iter()
        .position(|c| c.label == "（三）不予公开")
        .expect("offered");
    assert_eq!(replaced[found], "（三）不予");
    // Not at a line start: no section headings, no snippets.
    assert!(items.iter().all(|c| c.kind == CompletionKind::Label));
}

#[test]
fn inside_the_active_table_the_anchors_come_with_their_rows() {
    let (items, replaced) = check(&typed_before("第二十条第(六)项", 0, "xzcf"));
    assert_eq!(items[0].label, "第二十条第（六）项");
    assert_eq!(items[0].kind, CompletionKind::Anchor);
    assert_eq!(items[0].detail, "《条例》第二十条第（六）项");
    assert!(
        items[0]
            .filter_text
            .contains("行政处罚 xzcf xingzhengchufa")
    );
    assert_eq!(replaced[0], "xzcf");
    let anchors = items
        .iter()
        .filter(|c| c.kind == CompletionKind::Anchor)
        .count();
    assert_eq!(anchors, 4);
    assert!(labels(&items).contains(&"行政事业性收费"));
}

#[test]
fn section_headings_at_a_line_start_missing_ones_first() {
    let fixture = "一、总体情况\n概况。\n二、主动公开政府信息情况\n无。\n$0\n";
    let (items, _) = check(fixture);
    let sections: Vec<&str> = items
        .iter()
        .filter(|c| c.kind == CompletionKind::Section)
        .map(|c| c.label.as_str())
        .collect();
    assert_eq!(
        sections,
        [
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项",
            "一、总体情况",
            "二、主动公开政府信息情况",
        ]
    );
    // A Markdown document's headings are inserted with its heading marks.
    let l2 = mark(&report_text(EXAMPLE_L2), "## 六、", 0).replacen("$0", "qt$0\n", 1);
    let (items, replaced) = check(&l2);
    let other = items
        .iter()
        .position(|c| c.label == "六、其他需要报告的事项")
        .expect("offered");
    assert_eq!(items[other].insert_text, "## 六、其他需要报告的事项");
    assert_eq!(replaced[other], "qt");
}

#[test]
fn table_snippets_follow_the_document_layout() {
    let (items, _) = check(&typed_before("四、政府信息公开行政复议", 0, ""));
    let requests = items
        .iter()
        .find(|c| c.label == "表三（空白表格）")
        .expect("snippet");
    assert!(requests.is_snippet);
    assert_eq!(requests.kind, CompletionKind::Snippet);
    assert!(
        requests
            .insert_text
            .contains("一、本年新收政府信息公开申请数量 |\n${1} |\n${2} |")
    );
    // In the Requests section its own table comes first among the snippets.
    let first_snippet = items
        .iter()
        .find(|c| c.is_snippet)
        .map(|c| c.label.as_str());
    assert_eq!(first_snippet, Some("表三（空白表格）"));
    let l2 = mark(&report_text(EXAMPLE_L2), "## 四、", 0).replacen("$0", "$0\n", 1);
    let (items, _) = check(&l2);
    let requests = items
        .iter()
        .find(|c| c.label == "表三（空白表格）")
        .expect("snippet");
    assert!(
        requests
            .insert_text
            .contains("| 一、本年新收政府信息公开申请数量 |  | ${1} | ${2} |")
    );
}

/// A snippet with every `${n}` replaced by `n` and every `${n:default}` by its default.
fn expand(snippet: &str) -> String {
    let mut out = String::new();
    let mut rest = snippet;
    while let Some(at) = rest.find("${") {
        out.push_str(&rest[..at]);
        let close = rest[at..]
            .find('}')
            .map(|i| at + i)
            .expect("closed placeholder");
        let body = &rest[at + 2..close];
        out.push_str(body.split_once(':').map_or(body, |(_, default)| default));
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn the_report_skeleton_reads_back_in_every_layout() {
    for (name, document) in [
        ("L1", EXAMPLE),
        ("L2", EXAMPLE_L2),
        ("L3", EXAMPLE_L3),
        ("L4", EXAMPLE_L4),
        ("L5", EXAMPLE_L5),
    ] {
        let fixture = format!("{}$0\n", report_text(document));
        let (items, _) = check(&fixture);
        let skeleton = items
            .iter()
            .find(|c| c.label == "年度报告框架")
            .expect("skeleton");
        let filled = expand(&skeleton.insert_text);
        let analysis = analyze_report(&filled);
        let report = &analysis.report;
        assert_eq!(report.sections.len(), 6, "{name}");
        assert!(report.title.is_some(), "{name}");
        // Placeholders run in reading order: after the title's two and section 一's prose, the
        // template's 200 cells hold 4, 5, 6, … in template order.
        let read: Vec<Option<Value>> = Format::Y2021
            .all_rows()
            .iter()
            .map(|&r| &ROWS[r])
            .flat_map(|row| (0..row.cells).map(move |col| (row.id, col)))
            .map(|(row, col)| report.cell(row, col).map(|c| c.value))
            .collect();
        let expected: Vec<Option<Value>> = (4..204).map(|n| Some(Value::Int(n))).collect();
        assert_eq!(read, expected, "{name}");
        assert!(
            report
                .cells
                .iter()
                .all(|c| matches!(c.value, Value::Int(_))),
            "{name}"
        );
        assert_eq!(report.cells.len(), 200, "{name}");
    }
}

#[test]
fn the_plain_skeleton_reads_back_as_a_blank_report_in_every_layout() {
    use crate::analysis::Rule;
    use crate::analysis::lex::Layout;
    for layout in [
        Layout::Pipe,
        Layout::Flat,
        Layout::Tab,
        Layout::Html,
        Layout::Plain,
    ] {
        let text = crate::analysis::facts::plain_skeleton(layout);
        assert!(!text.contains("${"), "{layout:?}");
        let analysis = analyze_report(&text);
        let report = &analysis.report;
        assert_eq!(report.sections.len(), 6, "{layout:?}");
        assert!(report.title.is_some(), "{layout:?}");
        // 表四's one row has no label: blank, there is nothing to find it by.
        let rows = Format::Y2021.all_rows();
        let labelled = rows.iter().filter(|&&r| !ROWS[r].label.is_empty());
        let missing: Vec<_> = labelled.filter(|&&r| report.row(r).is_none()).collect();
        assert!(missing.is_empty(), "{layout:?}: {missing:?}");
        // Blank tables, and 表四's row not found among blanks: nothing else to say. (Written with
        // spaces, 表三's header words run together and read as a different corner note.)
        let rules: Vec<Rule> = analysis.findings.iter().map(|f| f.rule).collect();
        let expected = |r: &Rule| {
            matches!(r, Rule::Missing | Rule::MissingRow)
                || (layout == Layout::Plain && *r == Rule::Nonstandard)
        };
        assert!(rules.iter().all(expected), "{layout:?}: {rules:?}");
    }
}

#[test]
fn a_trial_format_table_is_completed_with_the_trial_format_labels() {
    let fixture = "某局2020年政府信息公开工作年度报告\n一、总体情况\n概况。\n二、主动公开政府信息情况\n\
第二十条第（一）项\n信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n规章 0 0 0\n规范性文件 1 1 5\n\
第二十条第（五）项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n行政许可 10 -3 52\n其他对外管理服务事项 2 0 3\n\
$0\n三、收到和处理政府信息公开申请情况\n";
    let (items, _) = check(fixture);
    assert_eq!(items[0].label, "第二十条第（六）项", "{:?}", labels(&items));
    let anchors = items
        .iter()
        .filter(|c| c.kind == CompletionKind::Anchor)
        .count();
    assert_eq!(anchors, 5);
    assert!(labels(&items).contains(&"政府集中采购"));
    assert!(!labels(&items).contains(&"行政规范性文件"));
}
