//! Inlay hints: the computed value beside each evaluated total — `= 8 ✓` when its equations hold,
//! `≠ 9` (the computed value) when one does not.

use super::InlayFact;
use crate::analysis::ReportAnalysis;

/// One hint per total cell. A cell that totals several equations ((七)总计 总计 is both a row total and
/// the total of its column) shows `= v ✓` only when all hold, else every differing computed value.
pub fn inlay_hints(report: &ReportAnalysis) -> Vec<InlayFact> {
    let cells = &report.report.cells;
    let mut totals: Vec<usize> = report.equations.iter().map(|c| c.total).collect();
    totals.sort_unstable();
    totals.dedup();
    let mut out: Vec<InlayFact> = totals
        .into_iter()
        .filter_map(|total| {
            let cell = cells.get(total)?;
            let checks = report.equations.iter().filter(|c| c.total == total);
            let mut wrong: Vec<i64> = Vec::new();
            for c in checks.clone().filter(|c| !c.holds()) {
                if !wrong.contains(&c.expected) {
                    wrong.push(c.expected);
                }
            }
            let text = if wrong.is_empty() {
                format!("= {} ✓", checks.clone().next()?.actual)
            } else {
                let values: Vec<String> = wrong.iter().map(i64::to_string).collect();
                format!("≠ {}", values.join(" / "))
            };
            Some(InlayFact {
                offset: cell.span.end,
                text,
            })
        })
        .collect();
    out.sort_by_key(|h| h.offset);
    out
}
