//! Diagnostics of the example report end to end: what is published, after edits, under each position
//! encoding, in each locale and under the rule switches.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

mod support;

use serde_json::json;
use support::example::{INTAKE_PERSONS, TYPO_LINES, client, code, codes, example_uri, opened};
use support::{FIXTURE, Server, edit};
use tower_lsp_server::ls_types::{Diagnostic, DiagnosticSeverity, Position};

#[test]
fn the_example_report_gets_exactly_its_two_label_warnings() {
    let (server, diagnostics) = opened(json!({}));
    assert_eq!(
        codes(&diagnostics),
        ["label/nonstandard", "label/nonstandard"]
    );
    let mut lines: Vec<u32> = diagnostics.iter().map(|d| d.range.start.line).collect();
    lines.sort_unstable();
    assert_eq!(lines, TYPO_LINES);
    for d in &diagnostics {
        assert_eq!(d.severity, Some(DiagnosticSeverity::WARNING));
        assert_eq!(d.source.as_deref(), Some("ogi-lsp"));
        assert!(
            d.message.contains("逾期"),
            "Chinese message naming the template text: {}",
            d.message
        );
    }
    server.shutdown();
}

#[test]
fn english_messages_when_the_client_locale_is_not_chinese() {
    let (server, diagnostics) = opened(json!({"locale": "en-US"}));
    assert_eq!(diagnostics.len(), 2);
    for d in &diagnostics {
        let first = d.message.chars().next().unwrap_or(' ');
        assert!(
            first.is_ascii_alphabetic(),
            "English message expected: {}",
            d.message
        );
    }
    server.shutdown();
}

#[test]
fn a_changed_figure_breaks_two_balances_and_undoing_it_restores_them() {
    let (mut server, before) = opened(json!({}));
    let doc = example_uri();
    server.change(
        &doc,
        2,
        vec![edit((INTAKE_PERSONS, 0), (INTAKE_PERSONS, 1), "9")],
    );
    let broken = server.diagnostics(&doc, 2);
    assert_eq!(
        codes(&broken),
        [
            "balance/intake-outcome",
            "balance/row-total",
            "label/nonstandard",
            "label/nonstandard"
        ]
    );
    let row_total = broken
        .iter()
        .find(|d| code(d) == "balance/row-total")
        .unwrap();
    assert_eq!(row_total.severity, Some(DiagnosticSeverity::ERROR));
    assert!(
        row_total
            .related_information
            .as_ref()
            .is_some_and(|r| r.len() >= 2)
    );
    server.change(
        &doc,
        3,
        vec![edit((INTAKE_PERSONS, 0), (INTAKE_PERSONS, 1), "8")],
    );
    assert_eq!(server.diagnostics(&doc, 3), before);
    server.shutdown();
}

/// 𠀀 is one character, two UTF-16 units and four UTF-8 bytes: inserted at the start of the label's
/// line, it moves the diagnostic (which covers 预期, the characters that differ) by exactly that
/// much under each encoding, and 预期 stays two UTF-16 units or six UTF-8 bytes wide.
#[test]
fn positions_follow_the_negotiated_encoding() {
    for (utf8, units) in [(false, 2), (true, 4)] {
        let (mut server, before) = opened(client(utf8));
        let doc = example_uri();
        let label = |ds: &[Diagnostic]| {
            ds.iter()
                .find(|d| d.range.start.line == TYPO_LINES[0])
                .unwrap()
                .range
        };
        let old = label(&before);
        let at = support::find(FIXTURE, "预期", 0, utf8);
        assert_eq!(at.line, TYPO_LINES[0]);
        server.change(&doc, 2, vec![edit((at.line, 0), (at.line, 0), "𠀀")]);
        let new = label(&server.diagnostics(&doc, 2));
        assert_eq!(old.start, at);
        assert_eq!(
            old.end.character - old.start.character,
            if utf8 { 6 } else { 2 }
        );
        assert_eq!(
            new.start,
            Position::new(old.start.line, old.start.character + units)
        );
        assert_eq!(
            new.end,
            Position::new(old.end.line, old.end.character + units)
        );
        server.shutdown();
    }
}

#[test]
fn rule_switches_come_from_initialization_options_and_configuration() {
    let (server, diagnostics) =
        opened(json!({"initializationOptions": {"rules": {"label/nonstandard": "off"}}}));
    assert_eq!(diagnostics, vec![]);
    server.shutdown();

    // Pulled with workspace/configuration, answered after the document was first checked.
    let (mut server, _) =
        Server::start(json!({"capabilities": {"workspace": {"configuration": true}}}));
    let (id, params) = server.server_request("workspace/configuration");
    assert_eq!(params["items"][0]["section"], "ogi");
    let doc = example_uri();
    server.open(&doc, FIXTURE, 1);
    assert_eq!(server.diagnostics(&doc, 1).len(), 2);
    server.answer(id, json!([{"rules": {"label/nonstandard": "error"}}]));
    let relevelled = server.diagnostics(&doc, 1);
    assert_eq!(relevelled.len(), 2);
    assert!(
        relevelled
            .iter()
            .all(|d| d.severity == Some(DiagnosticSeverity::ERROR))
    );
    // Pushed with workspace/didChangeConfiguration, nested under the section as editors send it.
    let settings = json!({"settings": {"ogi": {"rules": {"label/nonstandard": "off"}}}});
    server.notify_raw("workspace/didChangeConfiguration", settings);
    assert_eq!(server.diagnostics(&doc, 1), vec![]);
    server.shutdown();
}
