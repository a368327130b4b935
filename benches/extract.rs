//! Text views of the files agencies exchange: the example report as a published PDF (two pages, a
//! subset of a CJK font embedded) and as a `.docx` drafted on the template, both built as the tests
//! build them (tests/documents). Measures `extract::extract` on each, in bytes of the file read, and
//! the PDF extracted and checked as `check` does it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

#[path = "../tests/documents/mod.rs"]
mod documents;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ogi_lsp::cli::check::{Options, check_view};
use ogi_lsp::extract::{self, Kind};

fn benches(c: &mut Criterion) {
    let (_, pdf) = documents::pdf::of_text(documents::pdf::L5);
    let docx = documents::docx::render(&documents::Example::load(), documents::title());
    let options = Options::default();
    // What is measured reads the whole report: the example's two findings, on the PDF's page 2.
    let view = extract::extract(Kind::Pdf, &pdf).expect("the example PDF reads");
    let checked = check_view("example.pdf", &view, &options);
    assert_eq!(checked.diagnostics.len(), 2, "{checked:#?}");
    let docx_view = extract::extract(Kind::Docx, &docx).expect("the example .docx reads");
    assert_eq!(
        check_view("example.docx", &docx_view, &options)
            .diagnostics
            .len(),
        2
    );
    eprintln!(
        "example.pdf: {} bytes, {} bytes of text; example.docx: {} bytes, {} bytes of text",
        pdf.len(),
        view.text.len(),
        docx.len(),
        docx_view.text.len()
    );

    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(pdf.len() as u64));
    group.bench_function(BenchmarkId::new("extract", "pdf"), |b| {
        b.iter(|| {
            let view = extract::extract(Kind::Pdf, black_box(&pdf)).expect("text");
            view.text.len()
        })
    });
    group.bench_function(BenchmarkId::new("extract_check", "pdf"), |b| {
        b.iter(|| {
            let view = extract::extract(Kind::Pdf, black_box(&pdf)).expect("text");
            check_view("example.pdf", &view, &options).diagnostics.len()
        })
    });
    group.throughput(Throughput::Bytes(docx.len() as u64));
    group.bench_function(BenchmarkId::new("extract", "docx"), |b| {
        b.iter(|| {
            let view = extract::extract(Kind::Docx, black_box(&docx)).expect("text");
            view.text.len()
        })
    });
    group.finish();
}

criterion_group!(extract_benches, benches);
criterion_main!(extract_benches);
