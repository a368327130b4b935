//! The editor features on the example report end to end: quick fixes and rewrites, hover, completion,
//! outline, folding, inlay hints and semantic tokens.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

mod support;

use serde_json::json;
use support::example::{INTAKE_PERSONS, TYPO_LINES, client, example_uri, opened};
use support::{FIXTURE, Server, edit};
use tower_lsp_server::ls_types::{
    CodeActionKind, DocumentSymbol, HoverContents, InlayHintLabel, InsertTextFormat, Position,
    Range, SymbolKind,
};

#[test]
fn the_quick_fix_turns_the_typo_into_the_template_text_and_nothing_else() {
    for utf8 in [false, true] {
        let (mut server, diagnostics) = opened(client(utf8));
        let doc = example_uri();
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

fn hover_text(server: &mut Server, at: Position) -> String {
    let doc = example_uri();
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
    let doc = example_uri();
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
    let doc = example_uri();
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
    // Sections are namespaces; the report itself is a file symbol.
    let section_lines: Vec<u32> = all
        .iter()
        .filter(|s| s.kind == SymbolKind::NAMESPACE)
        .map(|s| s.selection_range.start.line)
        .collect();
    assert_eq!(section_lines, heading_lines);
    let folds = server.folding_ranges(&doc);
    // Each section folds up to the line before the next heading (the report folds as a whole too).
    let section_folds: Vec<(u32, u32)> = folds
        .iter()
        .map(|f| (f.start_line, f.end_line))
        .filter(|(start, _)| heading_lines[..5].contains(start))
        .filter(|(start, end)| heading_lines.contains(&(end + 1)) && end > start)
        .collect();
    let expected: Vec<(u32, u32)> = heading_lines.windows(2).map(|w| (w[0], w[1] - 1)).collect();
    assert_eq!(section_folds, expected);
    server.shutdown();
}

#[test]
fn inlay_hints_show_the_computed_total() {
    let (mut server, _) = opened(json!({}));
    let doc = example_uri();
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
    let doc = example_uri();
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

/// The table under the cursor converts to a Markdown pipe table; the converted text keeps every
/// figure, so the server finds the same two problems in it and nothing else.
#[test]
fn a_flattened_table_converts_to_markdown_without_changing_a_finding() {
    let (mut server, before) = opened(json!({}));
    let doc = example_uri();
    let at = support::find(FIXTURE, "(七)总计", 0, false);
    let actions = server.code_actions(&doc, Range::new(at, at));
    let rewrite = actions
        .iter()
        .find(|a| a.kind == Some(CodeActionKind::REFACTOR_REWRITE))
        .expect("a conversion of 表三");
    let changes = rewrite.edit.as_ref().and_then(|e| e.changes.as_ref());
    let edits = &changes.expect("a workspace edit")[&doc];
    let converted = support::apply_edits(FIXTURE, edits, false);
    assert!(
        converted.contains("| 一、本年新收政府信息公开申请数量 |  | 8 | 0 | 0 | 0 | 0 | 0 | 8 |")
    );
    let change = edits
        .iter()
        .map(
            |e| tower_lsp_server::ls_types::TextDocumentContentChangeEvent {
                range: Some(e.range),
                range_length: None,
                text: e.new_text.clone(),
            },
        )
        .collect();
    server.change(&doc, 2, change);
    let after = server.diagnostics(&doc, 2);
    let messages = |ds: &[tower_lsp_server::ls_types::Diagnostic]| {
        ds.iter().map(|d| d.message.clone()).collect::<Vec<_>>()
    };
    assert_eq!(messages(&after), messages(&before));
    server.shutdown();
}

/// Snippets (a blank table, a report skeleton) go only to clients that can expand them.
#[test]
fn snippets_only_for_clients_that_expand_them() {
    let snippets = json!({"capabilities": {"textDocument": {"completion": {"completionItem": {"snippetSupport": true}}}}});
    for (params, expected) in [(snippets, true), (json!({}), false)] {
        let (mut server, _) = opened(params);
        let at = support::find(FIXTURE, "三、收到和处理", 0, false);
        let items = server.completion(&example_uri(), Position::new(at.line + 1, 0));
        let formats: Vec<_> = items
            .unwrap_or_default()
            .into_iter()
            .map(|i| i.insert_text_format)
            .collect();
        assert!(!formats.is_empty());
        let has_snippet = formats.contains(&Some(InsertTextFormat::SNIPPET));
        assert_eq!(has_snippet, expected);
        server.shutdown();
    }
}

/// The cell of template row `row`, column `col` in an `ogi/tables` answer.
fn table_cell(answer: &serde_json::Value, row: u64, col: usize) -> serde_json::Value {
    answer["tables"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|t| t["blocks"].as_array().into_iter().flatten())
        .flat_map(|b| b["rows"].as_array().into_iter().flatten())
        .find(|r| r["row"] == json!(row))
        .map(|r| r["cells"][col].clone())
        .unwrap_or_else(|| panic!("no row {row} in {answer}"))
}

#[test]
fn the_table_request_shows_the_report_grid_and_follows_edits() {
    for utf8 in [false, true] {
        let (mut server, _) = opened(client(utf8));
        let doc = example_uri();
        let params = json!({"textDocument": {"uri": doc.as_str()}});
        let answer = server
            .request_raw("ogi/tables", params.clone())
            .expect("ogi/tables");
        let names: Vec<&str> = answer["tables"]
            .as_array()
            .expect("tables")
            .iter()
            .filter_map(|t| t["name"].as_str())
            .collect();
        assert_eq!(names, vec!["表二", "表三", "表四"]);
        let persons = table_cell(&answer, 6, 0);
        assert_eq!(persons["text"], json!("8"));
        assert_eq!(persons["status"], json!("fine"));
        assert_eq!(
            persons["range"]["start"],
            json!({"line": INTAKE_PERSONS, "character": 0})
        );
        assert_eq!(
            persons["range"]["end"],
            json!({"line": INTAKE_PERSONS, "character": 1})
        );
        // The label's range is in the negotiated encoding: 一、本年新收政府信息公开申请数量 is 16
        // characters, 16 UTF-16 units or 48 UTF-8 bytes.
        let label = &answer["tables"][1]["blocks"][0]["rows"][0]["labelRange"];
        assert_eq!(label["end"]["character"], json!(if utf8 { 48 } else { 16 }));

        server.change(
            &doc,
            2,
            vec![edit((INTAKE_PERSONS, 0), (INTAKE_PERSONS, 1), "9")],
        );
        server.diagnostics(&doc, 2);
        let at = json!({"textDocument": {"uri": doc.as_str()}, "position": {"line": INTAKE_PERSONS, "character": 0}});
        let answer = server.request_raw("ogi/tables", at).expect("ogi/tables");
        assert_eq!(answer["version"], json!(2));
        let persons = table_cell(&answer, 6, 0);
        assert_eq!(
            (persons["text"].clone(), persons["status"].clone()),
            (json!("9"), json!("failing"))
        );
        let total = table_cell(&answer, 6, 6);
        let equation = &answer["tables"][1]["equations"]
            [total["totals"][0].as_u64().expect("a total") as usize];
        assert_eq!(
            (equation["expected"].clone(), equation["holds"].clone()),
            (json!(9), json!(false))
        );
        assert!(
            equation["text"]
                .as_str()
                .is_some_and(|t| t.contains("= 9 ✗")),
            "{equation}"
        );
        server.shutdown();
    }
}

#[test]
fn the_table_request_answers_null_for_a_document_not_open() {
    let (mut server, _) = opened(json!({}));
    let params = json!({"textDocument": {"uri": support::uri("other.txt").as_str()}});
    assert_eq!(server.request_raw("ogi/tables", params), Ok(json!(null)));
    let error = server.request_raw("ogi/tables", json!({"position": 3}));
    assert!(error.is_err(), "{error:?}");
    server.shutdown();
}

#[test]
fn the_table_request_names_the_report_plainly_and_answers_from_outside_it() {
    let (mut server, _) = Server::start(json!({}));
    let doc = support::uri("titled.md");
    let title = "东胜区行政审批政务服务与数据管理局2024年政府信息公开工作年度报告";
    let text = format!("\n\n# **{title}**\n{FIXTURE}");
    server.open(&doc, &text, 1);
    server.diagnostics(&doc, 1);
    // Line 0 is blank, before the title: the answer is still the document's report.
    let at =
        json!({"textDocument": {"uri": doc.as_str()}, "position": {"line": 0, "character": 0}});
    let answer = server.request_raw("ogi/tables", at).expect("ogi/tables");
    assert_eq!(answer["report"]["title"], json!(title));
    assert_eq!(answer["report"]["year"], json!(2024));
    assert_eq!(table_cell(&answer, 6, 0)["text"], json!("8"));
    server.shutdown();
}
