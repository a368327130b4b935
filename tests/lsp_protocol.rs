//! The server over its real stdio: capabilities, quiet non-reports, robustness, big documents, ordering.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

mod support;

use serde_json::{Value, json};
use support::{FIXTURE, Server, edit, uri};
use tower_lsp_server::ls_types::Position;

#[test]
fn initialize_advertises_every_feature_and_utf16_by_default() {
    let (server, result) = Server::start(json!({}));
    let caps = &result["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["textDocumentSync"]["openClose"], true);
    assert_eq!(caps["hoverProvider"], true);
    assert!(caps["completionProvider"].is_object());
    assert_eq!(
        caps["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix", "refactor.rewrite"])
    );
    assert_eq!(caps["documentSymbolProvider"], true);
    assert_eq!(caps["foldingRangeProvider"], true);
    assert_eq!(caps["inlayHintProvider"], true);
    let legend = &caps["semanticTokensProvider"]["legend"]["tokenTypes"];
    assert_eq!(legend, &json!(["namespace", "property", "number", "macro"]));
    assert_eq!(caps["semanticTokensProvider"]["full"], true);
    assert_eq!(result["serverInfo"]["name"], "ogi-lsp");
    server.shutdown();
}

#[test]
fn utf8_is_chosen_when_the_client_offers_it() {
    let offer = json!({"capabilities": {"general": {"positionEncodings": ["utf-16", "utf-8"]}}});
    let (server, result) = Server::start(offer);
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    server.shutdown();
}

#[test]
fn a_markdown_readme_stays_quiet() {
    let mut server = Server::started();
    let readme = uri("README.md");
    let text = "# ogi-lsp\n\nChecks annual reports. 本项目检查政府信息公开年度报告的表格。\n\n## 安装\n\ncargo install ogi-lsp\n";
    server.open(&readme, text, 1);
    assert_eq!(server.diagnostics(&readme, 1), vec![]);
    let completion = server.completion(&readme, Position::new(2, 4));
    assert_eq!(completion, None);
    assert_eq!(server.hover(&readme, Position::new(2, 30)), None);
    server.shutdown();
}

#[test]
fn a_request_before_initialize_gets_an_error_and_initialize_still_works() {
    let mut server = Server::spawn();
    let early = server.request_raw(
        "textDocument/hover",
        serde_json::to_value(support::position_params(&uri("a.txt"), Position::new(0, 0))).unwrap(),
    );
    assert_eq!(early.map_err(|e| e["code"].clone()), Err(json!(-32002)));
    let init = server.request_raw("initialize", json!({"capabilities": {}}));
    assert_eq!(
        init.map(|r| r["capabilities"]["positionEncoding"].clone()),
        Ok(json!("utf-16"))
    );
    server.notify_raw("initialized", json!({}));
    server.shutdown();
}

#[test]
fn malformed_messages_get_errors_and_the_server_keeps_answering() {
    let mut server = Server::started();
    server.send_raw(b"{\"jsonrpc\": \"2.0\", \"id\": 77, \"method\": ");
    let parse_error = server.receive(|m| m["id"].is_null() && m.get("error").is_some());
    assert_eq!(parse_error["error"]["code"], -32700);
    server.send_raw(br#"{"jsonrpc": "1.0", "id": 78, "method": "textDocument/hover"}"#);
    let invalid = server.receive(|m| m["id"] == 78);
    assert_eq!(invalid["error"]["code"], -32600);
    server.write_bytes(b"Content-Lenght: 5\r\n\r\n{}{}}");
    let bad_header = server.receive(|m| m["id"].is_null() && m.get("error").is_some());
    assert_eq!(bad_header["error"]["code"], -32700);
    let unknown = server.request_raw("ogi/noSuchMethod", json!({}));
    assert_eq!(unknown.map_err(|e| e["code"].clone()), Err(json!(-32601)));
    let bad_params = server.request_raw("textDocument/hover", json!({"textDocument": 5}));
    assert_eq!(
        bad_params.map_err(|e| e["code"].clone()),
        Err(json!(-32602))
    );
    // Unknown documents: requests get an empty answer, notifications are ignored.
    let nowhere = uri("never-opened.txt");
    assert_eq!(server.hover(&nowhere, Position::new(3, 3)), None);
    server.change(&nowhere, 2, vec![edit((0, 0), (0, 0), "x")]);
    let symbols = server.request_raw(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": nowhere}}),
    );
    assert_eq!(symbols, Ok(Value::Null));
    // Still answering after all of that.
    let report = uri("report.txt");
    server.open(&report, FIXTURE, 1);
    server.diagnostics(&report, 1);
    server.shutdown();
}

#[test]
fn invalid_positions_are_clamped_and_answered() {
    let mut server = Server::started();
    let doc = uri("edits.txt");
    server.open(&doc, "𠀀预期\r\n一、总体情况\n", 1);
    server.diagnostics(&doc, 1);
    // Past the end of a line, past the end of the document, inside a surrogate pair, reversed.
    server.change(&doc, 2, vec![edit((0, 99), (0, 120), "!")]);
    server.change(&doc, 3, vec![edit((4000, 0), (u32::MAX, u32::MAX), "尾")]);
    server.change(&doc, 4, vec![edit((0, 1), (0, 1), "x")]);
    server.change(&doc, 5, vec![edit((1, 3), (1, 1), "")]);
    server.diagnostics(&doc, 5);
    assert_eq!(server.hover(&doc, Position::new(u32::MAX, u32::MAX)), None);
    let inlay = server.request_raw(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": doc}, "range": {"start": {"line": 9, "character": 9}, "end": {"line": 0, "character": 0}}}),
    );
    assert_eq!(inlay, Ok(json!([])));
    server.shutdown();
}

/// 50 MB of prose before one report: accepted, analysed, edited and still answering.
#[test]
fn a_fifty_megabyte_document_is_accepted() {
    let mut server = Server::started();
    let doc = uri("big.txt");
    let line = "这是一段很长的说明文字，不属于任何报告。Plain prose, no landmark at all.\n";
    let mut text = line.repeat(50 * 1024 * 1024 / line.len());
    let preamble_lines = (text.len() / line.len()) as u32;
    text.push_str(FIXTURE);
    assert!(text.len() >= 50 * 1024 * 1024);
    server.open(&doc, &text, 1);
    let opened = server.diagnostics(&doc, 1);
    server.change(&doc, 2, vec![edit((0, 0), (0, 2), "那是")]);
    server.change(
        &doc,
        3,
        vec![edit(
            (preamble_lines / 2, 2),
            (preamble_lines / 2, 4),
            "一段",
        )],
    );
    assert_eq!(
        server.diagnostics(&doc, 3),
        opened,
        "edits in the prose change no finding"
    );
    let symbols = server.request_raw(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": doc}}),
    );
    assert!(symbols.is_ok_and(|s| s.is_array()));
    server.shutdown();
}

/// Edits sent back to back, without waiting, end in the diagnostics of a fresh open of the final text.
#[test]
fn two_hundred_edits_end_like_a_fresh_open() {
    let mut server = Server::started();
    let doc = uri("typed.txt");
    server.open(&doc, FIXTURE, 1);
    server.diagnostics(&doc, 1);
    let mut text = FIXTURE.to_owned();
    let inserts = [
        "9",
        "预期",
        "𠀀",
        "\n",
        "一、总体情况\n",
        "某局2024年政府信息公开工作年度报告\r\n",
        "",
        "逾期",
    ];
    for i in 0..200u32 {
        // Positions spread over the whole text; every fourth edit also deletes a few characters.
        let chars = text.chars().count();
        let at_char = (i as usize * 7919) % (chars + 1);
        // A position between `\r` and `\n` does not exist in the protocol: step over the `\n`.
        let whole = |at: usize| {
            if text[..at].ends_with('\r') && text[at..].starts_with('\n') {
                at + 1
            } else {
                at
            }
        };
        let start = whole(
            text.char_indices()
                .nth(at_char)
                .map_or(text.len(), |(b, _)| b),
        );
        let end = whole(
            text[start..]
                .char_indices()
                .nth(if i % 4 == 0 { 3 } else { 0 })
                .map_or(text.len(), |(b, _)| start + b),
        );
        let (a, b) = (
            support::position(&text, start, false),
            support::position(&text, end, false),
        );
        let insert = inserts[i as usize % inserts.len()];
        server.change(
            &doc,
            2 + i as i32,
            vec![edit((a.line, a.character), (b.line, b.character), insert)],
        );
        text.replace_range(start..end, insert);
    }
    let typed = server.diagnostics(&doc, 201);
    let fresh = uri("fresh.txt");
    server.open(&fresh, &text, 1);
    let expected = server.diagnostics(&fresh, 1);
    let normalise = |d: Vec<tower_lsp_server::ls_types::Diagnostic>| {
        serde_json::to_string(&d)
            .unwrap()
            .replace("fresh.txt", "typed.txt")
    };
    assert_eq!(normalise(typed), normalise(expected));
    server.shutdown();
}

#[test]
fn closing_a_document_clears_its_diagnostics() {
    let mut server = Server::started();
    let doc = uri("closed.txt");
    server.open(&doc, FIXTURE, 1);
    server.diagnostics(&doc, 1);
    server.notify_raw(
        "textDocument/didClose",
        json!({"textDocument": {"uri": doc}}),
    );
    let cleared = server.receive(|m| m["method"] == "textDocument/publishDiagnostics");
    assert_eq!(cleared["params"], json!({"uri": doc, "diagnostics": []}));
    assert_eq!(server.hover(&doc, Position::new(1, 1)), None);
    server.shutdown();
}

#[test]
fn exit_without_shutdown_ends_with_code_one() {
    let mut server = Server::started();
    assert_eq!(server.exit(), Some(1));
}
