//! `ogi-lsp check`: which inputs are read — directory walking, stdin, duplicates and output order.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

mod cli_common;

use cli_common::*;

const TREE_FILES: [&str; 6] = [
    "tests/fixtures/cli/tree/notes.txt",
    "tests/fixtures/cli/tree/page.htm",
    "tests/fixtures/cli/tree/page.html",
    "tests/fixtures/cli/tree/readme.md",
    "tests/fixtures/cli/tree/sub/deep.TXT",
    "tests/fixtures/cli/tree/sub/more.md",
];

#[test]
fn a_directory_walk_picks_report_extensions_only_and_skips_hidden_entries() {
    let run = ogi(&["check", "--format", "json", TREE]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(json_paths(&run.json()), TREE_FILES);
}

#[test]
fn a_file_named_explicitly_is_checked_whatever_its_extension() {
    let run = ogi(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/cli/tree/data.csv",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        json_paths(&run.json()),
        ["tests/fixtures/cli/tree/data.csv"]
    );
}

#[test]
fn each_file_is_checked_once_and_output_is_in_path_order() {
    let run = ogi(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/cli/tree/sub/more.md",
        TREE,
        "tests/fixtures/cli/tree/notes.txt",
        "./tests/fixtures/cli/tree/notes.txt",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    assert_eq!(json_paths(&json), TREE_FILES);
    assert_eq!(json["summary"]["files"], 6);
}

#[test]
fn dash_reads_stdin_once() {
    let run = ogi_stdin(
        &["check", "--format", "json", "-", "-"],
        example_text().as_bytes(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    assert_eq!(json_paths(&json), ["<stdin>"]);
    assert_eq!(json["files"][0]["reports"], 1);
}

#[test]
fn stdin_comes_before_files() {
    let run = ogi_stdin(
        &[
            "check",
            "--format",
            "json",
            "tests/fixtures/cli/tree/notes.txt",
            "-",
        ],
        b"plain text\n",
    );
    assert_eq!(
        json_paths(&run.json()),
        ["<stdin>", "tests/fixtures/cli/tree/notes.txt"]
    );
}

#[test]
fn without_paths_the_current_directory_is_checked() {
    let run = ogi_in(
        &root().join(TREE).join("sub"),
        &["check", "--format", "json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(json_paths(&run.json()), ["./deep.TXT", "./more.md"]);
}

#[test]
fn a_compilation_counts_every_report() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{0}\n{0}", example_text());
    let path = write(dir.path(), "compilation.md", text.as_bytes());
    let json = ogi(&["check", "--format", "json", path.to_str().unwrap()]).json();
    assert_eq!(json["files"][0]["reports"], 2);
    assert_eq!(json["summary"]["reports"], 2);
}
