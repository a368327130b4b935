//! `ogi-lsp check --format sarif`: every log validates against the official SARIF 2.1.0 schema
//! (tests/fixtures/cli/sarif-schema-2.1.0.json, source in SOURCES.md beside it), with formats checked.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

mod cli_common;
mod documents;

use cli_common::*;
use documents::{Example, docx, pdf, raise, title};
use ogi_lsp::analysis::{Finding, Locale, Message, Related, Rule};
use ogi_lsp::cli::check::{FileReport, Options, place_all};
use ogi_lsp::cli::inputs::Failure;
use ogi_lsp::cli::sarif;
use serde_json::{Value, json};

fn schema_errors(log: &Value) -> Vec<String> {
    let schema_text =
        std::fs::read_to_string(root().join("tests/fixtures/cli/sarif-schema-2.1.0.json")).unwrap();
    let schema: Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn assert_valid(log: &Value) {
    let errors = schema_errors(log);
    assert!(errors.is_empty(), "{errors:#?}\n{log:#}");
}

#[test]
fn the_binary_writes_a_valid_log_with_every_rule_and_unreadable_inputs_as_notifications() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bad.txt", &[b'a', 0xFF]);
    write(dir.path(), "报告.txt", unbalanced_text().as_bytes());
    let run = ogi_in(
        dir.path(),
        &["check", "--format", "sarif", "bad.txt", "报告.txt"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    let log: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_valid(&log);

    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["runs"].as_array().map(Vec::len), Some(1));
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    assert_eq!(run["tool"]["driver"]["name"], "ogi-lsp");
    let ids: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    let codes: Vec<&str> = Rule::ALL.iter().map(|r| r.code()).collect();
    assert_eq!(ids, codes);
    assert_eq!(
        run["tool"]["driver"]["rules"][0]["shortDescription"]["text"],
        Rule::ALL[0].describe(Locale::Zh)
    );

    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert_eq!(
        invocation["toolExecutionNotifications"],
        json!([{
            "level": "error",
            "message": { "text": "not valid UTF-8 (byte 1)" },
            "locations": [{ "physicalLocation": { "artifactLocation": { "uri": "bad.txt" } } }]
        }])
    );

    let results = run["results"].as_array().unwrap();
    assert!(
        results.iter().any(|r| r["level"] == "error"),
        "{results:#?}"
    );
    for r in results {
        let uri = &r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
        assert_eq!(uri, "%E6%8A%A5%E5%91%8A.txt");
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(r["ruleId"].as_str(), Some(codes[index]));
    }
}

#[test]
fn the_example_report_regions_are_the_json_ranges_one_based() {
    let run = ogi(&["check", "--format", "sarif", EXAMPLE]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let log: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_valid(&log);
    assert_eq!(
        log["runs"][0]["invocations"][0]["executionSuccessful"],
        true
    );
    let results = log["runs"][0]["results"].as_array().unwrap();
    let json = ogi(&["check", "--format", "json", EXAMPLE]).json();
    let diagnostics = json["files"][0]["diagnostics"].as_array().unwrap();
    assert_eq!(results.len(), 2, "{results:#?}");
    assert_eq!(diagnostics.len(), 2);
    for (r, d) in results.iter().zip(diagnostics) {
        assert_eq!(r["ruleId"], d["code"]);
        assert_eq!(r["level"], "warning");
        assert_eq!(r["message"]["text"], d["message"]);
        let at = |end: &str, key: &str| d["range"][end][key].as_u64().unwrap() + 1;
        assert_eq!(
            r["locations"][0]["physicalLocation"]["region"],
            json!({
                "startLine": at("start", "line"),
                "startColumn": at("start", "character"),
                "endLine": at("end", "line"),
                "endColumn": at("end", "character")
            })
        );
    }
    let lines: Vec<u64> = results
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["region"]["startLine"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(lines, [249, 258]);
}

#[test]
fn constructed_findings_render_to_a_valid_log_with_exact_regions() {
    // 𠀀 (U+20000) takes two UTF-16 units: the columns after it prove the unit.
    let text = "表三\n𠀀预期 |\n7 |\n";
    let label = text.find("预期").unwrap();
    let seven = text.find('7').unwrap();
    let findings = vec![
        Finding::new(
            Rule::Nonstandard,
            label..label + "预期".len(),
            Message::new("应为“逾期”", "should be 逾期"),
        ),
        Finding::new(
            Rule::RowTotal,
            seven..seven + 1,
            Message::new("总计应为 8，实为 7", "total should be 8"),
        )
        .with_related(vec![Related {
            span: 0..3,
            message: Message::new("加数", "addend"),
        }]),
    ];
    let diagnostics = place_all(
        text,
        findings,
        &Options {
            locale: Locale::En,
            ..Options::default()
        },
    );
    let file = FileReport {
        name: "dir/a b.txt".into(),
        reports: 1,
        diagnostics,
        ledgers: Vec::new(),
    };
    let failure = Failure {
        name: "gbk.txt".into(),
        reason: "not valid UTF-8 (byte 0)".into(),
    };
    let log: Value = serde_json::from_str(&sarif::render(&[file], &[failure], Locale::En)).unwrap();
    assert_valid(&log);

    let results = &log["runs"][0]["results"];
    assert_eq!(
        results[0],
        json!({
            "ruleId": "label/nonstandard",
            "ruleIndex": Rule::ALL.iter().position(|&r| r == Rule::Nonstandard),
            "level": "warning",
            "message": { "text": "should be 逾期" },
            "locations": [{ "physicalLocation": {
                "artifactLocation": { "uri": "dir/a%20b.txt" },
                "region": { "startLine": 2, "startColumn": 3, "endLine": 2, "endColumn": 5 }
            }}]
        })
    );
    assert_eq!(results[1]["level"], "error");
    assert_eq!(
        results[1]["relatedLocations"],
        json!([{
            "id": 0,
            "physicalLocation": {
                "artifactLocation": { "uri": "dir/a%20b.txt" },
                "region": { "startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 2 }
            },
            "message": { "text": "addend" }
        }])
    );
    assert_eq!(
        log["runs"][0]["tool"]["driver"]["rules"][0]["shortDescription"]["text"],
        Rule::ALL[0].describe(Locale::En)
    );

    // The schema has teeth: a 0-based column or an unknown level is rejected.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] =
        json!(0);
    broken["runs"][0]["results"][1]["level"] = json!("fatal");
    assert_eq!(
        schema_errors(&broken).len(),
        2,
        "{:#?}",
        schema_errors(&broken)
    );
}

#[test]
fn results_in_a_pdf_or_docx_name_the_page_or_table_row_in_location_properties() {
    let dir = tempfile::tempdir().unwrap();
    let (layout, bytes) = pdf::of_text(&documents::raise_l5(pdf::L5));
    write(dir.path(), "raised.pdf", &bytes);
    let mut ex = Example::load();
    raise(&mut ex);
    write(dir.path(), "raised.docx", &docx::render(&ex, title()));
    let args = ["raised.docx", "raised.pdf"];
    let run = ogi_in(
        dir.path(),
        &[&["check", "--format", "sarif"], &args[..]].concat(),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let log: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_valid(&log);

    let json = ogi_in(
        dir.path(),
        &[&["check", "--format", "json"], &args[..]].concat(),
    )
    .json();
    let diagnostics: Vec<&Value> = (0..2)
        .flat_map(|i| json["files"][i]["diagnostics"].as_array().unwrap())
        .collect();
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 8, "{results:#?}");
    assert_eq!(results.len(), diagnostics.len());
    for (r, d) in results.iter().zip(&diagnostics) {
        let location = &r["locations"][0];
        let uri = &location["physicalLocation"]["artifactLocation"]["uri"];
        let properties = &location["properties"];
        assert_eq!(r["ruleId"], d["code"]);
        if uri == "raised.pdf" {
            assert_eq!(properties, &json!({ "page": d["page"] }), "{r:#}");
        } else {
            assert_eq!(uri, "raised.docx");
            let expected = json!({ "table": d["table"], "row": d["row"] });
            assert_eq!(properties, &expected, "{r:#}");
        }
        // Related places are lines of the same text view: no properties of their own.
        for related in r["relatedLocations"].as_array().into_iter().flatten() {
            assert_eq!(related.get("properties"), None);
        }
    }
    let row_total = |uri: &str| {
        results
            .iter()
            .find(|r| {
                r["ruleId"] == "balance/row-total"
                    && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri
            })
            .map(|r| r["locations"][0]["properties"].clone())
    };
    let page = layout.page_of("一、本年新收政府信息公开申请数量");
    assert_eq!(row_total("raised.pdf"), Some(json!({ "page": page })));
    assert_eq!(
        row_total("raised.docx"),
        Some(json!({ "table": 2, "row": 4 }))
    );
}
