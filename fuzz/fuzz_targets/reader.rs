//! The reader, every rule and the editor facts on arbitrary text: no panic, every span of every
//! finding, fix, hover, completion, rewrite, inlay hint and semantic token inside the report and on
//! character boundaries, semantic tokens in order without overlaps. (Applying fixes and rewrites and
//! reading again is the property test tests/core_fixes.rs: here it would cost most of the time.)

#![no_main]

use libfuzzer_sys::fuzz_target;
use ogi_lsp::analysis::{self, Locale, facts};
use ogi_lsp_fuzz::{assert_finding, assert_span};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for (offset, report) in analysis::report_texts(&text) {
        let analysis = analysis::analyze_report(report);
        for finding in &analysis.findings {
            assert_finding(report, finding);
        }
        // One place in the report, picked by the input's last bytes (completion and hover are the
        // costly part of a run).
        let pick = data
            .iter()
            .rev()
            .take(2)
            .fold(offset, |n, b| n * 31 + usize::from(*b));
        let at = pick % (report.len() + 1);
        let locale = if pick % 2 == 0 {
            Locale::Zh
        } else {
            Locale::En
        };
        if let Some(hover) = facts::hover(report, &analysis, at, locale) {
            assert_span(report, &hover.span, "hover");
        }
        for item in facts::complete(report, &analysis, at, locale) {
            assert_span(report, &item.replace, "completion");
        }
        for rewrite in facts::rewrites(report, &analysis, at) {
            assert_span(report, &rewrite.span, "rewrite");
        }
        for hint in facts::inlay_hints(&analysis) {
            assert!(
                hint.offset <= report.len(),
                "inlay hint at {} past {}",
                hint.offset,
                report.len()
            );
        }
        let tokens = facts::semantic_tokens_by_line(report, &analysis);
        for (span, _) in &tokens {
            assert_span(report, span, "semantic token");
        }
        for pair in tokens.windows(2) {
            assert!(
                pair[0].0.end <= pair[1].0.start,
                "semantic tokens {:?} and {:?} overlap or go back",
                pair[0].0,
                pair[1].0
            );
        }
        facts::outline(report, &analysis);
        facts::tables(report, &analysis);
    }
});
