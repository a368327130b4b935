//! Tests of the editor facts over the example report and small inline fixtures. A fixture marks the
//! cursor with `$0`.

mod completion;
mod hover;
mod inlay;
mod outline;
mod rewrite;
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
