use super::*;
use crate::analysis::facts::{CellStatus, CellView, HeaderCell, TableView, tables};
use crate::analysis::model::Value;
use crate::template::TableId;

fn views(text: &str) -> Vec<TableView> {
    tables(text, &analyze_report(text))
}

/// The cell of template row `row`, column `col`, wherever its block is.
fn cell(views: &[TableView], row: usize, col: usize) -> CellView {
    views
        .iter()
        .flat_map(|t| &t.blocks)
        .flat_map(|b| &b.rows)
        .find(|r| r.row == row)
        .and_then(|r| r.cells.get(col))
        .cloned()
        .unwrap_or_else(|| panic!("no cell ({row}, {col})"))
}

fn statuses(views: &[TableView], status: CellStatus) -> Vec<(usize, usize)> {
    views
        .iter()
        .flat_map(|t| &t.blocks)
        .flat_map(|b| &b.rows)
        .flat_map(|r| r.cells.iter().map(move |c| (r.row, c)))
        .filter(|(_, c)| c.status == status)
        .map(|(row, c)| (row, c.col))
        .collect()
}

fn header(text: &'static str, columns: usize, rows: usize) -> HeaderCell {
    HeaderCell {
        text,
        columns,
        rows,
    }
}

#[test]
fn the_example_has_three_tables_laid_out_as_the_template() {
    let text = report_text(EXAMPLE);
    let views = views(&text);
    let names: Vec<(TableId, usize, bool)> = views
        .iter()
        .map(|t| (t.table, t.blocks.len(), t.found))
        .collect();
    assert_eq!(
        names,
        vec![
            (TableId::Active, 4, true),
            (TableId::Requests, 1, true),
            (TableId::Appeals, 1, true)
        ]
    );
    let active = &views[0].blocks[0];
    assert_eq!(active.caption, Some("第二十条第（一）项"));
    assert_eq!(
        active.caption_span.clone().map(|s| &text[s]),
        Some("第二十条第(一)项")
    );
    assert_eq!(active.header[0][1], header("本年制发件数", 1, 1));

    let requests = &views[1].blocks[0];
    assert_eq!((requests.label_columns, requests.value_columns), (3, 7));
    assert_eq!(requests.header.len(), 3);
    assert_eq!(requests.header[0][0].columns, 3);
    assert_eq!(requests.header[0][0].rows, 3);
    assert_eq!(requests.header[0][1], header("申请人情况", 7, 1));
    assert_eq!(
        requests.header[1],
        vec![
            header("自然人", 1, 2),
            header("法人或其他组织", 5, 1),
            header("总计", 1, 2)
        ]
    );
    assert_eq!(requests.header[2].len(), 5);
    // Each header row fills the table's width once the cells spanning from above are counted.
    let widths: Vec<usize> = requests
        .header
        .iter()
        .map(|h| h.iter().map(|c| c.columns).sum())
        .collect();
    assert_eq!(widths, vec![10, 7, 5]);

    let appeals = &views[2].blocks[0];
    assert_eq!(
        appeals.header[0],
        vec![header("行政复议", 5, 1), header("行政诉讼", 10, 1)]
    );
    assert_eq!(appeals.header[1][4], header("总计", 1, 2));
    assert_eq!(appeals.header[1][5], header("未经复议直接起诉", 5, 1));
    assert_eq!(appeals.header[2].len(), 10);
}

#[test]
fn group_labels_span_their_rows_and_leave_the_label_the_other_columns() {
    let text = report_text(EXAMPLE);
    let views = views(&text);
    let rows = &views[1].blocks[0].rows;
    assert_eq!(rows.len(), 25);
    let first_outcome = &rows[2];
    assert_eq!(first_outcome.label, "（一）予以公开");
    assert_eq!(
        first_outcome.groups,
        vec![header("三、本年度办理结果", 1, 22)]
    );
    assert_eq!(first_outcome.label_columns, 2);
    let secret = &rows[4];
    assert_eq!(secret.groups, vec![header("（三）不予公开", 1, 8)]);
    assert_eq!(secret.label_columns, 1);
    assert!(rows[5].groups.is_empty());
    assert_eq!(rows[0].label_columns, 3);
    // Every row fills the three label columns with its groups, open or spanning from above.
    let spans: usize = rows.iter().flat_map(|r| &r.groups).map(|g| g.rows).sum();
    assert_eq!(spans, 22 + 8 + 3 + 5 + 3);
}

#[test]
fn every_cell_of_the_example_is_read_where_it_was_written_and_holds() {
    let text = report_text(EXAMPLE);
    let views = views(&text);
    let mut count = 0;
    for c in views
        .iter()
        .flat_map(|t| &t.blocks)
        .flat_map(|b| &b.rows)
        .flat_map(|r| &r.cells)
    {
        count += 1;
        assert_eq!(c.status, CellStatus::Fine, "{c:?}");
        let span = c.span.clone().expect("every cell is written");
        assert_eq!(text[span].trim(), c.text);
    }
    assert_eq!(count, 200);
    assert_eq!(cell(&views, 2, 0).value, Some(Value::Int(52425)));
    let equations: Vec<usize> = views.iter().map(|t| t.equations.len()).collect();
    assert_eq!(equations, vec![0, 39, 3]);
    assert!(views.iter().flat_map(|t| &t.equations).all(|e| e.holds));
    // 本年新收·总计 is the total of its row.
    let total = cell(&views, 6, 6);
    assert_eq!(total.totals.len(), 1);
    let equation = &views[1].equations[total.totals[0]];
    assert_eq!(equation.expected, 8);
    assert_eq!(
        equation.text.zh,
        "表三 · 一、本年新收政府信息公开申请数量 · 总计 = 8 + 0 + 0 + 0 + 0 + 0 = 8 ✓"
    );
}

#[test]
fn a_broken_total_marks_the_cells_of_its_equations() {
    // 本年新收·自然人 8 → 9: its row total and the carried-forward equation of its column fail.
    let text = report_text(EXAMPLE).replacen("数量 |\n8 |", "数量 |\n9 |", 1);
    let views = views(&text);
    let mut failing = statuses(&views, CellStatus::Failing);
    failing.sort_unstable();
    let mut expected: Vec<(usize, usize)> = (0..7).map(|c| (6, c)).collect();
    expected.extend([(7, 0), (29, 0), (30, 0)]);
    assert_eq!(failing, expected);
    let wrong: Vec<(i64, i64)> = views[1]
        .equations
        .iter()
        .filter(|e| !e.holds)
        .map(|e| (e.expected, e.actual))
        .collect();
    assert_eq!(wrong, vec![(9, 8), (2, 1)]);
    let row_total = views[1].equations.iter().find(|e| !e.holds).expect("fails");
    assert!(
        row_total.text.zh.ends_with("= 9 ✗（表中为 8）"),
        "{}",
        row_total.text.zh
    );
}

#[test]
fn blank_text_and_missing_cells_are_shown_as_such() {
    let text = report_text(EXAMPLE)
        // 行政处罚 blank, 行政强制 text.
        .replacen("行政处罚 |\n0 |", "行政处罚 |\n- |", 1)
        .replacen("行政强制 |\n0 |", "行政强制 |\n无数据 |", 1);
    // No 表四 at all.
    let cut = text.find("四、政府信息公开行政复议").expect("section four");
    let end = text.find("五、存在的主要问题").expect("section five");
    let text = format!("{}{}", &text[..cut], &text[end..]);
    let views = views(&text);
    let blank = cell(&views, 3, 0);
    assert_eq!(
        (blank.status, blank.value),
        (CellStatus::Blank, Some(Value::Missing))
    );
    assert_eq!(blank.text, "-");
    let words = cell(&views, 4, 0);
    assert_eq!(
        (words.status, words.text.as_str()),
        (CellStatus::Unreadable, "无数据")
    );
    assert!(!views[2].found);
    assert!(views[2].equations.is_empty());
    let absent = &views[2].blocks[0].rows[0];
    assert!(!absent.found);
    assert!(
        absent
            .cells
            .iter()
            .all(|c| c.status == CellStatus::Absent && c.span.is_none())
    );
}

#[test]
fn a_row_with_a_wrong_cell_count_shows_its_cells_unreadable() {
    // 二、上年结转 with one of its seven cells dropped.
    let text = report_text(EXAMPLE).replacen("数量 |\n0 |\n0 |", "数量 |\n0 |", 1);
    let views = views(&text);
    let carried = &views[1].blocks[0].rows[1];
    assert_eq!(carried.label, "二、上年结转政府信息公开申请数量");
    assert!(carried.unsure.is_some());
    let shown: Vec<CellStatus> = carried.cells.iter().map(|c| c.status).collect();
    assert_eq!(shown[0], CellStatus::Unreadable);
    assert_eq!(shown[6], CellStatus::Absent);
}

#[test]
fn a_table_read_column_by_column_is_shown_unreadable_as_the_checker_says() {
    // Labels lost from their figures, as PDF text extracted column by column reads: the figures of
    // （三）2. come under （三）1., those of （五）4. under （五）3.
    let text = report_text(EXAMPLE)
        .replacen("2.其他法律行政法规禁止公开 |\n", "", 1)
        .replacen("4.无正当理由大量反复申请 |\n", "", 1);
    let analysis = analyze_report(&text);
    let codes: Vec<&str> = analysis.findings.iter().map(|f| f.rule.code()).collect();
    assert_eq!(codes, vec!["structure/cell-count"]);
    let views = tables(&text, &analysis);
    let unreadable: Vec<bool> = views.iter().map(|t| t.unreadable).collect();
    assert_eq!(unreadable, vec![false, true, false]);
    let requests = views[1].blocks[0].rows.iter().flat_map(|r| &r.cells);
    assert!(
        requests
            .clone()
            .all(|c| matches!(c.status, CellStatus::Unreadable | CellStatus::Absent))
    );
    assert!(
        requests
            .filter(|c| c.status == CellStatus::Unreadable)
            .count()
            > 100
    );
    assert!(
        views[0]
            .blocks
            .iter()
            .flat_map(|b| &b.rows)
            .flat_map(|r| &r.cells)
            .all(|c| c.status == CellStatus::Fine)
    );
}

#[test]
fn a_title_is_shown_without_its_markup() {
    use crate::analysis::facts::plain_title;
    assert_eq!(plain_title("# 某局2024年报告 "), "某局2024年报告");
    assert_eq!(
        plain_title("<html><head><title>某局2024年报告</title></head><body>"),
        "某局2024年报告"
    );
    assert_eq!(plain_title("a < b & c"), "a < b & c");
    assert_eq!(plain_title("# **某局2024年报告**"), "某局2024年报告");
}
