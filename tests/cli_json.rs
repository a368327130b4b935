//! `ogi-lsp check --format json`: the exact shape of SPEC §5, and the positions of the example report's
//! findings (0-based lines, UTF-16 columns).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

mod cli_common;

use cli_common::*;
use ogi_lsp::analysis::Rule;
use serde_json::{Map, Value};

fn keys(v: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = v
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

fn count(v: &Value) -> u64 {
    v.as_u64().unwrap_or_else(|| panic!("not a count: {v}"))
}

fn check_range(range: &Value) {
    assert_eq!(keys(range), ["end", "start"]);
    for end in ["start", "end"] {
        assert_eq!(keys(&range[end]), ["character", "line"]);
        count(&range[end]["line"]);
        count(&range[end]["character"]);
    }
    let at = |end: &str| (count(&range[end]["line"]), count(&range[end]["character"]));
    assert!(at("start") <= at("end"), "{range}");
}

/// Checks every key and type of a whole output and returns (errors, warnings) counted from it.
fn check_shape(v: &Value) -> (u64, u64) {
    assert_eq!(keys(v), ["files", "summary", "version"]);
    assert_eq!(v["version"], 1);
    let (mut errors, mut warnings, mut reports) = (0, 0, 0);
    let files = v["files"].as_array().expect("files");
    for file in files {
        assert_eq!(keys(file), ["diagnostics", "path", "reports"]);
        assert!(file["path"].is_string());
        reports += count(&file["reports"]);
        for d in file["diagnostics"].as_array().expect("diagnostics") {
            assert_eq!(keys(d), ["code", "message", "range", "related", "severity"]);
            assert!(
                Rule::from_code(d["code"].as_str().expect("code")).is_some(),
                "{d}"
            );
            assert!(!d["message"].as_str().expect("message").is_empty());
            match d["severity"].as_str().expect("severity") {
                "error" => errors += 1,
                "warning" => warnings += 1,
                "information" | "hint" => {}
                other => panic!("severity {other}"),
            }
            check_range(&d["range"]);
            for r in d["related"].as_array().expect("related") {
                assert_eq!(keys(r), ["message", "range"]);
                assert!(r["message"].is_string());
                check_range(&r["range"]);
            }
        }
    }
    let summary: &Map<String, Value> = v["summary"].as_object().expect("summary");
    assert_eq!(
        keys(&v["summary"]),
        ["errors", "files", "reports", "warnings"]
    );
    assert_eq!(summary["files"], files.len());
    assert_eq!(summary["reports"], reports);
    assert_eq!(
        (summary["errors"].clone(), summary["warnings"].clone()),
        (errors.into(), warnings.into())
    );
    (errors, warnings)
}

#[test]
fn every_key_and_type_of_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "unbalanced.txt", unbalanced_text().as_bytes());
    let run = ogi(&[
        "check",
        "--format",
        "json",
        EXAMPLE,
        path.to_str().unwrap(),
        TREE,
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json = run.json();
    let (errors, warnings) = check_shape(&json);
    assert!(
        errors >= 1 && warnings >= 2,
        "{errors} errors, {warnings} warnings"
    );
    // An equation names its other cells.
    let files = json["files"].as_array().expect("files");
    let unbalanced = files
        .iter()
        .find(|f| {
            f["path"]
                .as_str()
                .is_some_and(|p| p.ends_with("unbalanced.txt"))
        })
        .expect("the unbalanced file");
    let equation = |d: &Value| {
        d["code"]
            .as_str()
            .is_some_and(|c| c.starts_with("balance/"))
            && d["related"].as_array().is_some_and(|r| !r.is_empty())
    };
    assert!(
        unbalanced["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .any(equation),
        "{unbalanced}"
    );
}

#[test]
fn an_empty_run_still_has_the_full_shape() {
    let json = ogi(&["check", "--format", "json", TREE]).json();
    assert_eq!(check_shape(&json), (0, 0));
    assert_eq!(json["summary"]["files"], 6);
}

/// The text between two UTF-16 columns of a line.
fn utf16_slice(line: &str, start: u64, end: u64) -> String {
    let units: Vec<u16> = line.encode_utf16().collect();
    String::from_utf16_lossy(&units[start as usize..(end as usize).min(units.len())])
}

#[test]
fn the_example_report_has_two_nonstandard_labels_at_yuqi() {
    let run = ogi(&["check", "--format", "json", EXAMPLE]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    check_shape(&json);
    let text = example_text();
    let lines: Vec<&str> = text.split('\n').collect();
    let diagnostics = json["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics");
    assert_eq!(diagnostics.len(), 2, "{diagnostics:?}");
    for (d, line) in diagnostics.iter().zip([248, 257]) {
        assert_eq!(
            (d["code"].as_str(), d["severity"].as_str()),
            (Some("label/nonstandard"), Some("warning"))
        );
        let (start, end) = (&d["range"]["start"], &d["range"]["end"]);
        assert_eq!(
            (start["line"].as_u64(), end["line"].as_u64()),
            (Some(line), Some(line))
        );
        // The range is the label holding 预期: its UTF-16 columns cut exactly that text.
        let yuqi = lines[line as usize].find("预期").expect("预期 on the line");
        let yuqi = lines[line as usize][..yuqi].encode_utf16().count() as u64;
        let (s, e) = (count(&start["character"]), count(&end["character"]));
        assert!(
            s <= yuqi && yuqi + 2 <= e,
            "{s}..{e} does not cover 预期 at {yuqi}"
        );
        let under = utf16_slice(lines[line as usize], s, e);
        assert!(
            under.contains("预期") && lines[line as usize].contains(&under),
            "{under}"
        );
    }
    assert_eq!(json["summary"]["warnings"], 2);
    assert_eq!(json["summary"]["errors"], 0);
}

#[test]
fn utf16_columns_after_chinese_cells_in_a_markdown_table() {
    let json = ogi(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/layouts/l2-markdown.md",
    ])
    .json();
    let d = &json["files"][0]["diagnostics"][0];
    // `| 三、本年度办理结果 | （六）其他处理 ` is 22 UTF-16 units, then `1.申请人无正当理由` 10 more:
    // the finding covers 预期, the characters that differ from the template.
    assert_eq!(
        d["range"],
        serde_json::json!({
            "start": { "line": 61, "character": 32 },
            "end": { "line": 61, "character": 34 }
        })
    );
}

#[test]
fn english_messages_with_locale_en() {
    let zh = ogi(&["check", "--format", "json", EXAMPLE]).json();
    let en = ogi(&["check", "--format", "json", "--locale", "en", EXAMPLE]).json();
    let message = |v: &Value| {
        v["files"][0]["diagnostics"][0]["message"]
            .as_str()
            .map(str::to_string)
    };
    let (zh, en) = (
        message(&zh).expect("a zh message"),
        message(&en).expect("an en message"),
    );
    assert_ne!(zh, en);
    assert!(
        zh.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)),
        "{zh}"
    );
    let english_words = en
        .split_whitespace()
        .filter(|w| w.chars().all(|c| c.is_ascii_alphabetic()))
        .count();
    assert!(english_words >= 2, "{en}");
}

#[test]
fn inputs_that_cannot_be_read_are_listed_apart_with_their_reason() {
    let dir = tempfile::tempdir().expect("a scratch directory");
    let bad = write(dir.path(), "gbk.txt", &[0xB1, 0xA8, 0xB8, 0xE6]);
    let scan = write(dir.path(), "scan.pdf", b"%PDF-1.4 truncated");
    let good = write(dir.path(), "report.txt", example_text().as_bytes());
    let run = ogi(&[
        "check",
        "--format",
        "json",
        dir.path().to_str().expect("utf-8 path"),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let json = run.json();
    let listed: Vec<(String, String)> = json["unreadable"]
        .as_array()
        .expect("an unreadable list")
        .iter()
        .map(|u| {
            assert_eq!(keys(u), ["path", "reason"]);
            (
                u["path"].as_str().expect("path").to_string(),
                u["reason"].as_str().expect("reason").to_string(),
            )
        })
        .collect();
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert_eq!(listed[0].0, bad.display().to_string());
    assert!(listed[0].1.contains("not valid UTF-8"), "{listed:?}");
    assert_eq!(listed[1].0, scan.display().to_string());
    assert!(listed[1].1.contains("not a readable PDF"), "{listed:?}");
    // The file that could be read is checked as usual.
    let paths: Vec<&str> = json["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert_eq!(paths, [good.display().to_string()]);
    assert_eq!(json["summary"]["warnings"], 2);
}
