//! Runs the real `ogi-lsp` binary for the `check` tests, from the package root so that fixture
//! paths print as they are written here.
#![allow(dead_code)] // each test crate uses its own part of the helpers

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

pub const EXAMPLE: &str = "tests/fixtures/dongsheng-2024.txt";
pub const TREE: &str = "tests/fixtures/cli/tree";

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        match serde_json::from_str(&self.stdout) {
            Ok(v) => v,
            Err(e) => panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            ),
        }
    }
}

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn ogi(args: &[&str]) -> Run {
    ogi_with(args, None, root())
}

pub fn ogi_stdin(args: &[&str], input: &[u8]) -> Run {
    ogi_with(args, Some(input), root())
}

pub fn ogi_in(dir: &Path, args: &[&str]) -> Run {
    ogi_with(args, None, dir)
}

fn ogi_with(args: &[&str], input: Option<&[u8]>, dir: &Path) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ogi-lsp"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn ogi-lsp");
    if let Some(bytes) = input {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(bytes)
            .expect("write stdin");
    }
    let out = child.wait_with_output().expect("wait for ogi-lsp");
    Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}

pub fn example_text() -> String {
    std::fs::read_to_string(root().join(EXAMPLE)).expect("example report")
}

/// The example report with the 总计 of 一、本年新收政府信息公开申请数量 raised from 8 to 9, so that the
/// row no longer balances.
pub fn unbalanced_text() -> String {
    let text = example_text();
    let marker = "一、本年新收政府信息公开申请数量 |\n8 |\n0 |\n0 |\n0 |\n0 |\n0 |\n8 |";
    assert!(text.contains(marker), "the example report changed");
    text.replacen(marker, &marker.replace("0 |\n8 |", "0 |\n9 |"), 1)
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

/// The `path` of every file in a JSON output, in order.
pub fn json_paths(v: &Value) -> Vec<String> {
    v["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["path"].as_str().expect("path").to_string())
        .collect()
}
