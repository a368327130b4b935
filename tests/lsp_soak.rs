//! The soak test, short (the full run is `cargo bench --bench soak`, benches/soak.rs): one server,
//! a few documents of the benchmark corpus, random edits, hovers, completions and code actions sent
//! without waiting. Every request is answered with a result, every document's last diagnostics equal
//! a fresh open of its final text. Edits are made at a few places of each document and undone by the
//! next one, so a short run revisits the texts of its warm-up. Memory is the full soak's measure
//! (benches/soak.rs: resident memory after the warm-up within 10%).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

#[path = "../benches/support/corpus.rs"]
mod corpus;
#[path = "../benches/support/soak.rs"]
mod soak;
#[path = "../benches/support/stdio_client.rs"]
mod stdio_client;

#[test]
fn a_short_soak_answers_everything_and_ends_like_fresh_opens() {
    let config = soak::Config {
        documents: 6,
        operations: 3_000,
        warm_up: 1_000,
        in_flight: 8,
        seed: 7,
        places: Some(8),
    };
    let report = soak::run(&config, |line| eprintln!("soak: {line}"));
    assert_eq!(report.edits + report.requests, config.operations);
    assert!(report.requests > 300, "{} requests", report.requests);
    assert_eq!(report.answered, report.requests);
    assert_eq!(report.errors, Vec::<String>::new());
    assert_eq!(report.mismatched, Vec::<String>::new());
    // Resident memory is not compared here: 1,500 operations are too few for the allocator to settle
    // (the full soak, `cargo bench --bench soak`, holds it within 10% after its warm-up).
    assert!(report.rss_end_mb > 0.0, "resident memory was read");
}
