//! Every quick fix the server offers, on random reports with random errors (tests/mutate), in UTF-16
//! and UTF-8: its edit is one text edit of the document itself over positions that exist, applying
//! it changes the text only there, and the server, given the result, no longer reports the diagnostic
//! it fixed. (tests/core_fixes.rs checks the same of the core's fixes over many more cases.)
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

mod mutate;
mod support;

use std::collections::HashMap;

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

use support::example::{client, code};
use support::{Server, uri};
use tower_lsp_server::ls_types::{CodeActionKind, Diagnostic, Position, Range};

fn is_balance(code: &str) -> bool {
    code.starts_with("balance/")
}

/// Diagnostics counted by code and message.
fn tally(diagnostics: &[Diagnostic]) -> HashMap<(String, String), usize> {
    let mut out = HashMap::new();
    for d in diagnostics {
        *out.entry((code(d).to_owned(), d.message.clone()))
            .or_default() += 1;
    }
    out
}

/// Checks every quick fix offered for `text`; returns how many there were.
fn quick_fixes_hold(server: &mut Server, case: usize, text: &str, utf8: bool) -> usize {
    let doc = uri(&format!("case-{case}.txt"));
    server.open(&doc, text, 1);
    let before = server.diagnostics(&doc, 1);
    let end = support::position(text, text.len(), utf8);
    let actions = server.code_actions(&doc, Range::new(Position::new(0, 0), end));
    let mut fixes = 0;
    for action in actions
        .iter()
        .filter(|a| a.kind == Some(CodeActionKind::QUICKFIX))
    {
        fixes += 1;
        let fixed_diagnostic = match action.diagnostics.as_deref() {
            Some([d]) => d.clone(),
            other => panic!(
                "{}: a quick fix names one diagnostic, not {other:?}",
                action.title
            ),
        };
        let changes = action.edit.as_ref().and_then(|e| e.changes.as_ref());
        let edits = match changes.map(|c| c.iter().collect::<Vec<_>>()).as_deref() {
            Some([(target, edits)]) if *target == &doc => (*edits).clone(),
            other => panic!(
                "{}: edits of this document only, not {other:?}",
                action.title
            ),
        };
        let [edit] = &edits[..] else {
            panic!("{}: one text edit, not {edits:?}", action.title);
        };
        // Positions that exist in the text: each reads back as itself.
        for p in [edit.range.start, edit.range.end] {
            let at = support::offset(text, p, utf8);
            assert_eq!(
                support::position(text, at, utf8),
                p,
                "{}: {p:?}",
                action.title
            );
        }
        let (a, b) = (
            support::offset(text, edit.range.start, utf8),
            support::offset(text, edit.range.end, utf8),
        );
        let fixed = support::apply_edits(text, &edits, utf8);
        assert_eq!(
            fixed,
            format!("{}{}{}", &text[..a], edit.new_text, &text[b..])
        );
        let after =
            server.fresh_diagnostics(&uri(&format!("case-{case}-fixed-{fixes}.txt")), &fixed);
        let what = format!("{} ({})", action.title, fixed_diagnostic.message);
        let fixed_code = code(&fixed_diagnostic);
        if is_balance(fixed_code) {
            assert!(
                !after
                    .iter()
                    .any(|d| code(d) == fixed_code && d.range.start == edit.range.start),
                "{what}: still reported"
            );
        } else {
            let key = (fixed_code.to_owned(), fixed_diagnostic.message.clone());
            let now = tally(&after).get(&key).copied().unwrap_or(0);
            assert_eq!(now + 1, tally(&before)[&key], "{what}: still reported");
        }
    }
    server.close(&doc);
    fixes
}

#[test]
fn every_quick_fix_of_random_errors_edits_only_its_range_and_removes_its_diagnostic() {
    // The cases of the core's property test, drawn deterministically: a failure repeats as it is.
    let mut runner = TestRunner::deterministic();
    let mut fixes = 0;
    for utf8 in [false, true] {
        let (mut server, _) = Server::start(client(utf8));
        for case in 0..10 {
            let (layout, copy, errors, mutations) = mutate::case()
                .new_tree(&mut runner)
                .expect("a case")
                .current();
            let text = mutate::text(layout, copy, errors, &mutations);
            fixes += quick_fixes_hold(&mut server, case, &text, utf8);
        }
        server.shutdown();
    }
    // Each copy has its two label typos at least.
    assert!(fixes >= 40, "{fixes} quick fixes checked");
    eprintln!("{fixes} quick fixes checked");
}
