//! The soak test, short (the full run is `cargo bench --bench soak`, benches/soak.rs): one server,
//! a few documents of the benchmark corpus, random edits, hovers, completions and code actions sent
//! without waiting. Every request is answered with a result, every document's last diagnostics equal
//! a fresh open of its final text, and resident memory after the warm-up stays within 10%. Edits are
//! made at a few places of each document and undone by the next one: the texts a short run sees are
//! all seen in its warm-up, so what memory does after it is what the operations do, not the reader's
//! caches filling with new texts (benches/soak.rs runs long enough for those to fill).

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
    assert!(
        report.rss_end_mb <= report.rss_warm_mb * 1.10,
        "resident memory {:.1} MB after the warm-up, {:.1} MB at the end",
        report.rss_warm_mb,
        report.rss_end_mb
    );
}
