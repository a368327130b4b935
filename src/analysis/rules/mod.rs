//! The rules of SPEC §3, one module each, run over a parsed report. Rules read the model; none
//! re-reads the text except to quote it.

mod balance;
mod cells;
mod labels;
mod narrative;
mod statute;
mod structure;
mod unreadable;

use super::Finding;
use super::model::Report;

pub use balance::{EquationCheck, evaluate, terms_text};
pub use unreadable::unreadable_tables;

/// Every finding for one report, in text order, after inline suppressions.
pub fn check(text: &str, report: &Report, checks: &[EquationCheck]) -> Vec<Finding> {
    let mut out = Vec::new();
    labels::check(text, report, &mut out);
    cells::check(report, &mut out);
    structure::check(text, report, &mut out);
    balance::check(report, checks, &mut out);
    narrative::check(report, &mut out);
    statute::check(report, &mut out);
    unreadable::check(report, &mut out);
    out.retain(|f| {
        !report
            .suppressions
            .iter()
            .any(|s| s.rule == f.rule && s.covers.contains(&f.span.start))
    });
    out.sort_by_key(|f| (f.span.start, f.span.end, f.rule));
    out
}

/// How a template row is named in messages.
pub(crate) fn row_name(row: usize, locale_en: bool) -> &'static str {
    let def = crate::template::row_def(row);
    match (locale_en, def.label.is_empty()) {
        (false, false) => def.label,
        (false, true) => "表四",
        (true, _) => def.label_en,
    }
}
