//! The soak test in full (tests/lsp_soak.rs runs a short one): one release server process, 50
//! documents of the benchmark corpus, 100,000 random edits, hovers, completions and code actions.
//! Fails unless every request is answered with a result, every document's last diagnostics equal a
//! fresh open of its final text, and the server's resident memory at the end is within 10% of what it
//! was after the warm-up — both taken at rest, every request answered and every document's current
//! diagnostics published. Prints the figures.
//!
//! The warm-up is the first 40% of the operations: the reader keeps per-thread caches of the label
//! texts it has matched (4,096 entries each, reset when full), and random edits fill them with new
//! texts on each of the server's threads; memory grows until they are full and then stays flat.
//!
//!     cargo bench --bench soak
//!
//! Settings (environment): `OGI_SOAK_DOCUMENTS` (50), `OGI_SOAK_OPERATIONS` (100000), `OGI_SOAK_SEED`
//! (1), `OGI_LSP_BIN` the binary (default: the one cargo built with this bench).
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
#[path = "support/soak.rs"]
mod soak;
#[path = "support/stdio_client.rs"]
mod stdio_client;

use settings::setting;

fn main() {
    // `cargo test --benches` runs bench targets without --bench; a test run must not soak for minutes.
    if !std::env::args().any(|a| a == "--bench") {
        eprintln!("soak: runs only as `cargo bench --bench soak`");
        return;
    }
    let operations = setting("OGI_SOAK_OPERATIONS", 100_000);
    let config = soak::Config {
        documents: setting("OGI_SOAK_DOCUMENTS", 50),
        operations,
        warm_up: operations * 2 / 5,
        in_flight: 8,
        seed: setting("OGI_SOAK_SEED", 1) as u64,
        places: None,
    };
    eprintln!("soak: {config:?}");
    let report = soak::run(&config, |line| eprintln!("soak: {line}"));
    let mut methods: Vec<_> = report.by_method.iter().collect();
    methods.sort();
    println!("documents            {}", config.documents);
    println!(
        "operations           {} ({} edits, {} requests)",
        config.operations, report.edits, report.requests
    );
    for (method, n) in methods {
        println!("  {method:<26} {n}");
    }
    println!(
        "requests answered    {} of {} ({} errors)",
        report.answered,
        report.requests,
        report.errors.len()
    );
    println!(
        "text                 {} bytes at the start, {} at the end",
        report.bytes_at_start, report.bytes_at_end
    );
    println!(
        "diagnostics at end   {} (documents differing from a fresh open: {})",
        report.diagnostics_at_end,
        report.mismatched.len()
    );
    println!(
        "resident memory      {:.1} MB after warm-up, {:.1} MB at the end ({:+.1}%), peak {:.1} MB",
        report.rss_warm_mb,
        report.rss_end_mb,
        (report.rss_end_mb / report.rss_warm_mb - 1.0) * 100.0,
        report.peak_mb
    );
    let samples: Vec<String> = report
        .rss_samples_mb
        .iter()
        .map(|(op, mb)| format!("{op}: {mb:.1}"))
        .collect();
    println!("memory by operation  {}", samples.join(", "));
    println!("elapsed              {:.1} s", report.elapsed.as_secs_f64());
    let mut failed = false;
    if report.answered != report.requests || !report.errors.is_empty() {
        eprintln!(
            "soak: FAILED: not every request answered with a result: {:?}",
            report.errors
        );
        failed = true;
    }
    if !report.mismatched.is_empty() {
        eprintln!(
            "soak: FAILED: diagnostics differ from a fresh open: {:?}",
            report.mismatched
        );
        failed = true;
    }
    if report.rss_end_mb > report.rss_warm_mb * 1.10 {
        eprintln!("soak: FAILED: resident memory grew by more than 10% after the warm-up");
        failed = true;
    }
    if failed {
        std::process::exit(1);
    }
    eprintln!("soak: passed");
}
