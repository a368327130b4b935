use super::*;
use crate::analysis::facts::{InlayFact, inlay_hints};

/// The hints of a report, each with the text it stands after.
fn check(text: &str) -> Vec<(String, String)> {
    let analysis = analyze_report(text);
    inlay_hints(&analysis)
        .into_iter()
        .map(|InlayFact { offset, text: hint }| {
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            (text[line_start..offset].to_string(), hint)
        })
        .collect()
}

#[test]
fn one_hint_per_evaluated_total_all_holding_in_the_example() {
    let text = report_text(EXAMPLE);
    let analysis = analyze_report(&text);
    let mut totals: Vec<usize> = analysis.equations.iter().map(|c| c.total).collect();
    totals.sort_unstable();
    totals.dedup();
    let hints = check(&text);
    assert_eq!(hints.len(), totals.len());
    // 25 row totals, 7 result totals, 7 carried-forward cells, 3 of 表四 — two cells total two equations.
    assert_eq!(hints.len(), 40);
    assert_eq!(hints[0], ("8".to_string(), "= 8 ✓".to_string()));
    assert!(hints.iter().all(|(_, h)| h.ends_with('✓')));
    let offsets: Vec<usize> = inlay_hints(&analysis).iter().map(|h| h.offset).collect();
    assert!(offsets.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn a_total_that_does_not_hold_shows_the_computed_value() {
    // （七）总计 自然人 6 instead of 7: its column, its row and the carried-forward equation all fail.
    let text = report_text(EXAMPLE).replacen("(七)总计 |\n7 |", "(七)总计 |\n6 |", 1);
    let hints = check(&text);
    let wrong: Vec<&str> = hints
        .iter()
        .filter(|(_, h)| !h.ends_with('✓'))
        .map(|(_, h)| h.as_str())
        .collect();
    // Column 自然人 sums to 7; the row's 总计 should be 6; carried forward should be 8 + 0 − 6 = 2.
    assert_eq!(wrong, ["≠ 7", "≠ 6", "≠ 2"]);
}

#[test]
fn a_cell_that_totals_two_equations_gets_one_hint() {
    // （七）总计 总计 is the row's total and its column's: 9 breaks both, which compute 7.
    let text = report_text(EXAMPLE).replacen("0 |\n7 |\n||\n四、结转", "0 |\n9 |\n||\n四、结转", 1);
    let hints = check(&text);
    assert_eq!(hints.len(), 40);
    let wrong: Vec<&str> = hints
        .iter()
        .filter(|(_, h)| !h.ends_with('✓'))
        .map(|(_, h)| h.as_str())
        .collect();
    assert_eq!(wrong, ["≠ 7", "≠ -1"]);
}
