use super::*;
use crate::analysis::facts::rewrites;
use crate::analysis::model::Value;
use crate::template::{Format, ROWS, TableId};

/// The document after applying the one rewrite offered at the cursor, and that rewrite's title.
fn check(fixture: &str) -> (String, String) {
    let (text, analysis, offset) = with_cursor(fixture);
    let offered = rewrites(&text, &analysis, offset);
    assert_eq!(offered.len(), 1, "one rewrite at the cursor");
    let r = &offered[0];
    let mut out = text.clone();
    out.replace_range(r.span.clone(), &r.replacement);
    (out, r.title.zh.clone())
}

/// Every template cell's value in `table`: (row, column, value).
fn values(text: &str, table: TableId) -> Vec<(usize, usize, Value)> {
    let analysis = analyze_report(text);
    let mut out = Vec::new();
    for row in Format::Y2021.rows(table).map(|r| &ROWS[r]) {
        for col in 0..row.cells {
            let value = analysis.report.cell(row.id, col).map(|c| c.value);
            out.push((row.id, col, value.unwrap_or(Value::Missing)));
        }
    }
    out
}

fn findings(text: &str) -> Vec<(&'static str, String)> {
    analyze_report(text)
        .findings
        .into_iter()
        .map(|f| (f.rule.code(), f.message.zh))
        .collect()
}

#[test]
fn requests_table_in_flattened_cells_converts_to_the_same_cells() {
    let before = report_text(EXAMPLE);
    let (after, title) = check(&example_at("(七)总计", 0));
    assert_eq!(title, "将表三转换为 Markdown 表格");
    assert!(after.contains("| 一、本年新收政府信息公开申请数量 |  | 8 | 0 | 0 | 0 | 0 | 0 | 8 |"));
    assert!(after.contains("| 三、本年度办理结果 | （三）不予公开 1.属于国家秘密 |"));
    // The table now stands apart from the heading above and the next section's heading below.
    assert!(after.contains("三、收到和处理政府信息公开申请情况\n\n| （本列数据的勾稽关系为"));
    assert!(after.contains("| 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n\n四、政府信息公开行政复议"));
    let (old, new) = (
        values(&before, TableId::Requests),
        values(&after, TableId::Requests),
    );
    assert_eq!(new.len(), 25 * 7);
    assert_eq!(new, old);
    assert!(new.iter().all(|(_, _, v)| matches!(v, Value::Int(_))));
    assert_eq!(findings(&after), findings(&before));
    // Converted, it is a pipe table: nothing more to offer there.
    let again = mark(&after, "（七）总计", 0);
    let (text, analysis, offset) = with_cursor(&again);
    assert!(rewrites(&text, &analysis, offset).is_empty());
}

#[test]
fn a_label_that_differs_from_the_template_is_kept_as_written() {
    let (after, _) = check(&example_at("(七)总计", 0));
    assert!(after.contains("（六）其他处理 1.申请人无正当理由预期不补正"));
    let codes: Vec<_> = findings(&after).into_iter().map(|f| f.0).collect();
    assert_eq!(codes, vec!["label/nonstandard", "label/nonstandard"]);
}

#[test]
fn active_and_appeals_tables_convert_too() {
    let before = report_text(EXAMPLE);
    for (needle, table, name) in [
        ("行政许可", TableId::Active, "将表二转换为 Markdown 表格"),
        (
            "未经复议直接起诉",
            TableId::Appeals,
            "将表四转换为 Markdown 表格",
        ),
    ] {
        let (after, title) = check(&example_at(needle, 0));
        assert_eq!(title, name);
        assert_eq!(values(&after, table), values(&before, table), "{name}");
        assert_eq!(findings(&after), findings(&before), "{name}");
    }
    let (after, _) = check(&example_at("行政许可", 0));
    assert!(after.contains("| 第二十条第（五）项 |  |  |  |\n| --- | --- | --- | --- |"));
    assert!(after.contains("| 行政许可 | 52425 |  |  |"));
}

#[test]
fn every_other_layout_converts_to_the_same_cells() {
    for (name, document) in [("L3", EXAMPLE_L3), ("L4", EXAMPLE_L4), ("L5", EXAMPLE_L5)] {
        let before = report_text(document);
        for (needle, table) in [
            ("行政处罚", TableId::Active),
            ("（七）总计", TableId::Requests),
            ("复议后起诉", TableId::Appeals),
        ] {
            let (after, _) = check(&mark(&before, needle, 0));
            assert!(after.contains("| --- |"), "{name} {needle}");
            assert_eq!(
                values(&after, table),
                values(&before, table),
                "{name} {needle}"
            );
            assert_eq!(findings(&after), findings(&before), "{name} {needle}");
        }
    }
}

#[test]
fn nothing_is_offered_outside_tables_or_in_a_pipe_table() {
    let (text, analysis, offset) = with_cursor(&example_at("1.主动公开", 0));
    assert!(rewrites(&text, &analysis, offset).is_empty());
    let l2 = mark(&report_text(EXAMPLE_L2), "（七）总计", 0);
    let (text, analysis, offset) = with_cursor(&l2);
    assert!(rewrites(&text, &analysis, offset).is_empty());
}

#[test]
fn a_conversion_that_would_lose_text_is_not_offered() {
    let marked = example_at("(七)总计", 0);
    // A repeated row would lose its second occurrence.
    let doubled = marked.replace(
        "2.重复申请 |",
        "2.重复申请 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n2.重复申请 |",
    );
    let (text, analysis, offset) = with_cursor(&doubled);
    assert!(analysis.report.rows.iter().any(|h| h.duplicate));
    assert!(rewrites(&text, &analysis, offset).is_empty());
    // A note written inside the table is not part of it.
    let noted = marked.replace(
        "(四)无法提供 |",
        "注：本表数据截至十二月底。\n(四)无法提供 |",
    );
    let (text, analysis, offset) = with_cursor(&noted);
    assert!(rewrites(&text, &analysis, offset).is_empty());
}

#[test]
fn a_conversion_that_would_add_a_missing_row_is_not_offered() {
    // 2.重复申请 (its label and seven figures) deleted: converting would write it back blank.
    let marked = example_at("(七)总计", 0);
    let missing = marked.replacen("2.重复申请 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n", "", 1);
    let (text, analysis, offset) = with_cursor(&missing);
    assert!(
        analysis
            .findings
            .iter()
            .any(|f| f.rule.code() == "structure/missing-row")
    );
    assert!(rewrites(&text, &analysis, offset).is_empty());
}

#[test]
fn a_conversion_that_would_correct_a_header_is_not_offered() {
    // 其它结果 for the header 其他结果 of 表四: the template's header would replace it unreported.
    let marked = example_at("未经复议直接起诉", 0);
    let retyped = marked.replacen("其他结果 |", "其它结果 |", 1);
    let (text, analysis, offset) = with_cursor(&retyped);
    assert!(
        analysis
            .report
            .labels
            .iter()
            .any(|l| !l.exact && l.canonical == "其他结果")
    );
    assert!(rewrites(&text, &analysis, offset).is_empty());
}

#[test]
fn a_conversion_that_would_write_a_lost_row_label_is_not_offered() {
    // 行政规范性文件's label cell blank: the row is read by its place, and says so.
    let marked = example_at("行政许可", 0);
    let unlabelled = marked.replacen("行政规范性文件 |", " |", 1);
    let (text, analysis, offset) = with_cursor(&unlabelled);
    assert!(analysis.report.rows.iter().any(|h| h.label.is_none()));
    assert!(rewrites(&text, &analysis, offset).is_empty());
}
