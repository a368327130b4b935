//! Tests of the editor facts over the example report and small inline fixtures. A fixture marks the
//! cursor with `$0`.

mod completion;
mod hover;
mod inlay;
mod outline;
mod rewrite;
mod tables;
mod tokens;

use crate::analysis::{ReportAnalysis, analyze_report, segments};

pub const EXAMPLE: &str = include_str!("../../../../tests/fixtures/dongsheng-2024.txt");
pub const EXAMPLE_L2: &str = include_str!("../../../../tests/fixtures/layouts/l2-markdown.md");
pub const EXAMPLE_L3: &str = include_str!("../../../../tests/fixtures/layouts/l3-tabs.txt");
pub const EXAMPLE_L4: &str = include_str!("../../../../tests/fixtures/layouts/l4-html.html");
pub const EXAMPLE_L5: &str = include_str!("../../../../tests/fixtures/layouts/l5-pdf.txt");

/// The text of the first report segment of a document.
pub fn report_text(document: &str) -> String {
    segments(document)
        .into_iter()
        .find(|s| s.is_report)
        .map(|s| document[s.range].to_string())
        .unwrap_or_default()
}

/// A report segment with the cursor marker removed, its analysis and the cursor's offset.
pub fn with_cursor(fixture: &str) -> (String, ReportAnalysis, usize) {
    let offset = fixture.find("$0").expect("fixture has a $0 cursor");
    let text = fixture.replacen("$0", "", 1);
    let analysis = analyze_report(&text);
    (text, analysis, offset)
}

/// The example report with `$0` put before the `nth` (0-based) occurrence of `needle`.
pub fn example_at(needle: &str, nth: usize) -> String {
    mark(&report_text(EXAMPLE), needle, nth)
}

/// `text` with `$0` before the `nth` occurrence of `needle`.
pub fn mark(text: &str, needle: &str, nth: usize) -> String {
    let at = text
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .expect("needle occurs in the text");
    format!("{}$0{}", &text[..at], &text[at..])
}

/// Every span a fact returns must be a character range of the text, wherever the cursor stands and
/// even when the analysis is of other text than the one given (a client racing an edit).
#[test]
fn every_fact_span_is_a_char_range_of_the_text_at_every_offset() {
    use crate::analysis::Locale;
    use crate::analysis::facts::{complete, hover, outline, rewrites, semantic_tokens_by_line};
    let example = report_text(EXAMPLE);
    let short = "一、总体情况\n依据《条例》第九十条。\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 1 0 0 0 0 0 2\n（三）不予公开\t1\n";
    let cases = [
        (short.to_string(), analyze_report(short)),
        (example.clone(), analyze_report(&example)),
        // A stale analysis: spans of the example over the short text.
        (short.to_string(), analyze_report(&example)),
    ];
    for (text, analysis) in &cases {
        let valid = |s: &std::ops::Range<usize>| text.get(s.clone()).is_some();
        let step = if text.len() > 1000 { 7 } else { 1 };
        for offset in (0..=text.len() + 2).step_by(step) {
            if let Some(h) = hover(text, analysis, offset, Locale::Zh) {
                assert!(valid(&h.span), "hover {offset}");
            }
            for c in complete(text, analysis, offset, Locale::En) {
                assert!(
                    valid(&c.replace) && c.replace.end <= offset,
                    "completion {offset}"
                );
            }
            for r in rewrites(text, analysis, offset) {
                assert!(valid(&r.span), "rewrite {offset}");
            }
        }
        for item in outline(text, analysis) {
            assert!(valid(&item.range) && valid(&item.selection));
        }
        assert!(
            semantic_tokens_by_line(text, analysis)
                .iter()
                .all(|(s, _)| valid(s))
        );
    }
}
