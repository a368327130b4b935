//! `ogi-lsp check` (text format): location, source line and a caret placed by display width under
//! Chinese text, and colour only when asked for or at a terminal.

mod cli_common;

use cli_common::*;

/// The three lines the text format prints for a diagnostic after its header: the source line under
/// its 1-based line number, and the caret line.
fn excerpt(out: &str, header: &str) -> (String, String) {
    let mut lines = out.lines().skip_while(|l| !l.starts_with(header));
    assert!(lines.next().is_some(), "no `{header}` in:\n{out}");
    let _gutter = lines.next();
    let source = lines.next().expect("source line").to_string();
    let caret = lines.next().expect("caret line").to_string();
    (source, caret)
}

#[test]
fn example_report_carets_sit_under_yuqi() {
    let run = ogi(&["check", EXAMPLE]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // 预期 is the 11th character of line 249 and the 6th of line 258; before it stand "1." or "2."
    // (one column each) and eight or three Han characters (two columns each).
    for (line, col, source, pad) in [
        (
            249,
            11,
            "1.申请人无正当理由预期不补正、行政机关不再处理其政府信息公开申请 |",
            2 + 8 * 2,
        ),
        (
            258,
            6,
            "2.申请人预期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 |",
            2 + 3 * 2,
        ),
    ] {
        let header = format!("{EXAMPLE}:{line}:{col}: warning[label/nonstandard]: ");
        let (shown, caret) = excerpt(&run.stdout, &header);
        assert_eq!(shown, format!("{line} | {source}"));
        assert_eq!(caret, format!("    | {}^^^^", " ".repeat(pad)));
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
