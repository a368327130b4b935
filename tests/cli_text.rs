//! `ogi-lsp check` (text format): location, source line and a caret placed by display width under
//! Chinese text, and colour only when asked for or at a terminal.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

mod cli_common;

use cli_common::*;
use unicode_width::UnicodeWidthChar;

/// The source line and the caret line the text format prints after a diagnostic's header.
fn excerpt(out: &str, header: &str) -> (String, String) {
    let mut lines = out.lines().skip_while(|l| !l.starts_with(header));
    assert!(lines.next().is_some(), "no `{header}` in:\n{out}");
    let _gutter = lines.next();
    let source = lines.next().expect("source line").to_string();
    let caret = lines.next().expect("caret line").to_string();
    (source, caret)
}

/// The characters of `source` that stand above the carets of `caret`, as a terminal lays them out
/// (the gutters of both lines are equally wide).
fn underlined(source: &str, caret: &str) -> String {
    let from = caret.find('^').expect("a caret");
    let to = from + caret[from..].chars().take_while(|&c| c == '^').count();
    let mut col = 0;
    let mut out = String::new();
    for c in source.chars() {
        let w = c.width().unwrap_or(0);
        if col >= from && col + w <= to {
            out.push(c);
        }
        col += w;
    }
    out
}

#[test]
fn carets_sit_under_the_label_after_chinese_cells() {
    let path = "tests/fixtures/layouts/l2-markdown.md";
    let run = ogi(&["check", path]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // `| 三、本年度办理结果 | （六）其他处理 1.申请人无正当理由` is 32 characters and 56 terminal
    // columns; the caret marks 预期, the characters that differ from the template.
    let (source, caret) = excerpt(
        &run.stdout,
        &format!("{path}:62:33: warning[label/nonstandard]: "),
    );
    // A long line is shown from shortly before the finding; the caret still stands under 预期.
    assert!(
        source.starts_with("62 | ") && source.contains("（六）其他处理 1.申请人"),
        "{source}"
    );
    assert_eq!(underlined(&source, &caret), "预期");
}

#[test]
fn the_example_report_shows_both_labels_with_their_lines() {
    let run = ogi(&["check", EXAMPLE]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = ogi(&["check", "--format", "json", EXAMPLE]).json();
    let text = example_text();
    let lines: Vec<&str> = text.split('\n').collect();
    for d in json["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
    {
        let line = d["range"]["start"]["line"].as_u64().expect("line") as usize;
        let col = d["range"]["start"]["character"].as_u64().expect("column") as usize;
        let message = d["message"].as_str().expect("message");
        // Lines 249 and 258 have no character outside the BMP: UTF-16 and character columns agree.
        let header = format!(
            "{EXAMPLE}:{}:{}: warning[label/nonstandard]: {message}",
            line + 1,
            col + 1
        );
        let (source, caret) = excerpt(&run.stdout, &header);
        assert_eq!(source, format!("{} | {}", line + 1, lines[line]));
        assert!(
            underlined(&source, &caret).contains("预期"),
            "{source}\n{caret}"
        );
    }
    assert!(
        run.stdout
            .ends_with("共检查 1 个文件（1 份报告）：0 个错误，2 个警告\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn english_summary_with_locale_en() {
    let run = ogi(&["check", "--locale", "en", TREE]);
    assert_eq!(
        run.stdout,
        "checked 6 files (0 reports): 0 errors, 0 warnings\n"
    );
}

#[test]
fn colour_only_when_asked_for_or_at_a_terminal() {
    let piped = ogi(&["check", TREE]);
    assert!(!piped.stdout.contains('\x1b'), "{:?}", piped.stdout);
    let always = ogi(&["check", "--color", "always", TREE]);
    assert_eq!(
        always.stdout,
        "\x1b[1m共检查 6 个文件（0 份报告）：0 个错误，0 个警告\x1b[0m\n"
    );
    let never = ogi(&["check", "--color", "never", EXAMPLE]);
    assert!(!never.stdout.contains('\x1b'));
}
