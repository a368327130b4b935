//! `carryover/mismatch` across the files of one run and within one compilation: this year's
//! 二、上年结转 against the same agency's previous-year 四、结转下年度继续办理.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

mod cli_common;
#[path = "support/years.rs"]
mod years;

use cli_common::*;
use serde_json::Value;

fn carryovers(run: &Value, path_end: &str) -> Vec<Value> {
    run["files"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["path"].as_str().is_some_and(|p| p.ends_with(path_end)))
        .flat_map(|f| f["diagnostics"].as_array().cloned().unwrap_or_default())
        .filter(|d| d["code"] == "carryover/mismatch")
        .collect()
}

#[test]
fn a_predecessor_in_another_file_that_disagrees_gives_one_finding_on_this_years_cell() {
    let dir = tempfile::tempdir().unwrap();
    // 2023 carried 2 科研机构 requests forward; 2024 carried in none.
    years::write_pair(dir.path(), [0, 0, 2, 0, 0, 0, 2]);
    let run = ogi_in(dir.path(), &["check", "--format", "json", "."]).json();
    let found = carryovers(&run, "2024.txt");
    assert_eq!(found.len(), 1, "{found:?}");
    let d = &found[0];
    let line = years::carried_in_line(years::EXAMPLE) + 2; // the 科研机构 column
    assert_eq!(d["range"]["start"]["line"], line);
    assert_eq!(d["severity"], "warning");
    let message = d["message"].as_str().unwrap_or_default();
    assert!(message.contains("2023.txt 第"), "{message}");
    assert!(message.contains("科研机构 本表 0，上年 2"), "{message}");
    assert!(message.contains("总计 本表 0，上年 2"), "{message}");
    assert!(!message.contains("自然人"), "{message}");
    assert_eq!(d["related"][0]["path"], "./2023.txt");
    assert!(carryovers(&run, "2023.txt").is_empty());

    // Fixed on disk: nothing.
    years::write(dir.path(), "2023.txt", &years::report(2023, [0; 7]));
    let run = ogi_in(dir.path(), &["check", "--format", "json", "."]).json();
    assert!(carryovers(&run, "2024.txt").is_empty());
}

#[test]
fn within_one_compilation_the_earlier_report_is_the_predecessor() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{}\n{}",
        years::titled(2023, &years::report(2023, [1, 0, 0, 0, 0, 0, 1])),
        years::titled(2024, years::EXAMPLE)
    );
    years::write(dir.path(), "all.txt", &text);
    let run = ogi_in(
        dir.path(),
        &["check", "--format", "json", "--locale", "en", "all.txt"],
    )
    .json();
    let found = carryovers(&run, "all.txt");
    assert_eq!(found.len(), 1, "{found:?}");
    let second = text
        .rfind(&format!("{}2024年", years::AGENCY))
        .unwrap_or_default();
    let line =
        years::carried_in_line(&text[second..]) + text[..second].matches('\n').count() as u32;
    assert_eq!(found[0]["range"]["start"]["line"], line);
    assert_eq!(
        found[0]["message"],
        format!(
            "Carried over differs from carried forward in the 2023 report (all.txt line {}): natural persons 0 here, 1 last year; total 0 here, 1 last year",
            text[..text.find("四、结转下年度继续办理").unwrap_or_default()]
                .matches('\n')
                .count()
                + 1
        )
    );
    assert!(found[0]["related"][0].get("path").is_none());
}

#[test]
fn different_agencies_are_never_compared() {
    let dir = tempfile::tempdir().unwrap();
    years::write(dir.path(), "2024.txt", years::EXAMPLE);
    let other = years::by("东胜区统计局", &years::report(2023, [5, 0, 0, 0, 0, 0, 5]));
    years::write(dir.path(), "2023.txt", &other);
    let run = ogi_in(dir.path(), &["check", "--format", "json", "."]).json();
    assert!(carryovers(&run, ".txt").is_empty());
}

#[test]
fn two_different_predecessors_are_reported_and_the_rule_can_be_switched_off() {
    let dir = tempfile::tempdir().unwrap();
    years::write(dir.path(), "2024.txt", years::EXAMPLE);
    years::write(
        dir.path(),
        "a.txt",
        &years::report(2023, [1, 0, 0, 0, 0, 0, 1]),
    );
    years::write(dir.path(), "b.txt", &years::report(2023, [0; 7]));
    let run = ogi_in(dir.path(), &["check", "--format", "json", "."]).json();
    let found = carryovers(&run, "2024.txt");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["severity"], "information");
    let message = found[0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("有 2 份"), "{message}");

    years::write(
        dir.path(),
        "off.toml",
        "[rules]\n\"carryover/mismatch\" = \"off\"\n",
    );
    years::write(
        dir.path(),
        "b.txt",
        &years::report(2023, [1, 0, 0, 0, 0, 0, 1]),
    );
    let on = ogi_in(dir.path(), &["check", "--format", "json", "."]).json();
    assert_eq!(carryovers(&on, "2024.txt").len(), 1);
    let off = ogi_in(
        dir.path(),
        &["check", "--format", "json", "--config", "off.toml", "."],
    )
    .json();
    assert!(carryovers(&off, "2024.txt").is_empty());
}

#[test]
fn the_text_format_names_the_other_file_in_the_note() {
    let dir = tempfile::tempdir().unwrap();
    years::write_pair(dir.path(), [1, 0, 0, 0, 0, 0, 1]);
    let run = ogi_in(
        dir.path(),
        &["check", "--color", "never", "2024.txt", "2023.txt"],
    );
    let line = years::carried_in_line(years::EXAMPLE) + 1;
    assert!(
        run.stdout
            .contains(&format!("2024.txt:{line}:1: warning[carryover/mismatch]")),
        "{}",
        run.stdout
    );
    let out_line = years::EXAMPLE[..years::EXAMPLE
        .find("四、结转下年度继续办理")
        .unwrap_or_default()]
        .matches('\n')
        .count()
        + 2;
    assert!(
        run.stdout
            .contains(&format!("= note: 2023.txt:{out_line}:1:")),
        "{}",
        run.stdout
    );
}

#[test]
fn the_review_page_lists_the_finding_under_its_report_and_names_the_agency() {
    let dir = tempfile::tempdir().unwrap();
    years::write_pair(dir.path(), [1, 0, 0, 0, 0, 0, 1]);
    let run = ogi_in(
        dir.path(),
        &["check", "--format", "html", "2024.txt", "2023.txt"],
    );
    let page = scraper::Html::parse_document(&run.stdout);
    let select = |css: &str| scraper::Selector::parse(css).unwrap_or_else(|e| panic!("{css}: {e}"));
    let section = page
        .select(&select("section.file"))
        .find(|s| {
            s.select(&select(".path"))
                .any(|p| p.text().collect::<String>() == "2024.txt")
        })
        .expect("2024.txt's section");
    let rules: Vec<String> = section
        .select(&select(".findings code.rule"))
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(
        rules,
        [
            "carryover/mismatch",
            "label/nonstandard",
            "label/nonstandard"
        ]
    );
    let agency: Vec<String> = page
        .select(&select(".where .agency"))
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(agency, [years::AGENCY, years::AGENCY]);
    // The summary counts it: 2024's two typos and the carry-over, 2023's two typos.
    let warnings: String = page
        .select(&select("[data-summary=warnings]"))
        .flat_map(|e| e.text())
        .collect();
    assert_eq!(warnings, "5");
}
