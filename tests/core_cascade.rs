//! One cause, one finding (SPEC §2): when the reader is unsure of a row — a value cell dropped, an
//! extra cell, two cells run together — it says so once, on that row, and skips every equation that
//! uses the row: no balance finding, nothing shifted into other columns, nothing about other rows.
//! Every row of 表三 (template rows 6–30) and 表四's row (31) is mutated in layouts L1 (the example),
//! L5 (PDF rows) and L2 (Markdown); each mutation must add exactly one finding to the example's own
//! two 预期 warnings, lying on the mutated row. Also: a text cell (`7件`) in a PDF row, blank cells
//! read as 0 in Markdown, and a bare `|` inside an incomplete L1 row (R3).
//!
//! Decisions the cases rely on:
//! - "Cells run together" is one field that is not a single number where two cells should be: in L1
//!   one cell line `0 0 |`, in L2 one cell `| 0 0 |`. L5 has no such form (its cells are separated by
//!   spaces, so `0 0` is two cells, and `00` is one valid number), so L5 gets no run-together case.
//! - In L1 a line of exactly one `|` inside a row that is not yet complete is a blank cell (R3). When
//!   a mutation leaves an L1 row short (a dropped or joined cell) and the row was closed by such a
//!   line, the line goes too: otherwise R3 reads it as the row's last cell (tested on its own below).
//!   Lines of several pipes (`||`) are filler and never a cell.
//! - A short or long row gives `structure/cell-count`; a run-together row may say so as
//!   `structure/cell-count` or `value/not-a-number` (the spec fixes one finding, not its code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

mod core_support;

use std::ops::Range;

use ogi_lsp::analysis::Finding;

const L1: &str = include_str!("fixtures/dongsheng-2024.txt");
const L2: &str = include_str!("fixtures/layouts/l2-markdown.md");
const L5: &str = include_str!("fixtures/layouts/l5-pdf.txt");

/// Template row of 表四's one data row; 表三's rows are 6–30.
const APPEALS_ROW: usize = 31;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    L1,
    L2,
    L5,
}

#[derive(Debug, Clone, Copy)]
enum Mutation {
    /// Value cell `k` removed.
    Drop(usize),
    /// A cell `0` inserted before value cell `k` (`k` = the row's cell count: after the last).
    Add(usize),
    /// Value cells `k` and `k + 1` written as one field.
    Join(usize),
}

/// A data row of a fixture.
#[derive(Debug, Clone)]
struct Row {
    /// Template row id.
    id: usize,
    /// Its label as the fixture writes it (empty for 表四).
    label: String,
    /// 0-based lines from its label line (or first cell line) to its last cell line.
    first_line: usize,
    last_line: usize,
    /// Each value cell: its 0-based line and the byte range of the cell within that line (L1: the
    /// number; L5: the token; L2: the whole field between its two pipes).
    cells: Vec<(usize, Range<usize>)>,
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// L1: runs of cell lines `N |`; the first six runs are 表二's rows, then 表三's 25, then 表四's.
fn rows_l1(lines: &[&str]) -> Vec<Row> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.strip_suffix(" |").is_some_and(is_number) {
            match runs.last_mut() {
                Some(run) if run.end == i => run.end = i + 1,
                _ => runs.push(i..i + 1),
            }
        }
    }
    assert_eq!(runs.len(), 32, "the example's value runs");
    runs.into_iter()
        .enumerate()
        .skip(6)
        .map(|(id, run)| {
            let labelled = id != APPEALS_ROW;
            let first_line = if labelled { run.start - 1 } else { run.start };
            Row {
                id,
                label: if labelled {
                    lines[first_line].trim_end_matches(" |").to_owned()
                } else {
                    String::new()
                },
                first_line,
                last_line: run.end - 1,
                cells: run.map(|l| (l, 0..lines[l].len() - " |".len())).collect(),
            }
        })
        .collect()
}

/// The space-separated numbers that end a line, with their byte ranges.
fn trailing_numbers(line: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut end = line.len();
    loop {
        let start = line[..end].rfind(' ').map_or(0, |i| i + 1);
        if !is_number(&line[start..end]) {
            break;
        }
        out.push(start..end);
        if start == 0 {
            break;
        }
        end = start - 1;
    }
    out.reverse();
    out
}

/// L5: one line per row; 表三's rows end in seven numbers, 表四's line is fifteen numbers.
fn rows_l5(lines: &[&str]) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut next = 6;
    for (i, line) in lines.iter().enumerate() {
        let numbers = trailing_numbers(line);
        let id = match numbers.len() {
            7 => {
                next += 1;
                next - 1
            }
            15 => APPEALS_ROW,
            _ => continue,
        };
        rows.push(Row {
            id,
            label: line[..numbers[0].start].trim().to_owned(),
            first_line: i,
            last_line: i,
            cells: numbers.into_iter().map(|r| (i, r)).collect(),
        });
    }
    assert_eq!(rows.len(), 26, "L5's data rows");
    rows
}

/// The fields of a Markdown row: byte ranges between consecutive pipes.
fn fields(line: &str) -> Vec<Range<usize>> {
    let pipes: Vec<usize> = line.match_indices('|').map(|(i, _)| i).collect();
    pipes.windows(2).map(|w| w[0] + 1..w[1]).collect()
}

/// L2: 表三's rows end in seven numeric fields after their label fields; 表四's row is fifteen.
fn rows_l2(lines: &[&str]) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut next = 6;
    for (i, line) in lines.iter().enumerate() {
        if !line.starts_with('|') {
            continue;
        }
        let f = fields(line);
        let numeric = |r: &Range<usize>| is_number(line[r.clone()].trim());
        let (id, cells) = if f.len() == 15 && f.iter().all(numeric) {
            (APPEALS_ROW, f.clone())
        } else if f.len() == 9 && f[2..].iter().all(numeric) && !numeric(&f[0]) {
            next += 1;
            (next - 1, f[2..].to_vec())
        } else {
            continue;
        };
        rows.push(Row {
            id,
            label: if id == APPEALS_ROW {
                String::new()
            } else {
                format!(
                    "{} {}",
                    line[f[0].clone()].trim(),
                    line[f[1].clone()].trim()
                )
                .trim()
                .to_owned()
            },
            first_line: i,
            last_line: i,
            cells: cells.into_iter().map(|r| (i, r)).collect(),
        });
    }
    assert_eq!(rows.len(), 26, "L2's data rows");
    rows
}

fn lines_of(text: &str) -> Vec<String> {
    text.split('\n').map(str::to_owned).collect()
}

/// Applies `m` to `row` of `text`; returns the mutated text and the row's 0-based line range in it,
/// or `None` when the layout has no such mutation.
fn mutate(layout: Layout, text: &str, row: &Row, m: Mutation) -> Option<(String, Range<usize>)> {
    let mut lines = lines_of(text);
    let (first, mut last) = (row.first_line, row.last_line);
    let cell = |k: usize| &row.cells[k];
    match (layout, m) {
        (Layout::L1, Mutation::Drop(k)) => {
            close_short_l1_row(&mut lines, last);
            lines.remove(cell(k).0);
            last -= 1;
        }
        (Layout::L1, Mutation::Add(k)) => {
            let at = row.cells.get(k).map_or(last + 1, |c| c.0);
            lines.insert(at, "0 |".to_owned());
            last += 1;
        }
        (Layout::L1, Mutation::Join(k)) => {
            close_short_l1_row(&mut lines, last);
            let (a, b) = (cell(k), cell(k + 1));
            let joined = format!(
                "{} {} |",
                &lines[a.0][a.1.clone()],
                &lines[b.0][b.1.clone()]
            );
            lines[a.0] = joined;
            lines.remove(b.0);
            last -= 1;
        }
        (Layout::L5, Mutation::Drop(k)) => {
            let (l, r) = cell(k).clone();
            let line = &mut lines[l];
            if r.start > 0 {
                line.replace_range(r.start - 1..r.end, "");
            } else {
                line.replace_range(r.start..r.end + 1, "");
            }
        }
        (Layout::L5, Mutation::Add(k)) => {
            let line = &mut lines[first];
            match row.cells.get(k) {
                Some((_, r)) => line.insert_str(r.start, "0 "),
                None => line.push_str(" 0"),
            }
        }
        (Layout::L5, Mutation::Join(_)) => return None,
        (Layout::L2, Mutation::Drop(k)) => {
            let (l, r) = cell(k).clone();
            lines[l].replace_range(r.start..r.end + 1, "");
        }
        (Layout::L2, Mutation::Add(k)) => {
            let at = match row.cells.get(k) {
                Some((_, r)) => r.start,
                None => row.cells[row.cells.len() - 1].1.end + 1,
            };
            lines[first].insert_str(at, " 0 |");
        }
        (Layout::L2, Mutation::Join(k)) => {
            let (a, b) = (cell(k).1.clone(), cell(k + 1).1.clone());
            let line = &mut lines[first];
            let joined = format!(" {} {} ", line[a.clone()].trim(), line[b.clone()].trim());
            line.replace_range(a.start..b.end, &joined);
        }
    }
    Some((lines.join("\n"), first..last + 1))
}

/// An L1 row closed by a line of exactly one `|` loses that line when it loses a cell (see the header).
fn close_short_l1_row(lines: &mut Vec<String>, last: usize) {
    if lines.get(last + 1).is_some_and(|l| l == "|") {
        lines.remove(last + 1);
    }
}

/// Byte range of 0-based lines `range` in `text`.
fn line_bytes(text: &str, range: Range<usize>) -> Range<usize> {
    let mut starts = vec![0];
    starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    let end = starts.get(range.end).map_or(text.len(), |&next| next - 1);
    starts[range.start]..end
}

/// What identifies a finding across texts whose lines moved: its code, message and the text it points at.
fn key(text: &str, f: &Finding) -> (&'static str, String, String) {
    (
        f.rule.code(),
        f.message.zh.clone(),
        text.get(f.span.clone()).unwrap_or("<bad span>").to_owned(),
    )
}

/// The findings of `text` beyond those of `base` (in text order), and the findings of `base` that
/// `text` lost.
fn diff(base: &str, text: &str) -> (Vec<Finding>, Vec<String>) {
    let mut before: Vec<_> = core_support::findings(base)
        .iter()
        .map(|f| key(base, f))
        .collect();
    let mut new = Vec::new();
    for f in core_support::findings(text) {
        let k = key(text, &f);
        match before.iter().position(|b| *b == k) {
            Some(i) => {
                before.remove(i);
            }
            None => new.push(f),
        }
    }
    new.sort_by_key(|f| (f.span.start, f.rule.code()));
    let lost = before
        .into_iter()
        .map(|(code, msg, at)| format!("{code} at {at:?}: {msg}"))
        .collect();
    (new, lost)
}

/// `code @ line:column "text": message`, 1-based line.
fn show(text: &str, f: &Finding) -> String {
    let before = &text[..f.span.start.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count());
    format!(
        "{} @ {line}:{col} {:?}: {}",
        f.rule.code(),
        text.get(f.span.clone()).unwrap_or("<bad span>"),
        f.message.zh
    )
}

/// The example's two 预期 warnings, and nothing else, in `text`.
fn assert_baseline(name: &str, text: &str) {
    let got: Vec<_> = core_support::findings(text)
        .iter()
        .map(|f| show(text, f))
        .collect();
    assert!(
        got.len() == 2 && got.iter().all(|g| g.starts_with("label/nonstandard")),
        "{name} baseline: {got:#?}"
    );
}

/// Runs every mutation of every row of `layout`; returns one line per failing case.
fn cascade(layout: Layout) -> (usize, Vec<String>) {
    let base = match layout {
        Layout::L1 => L1,
        Layout::L2 => L2,
        Layout::L5 => L5,
    };
    assert_baseline(&format!("{layout:?}"), base);
    let lines: Vec<&str> = base.split('\n').collect();
    let rows = match layout {
        Layout::L1 => rows_l1(&lines),
        Layout::L2 => rows_l2(&lines),
        Layout::L5 => rows_l5(&lines),
    };
    let mut cases = 0;
    let mut failures = Vec::new();
    for row in &rows {
        let n = row.cells.len();
        assert_eq!(n, if row.id == APPEALS_ROW { 15 } else { 7 });
        // Vary the cell a mutation touches from row to row, so every column is exercised.
        let mutations = [
            Mutation::Drop(row.id % n),
            Mutation::Add((row.id + 3) % (n + 1)),
            Mutation::Join((row.id + 1) % (n - 1)),
        ];
        for m in mutations {
            let Some((text, row_lines)) = mutate(layout, base, row, m) else {
                continue;
            };
            cases += 1;
            let case = format!("{layout:?} row {} {:?} {m:?}", row.id, row.label);
            let on_row = line_bytes(&text, row_lines);
            let (new, lost) = diff(base, &text);
            let allowed: &[&str] = match m {
                Mutation::Join(_) => &["structure/cell-count", "value/not-a-number"],
                _ => &["structure/cell-count"],
            };
            let mut problems = Vec::new();
            if !lost.is_empty() {
                problems.push(format!("lost baseline findings {lost:?}"));
            }
            if new.len() != 1 {
                problems.push(format!("{} new findings (want 1)", new.len()));
            }
            for f in &new {
                if f.span.start < on_row.start || f.span.end > on_row.end {
                    problems.push(format!("not on the row: {}", show(&text, f)));
                } else if !allowed.contains(&f.rule.code()) {
                    problems.push(format!("unexpected code: {}", show(&text, f)));
                }
            }
            if !problems.is_empty() {
                let all: Vec<_> = new.iter().map(|f| show(&text, f)).collect();
                failures.push(format!(
                    "{case}: {}\n      new: {all:?}",
                    problems.join("; ")
                ));
            }
        }
    }
    (cases, failures)
}

fn assert_cascade(layout: Layout) {
    let (cases, failures) = cascade(layout);
    assert!(
        failures.is_empty(),
        "{} of {cases} {layout:?} cases give more or other than one finding on their row:\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}

#[test]
fn one_cause_one_finding_in_l1_flattened_cells() {
    assert_cascade(Layout::L1);
}

#[test]
fn one_cause_one_finding_in_l5_pdf_rows() {
    assert_cascade(Layout::L5);
}

#[test]
fn one_cause_one_finding_in_l2_markdown() {
    assert_cascade(Layout::L2);
}

#[test]
fn the_cases_cover_every_row_and_mutation() {
    // 26 rows × (drop, add, join) in L1 and L2; 26 × (drop, add) in L5. Fails only if the row
    // finders or the mutations lose cases, whatever the reader does.
    let count = |layout, text: &str, rows: fn(&[&str]) -> Vec<Row>| {
        let lines: Vec<&str> = text.split('\n').collect();
        rows(&lines)
            .iter()
            .flat_map(|r| {
                [Mutation::Drop(0), Mutation::Add(0), Mutation::Join(0)]
                    .map(|m| mutate(layout, text, r, m).is_some())
            })
            .filter(|&x| x)
            .count()
    };
    assert_eq!(count(Layout::L1, L1, rows_l1), 78);
    assert_eq!(count(Layout::L2, L2, rows_l2), 78);
    assert_eq!(count(Layout::L5, L5, rows_l5), 52);
    // The mutations do what they say on a known row: （一）予以公开 in each layout.
    let l1: Vec<&str> = L1.split('\n').collect();
    let row = &rows_l1(&l1)[2];
    assert_eq!((row.id, row.label.as_str()), (8, "(一)予以公开"));
    let (text, lines) = mutate(Layout::L1, L1, row, Mutation::Join(0)).unwrap_or_default();
    let got: Vec<&str> = text.split('\n').collect();
    assert_eq!(
        &got[lines],
        ["(一)予以公开 |", "7 0 |", "0 |", "0 |", "0 |", "0 |", "7 |"]
    );
    assert_eq!(
        got[89],
        "(二)部分公开(区分处理的,只计这一情形,不计其他情形) |"
    );
    let l5: Vec<&str> = L5.split('\n').collect();
    let row = &rows_l5(&l5)[2];
    let (text, lines) = mutate(Layout::L5, L5, row, Mutation::Drop(0)).unwrap_or_default();
    assert_eq!(
        text.split('\n').nth(lines.start),
        Some("三、本年度办理结果 （一）予以公开 0 0 0 0 0 7")
    );
    let l2: Vec<&str> = L2.split('\n').collect();
    let row = &rows_l2(&l2)[2];
    let (text, lines) = mutate(Layout::L2, L2, row, Mutation::Join(5)).unwrap_or_default();
    assert_eq!(
        text.split('\n').nth(lines.start),
        Some("| 三、本年度办理结果 | （一）予以公开 | 7 | 0 | 0 | 0 | 0 | 0 7 |")
    );
    let (text, lines) = mutate(Layout::L2, L2, row, Mutation::Add(7)).unwrap_or_default();
    assert_eq!(
        text.split('\n').nth(lines.start),
        Some("| 三、本年度办理结果 | （一）予以公开 | 7 | 0 | 0 | 0 | 0 | 0 | 7 | 0 |")
    );
}

/// L5's （一）予以公开 row.
const L5_GRANTED: &str = "三、本年度办理结果 （一）予以公开 7 0 0 0 0 0 7";

#[test]
fn a_text_cell_in_a_pdf_row_is_reported_once_and_shifts_nothing() {
    assert!(L5.contains(L5_GRANTED));
    let text = L5.replace(
        L5_GRANTED,
        "三、本年度办理结果 （一）予以公开 7件 0 0 0 0 0 7",
    );
    let (new, lost) = diff(L5, &text);
    let shown: Vec<_> = new.iter().map(|f| show(&text, f)).collect();
    assert!(lost.is_empty(), "{lost:?}");
    assert_eq!(new.len(), 1, "{shown:#?}");
    assert_eq!(new[0].rule.code(), "value/not-a-number", "{shown:#?}");
    assert_eq!(&text[new[0].span.clone()], "7件");
    // Its row keeps seven cells in their columns: 7件 is 自然人, the last 7 is still 总计.
    let reports = core_support::analyze(&text);
    let report = &reports[0];
    let cell_text = |col| {
        report
            .analysis
            .report
            .cell(8, col)
            .map(|c| report.text(&text, &c.span))
    };
    assert_eq!(cell_text(0), Some("7件"));
    assert_eq!(cell_text(1), Some("0"));
    let line_start = text.find("三、本年度办理结果 （一）").unwrap_or(0);
    let total = report
        .analysis
        .report
        .cell(8, 6)
        .map(|c| c.span.start + report.offset);
    assert_eq!(
        total,
        Some(line_start + "三、本年度办理结果 （一）予以公开 7件 0 0 0 0 0 ".len())
    );
}

/// L2's （一）予以公开 row.
const L2_GRANTED: &str = "| 三、本年度办理结果 | （一）予以公开 | 7 | 0 | 0 | 0 | 0 | 0 | 7 |";

/// L2 with 商业企业 and 科研机构 of （一）予以公开 left blank, and that row's 总计 set to `total`.
fn l2_with_blanks(total: &str) -> (String, Range<usize>) {
    assert!(L2.contains(L2_GRANTED));
    let row = format!("| 三、本年度办理结果 | （一）予以公开 | 7 | | | 0 | 0 | 0 | {total} |");
    let text = L2.replace(L2_GRANTED, &row);
    let at = text.find(&row).unwrap_or(0);
    // The first blank cell, pipes included: `| |` after the 7.
    let first = at + row.find("7 | |").unwrap_or(0) + "7 ".len();
    (text, first..first + "| |".len())
}

#[test]
fn blank_cells_in_markdown_read_as_zero_and_are_reported_once() {
    let (text, first_blank) = l2_with_blanks("7");
    let (new, lost) = diff(L2, &text);
    let shown: Vec<_> = new.iter().map(|f| show(&text, f)).collect();
    assert!(lost.is_empty(), "{lost:?}");
    assert_eq!(new.len(), 1, "{shown:#?}");
    let f = &new[0];
    assert_eq!(f.rule.code(), "value/missing", "{shown:#?}");
    assert!(
        first_blank.start <= f.span.start && f.span.end <= first_blank.end,
        "not at the first blank cell: {shown:#?}"
    );
    assert!(
        f.message.zh.contains("2 个") || f.message.zh.contains("2个"),
        "the count of blank cells: {}",
        f.message.zh
    );
}

#[test]
fn an_equation_that_fails_with_a_blank_says_the_blank_was_counted_as_zero() {
    // The row now says 总计 8 while 7 + 空白 + 空白 + 0 + 0 + 0 = 7. Its 总计 is also an addend of
    // （七）总计's 总计 column, which therefore fails too (without using a blank).
    let (text, _) = l2_with_blanks("8");
    let (new, lost) = diff(L2, &text);
    let shown: Vec<_> = new.iter().map(|f| show(&text, f)).collect();
    assert!(lost.is_empty(), "{lost:?}");
    let codes: Vec<_> = new.iter().map(|f| f.rule.code()).collect();
    assert_eq!(
        codes,
        ["value/missing", "balance/row-total", "balance/result-total"],
        "{shown:#?}"
    );
    let row_total = &new[1];
    assert_eq!(&text[row_total.span.clone()], "8", "{shown:#?}");
    let zh = &row_total.message.zh;
    assert!(
        zh.contains("空白"),
        "the message says a blank counted: {zh}"
    );
    assert!(zh.contains("应为 7") && zh.contains("实为 8"), "{zh}");
    let result_total = &new[2];
    assert!(
        result_total.message.zh.contains("应为 8") && result_total.message.zh.contains("实为 7"),
        "{shown:#?}"
    );
}

#[test]
fn a_bare_pipe_before_an_l1_row_is_complete_is_a_blank_cell() {
    // 1.属于国家秘密 (label, seven zeros, then a line `|`) loses its first zero: the `|` is its
    // seventh cell, blank, so the row is complete and balances with the blank read as 0.
    let lines: Vec<&str> = L1.split('\n').collect();
    assert_eq!(lines[101], "1.属于国家秘密 |");
    assert_eq!(lines[109], "|");
    let text = [&lines[..102], &lines[103..]].concat().join("\n");
    let (new, lost) = diff(L1, &text);
    let shown: Vec<_> = new.iter().map(|f| show(&text, f)).collect();
    assert!(lost.is_empty(), "{lost:?}");
    assert_eq!(new.len(), 1, "{shown:#?}");
    assert_eq!(new[0].rule.code(), "value/missing", "{shown:#?}");
    // The blank cell is the `|` line, now line 109 (1-based).
    assert!(shown[0].contains("@ 109:"), "{shown:#?}");
}
