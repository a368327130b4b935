//! The core as the tests see it: every report of a document analysed and kept with its offset,
//! which the production front ends never need at once (the batch checker keeps findings only,
//! the server keeps one analysis per report in its document store).
// Each test file uses a different part of this module.
#![allow(dead_code)]

use ogi_lsp::analysis::{self, Finding, ReportAnalysis};

/// One report of a document and where its segment starts.
pub struct Placed {
    pub offset: usize,
    pub analysis: ReportAnalysis,
}

impl Placed {
    /// The text of a report-relative span.
    pub fn text<'a>(&self, document: &'a str, span: &std::ops::Range<usize>) -> &'a str {
        &document[span.start + self.offset..span.end + self.offset]
    }
}

/// Every report of `text`, analysed, in document order.
pub fn analyze(text: &str) -> Vec<Placed> {
    analysis::report_texts(text)
        .map(|(offset, report)| Placed {
            offset,
            analysis: analysis::analyze_report(report),
        })
        .collect()
}

/// Every finding of every report, with document-absolute spans, in document order.
pub fn findings(text: &str) -> Vec<Finding> {
    analysis::check(text).findings
}

/// Asserts that every span of `finding` (its own, its related cells', its fix's) lies inside `text`
/// and on character boundaries.
pub fn assert_spans_sound(text: &str, finding: &Finding) {
    let spans = std::iter::once(&finding.span)
        .chain(finding.related.iter().map(|r| &r.span))
        .chain(finding.fix.iter().map(|x| &x.span));
    for s in spans {
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "{s:?} outside {}",
            text.len()
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{s:?} splits a character"
        );
    }
}
