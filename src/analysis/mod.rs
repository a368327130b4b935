//! The pure core: text → reports → cells → findings, hover facts and completion facts.
//! Works in byte offsets; knows nothing of LSP, tokio or serde.

pub mod align;
pub mod candidates;
pub mod carryover;
pub mod facts;
pub mod finding;
pub mod frame;
pub mod identity;
pub mod labels;
pub mod lex;
pub mod model;
pub mod narrative;
pub mod normalize;
pub mod parse;
pub mod rules;
pub mod segment;
pub mod settings;
pub mod value;

pub use finding::{Finding, Fix, Locale, Message, Related, Rule, Severity, Span};
pub use frame::Frame;
pub use segment::{Segment, segments};
pub use settings::RuleSettings;

/// The analysis of one report, with spans relative to the start of the report's segment.
#[derive(Debug, Default)]
pub struct ReportAnalysis {
    pub report: model::Report,
    /// The agency and year the report is on.
    pub identity: identity::Identity,
    /// Every equation whose cells are all present, evaluated (for hovers and inlay hints).
    pub equations: Vec<rules::EquationCheck>,
    pub findings: Vec<Finding>,
}

/// Analyses the text of one report segment (as produced by [`segments`]).
pub fn analyze_report(text: &str) -> ReportAnalysis {
    let (mut report, prose) = parse::parse(text);
    report.narrative = narrative::extract(text, &prose);
    let equations = rules::evaluate(&report);
    let identity = identity::identify(text, &report);
    // A title with no section and no table (a page header, a title alone) is no report (R8).
    let findings = if report.is_shell() {
        Vec::new()
    } else {
        rules::check(text, &report, &equations)
    };
    ReportAnalysis {
        report,
        identity,
        equations,
        findings,
    }
}

/// The report segments of a document with their offsets, after a BOM if there is one.
pub fn report_texts(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let (text_offset, body) = match text.strip_prefix('\u{FEFF}') {
        Some(body) => (3, body),
        None => (0, text),
    };
    segments(body)
        .into_iter()
        .filter(|s| s.is_report)
        .filter_map(move |s| Some((s.range.start + text_offset, body.get(s.range)?)))
}

/// The findings of a whole document, with document-absolute spans.
#[derive(Debug, Default)]
pub struct Checked {
    pub reports: usize,
    pub findings: Vec<Finding>,
    /// Each report's carry-over figures, for the check across reports ([`carryover`]).
    pub ledgers: Vec<carryover::Ledger<Span>>,
}

/// Checks a document report by report, keeping only the findings: what a batch checker needs.
/// A compilation of thousands of reports then never holds all their models at once.
pub fn check(text: &str) -> Checked {
    let mut out = Checked::default();
    for (offset, report) in report_texts(text) {
        let analysis = analyze_report(report);
        if analysis.report.is_shell() {
            continue;
        }
        let frame = Frame::report(offset);
        out.reports += 1;
        out.findings
            .extend(analysis.findings.iter().map(|f| f.in_document(frame)));
        out.ledgers
            .push(carryover::ledger(&analysis).map(|s| frame.span(&s)));
    }
    out
}
