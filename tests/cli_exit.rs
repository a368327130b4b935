//! `ogi-lsp check`: exit codes, usage errors, unreadable inputs and the command-line surface.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

mod cli_common;

use cli_common::*;

#[test]
fn files_without_errors_exit_0() {
    let run = ogi(&["check", TREE]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "共检查 6 个文件（0 份报告）：0 个错误，0 个警告\n"
    );
    assert_eq!(run.stderr, "");
}

#[test]
fn an_unbalanced_table_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "unbalanced.txt", unbalanced_text().as_bytes());
    let run = ogi(&["check", path.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains(": error[balance/"), "{}", run.stdout);
}

#[test]
fn usage_errors_exit_2_with_a_message() {
    for (args, says) in [
        (&["bogus"][..], "unrecognized subcommand 'bogus'"),
        (
            &["check", "--format", "xml", TREE][..],
            "invalid value 'xml'",
        ),
        (&["check", "--locale", "fr", TREE][..], "invalid value 'fr'"),
        (&["check", "--nope"][..], "unexpected argument '--nope'"),
        (&["--nope"][..], "unexpected argument '--nope'"),
    ] {
        let run = ogi(args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
        assert_eq!(run.stdout, "", "{args:?}");
    }
}

#[test]
fn help_and_version_exit_0() {
    let help = ogi(&["--help"]);
    assert_eq!(help.code, 0);
    assert!(
        help.stdout.contains("check") && help.stdout.contains("serve"),
        "{}",
        help.stdout
    );

    let check_help = ogi(&["check", "--help"]);
    assert_eq!(check_help.code, 0);
    for needle in [
        "--format",
        "--config",
        "\"label/nonstandard\" = \"off\"",
        "Exit status",
        "ogi-disable",
    ] {
        assert!(
            check_help.stdout.contains(needle),
            "{needle} missing from:\n{}",
            check_help.stdout
        );
    }

    let version = ogi(&["--version"]);
    assert_eq!(
        (version.code, version.stdout.as_str()),
        (0, concat!("ogi-lsp ", env!("CARGO_PKG_VERSION"), "\n"))
    );
}

#[test]
fn a_missing_path_is_reported_and_the_rest_still_checked() {
    let run = ogi(&["check", "--format", "json", "no/such/report.txt", EXAMPLE]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no/such/report.txt: "),
        "{}",
        run.stderr
    );
    assert_eq!(json_paths(&run.json()), [EXAMPLE]);
}

#[test]
fn a_non_utf8_file_is_reported_with_its_byte_and_the_rest_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let mut gbk = "一、总体情况\n".as_bytes().to_vec();
    let bad_at = gbk.len();
    gbk.extend([0xB1, 0xA8, 0xB8, 0xE6]); // 报告 in GBK
    write(dir.path(), "a-gbk.txt", &gbk);
    write(dir.path(), "b-good.txt", example_text().as_bytes());

    let run = ogi_in(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        format!("error: ./a-gbk.txt: not valid UTF-8 (byte {bad_at})\n")
    );
    let json = run.json();
    assert_eq!(json_paths(&json), ["./b-good.txt"]);
    assert_eq!(json["summary"]["files"], 1);
    assert_eq!(json["summary"]["reports"], 1);

    let text = ogi_in(dir.path(), &["check", "--locale", "en", "."]);
    assert_eq!(text.code, 2);
    assert!(
        text.stdout.ends_with("; 1 file could not be read\n"),
        "{}",
        text.stdout
    );
}

#[test]
fn a_bom_is_accepted_and_does_not_move_positions() {
    let dir = tempfile::tempdir().unwrap();
    let plain = write(dir.path(), "plain.txt", example_text().as_bytes());
    let with_bom = write(
        dir.path(),
        "bom.txt",
        format!("\u{FEFF}{}", example_text()).as_bytes(),
    );
    let run = |p: &std::path::Path| ogi(&["check", "--format", "json", p.to_str().unwrap()]).json();
    let (a, b) = (run(&plain), run(&with_bom));
    assert_eq!(a["files"][0]["reports"], 1);
    assert_eq!(a["files"][0]["diagnostics"], b["files"][0]["diagnostics"]);
    assert_eq!(a["summary"], b["summary"]);
}

#[test]
fn configuration_switches_rules_off_and_relevels_them() {
    let dir = tempfile::tempdir().unwrap();
    let off = write(
        dir.path(),
        "off.toml",
        b"[rules]\n\"label/nonstandard\" = \"off\"\n",
    );
    let error = write(
        dir.path(),
        "error.json",
        br#"{"rules":{"label/nonstandard":"error"}}"#,
    );
    let typo = write(
        dir.path(),
        "typo.json",
        br#"{"rules":{"label/non-standard":"off"}}"#,
    );

    let quiet = ogi(&[
        "check",
        "--format",
        "json",
        "--config",
        off.to_str().unwrap(),
        EXAMPLE,
    ])
    .json();
    assert_eq!(quiet["summary"]["warnings"], 0);
    assert_eq!(
        quiet["files"][0]["diagnostics"].as_array().map(Vec::len),
        Some(0)
    );

    let loud = ogi(&["check", "--config", error.to_str().unwrap(), EXAMPLE]);
    assert_eq!(loud.code, 1, "{}", loud.stdout);
    assert!(
        loud.stdout.contains("error[label/nonstandard]"),
        "{}",
        loud.stdout
    );

    let bad = ogi(&["check", "--config", typo.to_str().unwrap(), EXAMPLE]);
    assert_eq!((bad.code, bad.stdout.as_str()), (2, ""));
    assert!(
        bad.stderr
            .contains("unknown rule code `label/non-standard`"),
        "{}",
        bad.stderr
    );

    let missing = ogi(&["check", "--config", "no-such-config.toml", EXAMPLE]);
    assert_eq!(missing.code, 2);
    assert!(
        missing
            .stderr
            .contains("no-such-config.toml: cannot read config"),
        "{}",
        missing.stderr
    );
}
