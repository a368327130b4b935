//! `ogi-lsp check --format json`: the exact shape of SPEC §5, and the positions of the example report's
//! findings (0-based lines, UTF-16 columns).

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

#[test]
fn the_example_report_has_two_nonstandard_labels_at_yuqi() {
    let run = ogi(&["check", "--format", "json", EXAMPLE]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    check_shape(&json);
    let text = example_text();
    let diagnostics = json["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics");
    assert_eq!(diagnostics.len(), 2, "{diagnostics:?}");
    let lines: Vec<&str> = text.split('\n').collect();
    for (d, line) in diagnostics.iter().zip([248, 257]) {
        assert_eq!(
            (d["code"].as_str(), d["severity"].as_str()),
            (Some("label/nonstandard"), Some("warning"))
        );
        let column = lines[line]
            .find("预期")
            .map(|at| lines[line][..at].encode_utf16().count());
        assert_eq!(d["range"]["start"]["line"], line);
        assert_eq!(
            Some(count(&d["range"]["start"]["character"]) as usize),
            column
        );
        assert_eq!(d["range"]["end"]["line"], line);
    }
    assert_eq!(json["summary"]["warnings"], 2);
    assert_eq!(json["summary"]["errors"], 0);
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
