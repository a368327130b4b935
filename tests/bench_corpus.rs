//! The benchmark corpus (benches/support/corpus.rs) gives the same findings however it reaches
//! `check --format json`: as one compilation, as one file per copy, and the compilation through stdin —
//! in every layout, clean and with an error in every copy. The guard every optimisation of reading and
//! output (mmap or buffered reading, streaming JSON) must keep passing; it also keeps true the findings
//! per copy that the corpus MANIFEST promises to benches/run.sh.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

mod cli_common;
#[path = "../benches/support/corpus.rs"]
mod corpus;

use cli_common::{ogi, ogi_stdin};
use corpus::{Kind, Layout, Template};
use serde_json::Value;

/// Copies per compilation: enough for every copy number to give different figures (they cycle over
/// 50), small enough for a debug build to check in seconds.
const COPIES: usize = 120;

/// A compilation and where each copy starts and where its （七）总计 · 总计 figure is.
struct Compilation {
    text: String,
    /// The first line of each copy (0-based).
    first_lines: Vec<usize>,
    /// (line, UTF-16 start, UTF-16 end) of each copy's （七）总计 · 总计 figure, document-absolute.
    totals: Vec<(usize, usize, usize)>,
}

fn compilation(template: &Template, kind: Kind) -> Compilation {
    let mut text = String::new();
    let (mut first_lines, mut totals) = (Vec::new(), Vec::new());
    let mut lines = 0;
    for n in 1..=COPIES {
        let start = text.len();
        first_lines.push(lines);
        let total = template.write(&mut text, n, kind);
        let line_start = text[..total.start].rfind('\n').map_or(0, |i| i + 1);
        let line = lines + text[start..total.start].matches('\n').count();
        let column = |at: usize| text[line_start..at].encode_utf16().count();
        totals.push((line, column(total.start), column(total.end)));
        lines += text[start..].matches('\n').count();
    }
    Compilation {
        text,
        first_lines,
        totals,
    }
}

fn check(args: &[&str], stdin: Option<&[u8]>) -> Value {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let run = match stdin {
        Some(bytes) => ogi_stdin(&all, bytes),
        None => ogi(&all),
    };
    // 1: errors were found; 0: warnings only. Anything else is a failure to read.
    assert!(
        run.code <= 1,
        "{args:?} exited {}: {}",
        run.code,
        run.stderr
    );
    assert_eq!(run.stderr, "", "{args:?}");
    run.json()
}

fn diagnostics(file: &Value) -> &Vec<Value> {
    file["diagnostics"].as_array().expect("a diagnostics array")
}

fn line(v: &Value) -> usize {
    v.as_u64().expect("a line number") as usize
}

/// `diagnostic` with every line (its range and its related ranges) moved down by `by`.
fn moved(diagnostic: &Value, by: usize) -> Value {
    let shift = |range: &mut Value| {
        for end in ["start", "end"] {
            range[end]["line"] = Value::from(line(&range[end]["line"]) + by);
        }
    };
    let mut d = diagnostic.clone();
    shift(&mut d["range"]);
    if let Some(related) = d.get_mut("related").and_then(Value::as_array_mut) {
        for r in related {
            shift(&mut r["range"]);
        }
    }
    d
}

/// Copies 1–COPIES of `layout` as a compilation (a), as separate files (b) and through stdin (c).
fn agrees(layout: Layout) {
    let template = Template::new(layout);
    let dir = tempfile::tempdir().expect("a scratch directory");
    for kind in Kind::ALL {
        let corpus = compilation(&template, kind);
        let name = format!("{}-{}", layout.name(), kind.name());
        let big = dir.path().join(format!("{name}.{}", layout.extension()));
        std::fs::write(&big, &corpus.text).expect("write the compilation");
        let tree = dir.path().join(&name);
        std::fs::create_dir(&tree).expect("create the file tree");
        for n in 1..=COPIES {
            let copy = template.copy(n, kind);
            let path = tree.join(format!("{n:03}.{}", layout.extension()));
            std::fs::write(&path, copy.text).expect("write a copy");
        }

        let (a, b, c) = (
            check(&[big.to_str().expect("a UTF-8 path")], None),
            check(&[tree.to_str().expect("a UTF-8 path")], None),
            check(&["-"], Some(corpus.text.as_bytes())),
        );
        let whole = &a["files"][0];
        assert_eq!(
            whole["reports"], COPIES,
            "{name}: reports in the compilation"
        );
        // (c) is (a) read another way: the same diagnostics, byte for byte.
        assert_eq!(a["files"].as_array().map(Vec::len), Some(1), "{name}");
        assert_eq!(c["files"][0]["path"], "<stdin>", "{name}");
        assert_eq!(
            c["files"][0]["diagnostics"], whole["diagnostics"],
            "{name}: stdin"
        );
        assert_eq!(c["summary"], a["summary"], "{name}: stdin summary");

        // Each copy's findings, in the compilation (a) and in its own file (b).
        let files = b["files"].as_array().expect("a files array");
        assert_eq!(files.len(), COPIES, "{name}: files");
        let mut per_copy = vec![Vec::new(); COPIES];
        for d in diagnostics(whole) {
            let at = line(&d["range"]["start"]["line"]);
            let copy = corpus.first_lines.partition_point(|&first| first <= at) - 1;
            per_copy[copy].push(d.clone());
        }
        for (i, found) in per_copy.iter().enumerate() {
            let n = i + 1;
            assert_eq!(found.len(), kind.findings_per_copy(), "{name}: copy {n}");
            let alone: Vec<Value> = diagnostics(&files[i])
                .iter()
                .map(|d| moved(d, corpus.first_lines[i]))
                .collect();
            assert_eq!(
                &alone, found,
                "{name}: copy {n} alone and in the compilation"
            );
            assert_eq!(files[i]["reports"], 1, "{name}: copy {n}");

            let codes: Vec<&str> = found
                .iter()
                .map(|d| d["code"].as_str().unwrap_or(""))
                .collect();
            let (total_line, from, to) = corpus.totals[i];
            let at_total = |d: &&Value| {
                line(&d["range"]["start"]["line"]) == total_line
                    && d["range"]["start"]["character"] == from
                    && d["range"]["end"]["character"] == to
            };
            match kind {
                Kind::Clean => assert_eq!(codes, ["label/nonstandard"; 2], "{name}: copy {n}"),
                Kind::Errors => {
                    assert_eq!(
                        codes,
                        [
                            "label/nonstandard",
                            "label/nonstandard",
                            "balance/row-total",
                            "balance/result-total",
                            "balance/intake-outcome"
                        ],
                        "{name}: copy {n}"
                    );
                    // The wrong total itself is what the row and result totals point at.
                    let pointing: Vec<&str> = found
                        .iter()
                        .filter(at_total)
                        .map(|d| d["code"].as_str().unwrap_or(""))
                        .collect();
                    assert_eq!(
                        pointing,
                        ["balance/row-total", "balance/result-total"],
                        "{name}: copy {n}"
                    );
                }
            }
        }
        let summary = &a["summary"];
        let errors = match kind {
            Kind::Clean => 0,
            Kind::Errors => 3 * COPIES,
        };
        assert_eq!(summary["errors"], errors, "{name}");
        assert_eq!(summary["warnings"], 2 * COPIES, "{name}");
        for key in ["reports", "errors", "warnings"] {
            assert_eq!(b["summary"][key], summary[key], "{name}: separate files");
        }
        assert_eq!(b["summary"]["files"], COPIES, "{name}: separate files");
    }
}

#[test]
fn l1_the_example_reads_the_same_as_one_file_as_many_and_through_stdin() {
    agrees(Layout::L1);
}

#[test]
fn l2_markdown_reads_the_same_as_one_file_as_many_and_through_stdin() {
    agrees(Layout::L2);
}

#[test]
fn l3_tabs_read_the_same_as_one_file_as_many_and_through_stdin() {
    agrees(Layout::L3);
}

#[test]
fn l4_html_reads_the_same_as_one_file_as_many_and_through_stdin() {
    agrees(Layout::L4);
}

#[test]
fn l5_pdf_text_reads_the_same_as_one_file_as_many_and_through_stdin() {
    agrees(Layout::L5);
}

#[test]
fn the_corpus_is_the_same_bytes_every_time_and_every_copy_differs() {
    for layout in Layout::ALL {
        let template = Template::new(layout);
        let (first, copies) = template.compilation(200_000, Kind::Errors);
        assert_eq!(
            (first.clone(), copies),
            Template::new(layout).compilation(200_000, Kind::Errors)
        );
        // Copy 1 is the example with its own title and figures one higher; only the total differs
        // between the two kinds.
        let (clean, errors) = (
            template.copy(1, Kind::Clean),
            template.copy(1, Kind::Errors),
        );
        assert_eq!(&clean.text[clean.total.clone()], "8", "{layout:?}");
        assert_eq!(&errors.text[errors.total.clone()], "9", "{layout:?}");
        assert!(clean.text.contains("第1局2024年政府信息公开工作年度报告"));
        assert!(
            !clean
                .text
                .contains("东胜区行政审批政务服务与数据管理局2024年")
        );
        assert!(clean.text.contains("全年共受理政府信息公开申请9件"));
        let (two, three) = (template.copy(2, Kind::Clean), template.copy(3, Kind::Clean));
        assert_ne!(two.text, three.text);
        assert_eq!(&three.text[three.total.clone()], "10", "{layout:?}");
    }
}

/// The JSON `check` streams to stdout and to `-o FILE` is, byte for byte, the document rendered whole
/// in memory from findings placed with their source lines (what the text format needs and the JSON
/// run now skips).
#[test]
fn the_streamed_json_equals_the_document_rendered_whole_with_source_lines() {
    use ogi_lsp::cli::check::{Options, Summary, check_text};
    use ogi_lsp::cli::{carryover, json};

    let dir = tempfile::tempdir().expect("a scratch directory");
    for layout in [Layout::L1, Layout::L4] {
        let corpus = compilation(&Template::new(layout), Kind::Errors);
        let big = dir.path().join(format!("errors.{}", layout.extension()));
        std::fs::write(&big, &corpus.text).expect("write the compilation");
        let name = big.to_str().expect("a UTF-8 path");

        let stdout = ogi(&["check", "--format", "json", name]);
        let out = dir.path().join("out.json");
        let to_file = ogi(&[
            "check",
            "--format",
            "json",
            "-o",
            out.to_str().expect("a UTF-8 path"),
            name,
        ]);
        assert_eq!((stdout.code, to_file.code), (1, 1), "errors were found");
        let written = std::fs::read_to_string(&out).expect("the output file");

        let options = Options::default();
        assert!(options.snippets, "placed as the text format places them");
        let mut files = vec![check_text(name, &corpus.text, &options)];
        carryover::link(&mut files, &options);
        let summary = Summary::new(&files, 0);
        let whole = json::render_run(&files, &[], &summary);

        assert_eq!(summary.errors, 3 * COPIES, "{}", layout.name());
        assert_eq!(stdout.stdout, whole, "{}: stdout", layout.name());
        assert_eq!(written, whole, "{}: -o", layout.name());
    }
}
