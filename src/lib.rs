//! ogi-lsp: checks 政府信息公开工作年度报告 (annual reports on open government information) against
//! the national format of 2021 and the 2019 regulation.
//!
//! Modules in reading order:
//! - [`template`]: the national report format as data (sections, tables, rows, columns, equations).
//! - [`statute`]: the regulation as data and the recogniser of references to it.
//! - [`analysis`]: the pure core — text to reports to cells to findings, hover and completion facts.
//! - [`document`]: the rope-backed document store, incremental edits and position encodings.
//! - [`lsp`]: the language-server front end (the only module that knows the protocol).
//! - [`extract`]: text views of `.docx` and `.pdf` files, for the reader.
//! - [`cli`]: the `check` front end (text, JSON, SARIF and HTML output) and `extract`.

// A panic in a unit test is a failed test, not a crashed server: tests may unwrap and index.
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::string_slice
    )
)]

pub mod analysis;
pub mod cli;
pub mod document;
pub mod extract;
pub mod lsp;
pub mod statute;
pub mod template;
