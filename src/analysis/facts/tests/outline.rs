use super::*;
use crate::analysis::facts::{OutlineItem, OutlineKind, outline};

/// The outline as indented lines `kind name`, after checking that it nests.
fn check(text: &str) -> Vec<String> {
    let analysis = analyze_report(text);
    let items = outline(text, &analysis);
    let mut lines = Vec::new();
    for item in &items {
        nests(item, &(0..text.len()));
        walk(item, 0, &mut lines);
    }
    lines
}

fn nests(item: &OutlineItem, parent: &std::ops::Range<usize>) {
    assert!(
        parent.start <= item.range.start && item.range.end <= parent.end,
        "{} in {parent:?}",
        item.name
    );
    assert!(
        item.range.start <= item.selection.start && item.selection.end <= item.range.end,
        "{}",
        item.name
    );
    let mut previous_end = item.range.start;
    for child in &item.children {
        assert!(
            child.range.start >= previous_end,
            "{} overlaps its sibling",
            child.name
        );
        previous_end = child.range.end;
        nests(child, &item.range);
    }
}

fn walk(item: &OutlineItem, depth: usize, out: &mut Vec<String>) {
    let kind = match item.kind {
        OutlineKind::Report => "report",
        OutlineKind::Section => "section",
        OutlineKind::Table => "table",
    };
    out.push(format!("{}{kind} {}", "  ".repeat(depth), item.name));
    for child in &item.children {
        walk(child, depth + 1, out);
    }
}

#[test]
fn the_example_outlines_as_report_sections_and_tables() {
    assert_eq!(
        check(&report_text(EXAMPLE)),
        [
            "report 政府信息公开工作年度报告",
            "  section 一、总体情况",
            "  section 二、主动公开政府信息情况",
            "    table 表二 主动公开政府信息情况",
            "      table 第二十条第(一)项（规章、行政规范性文件）",
            "      table 第二十条第(五)项（行政许可）",
            "      table 第二十条第(六)项（行政处罚、行政强制）",
            "      table 第二十条第(八)项（行政事业性收费）",
            "  section 三、收到和处理政府信息公开申请情况",
            "    table 表三 收到和处理政府信息公开申请情况",
            "  section 四、政府信息公开行政复议、行政诉讼情况",
            "    table 表四 政府信息公开行政复议、行政诉讼情况",
            "  section 五、存在的主要问题及改进情况",
            "  section 六、其他需要报告的事项",
        ]
    );
}

#[test]
fn a_titled_markdown_report_is_named_by_its_title() {
    let lines = check(&report_text(EXAMPLE_L2));
    assert_eq!(
        lines[0],
        "report 东胜区行政审批政务服务与数据管理局2024年政府信息公开工作年度报告"
    );
    assert_eq!(lines.len(), 14);
    for document in [EXAMPLE_L3, EXAMPLE_L4, EXAMPLE_L5] {
        assert_eq!(check(&report_text(document)).len(), 14);
    }
}

#[test]
fn the_requests_table_spans_its_rows_and_selects_its_first_line() {
    let text = report_text(EXAMPLE);
    let analysis = analyze_report(&text);
    let items = outline(&text, &analysis);
    let requests = &items[0].children[2].children[0];
    assert!(text[requests.range.clone()].starts_with("(本列数据的勾稽关系为"));
    assert!(
        text[requests.range.clone()]
            .ends_with("四、结转下年度继续办理 |\n1 |\n0 |\n0 |\n0 |\n0 |\n0 |\n1")
    );
    assert_eq!(
        &text[requests.selection.clone()],
        "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |"
    );
}

#[test]
fn text_without_sections_still_outlines_its_tables() {
    let text =
        "某局2024年政府信息公开工作年度报告\n一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n";
    let lines = check(text);
    assert_eq!(lines[0], "report 某局2024年政府信息公开工作年度报告");
    assert!(lines.iter().any(|l| l.contains("表三")), "{lines:?}");
}
