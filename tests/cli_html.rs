//! `ogi-lsp check --format html`: the review page parses as HTML5 without a single parse error, every
//! table is a rectangle once colspans and rowspans are counted, it shows the figures, the failing
//! cells, the summary and the findings that the text and JSON outputs give, it escapes what it takes
//! from reports and paths, and `-o` writes it (or any format) to a file.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

mod cli_common;

use std::collections::BTreeSet;
use std::path::Path;

use cli_common::*;
use html5ever::driver::{self, ParseOpts};
use html5ever::tendril::TendrilSink;
use html5ever::tokenizer::TokenizerOpts;
use html5ever::tree_builder::{QuirksMode, TreeBuilderOpts};
use scraper::{ElementRef, Html, HtmlTreeSink, Selector};

/// Parses a page as a browser does (html5ever, the WHATWG algorithm), failing on any parse error;
/// `exact_errors` makes html5ever say what and where.
fn parse(page: &str) -> Html {
    let opts = ParseOpts {
        tokenizer: TokenizerOpts {
            exact_errors: true,
            ..TokenizerOpts::default()
        },
        tree_builder: TreeBuilderOpts {
            exact_errors: true,
            ..TreeBuilderOpts::default()
        },
    };
    let html = driver::parse_document(HtmlTreeSink::new(Html::new_document()), opts).one(page);
    assert!(html.errors.is_empty(), "parse errors: {:?}", html.errors);
    assert_eq!(html.quirks_mode, QuirksMode::NoQuirks);
    html
}

fn sel(selector: &str) -> Selector {
    Selector::parse(selector).unwrap_or_else(|e| panic!("selector {selector}: {e:?}"))
}

fn all<'a>(root: ElementRef<'a>, selector: &str) -> Vec<ElementRef<'a>> {
    root.select(&sel(selector)).collect()
}

fn text(e: ElementRef<'_>) -> String {
    e.text().collect()
}

fn children<'a>(e: ElementRef<'a>, names: &[&str]) -> Vec<ElementRef<'a>> {
    e.children()
        .filter_map(ElementRef::wrap)
        .filter(|c| names.contains(&c.value().name()))
        .collect()
}

/// The number of columns of `table`, after checking that every row of every row group covers the
/// same columns once colspans and rowspans are laid out as HTML lays them out, that no two cells
/// overlap and that no rowspan runs past its row group.
fn grid_width(table: ElementRef<'_>) -> usize {
    let mut widths = BTreeSet::new();
    for group in children(table, &["thead", "tbody", "tfoot"]) {
        let rows = children(group, &["tr"]);
        let mut taken: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); rows.len()];
        for (r, row) in rows.iter().enumerate() {
            let mut col = 0;
            for cell in children(*row, &["td", "th"]) {
                while taken[r].contains(&col) {
                    col += 1;
                }
                let span = |name| {
                    cell.value().attr(name).map_or(1, |v| {
                        v.parse::<usize>()
                            .unwrap_or_else(|_| panic!("{name}={v:?} in {}", cell.html()))
                    })
                };
                let (columns, rows_spanned) = (span("colspan"), span("rowspan"));
                assert!(columns >= 1 && rows_spanned >= 1, "{}", cell.html());
                assert!(
                    r + rows_spanned <= rows.len(),
                    "rowspan past its row group: {}",
                    cell.html()
                );
                for taken_row in &mut taken[r..r + rows_spanned] {
                    for c in col..col + columns {
                        assert!(taken_row.insert(c), "cells overlap at {c}: {}", cell.html());
                    }
                }
                col += columns;
            }
        }
        for (r, row) in taken.iter().enumerate() {
            assert_eq!(
                row.last().map_or(0, |last| last + 1),
                row.len(),
                "row {r} of a table has a hole: {row:?}"
            );
            widths.insert(row.len());
        }
    }
    assert_eq!(widths.len(), 1, "rows of different widths {widths:?}");
    widths.pop_first().unwrap_or_default()
}

/// The `data-summary` counts of a page.
fn summary(page: &Html) -> Vec<(String, u64)> {
    page.select(&sel("dl.summary dd[data-summary]"))
        .map(|dd| {
            let n = text(dd).parse().expect("a count");
            (dd.value().attr("data-summary").unwrap_or("").to_string(), n)
        })
        .collect()
}

fn counts(pairs: &[(&str, u64)]) -> Vec<(String, u64)> {
    pairs.iter().map(|(k, n)| (k.to_string(), *n)).collect()
}

/// The texts of the value cells of 表三's row `row` (a template row id).
fn request_row(page: &Html, row: usize) -> Vec<String> {
    page.select(&sel(&format!(
        "main table.t-requests tr[data-row=\"{row}\"] td"
    )))
    .map(text)
    .collect()
}

/// (template row, column) of every value cell with `class` on the page's report tables.
fn cells_with(page: &Html, class: &str) -> BTreeSet<(usize, usize)> {
    let mut out = BTreeSet::new();
    for row in page.select(&sel("main table.grid tr[data-row]")) {
        let id: usize = row
            .value()
            .attr("data-row")
            .and_then(|r| r.parse().ok())
            .expect("a row id");
        for (col, cell) in children(row, &["td"]).into_iter().enumerate() {
            if cell.value().classes().any(|c| c == class) {
                out.insert((id, col));
            }
        }
    }
    out
}

/// Each listed finding as the text format heads it: `file:line:column: severity[code]: message`.
fn findings(page: &Html) -> Vec<String> {
    page.select(&sel("section.findings > ol > li"))
        .map(|li| {
            let part = |s| li.select(&sel(s)).next().map(text).unwrap_or_default();
            let severity = li.value().attr("class").unwrap_or("");
            format!(
                "{}: {severity}[{}]: {}",
                part(":scope > .at"),
                part(":scope > code.rule"),
                part(":scope > .message")
            )
        })
        .collect()
}

/// The example with 本年新收 · 自然人 (line 65) changed from 8 to 9, written to `dir`.
fn broken_copy(dir: &Path) -> String {
    let mut lines: Vec<String> = example_text().split('\n').map(str::to_string).collect();
    assert_eq!(lines[64], "8 |", "the example report changed");
    lines[64] = "9 |".to_string();
    let path = write(dir, "broken.txt", lines.join("\n").as_bytes());
    path.to_str().expect("a UTF-8 path").to_string()
}

#[test]
fn the_example_page_is_valid_self_contained_html_with_the_tables_of_the_template() {
    let run = ogi(&["check", "--format", "html", EXAMPLE]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let page = parse(&run.stdout);
    let root = page.root_element();
    assert_eq!(root.value().attr("lang"), Some("zh-CN"));
    assert_eq!(
        summary(&page),
        counts(&[("files", 1), ("reports", 1), ("errors", 0), ("warnings", 2)])
    );
    // Nothing to fetch: one inline style sheet, no script, image, link or frame.
    assert_eq!(all(root, "style").len(), 1);
    assert!(
        all(
            root,
            "script, img, link, iframe, object, [src], [href^=http]"
        )
        .is_empty()
    );

    // 表二's four sub-tables under their captions, 表三 and 表四, each a rectangle.
    let tables = all(root, "main table.grid");
    let widths: Vec<usize> = tables.iter().map(|t| grid_width(*t)).collect();
    assert_eq!(widths, [4, 2, 2, 2, 10, 15]);
    let captions: Vec<String> = all(root, "main table.t-active > caption")
        .into_iter()
        .map(text)
        .collect();
    assert_eq!(
        captions,
        [
            "第二十条第（一）项",
            "第二十条第（五）项",
            "第二十条第（六）项",
            "第二十条第（八）项"
        ]
    );
    grid_width(all(root, "section.legend table")[0]);

    // 表三's header: the corner over its 3 label columns and 3 header rows, 申请人情况 over 7.
    let header: Vec<(String, Option<&str>, Option<&str>)> =
        all(root, "table.t-requests thead tr:first-child th")
            .into_iter()
            .map(|th| {
                let v = th.value();
                (text(th), v.attr("colspan"), v.attr("rowspan"))
            })
            .collect();
    assert_eq!(header[1], ("申请人情况".to_string(), Some("7"), None));
    assert_eq!((header[0].1, header[0].2), (Some("3"), Some("3")));
    // 三、本年度办理结果 is a group label over the 22 rows of its results.
    let group = all(root, "table.t-requests tbody th[scope=rowgroup]")[0];
    assert_eq!(text(group), "三、本年度办理结果");
    assert_eq!(group.value().attr("rowspan"), Some("22"));

    let label = all(root, "table.t-requests tr[data-row=\"6\"] th")[0];
    assert_eq!(text(label), "一、本年新收政府信息公开申请数量");
    assert_eq!(label.value().attr("colspan"), Some("3"));
    assert_eq!(request_row(&page, 6), ["8", "0", "0", "0", "0", "0", "8"]);
    assert!(cells_with(&page, "failing").is_empty());
    // A cell's tooltip is the equations that hold it, evaluated.
    let total = all(root, "table.t-requests tr[data-row=\"6\"] td")[6];
    assert_eq!(
        total.value().attr("title").map(|t| t.lines().next()),
        Some(Some(
            "表三 · 一、本年新收政府信息公开申请数量 · 总计 = 8 + 0 + 0 + 0 + 0 + 0 = 8 ✓"
        ))
    );

    // The findings are those of the text output, with the same places.
    let listed = findings(&page);
    assert_eq!(listed.len(), 2);
    let text_out = ogi(&["check", EXAMPLE]).stdout;
    for finding in &listed {
        assert!(
            finding.starts_with(&format!("{EXAMPLE}:")) && text_out.contains(finding.as_str()),
            "{finding} not in:\n{text_out}"
        );
    }
}

#[test]
fn a_broken_figure_marks_exactly_the_cells_of_its_two_failing_equations() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = broken_copy(dir.path());
    let run = ogi(&["check", "--format", "html", &path]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let page = parse(&run.stdout);
    let json = ogi(&["check", "--format", "json", &path]).json();
    let errors = json["summary"]["errors"].as_u64().expect("errors");
    assert_eq!(errors, 2);
    assert_eq!(
        summary(&page),
        counts(&[
            ("files", 1),
            ("reports", 1),
            ("errors", errors),
            ("warnings", 2)
        ])
    );
    for table in all(page.root_element(), "table") {
        grid_width(table);
    }

    assert_eq!(request_row(&page, 6), ["9", "0", "0", "0", "0", "0", "8"]);
    // 一 row: 总计 = 自然人 + … fails; 自然人 column: 一 + 二 = 三（七）+ 四 fails.
    let mut expected: BTreeSet<(usize, usize)> = (0..7).map(|c| (6, c)).collect();
    expected.extend([(7, 0), (29, 0), (30, 0)]);
    assert_eq!(cells_with(&page, "failing"), expected);
    assert_eq!(
        cells_with(&page, "bad-total"),
        BTreeSet::from([(6, 6), (30, 0)])
    );
    let labels: Vec<String> = [29, 30]
        .iter()
        .map(|r| {
            text(
                all(
                    page.root_element(),
                    &format!("table.t-requests tr[data-row=\"{r}\"] th[scope=row]"),
                )[0],
            )
        })
        .collect();
    assert_eq!(labels, ["（七）总计", "四、结转下年度继续办理"]);
    let total = all(page.root_element(), "tr[data-row=\"6\"] td.bad-total")[0];
    assert_eq!(
        total.value().attr("title"),
        Some(
            "表三 · 一、本年新收政府信息公开申请数量 · 总计 = 9 + 0 + 0 + 0 + 0 + 0 = 9 ✗（表中为 8）\n\
             表三 · 四、结转下年度继续办理 · 总计 = 8 + 0 − 7 = 1 ✓"
        )
    );

    // Every finding of the JSON output, in its order and at its place (1-based, as the text format).
    let listed = findings(&page);
    let diagnostics = json["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics");
    assert_eq!(listed.len(), diagnostics.len());
    for (finding, d) in listed.iter().zip(diagnostics) {
        let at = |k: &str| d["range"]["start"][k].as_u64().expect("position") + 1;
        let head = format!(
            "{path}:{}:{}: {}[{}]: {}",
            at("line"),
            at("character"),
            d["severity"].as_str().unwrap_or(""),
            d["code"].as_str().unwrap_or(""),
            d["message"].as_str().unwrap_or("")
        );
        assert_eq!(finding, &head);
    }
    // The row-total finding's notes name the cells of its equation.
    let notes = all(
        page.root_element(),
        "section.findings li.error:first-child ul.notes li",
    );
    assert_eq!(notes.len(), 6);
    assert!(
        text(notes[0]).starts_with(&format!("{path}:65:1 ")),
        "{}",
        text(notes[0])
    );
}

#[test]
fn text_from_a_report_or_a_path_is_escaped_never_markup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let markdown = std::fs::read_to_string(root().join("tests/fixtures/layouts/l2-markdown.md"))
        .expect("the Markdown layout");
    let hostile = markdown
        .replacen(
            "# 东胜区行政审批政务服务与数据管理局2024年",
            "# 东胜区<script>alert(1)</script>\u{1}2024年",
            1,
        )
        .replacen(
            "| 一、本年新收政府信息公开申请数量 | | 8 | 0 |",
            "| 一、本年新收政府信息公开申请数量 | | 8 | \"><img src=x onerror=alert(1)> |",
            1,
        )
        .replacen(
            "| 二、上年结转政府信息公开申请数量 |",
            "| 二、上年结转政府信息</td><script>alert(2)</script>公开申请数量 |",
            1,
        );
    assert_ne!(hostile, markdown);
    let name = "a<b>\"x'&amp;.md";
    write(dir.path(), name, hostile.as_bytes());
    let run = ogi_in(dir.path(), &["check", "--format", "html", "."]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let page = parse(&run.stdout);
    let root = page.root_element();
    assert!(all(root, "script, img, b, [onerror], [src]").is_empty());
    // What was written is shown as written.
    let path = all(root, "section.file h2 .path")[0];
    assert_eq!(text(path), format!("./{name}"));
    let odd = all(root, "table.t-requests tr[data-row=\"6\"] td.unreadable");
    assert_eq!(odd.len(), 1);
    assert_eq!(text(odd[0]), "\"><img src=x onerror=alert(1)>");
    assert_eq!(
        text(all(root, "article.report h3")[0]),
        "东胜区alert(1)\u{FFFD}2024年政府信息公开工作年度报告"
    );
    assert!(
        page.select(&sel("section.findings .at"))
            .all(|at| text(at).starts_with(&format!("./{name}:")))
    );
}

#[test]
fn output_goes_to_the_file_of_dash_o_and_a_bad_one_is_an_io_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("review.html");
    let out_name = out.to_str().expect("a UTF-8 path");
    let to_file = ogi(&["check", "--format", "html", "-o", out_name, EXAMPLE]);
    assert_eq!(
        (
            to_file.code,
            to_file.stdout.as_str(),
            to_file.stderr.as_str()
        ),
        (0, "", "")
    );
    let written = std::fs::read_to_string(&out).expect("the page");
    assert_eq!(written, ogi(&["check", "--format", "html", EXAMPLE]).stdout);

    // Every format can go to a file; `-` is stdout.
    let json_out = dir.path().join("out.json");
    let json = ogi(&[
        "check",
        "--format",
        "json",
        "--output",
        json_out.to_str().unwrap_or(""),
        EXAMPLE,
    ]);
    assert_eq!((json.code, json.stdout.as_str()), (0, ""));
    let stdout_json = ogi(&["check", "--format", "json", "-o", "-", EXAMPLE]);
    assert_eq!(
        std::fs::read_to_string(&json_out).ok(),
        Some(stdout_json.stdout)
    );
    // Text to a file is plain even when colour would be automatic.
    let text_out = dir.path().join("out.txt");
    ogi(&["check", "-o", text_out.to_str().unwrap_or(""), EXAMPLE]);
    let plain = std::fs::read_to_string(&text_out).expect("the text output");
    assert!(plain.contains("warning[label/nonstandard]") && !plain.contains('\x1b'));

    // A file that cannot be created: exit 2 before anything is checked.
    let bad = dir.path().join("no/such/dir/review.html");
    let bad_name = bad.to_str().expect("a UTF-8 path");
    let run = ogi(&["check", "--format", "html", "-o", bad_name, EXAMPLE]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        format!(
            "error: cannot write output to {bad_name}: No such file or directory (os error 2)\n"
        )
    );
    let is_dir = ogi(&["check", "-o", dir.path().to_str().unwrap_or(""), EXAMPLE]);
    assert_eq!(is_dir.code, 2);
    assert!(
        is_dir.stderr.starts_with("error: cannot write output to "),
        "{}",
        is_dir.stderr
    );
}

#[test]
fn the_output_file_is_never_checked_nor_an_input_overwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).expect("mkdir");
    write(&reports, "a.txt", example_text().as_bytes());
    // The page inside the folder it reviews: a second run does not read the first one's page.
    for _ in 0..2 {
        let run = ogi_in(
            dir.path(),
            &[
                "check",
                "--format",
                "html",
                "-o",
                "reports/review.html",
                "reports",
            ],
        );
        assert_eq!((run.code, run.stderr.as_str()), (0, ""));
        let page = std::fs::read_to_string(reports.join("review.html")).expect("the page");
        let page = parse(&page);
        assert_eq!(summary(&page)[0], ("files".to_string(), 1));
    }
    // Naming the output as an input would empty the report before it is read.
    let run = ogi_in(
        dir.path(),
        &["check", "reports/a.txt", "-o", "./reports/a.txt"],
    );
    assert_eq!((run.code, run.stdout.as_str()), (2, ""));
    assert_eq!(
        run.stderr,
        "error: the output file ./reports/a.txt is also an input (reports/a.txt): it would be overwritten\n"
    );
    assert_eq!(
        std::fs::read_to_string(reports.join("a.txt")).ok(),
        Some(example_text())
    );
}

#[test]
fn several_files_and_directories_add_up_in_the_summary() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = broken_copy(dir.path());
    let args = ["check", EXAMPLE, &broken, TREE];
    let run = ogi(&[&args[..], &["--format", "html"]].concat());
    assert_eq!(run.code, 1, "{}", run.stderr);
    let page = parse(&run.stdout);
    let json = ogi(&[&args[..], &["--format", "json"]].concat()).json();
    let s = &json["summary"];
    let n = |k: &str| s[k].as_u64().expect("a count");
    assert_eq!((n("files"), n("reports")), (8, 2));
    assert_eq!(
        summary(&page),
        counts(&[
            ("files", n("files")),
            ("reports", n("reports")),
            ("errors", n("errors")),
            ("warnings", n("warnings"))
        ])
    );
    // One section per file in the JSON's order, each listed in the index with its counts.
    let paths: Vec<String> = all(page.root_element(), "section.file > h2 .path")
        .into_iter()
        .map(text)
        .collect();
    assert_eq!(paths, json_paths(&json));
    let index = all(page.root_element(), "nav.index tbody tr");
    assert_eq!(index.len(), paths.len());
    for (row, file) in index.iter().zip(json["files"].as_array().expect("files")) {
        let cells: Vec<String> = children(*row, &["td"]).into_iter().map(text).collect();
        let count = |severity: &str| {
            file["diagnostics"].as_array().map_or(0, |ds| {
                ds.iter().filter(|d| d["severity"] == severity).count()
            })
        };
        assert_eq!(
            cells,
            [
                file["path"].as_str().unwrap_or("").to_string(),
                file["reports"].to_string(),
                count("error").to_string(),
                count("warning").to_string()
            ]
        );
    }
    assert_eq!(findings(&page).len() as u64, n("errors") + n("warnings"));
    // A file without a report says so.
    assert_eq!(all(page.root_element(), "section.file > p.none").len(), 6);
}

#[test]
fn the_page_speaks_the_locale_of_the_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = broken_copy(dir.path());
    let run = ogi(&["check", "--format", "html", "--locale", "en", &broken]);
    let page = parse(&run.stdout);
    let root = page.root_element();
    assert_eq!(root.value().attr("lang"), Some("en"));
    let labels: Vec<String> = all(root, "dl.summary dt").into_iter().map(text).collect();
    assert_eq!(labels, ["files", "reports", "errors", "warnings"]);
    let legend = text(all(root, "section.legend h2")[0]);
    assert_eq!(legend, "Legend");
    let tip = all(root, "tr[data-row=\"6\"] td.bad-total")[0]
        .value()
        .attr("title")
        .unwrap_or("");
    assert_eq!(
        tip.lines().next(),
        Some(
            "Table 3 · I. New applications this year · Total = 9 + 0 + 0 + 0 + 0 + 0 = 9 ✗ (the table says 8)"
        )
    );
    let json = ogi(&["check", "--format", "json", "--locale", "en", &broken]).json();
    let first = json["files"][0]["diagnostics"][0]["message"]
        .as_str()
        .unwrap_or("");
    assert_eq!(text(all(root, "section.findings li .message")[0]), first);
}

#[test]
fn help_documents_the_html_format_and_the_output_option() {
    let help = ogi(&["check", "--help"]).stdout;
    for needle in [
        "html",
        "-o, --output <FILE>",
        "HTML review page (--format html)",
    ] {
        assert!(help.contains(needle), "{needle} missing from:\n{help}");
    }
}

#[test]
fn every_layout_and_a_report_without_its_last_table_give_valid_rectangular_tables() {
    let dir = tempfile::tempdir().expect("temp dir");
    let example = example_text();
    let cut = example
        .find("四、政府信息公开行政复议")
        .expect("the 表四 heading");
    let truncated = write(dir.path(), "truncated.txt", &example.as_bytes()[..cut]);
    let layouts = root().join("tests/fixtures/layouts");
    let run = ogi(&[
        "check",
        "--format",
        "html",
        layouts.to_str().unwrap_or(""),
        truncated.to_str().unwrap_or(""),
    ]);
    let page = parse(&run.stdout);
    assert_eq!(summary(&page)[..2], counts(&[("files", 5), ("reports", 5)]));
    for table in all(page.root_element(), "main table.grid") {
        grid_width(table);
    }
    // The truncated report's 表四 is shown, with every cell marked absent and its row missing.
    let section = all(page.root_element(), "section.file")
        .into_iter()
        .find(|f| text(all(*f, "h2 .path")[0]).ends_with("truncated.txt"))
        .expect("the truncated report's section");
    let appeals = all(section, "section.t-appeals")[0];
    assert_eq!(text(all(appeals, "p.note")[0]), "报告中没有这张表。");
    assert_eq!(all(appeals, "tr.missing td.absent").len(), 15);
    assert!(
        all(section, "section.findings li.error code.rule")
            .into_iter()
            .any(|c| text(c) == "structure/missing-section")
    );
}

#[test]
fn the_checks_of_these_tests_reject_a_broken_page() {
    fn rejects(check: impl FnOnce() + std::panic::UnwindSafe) -> bool {
        std::panic::catch_unwind(check).is_err()
    }
    // A stray element inside a table, and an unclosed element at the end, are parse errors.
    assert!(rejects(|| {
        parse("<!DOCTYPE html><title>x</title><table><tr><td>1</td></tr><p>x</table>");
    }));
    assert!(rejects(|| {
        parse("<!DOCTYPE html><title>x</title><div>");
    }));
    assert!(rejects(|| {
        parse("<title>no doctype</title>");
    }));
    let table = |html: &'static str| {
        move || {
            let page = parse(html);
            grid_width(all(page.root_element(), "table")[0]);
        }
    };
    let ok = "<!DOCTYPE html><title>x</title><table><thead><tr><th colspan=\"2\">a</th><th rowspan=\"2\">b</th></tr><tr><th>c</th><th>d</th></tr></thead></table>";
    assert!(!rejects(table(ok)));
    // One cell short, a cell too many under a rowspan, a rowspan out of its group.
    for ragged in [
        "<!DOCTYPE html><title>x</title><table><tbody><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></tbody></table>",
        "<!DOCTYPE html><title>x</title><table><tbody><tr><td rowspan=\"2\">1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></tbody></table>",
        "<!DOCTYPE html><title>x</title><table><tbody><tr><td rowspan=\"3\">1</td><td>2</td></tr><tr><td>3</td></tr></tbody></table>",
    ] {
        assert!(rejects(table(ragged)), "{ragged}");
    }
}
