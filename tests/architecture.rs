//! The layering the README promises, checked: the core (analysis, template, statute) knows nothing
//! of the protocol, the async runtime or JSON, and its types are not serialisable; the protocol
//! crate appears only in `src/lsp`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn files_under(folder: &str) -> Vec<(PathBuf, String)> {
    let mut paths = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src")
            .join(folder),
        &mut paths,
    );
    assert!(!paths.is_empty(), "no sources under src/{folder}");
    paths
        .into_iter()
        .map(|p| (p.clone(), std::fs::read_to_string(&p).unwrap_or_default()))
        .collect()
}

/// The code of a file without its comments (a doc line may say what a module must not know).
fn code(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_core_knows_no_protocol_runtime_or_json() {
    for folder in ["analysis", "template", "statute"] {
        for (path, text) in files_under(folder) {
            let text = code(&text);
            for forbidden in [
                "tower_lsp",
                "ls_types",
                "lsp_types",
                "tokio",
                "serde_json",
                "Serialize",
                "serde::",
            ] {
                assert!(
                    !text.contains(forbidden),
                    "{} mentions {forbidden}",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn only_the_protocol_layer_knows_the_protocol() {
    for folder in [
        "analysis", "template", "statute", "document", "cli", "extract",
    ] {
        for (path, text) in files_under(folder) {
            assert!(
                !code(&text).contains("tower_lsp"),
                "{} mentions tower_lsp",
                path.display()
            );
        }
    }
    assert!(
        files_under("lsp")
            .iter()
            .any(|(_, text)| text.contains("tower_lsp_server"))
    );
}

#[test]
fn every_module_says_what_it_owns() {
    for folder in [
        "analysis", "template", "statute", "document", "lsp", "cli", "extract",
    ] {
        for (path, text) in files_under(folder) {
            let is_test = path.components().any(|c| c.as_os_str() == "tests")
                || path
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().ends_with("tests.rs"));
            assert!(
                is_test || text.trim_start().starts_with("//!"),
                "{} does not open with a //! line",
                path.display()
            );
        }
    }
}

#[test]
fn document_extraction_knows_no_analysis_and_the_core_no_file_formats() {
    for (path, text) in files_under("extract") {
        let text = code(&text);
        for forbidden in ["crate::analysis", "crate::cli", "crate::lsp"] {
            assert!(
                !text.contains(forbidden),
                "{} mentions {forbidden}",
                path.display()
            );
        }
    }
    for folder in ["analysis", "template", "statute"] {
        for (path, text) in files_under(folder) {
            let text = code(&text);
            for forbidden in ["crate::extract", "pdf_extract", "quick_xml", "zip::"] {
                assert!(
                    !text.contains(forbidden),
                    "{} mentions {forbidden}",
                    path.display()
                );
            }
        }
    }
}
