//! Every quick fix and rewrite the core offers, on random reports with random errors: its span lies
//! inside the text on character boundaries, applying it changes nothing outside that span, and
//! checking the result again removes the finding it fixed — and, for a label, changes no other
//! finding; a rewrite (a table converted to Markdown) keeps every finding.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

mod mutate;

use std::collections::HashMap;

use ogi_lsp::analysis::{self, Finding, Rule, facts};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

fn is_balance(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::RowTotal
            | Rule::ResultTotal
            | Rule::IntakeOutcome
            | Rule::ReviewTotal
            | Rule::LitigationTotal
    )
}

/// Findings by rule and message, counted: what a reader sees, wherever the text moved.
fn tally(findings: &[Finding]) -> HashMap<(Rule, String), usize> {
    let mut out = HashMap::new();
    for f in findings {
        *out.entry((f.rule, f.message.zh.clone())).or_default() += 1;
    }
    out
}

/// `text` with `span` replaced, checked to differ from `text` only there.
fn replaced(text: &str, span: &std::ops::Range<usize>, with: &str) -> String {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{span:?} outside {}",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{span:?} splits a character"
    );
    let mut out = text.to_owned();
    out.replace_range(span.clone(), with);
    assert_eq!(&out[..span.start], &text[..span.start]);
    assert_eq!(&out[span.start + with.len()..], &text[span.end..]);
    out
}

/// Applies every fix of every finding of `text` and checks what it did; returns how many there were.
fn fixes_hold(text: &str) -> usize {
    let before = analysis::check(text).findings;
    let mut fixes = 0;
    for finding in &before {
        let Some(fix) = &finding.fix else { continue };
        fixes += 1;
        let fixed = replaced(text, &fix.span, &fix.replacement);
        let after = analysis::check(&fixed).findings;
        let what = format!(
            "{} at {:?} fixed by {:?}",
            finding.rule.code(),
            finding.span,
            fix.replacement
        );
        let key = (finding.rule, finding.message.zh.clone());
        let (was, now) = (tally(&before), tally(&after));
        if is_balance(finding.rule) {
            // The total now holds the sum: no finding of its equation on it.
            assert!(
                !after
                    .iter()
                    .any(|f| f.rule == finding.rule && f.span.start == fix.span.start),
                "{what}: still reported"
            );
        } else {
            assert_eq!(
                now.get(&key).copied().unwrap_or(0) + 1,
                was[&key],
                "{what}: still reported"
            );
        }
        if finding.rule == Rule::Nonstandard {
            // Only the differing characters were replaced: every other finding stays as it was.
            let mut expected = was.clone();
            *expected.entry(key).or_default() -= 1;
            expected.retain(|_, n| *n > 0);
            assert_eq!(now, expected, "{what}: other findings changed");
        }
        if finding.rule == Rule::MissingRow {
            // The inserted row is zeros: it can only make an equation it takes part in fail, or
            // differ from a figure the prose states.
            for ((rule, message), n) in &now {
                let new = *n > was.get(&(*rule, message.clone())).copied().unwrap_or(0);
                let consequence = is_balance(*rule) || *rule == Rule::NarrativeMismatch;
                assert!(!new || consequence, "{what}: new {} {message}", rule.code());
            }
        }
    }
    fixes
}

/// Findings counted by rule.
fn rules(findings: &[Finding]) -> HashMap<Rule, usize> {
    let mut out = HashMap::new();
    for f in findings {
        *out.entry(f.rule).or_default() += 1;
    }
    out
}

/// Applies every table rewrite offered anywhere in `text`; each keeps every finding: as many of each
/// rule. (A damaged label read loosely in one layout may read by its place in a pipe table: its
/// `label/nonstandard` stays, worded for the other case.)
fn rewrites_hold(text: &str) -> usize {
    let before = rules(&analysis::check(text).findings);
    let mut seen = Vec::new();
    for (offset, report) in analysis::report_texts(text) {
        let analysis = analysis::analyze_report(report);
        let line_starts = std::iter::once(0).chain(report.match_indices('\n').map(|(i, _)| i + 1));
        for at in line_starts {
            for rewrite in facts::rewrites(report, &analysis, at) {
                let span = rewrite.span.start + offset..rewrite.span.end + offset;
                if seen.contains(&span) {
                    continue;
                }
                let converted = replaced(text, &span, &rewrite.replacement);
                assert_eq!(
                    rules(&analysis::check(&converted).findings),
                    before,
                    "converting {span:?} changed the findings"
                );
                seen.push(span);
            }
        }
    }
    seen.len()
}

#[test]
fn the_example_in_every_layout_has_fixes_that_hold() {
    for layout in 0..mutate::Layout::ALL.len() {
        let clean = mutate::text(layout, 1, false, &[]);
        assert_eq!(fixes_hold(&clean), 2, "the two typos of layout {layout}");
        let broken = mutate::text(layout, 1, true, &[]);
        assert!(
            fixes_hold(&broken) >= 3,
            "a wrong total of layout {layout} can be fixed"
        );
    }
    assert!(
        rewrites_hold(&mutate::text(0, 1, false, &[])) >= 3,
        "L1's three tables convert"
    );
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 40,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn fixes_and_rewrites_of_random_errors_hold((layout, copy, errors, mutations) in mutate::case()) {
        let text = mutate::text(layout, copy, errors, &mutations);
        fixes_hold(&text);
        rewrites_hold(&text);
    }
}
