//! The features on the example report, end to end: diagnostics, edits, encodings, quick fixes, hover,
//! completion, outline, folding, inlay hints, semantic tokens and rule configuration.

mod support;

use serde_json::json;
use support::{FIXTURE, Server, edit, uri};
use tower_lsp_server::ls_types::{
    CodeActionKind, Diagnostic, DiagnosticSeverity, DocumentSymbol, HoverContents, InlayHintLabel,
    NumberOrString, Position, Range,
};

/// 0-based lines of the two label typos (预期 for 逾期) in the example report.
const TYPO_LINES: [u32; 2] = [248, 257];
/// 0-based line of 本年新收 · 自然人 (`8 |`).
const INTAKE_PERSONS: u32 = 64;

fn code(d: &Diagnostic) -> &str {
    match &d.code {
        Some(NumberOrString::String(code)) => code,
        other => panic!("diagnostic without a string code: {other:?}"),
    }
}

fn codes(diagnostics: &[Diagnostic]) -> Vec<&str> {
    let mut codes: Vec<_> = diagnostics.iter().map(code).collect();
    codes.sort_unstable();
    codes
}

/// Client parameters offering UTF-8 positions, or only the default UTF-16.
fn client(utf8: bool) -> serde_json::Value {
    if utf8 {
        json!({"capabilities": {"general": {"positionEncodings": ["utf-8", "utf-16"]}}})
    } else {
        json!({})
    }
}

fn opened(params: serde_json::Value) -> (Server, Vec<Diagnostic>) {
    let (mut server, _) = Server::start(params);
    let doc = uri("dongsheng-2024.txt");
    server.open(&doc, FIXTURE, 1);
    let diagnostics = server.diagnostics(&doc, 1);
    (server, diagnostics)
}

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
    let doc = uri("dongsheng-2024.txt");
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

#[test]
fn the_quick_fix_turns_the_typo_into_the_template_text_and_nothing_else() {
    for utf8 in [false, true] {
        let (mut server, diagnostics) = opened(client(utf8));
        let doc = uri("dongsheng-2024.txt");
        let first = diagnostics
            .iter()
            .find(|d| d.range.start.line == TYPO_LINES[0])
            .unwrap()
            .clone();
        let actions = server.code_actions(&doc, first.range);
        let fix = actions
            .iter()
            .find(|a| a.kind == Some(CodeActionKind::QUICKFIX))
            .expect("a quick fix on the label");
        assert_eq!(fix.diagnostics.as_deref(), Some(&[first][..]));
        let changes = fix
            .edit
            .as_ref()
            .and_then(|e| e.changes.as_ref())
            .expect("a workspace edit");
        let fixed = support::apply_edits(FIXTURE, &changes[&doc], utf8);
        let expected = FIXTURE.replacen("无正当理由预期", "无正当理由逾期", 1);
        assert_eq!(fixed, expected, "utf8: {utf8}");
        server.shutdown();
    }
}

/// 𠀀 is one character, two UTF-16 units and four UTF-8 bytes: inserted before 预期 inside the label,
/// it moves the end of the label's diagnostic by exactly that much under each encoding.
#[test]
fn positions_follow_the_negotiated_encoding() {
    for (utf8, units) in [(false, 2), (true, 4)] {
        let (mut server, before) = opened(client(utf8));
        let doc = uri("dongsheng-2024.txt");
        let label = |ds: &[Diagnostic]| {
            ds.iter()
                .find(|d| d.range.start.line == TYPO_LINES[0])
                .unwrap()
                .range
        };
        let old = label(&before);
        let at = support::find(FIXTURE, "预期", 0, utf8);
        assert_eq!(at.line, TYPO_LINES[0]);
        server.change(
            &doc,
            2,
            vec![edit((at.line, at.character), (at.line, at.character), "𠀀")],
        );
        let new = label(&server.diagnostics(&doc, 2));
        assert_eq!(new.start, old.start);
        assert_eq!(
            new.end,
            Position::new(old.end.line, old.end.character + units)
        );
        server.shutdown();
    }
}

fn hover_text(server: &mut Server, at: Position) -> String {
    let doc = uri("dongsheng-2024.txt");
    match server.hover(&doc, at).map(|h| h.contents) {
        Some(HoverContents::Markup(markup)) => markup.value,
        other => panic!("expected Markdown hover at {at:?}, got {other:?}"),
    }
}

#[test]
fn hover_quotes_the_regulation_and_names_cells() {
    let (mut server, _) = opened(json!({}));
    let citation = support::find(FIXTURE, "第二十条第(五)项", 0, false);
    assert!(hover_text(&mut server, citation).contains("办理行政许可"));
    let cell = hover_text(&mut server, Position::new(INTAKE_PERSONS, 0));
    assert!(
        cell.contains("本年新收") && cell.contains("自然人"),
        "{cell}"
    );
    server.shutdown();
}

#[test]
fn completion_matches_pinyin_initials() {
    let (mut server, _) = opened(json!({}));
    let doc = uri("dongsheng-2024.txt");
    // A new line inside 表三, right after the 总计 row of （二）部分公开.
    let at = support::find(FIXTURE, "(三)不予公开 |", 0, false);
    server.change(&doc, 2, vec![edit((at.line, 0), (at.line, 0), "bygk\n")]);
    server.diagnostics(&doc, 2);
    let items = server
        .completion(&doc, Position::new(at.line, 4))
        .unwrap_or_default();
    let item = items
        .iter()
        .find(|i| i.label.contains("不予公开"))
        .expect("不予公开 offered for bygk");
    assert!(
        item.filter_text
            .as_deref()
            .is_some_and(|f| f.contains("bygk"))
    );
    server.shutdown();
}

fn flatten<'a>(symbols: &'a [DocumentSymbol], out: &mut Vec<&'a DocumentSymbol>) {
    for s in symbols {
        out.push(s);
        flatten(s.children.as_deref().unwrap_or_default(), out);
    }
}

#[test]
fn outline_and_folding_follow_the_six_sections() {
    let (mut server, _) = opened(json!({}));
    let doc = uri("dongsheng-2024.txt");
    let symbols = server.document_symbols(&doc);
    let mut all = Vec::new();
    flatten(&symbols, &mut all);
    let heading_lines: Vec<u32> = [
        "一、总体情况",
        "二、主动公开",
        "三、收到和处理",
        "四、政府信息公开行政复议",
        "五、存在的主要问题",
        "六、其他需要报告",
    ]
    .iter()
    .map(|h| support::find(FIXTURE, h, 0, false).line)
    .collect();
    let section_lines: Vec<u32> = all
        .iter()
        .map(|s| s.selection_range.start.line)
        .filter(|l| heading_lines.contains(l))
        .collect();
    assert_eq!(section_lines, heading_lines);
    let folds = server.folding_ranges(&doc);
    let first = folds
        .iter()
        .find(|f| f.start_line == heading_lines[0])
        .expect("a fold for 一、总体情况");
    assert_eq!(first.end_line, heading_lines[1] - 1);
    server.shutdown();
}

#[test]
fn inlay_hints_show_the_computed_total() {
    let (mut server, _) = opened(json!({}));
    let doc = uri("dongsheng-2024.txt");
    let total_line = INTAKE_PERSONS + 6;
    let range = Range::new(
        Position::new(INTAKE_PERSONS, 0),
        Position::new(total_line + 1, 0),
    );
    let hints = server.inlay_hints(&doc, range);
    let hint = hints
        .iter()
        .find(|h| h.position.line == total_line)
        .expect("a hint on the 总计 cell");
    match &hint.label {
        InlayHintLabel::String(label) => {
            assert!(label.contains('8') && label.contains('✓'), "{label}")
        }
        other => panic!("expected a plain label, got {other:?}"),
    }
    server.shutdown();
}

#[test]
fn semantic_tokens_mark_citations_and_numbers() {
    let (mut server, _) = opened(json!({}));
    let doc = uri("dongsheng-2024.txt");
    let tokens = server.semantic_tokens(&doc);
    let citation = support::find(FIXTURE, "第二十条第(五)项", 0, false);
    // Legend: namespace (heading), property (label), number, macro (citation).
    let length = "第二十条第(五)项".encode_utf16().count() as u32;
    assert!(
        tokens.contains(&(citation.line, citation.character, length, 3)),
        "{tokens:?}"
    );
    assert!(tokens.contains(&(INTAKE_PERSONS, 0, 1, 2)), "{tokens:?}");
    server.shutdown();
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
    let doc = uri("dongsheng-2024.txt");
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
