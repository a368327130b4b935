//! Batch-check throughput on a generated multi-megabyte compilation: the core as the batch checker
//! calls it (`analysis::check`, findings only), the core keeping every report's model as the
//! server's document store does (`report_texts` + `analyze_report`), and the whole `check`
//! pipeline per file (analysis, configuration, positions, JSON).
//!
//! The corpus is the example report (tests/fixtures/dongsheng-2024.txt) repeated under numbered
//! titles with varied figures: most copies stay balanced, every tenth has a wrong 总计 so that
//! findings are placed and formatted too.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ogi_lsp::analysis;
use ogi_lsp::cli::check::{FileReport, Options, Summary, check_text};
use ogi_lsp::cli::json;
use rayon::prelude::*;

/// At least this many bytes in the one-file compilation.
const COMPILATION_BYTES: usize = 20 * 1024 * 1024;
const BATCH_FILES: usize = 1000;

/// 1-based lines of the example report holding figures of 表三 that take part in its equations:
/// (line, value in the example). Raising all of them by the same amount keeps every equation true.
const BALANCED_FIGURES: [(usize, u32); 6] = [
    (65, 8),  // 一、本年新收 — 自然人
    (71, 8),  // 一、本年新收 — 总计
    (84, 7),  // （一）予以公开 — 自然人
    (90, 7),  // （一）予以公开 — 总计
    (277, 7), // （七）总计 — 自然人
    (283, 7), // （七）总计 — 总计
];
/// The line of the prose that states the applications received (全年共受理政府信息公开申请8件).
const NARRATIVE_LINE: usize = 5;
/// 行政许可 in 表二: no equation involves it.
const FREE_FIGURE: (usize, u32) = (30, 52425);

fn example() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/dongsheng-2024.txt"
    );
    std::fs::read_to_string(path).expect("the example report")
}

/// Copy `k` of the example: its own title and agency, its own figures.
fn variant(lines: &[&str], k: usize) -> String {
    let raise = (k % 50) as u32;
    let mut out = format!("第{k}局2024年政府信息公开工作年度报告\n");
    for (i, line) in lines.iter().enumerate() {
        let n = i + 1;
        let figure = |value: u32| format!("{value} |");
        let text = if let Some(&(_, v)) = BALANCED_FIGURES.iter().find(|&&(l, _)| l == n) {
            // Every tenth copy: the last 总计 is one too many.
            let wrong = u32::from(k % 10 == 9 && n == 283);
            figure(v + raise + wrong)
        } else if n == NARRATIVE_LINE {
            // The prose states the year's applications; keep it equal to the table.
            line.replacen("申请8件", &format!("申请{}件", 8 + raise), 1)
        } else if n == FREE_FIGURE.0 {
            figure(FREE_FIGURE.1 + k as u32)
        } else {
            line.to_string()
        };
        out.push_str(&text);
        out.push('\n');
    }
    out
}

fn corpus() -> (String, Vec<String>) {
    let text = example();
    let lines: Vec<&str> = text.lines().collect();
    for (line, value) in BALANCED_FIGURES.iter().chain([&FREE_FIGURE]) {
        assert_eq!(
            lines[line - 1],
            format!("{value} |"),
            "the example report changed at line {line}"
        );
    }
    let mut compilation = String::with_capacity(COMPILATION_BYTES + text.len() * 2);
    let mut k = 0;
    while compilation.len() < COMPILATION_BYTES {
        compilation.push_str(&variant(&lines, k));
        k += 1;
    }
    let files = (0..BATCH_FILES).map(|k| variant(&lines, k)).collect();
    (compilation, files)
}

fn pipeline(name: &str, text: &str, options: &Options) -> String {
    let file = check_text(name, text, options);
    let summary = Summary::new(std::slice::from_ref(&file), 0);
    json::render(&[file], &summary)
}

fn benches(c: &mut Criterion) {
    let (compilation, files) = corpus();
    let options = Options::default();
    let batch_bytes: usize = files.iter().map(String::len).sum();
    let checked = analysis::check(&compilation);
    let (reports, findings) = (checked.reports, checked.findings.len());
    eprintln!(
        "corpus: {:.1} MiB, {reports} reports, {findings} findings; batch: {BATCH_FILES} files, {:.1} MiB; {} threads",
        compilation.len() as f64 / (1024.0 * 1024.0),
        batch_bytes as f64 / (1024.0 * 1024.0),
        rayon::current_num_threads()
    );

    let mut group = c.benchmark_group("check_throughput");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(compilation.len() as u64));
    // Every report's model kept at once, as the server's store holds one analysis per report.
    group.bench_function(BenchmarkId::new("report_models", "compilation"), |b| {
        b.iter(|| {
            let models: Vec<(usize, analysis::ReportAnalysis)> =
                analysis::report_texts(black_box(&compilation))
                    .map(|(offset, report)| (offset, analysis::analyze_report(report)))
                    .collect();
            black_box(models).len()
        })
    });
    group.bench_function(BenchmarkId::new("check", "compilation"), |b| {
        b.iter(|| analysis::check(black_box(&compilation)).findings.len())
    });
    group.bench_function(BenchmarkId::new("pipeline_json", "compilation"), |b| {
        b.iter(|| {
            black_box(pipeline(
                "compilation.txt",
                black_box(&compilation),
                &options,
            ))
            .len()
        })
    });

    group.throughput(Throughput::Bytes(files[1].len() as u64));
    group.bench_function(BenchmarkId::new("pipeline_json", "one_report"), |b| {
        b.iter(|| black_box(pipeline("report.txt", black_box(&files[1]), &options)).len())
    });

    // As `check DIR` runs: files in parallel across the cores, one JSON document at the end.
    group.throughput(Throughput::Bytes(batch_bytes as u64));
    group.bench_function(
        BenchmarkId::new("pipeline_json_parallel", BATCH_FILES),
        |b| {
            b.iter(|| {
                let reports: Vec<FileReport> = files
                    .par_iter()
                    .enumerate()
                    .map(|(i, text)| check_text(&format!("{i}.txt"), text, &options))
                    .collect();
                let summary = Summary::new(&reports, 0);
                black_box(json::render(&reports, &summary)).len()
            })
        },
    );
    group.finish();
}

criterion_group!(check_throughput, benches);
criterion_main!(check_throughput);
