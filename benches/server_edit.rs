//! Server-side work for a one-digit edit — the store applies it, the touched report is re-analysed and
//! every finding converted to a protocol diagnostic — against a full re-parse of the same text, on the
//! example report and on a ~10 MB compilation of it with varied figures.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ogi_lsp::analysis;
use ogi_lsp::document::{DocumentStore, Encoding, Position, TextChange};
use ogi_lsp::lsp::RuleConfig;
use ogi_lsp::lsp::converted::DiagnosticCache;
use ogi_lsp::lsp::to_proto::Target;
use tower_lsp_server::ls_types::Uri;

const EXAMPLE: &str = include_str!("../tests/fixtures/dongsheng-2024.txt");
/// The row whose first cell (自然人, `8 |`) the edit changes.
const ROW_LABEL: &str = "一、本年新收政府信息公开申请数量";

/// The example repeated under numbered titles until `bytes`, with figures that differ per copy.
fn compilation(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + EXAMPLE.len());
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&format!("某局{i}2024年政府信息公开工作年度报告\n"));
        text.push_str(&EXAMPLE.replace("52425", &(50_000 + i * 7).to_string()));
        text.push('\n');
        i += 1;
    }
    text
}

/// Where a one-digit edit lands: the 本年新收 · 自然人 cell (the line after the row label) of the
/// report in the middle of `text`.
fn digit_line(text: &str) -> u32 {
    let reports: Vec<_> = analysis::segments(text)
        .into_iter()
        .filter(|s| s.is_report)
        .collect();
    let start = reports.get(reports.len() / 2).map_or(0, |s| s.range.start);
    let label = text[start..].find(ROW_LABEL).map_or(0, |i| start + i);
    (text[..label].matches('\n').count() + 1) as u32
}

fn bench_text(c: &mut Criterion, name: &str, text: &str, samples: usize) {
    let uri: Uri = "file:///bench/report.txt".parse().expect("a valid URI");
    let line = digit_line(text);
    assert_eq!(
        text.lines().nth(line as usize),
        Some("8 |"),
        "the edited cell"
    );
    let mut store = DocumentStore::new();
    let document = store.open(uri.as_str(), text, 0);
    let (rope, reports) = document.rope_and_reports_mut();
    reports.analyse_pending(rope);
    let rules = RuleConfig::default();
    // As in the server: converted diagnostics are kept per report between publications.
    let mut published = DiagnosticCache::default();
    let digit = |n: usize| TextChange {
        range: Some((Position::new(line, 0), Position::new(line, 1))),
        text: ["9", "8"][n % 2].to_owned(),
    };

    let mut group = c.benchmark_group(name);
    group.sample_size(samples);
    let mut n = 0;
    group.bench_function("incremental edit", |b| {
        b.iter(|| {
            store.apply_edit(uri.as_str(), &digit(n), Encoding::Utf16);
            n += 1;
            let Some(document) = store.get_mut(uri.as_str()) else {
                return 0;
            };
            let (rope, reports) = document.rope_and_reports_mut();
            reports.analyse_pending(rope);

            let target = Target::new(&uri, document.rope(), Encoding::Utf16, Default::default());
            let diagnostics =
                published.document(target, document.rope(), document.reports(), &rules);
            black_box(diagnostics).map_or(0, |d| d.diagnostics.len())
        })
    });
    let mut text = text.to_owned();
    let at = text
        .match_indices('\n')
        .nth(line as usize - 1)
        .map_or(0, |(i, _)| i + 1);
    let mut n = 0;
    group.bench_function("full re-parse", |b| {
        b.iter(|| {
            text.replace_range(at..at + 1, ["9", "8"][n % 2]);
            n += 1;
            // Every report re-split and re-analysed, each model kept as the store keeps it.
            let models: Vec<(usize, analysis::ReportAnalysis)> = analysis::report_texts(&text)
                .map(|(offset, report)| (offset, analysis::analyze_report(report)))
                .collect();
            black_box(models).len()
        })
    });
    group.finish();
}

fn server_edit(c: &mut Criterion) {
    bench_text(c, "example report", EXAMPLE, 100);
    bench_text(c, "10 MB compilation", &compilation(10 * 1024 * 1024), 10);
}

criterion_group!(benches, server_edit);
criterion_main!(benches);
