//! The server as an editor drives it: the release `ogi-lsp` binary spawned, JSON-RPC with
//! Content-Length framing on its stdio. Measures start + `initialize`, `didOpen` → first
//! `publishDiagnostics`, the server's resident memory with the document open, and a one-digit edit →
//! its `publishDiagnostics` (after the server's debounce) and → a hover on the edited cell (the touched
//! report analysed on demand, no debounce) — on the example report and on compilations of the
//! benchmark corpus (layout L1; clean, and with an error in every copy). Prints a Markdown table of
//! medians and min–max over fresh server processes.
//!
//! Settings (environment): `OGI_BENCH_RUNS` server processes per document (5), `OGI_BENCH_EDITS` edits
//! of each kind per process (10), `OGI_BENCH_SERVER_MB` the compilation size in 10⁶ bytes (10),
//! `OGI_BENCH_PIN` a CPU list the server is pinned to with `taskset -c` (unset: not pinned),
//! `OGI_LSP_BIN` the binary (default: the one cargo built with this bench).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/settings.rs"]
mod settings;
#[path = "support/stdio_client.rs"]
mod stdio_client;

use std::time::Duration;

use corpus::{Kind, Layout, Template};
use serde_json::json;
use settings::setting;
use stdio_client::{Client, Memory};

/// The document a series of server processes opens and edits.
struct Document {
    name: String,
    text: String,
    /// Byte offset of the digit the edits toggle: the last digit of a （七）总计 · 总计 figure.
    digit: usize,
    /// The diagnostics `didOpen` must publish (checked, so that every run did the same work).
    diagnostics: usize,
}

/// What one server process measured.
#[derive(Default)]
struct Run {
    start: Vec<Duration>,
    open: Vec<Duration>,
    memory: Vec<Memory>,
    edit_publish: Vec<Duration>,
    edit_hover: Vec<Duration>,
}

/// The protocol position (line, UTF-16 column) of byte `offset`.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count();
    (line, before[line_start..].encode_utf16().count())
}

fn documents(megabytes: usize) -> Vec<Document> {
    let template = Template::new(Layout::L1);
    let mut out = vec![Document {
        name: "example report".to_owned(),
        text: Layout::L1.fixture().to_owned(),
        digit: template.fixture_total().end - 1,
        diagnostics: Kind::Clean.findings_per_copy(),
    }];
    for kind in Kind::ALL {
        let (text, copies) = template.compilation(megabytes * 1_000_000, kind);
        // The edit lands in the middle copy, as a reader scrolls to a report in a compilation.
        let mut before = String::new();
        for n in 1..copies / 2 {
            template.write(&mut before, n, kind);
        }
        let total = template.write(&mut before, copies / 2, kind);
        debug_assert!(text.starts_with(&before));
        out.push(Document {
            name: format!("{megabytes} MB {} ({copies} reports)", kind.name()),
            text,
            digit: total.end - 1,
            diagnostics: copies * kind.findings_per_copy(),
        });
    }
    out
}

/// A row of the table: how a document's runs are summed up in its cell.
type Figure = fn(&Run) -> String;

/// One server process: start, open, measure memory, edit.
fn run(document: &Document, edits: usize) -> Run {
    let uri = "file:///bench/compilation.txt";
    let mut measured = Run::default();
    let (mut client, started) = Client::start();
    measured.start.push(started);

    let open = json!({"textDocument": {"uri": uri, "languageId": "ogi-report", "version": 1,
        "text": document.text}});
    let (opened, diagnostics) =
        client.notify_until_diagnostics("textDocument/didOpen", &open, uri, 1);
    assert_eq!(
        diagnostics, document.diagnostics,
        "{}: diagnostics on open",
        document.name
    );
    measured.open.push(opened);
    measured.memory.push(client.memory());

    let (line, character) = position(&document.text, document.digit);
    let original = document.text.as_bytes()[document.digit];
    let mut version = 1;
    let edit = |version: i32| {
        // Toggles the digit between two values (8 ↔ 9, …): each edit changes the figure by one.
        let digit = if version % 2 == 0 {
            original ^ 1
        } else {
            original
        };
        json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{
            "range": {"start": {"line": line, "character": character},
                      "end": {"line": line, "character": character + 1}},
            "text": char::from(digit).to_string()}]})
    };
    for _ in 0..edits {
        version += 1;
        let change = edit(version);
        let (took, _) =
            client.notify_until_diagnostics("textDocument/didChange", &change, uri, version);
        measured.edit_publish.push(took);
    }
    for _ in 0..edits {
        version += 1;
        let change = edit(version);
        let hover = json!({"textDocument": {"uri": uri},
            "position": {"line": line, "character": character}});
        let took = client.notify_then_request(
            "textDocument/didChange",
            &change,
            "textDocument/hover",
            &hover,
        );
        measured.edit_hover.push(took);
        // The debounced publication still comes; read it before the next edit.
        client.wait_diagnostics(uri, version);
    }
    client.shutdown();
    measured
}

/// `median (min–max) unit` of durations: microseconds below a millisecond, else milliseconds with
/// the decimals the median needs.
fn durations(values: &[Duration]) -> String {
    let ms: Vec<f64> = values.iter().map(|d| d.as_secs_f64() * 1e3).collect();
    let (median, min, max) = spread(&ms);
    let (scale, decimals, unit) = match median {
        m if m < 1.0 => (1e3, 0, "µs"),
        m if m < 10.0 => (1.0, 2, "ms"),
        m if m < 100.0 => (1.0, 1, "ms"),
        _ => (1.0, 0, "ms"),
    };
    let show = |v: f64| format!("{:.decimals$}", v * scale);
    format!("{} ({}–{}) {unit}", show(median), show(min), show(max))
}

fn megabytes(memory: &[Memory], pick: fn(&Memory) -> f64) -> String {
    let values: Vec<f64> = memory.iter().map(pick).collect();
    let (median, min, max) = spread(&values);
    format!("{median:.0} ({min:.0}–{max:.0}) MB")
}

/// Median, minimum and maximum.
fn spread(values: &[f64]) -> (f64, f64, f64) {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    let median = if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    };
    (median, sorted[0], sorted[n - 1])
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` runs bench targets without it, and tests
    // never measure time.
    if !std::env::args().any(|a| a == "--bench") {
        eprintln!("server_stdio: measures only under `cargo bench --bench server_stdio`");
        return;
    }
    let runs = setting("OGI_BENCH_RUNS", 5).max(1);
    let edits = setting("OGI_BENCH_EDITS", 10).max(1);
    let size = setting("OGI_BENCH_SERVER_MB", 10);

    let documents = documents(size);
    let mut results = Vec::new();
    for document in &documents {
        eprintln!(
            "server_stdio: {} ({} bytes), {runs} runs",
            document.name,
            document.text.len()
        );
        let mut all = Run::default();
        for _ in 0..runs {
            let one = run(document, edits);
            all.start.extend(one.start);
            all.open.extend(one.open);
            all.memory.extend(one.memory);
            all.edit_publish.extend(one.edit_publish);
            all.edit_hover.extend(one.edit_hover);
        }
        results.push(all);
    }

    let columns: Vec<String> = documents
        .iter()
        .map(|d| format!("{} · {} diagnostics", d.name, d.diagnostics))
        .collect();
    println!(
        "| server through stdio ({runs} processes per document, {edits} edits of each kind per process) | {} | target |",
        columns.join(" | ")
    );
    println!("|---|{}---|", "---|".repeat(documents.len()));
    let open_target = format!("≤ 100 ms for {size} MB");
    let memory_target = format!("≤ 3 × {size} + 30 = {} MB", 3 * size + 30);
    let rows: [(&str, Figure, &str); 6] = [
        ("start + `initialize` reply", |r| durations(&r.start), "—"),
        (
            "`didOpen` → first `publishDiagnostics`",
            |r| durations(&r.open),
            &open_target,
        ),
        (
            "resident memory with the document open (VmRSS)",
            |r| megabytes(&r.memory, |m| m.resident_mb),
            &memory_target,
        ),
        (
            "peak resident memory so far (VmHWM)",
            |r| megabytes(&r.memory, |m| m.peak_mb),
            "—",
        ),
        (
            "one-digit edit → `publishDiagnostics` (includes the server's 100 ms debounce)",
            |r| durations(&r.edit_publish),
            "—",
        ),
        (
            "one-digit edit → hover on the edited cell (no debounce)",
            |r| durations(&r.edit_hover),
            "—",
        ),
    ];
    for (what, cell, target) in rows {
        let cells: Vec<String> = results.iter().map(cell).collect();
        println!("| {what} | {} | {target} |", cells.join(" | "));
    }
}
