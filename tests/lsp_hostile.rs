//! Hostile clients and documents over the real stdio: positions out of range or inside a character,
//! versions going back, changes before the open, requests for documents not open, requests before
//! `initialize` and after `shutdown`, cancellation of every request kind, oversized and malformed
//! messages, and documents of 200 MB, 10,000 reports, a 1 MB line and a million empty cells. Each gets
//! the answer the protocol allows, and the server keeps serving the other documents.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

mod support;

use std::sync::Mutex;

use serde_json::{Value, json};
use support::example::{TYPO_LINES, client, code, codes};
use support::{FIXTURE, Server, edit, uri};
use tower_lsp_server::ls_types::{Diagnostic, Position, Uri};

/// Every request on a document the server answers, with its params for `uri` at `line`.
fn requests(uri: &Uri, line: u32) -> Vec<(&'static str, Value)> {
    let document = json!({"uri": uri});
    let at = json!({"line": line, "character": 2});
    let range =
        json!({"start": {"line": line, "character": 0}, "end": {"line": line + 3, "character": 0}});
    vec![
        (
            "textDocument/hover",
            json!({"textDocument": document, "position": at}),
        ),
        (
            "textDocument/completion",
            json!({"textDocument": document, "position": at}),
        ),
        (
            "textDocument/codeAction",
            json!({"textDocument": document, "range": range, "context": {"diagnostics": []}}),
        ),
        (
            "textDocument/documentSymbol",
            json!({"textDocument": document}),
        ),
        (
            "textDocument/foldingRange",
            json!({"textDocument": document}),
        ),
        (
            "textDocument/inlayHint",
            json!({"textDocument": document, "range": range}),
        ),
        (
            "textDocument/semanticTokens/full",
            json!({"textDocument": document}),
        ),
        (
            "ogi/tables",
            json!({"textDocument": document, "position": at}),
        ),
    ]
}

/// The big documents are built and checked one at a time, so their memory never adds up.
static HEAVY: Mutex<()> = Mutex::new(());

fn heavy() -> std::sync::MutexGuard<'static, ()> {
    HEAVY.lock().unwrap_or_else(|e| e.into_inner())
}

/// Diagnostics as text with the document's URI taken out, to compare two documents' findings.
fn without_uri(diagnostics: &[Diagnostic], uri: &Uri) -> String {
    serde_json::to_string(diagnostics)
        .unwrap()
        .replace(uri.as_str(), "URI")
}

/// The diagnostics of a fresh open of `text` (then closed again), to compare an edited document with.
fn fresh(server: &mut Server, name: &str, text: &str) -> String {
    let doc = uri(name);
    without_uri(&server.fresh_diagnostics(&doc, text), &doc)
}

/// The column of the `nth` `needle` on `line` of `text`, in UTF-8 bytes or UTF-16 units.
fn column(text: &str, line: u32, needle: &str, utf8: bool) -> u32 {
    let line_text = text.split('\n').nth(line as usize).unwrap();
    let at = line_text.find(needle).unwrap();
    let before = &line_text[..at];
    (if utf8 {
        before.len()
    } else {
        before.encode_utf16().count()
    }) as u32
}

#[test]
fn positions_out_of_range_or_inside_a_character_are_clamped_as_documented() {
    for utf8 in [false, true] {
        let (mut server, _) = Server::start(client(utf8));
        let doc = uri("clamped.txt");
        server.open(&doc, FIXTURE, 1);
        assert_eq!(server.diagnostics(&doc, 1).len(), 2);
        let typo = TYPO_LINES[0];
        let yu = column(FIXTURE, typo, "预期", utf8);
        // Mark the typo's line with an astral character, whose UTF-16 units are a surrogate pair.
        server.change(&doc, 2, vec![edit((typo, yu), (typo, yu), "𠀀")]);
        let astral = if utf8 { 4 } else { 2 };
        let changes = vec![
            // From inside 𠀀 to inside 预 (UTF-8) or just past 预 (UTF-16): 𠀀预 is replaced.
            edit((typo, yu + 1), (typo, yu + astral + 1), "逾"),
            // A column past the end of its line: the line's text ends there (自然人 8 becomes 9).
            edit((64, 0), (64, 9_999), "9 |"),
            // A reversed range: the same as in order (the row's 总计 8 becomes 9).
            edit((70, 1), (70, 0), "9"),
            // A line past the end: the end of the document.
            edit((90_000, 5), (u32::MAX, u32::MAX), "\n第六十条"),
        ];
        server.change(&doc, 3, changes);
        let edited = server.diagnostics(&doc, 3);
        let mut lines: Vec<&str> = FIXTURE.split('\n').collect();
        // In UTF-8 the end inside 预 falls back to its start, so only 𠀀 goes and 预 stays.
        let typo_line = if utf8 {
            lines[typo as usize].replacen("预期", "逾预期", 1)
        } else {
            lines[typo as usize].replacen("预期", "逾期", 1)
        };
        lines[typo as usize] = &typo_line;
        lines[64] = "9 |";
        lines[70] = "9 |";
        let expected = lines.join("\n") + "\n第六十条";
        let expected_diagnostics = fresh(&mut server, "expected.txt", &expected);
        assert_eq!(
            without_uri(&edited, &doc),
            expected_diagnostics,
            "utf8: {utf8}"
        );
        // The typo is gone (UTF-16) or still there (UTF-8); the row balances again at 9, the intake
        // no longer equals the outcomes nor the prose's 8; the citation was appended.
        let labels = edited
            .iter()
            .filter(|d| code(d) == "label/nonstandard")
            .count();
        assert_eq!(labels, if utf8 { 2 } else { 1 });
        let codes = codes(&edited);
        assert!(!codes.contains(&"balance/row-total"), "{codes:?}");
        assert!(codes.contains(&"balance/intake-outcome"), "{codes:?}");
        assert!(codes.contains(&"narrative/mismatch"), "{codes:?}");
        assert!(codes.contains(&"statute/unknown-reference"), "{codes:?}");
        server.shutdown();
    }
}

#[test]
fn versions_going_back_are_applied_and_published_with_the_version_sent() {
    let mut server = Server::started();
    let doc = uri("versions.txt");
    server.open(&doc, FIXTURE, 10);
    assert_eq!(server.diagnostics(&doc, 10).len(), 2);
    server.change(&doc, 3, vec![edit((64, 0), (64, 1), "9")]);
    let back = server.diagnostics(&doc, 3);
    assert!(codes(&back).contains(&"balance/row-total"), "{back:?}");
    // The same version again: applied as well (the figure is restored).
    server.change(&doc, 3, vec![edit((64, 0), (64, 1), "8")]);
    assert_eq!(server.diagnostics(&doc, 3).len(), 2);
    server.shutdown();
}

#[test]
fn a_change_before_the_open_is_dropped_and_the_open_text_stands() {
    let mut server = Server::started();
    let doc = uri("early.txt");
    server.change(&doc, 1, vec![edit((0, 0), (0, 0), "第六十条\n")]);
    let early = server.request_raw(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": doc}}),
    );
    assert_eq!(early, Ok(Value::Null));
    server.open(&doc, FIXTURE, 2);
    assert_eq!(
        codes(&server.diagnostics(&doc, 2)),
        ["label/nonstandard", "label/nonstandard"]
    );
    server.change(&doc, 3, vec![edit((2, 0), (2, 0), "第六十条\n")]);
    assert!(codes(&server.diagnostics(&doc, 3)).contains(&"statute/unknown-reference"));
    server.shutdown();
}

#[test]
fn every_request_on_an_unknown_or_closed_document_answers_null() {
    let mut server = Server::started();
    let open = uri("open.txt");
    server.open(&open, FIXTURE, 1);
    server.diagnostics(&open, 1);
    let closed = uri("closed.txt");
    server.open(&closed, FIXTURE, 1);
    server.diagnostics(&closed, 1);
    server.close(&closed);
    for doc in [uri("unknown.txt"), closed.clone()] {
        for (method, params) in requests(&doc, 64) {
            assert_eq!(
                server.request_raw(method, params),
                Ok(Value::Null),
                "{method} on {}",
                doc.as_str()
            );
        }
        // Changing it is ignored; closing it again only clears its diagnostics once more.
        server.change(&doc, 5, vec![edit((0, 0), (0, 0), "x")]);
        server.close(&doc);
    }
    // The open document is served all along.
    server.change(&open, 2, vec![edit((64, 0), (64, 1), "9")]);
    assert!(codes(&server.diagnostics(&open, 2)).contains(&"balance/row-total"));
    server.shutdown();
}

#[test]
fn before_initialize_requests_get_server_not_initialized_and_notifications_are_dropped() {
    let mut server = Server::spawn();
    let doc = uri("before.txt");
    server.open(&doc, FIXTURE, 1);
    let mut all = requests(&doc, 64);
    all.push(("shutdown", Value::Null));
    for (method, params) in all {
        let answer = server.request_raw(method, params);
        assert_eq!(
            answer.map_err(|e| e["code"].clone()),
            Err(json!(-32002)),
            "{method}"
        );
    }
    let init = server.request_raw("initialize", json!({"capabilities": {}}));
    assert!(init.is_ok_and(|r| r["capabilities"].is_object()));
    server.notify_raw("initialized", json!({}));
    // The open before initialize never happened.
    let symbols = server.request_raw(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": doc}}),
    );
    assert_eq!(symbols, Ok(Value::Null));
    let again = server.request_raw("initialize", json!({"capabilities": {}}));
    assert_eq!(again.map_err(|e| e["code"].clone()), Err(json!(-32600)));
    server.open(&doc, FIXTURE, 1);
    assert_eq!(server.diagnostics(&doc, 1).len(), 2);
    server.shutdown();
}

#[test]
fn after_shutdown_requests_get_invalid_request_and_nothing_is_published() {
    let mut server = Server::started();
    let doc = uri("after.txt");
    server.open(&doc, FIXTURE, 1);
    server.diagnostics(&doc, 1);
    assert_eq!(server.request_raw("shutdown", Value::Null), Ok(Value::Null));
    let mut all = requests(&doc, 64);
    all.push(("shutdown", Value::Null));
    for (method, params) in all {
        let answer = server.request_raw(method, params);
        assert_eq!(
            answer.map_err(|e| e["code"].clone()),
            Err(json!(-32600)),
            "{method}"
        );
    }
    // Notifications after shutdown change nothing and publish nothing (`exit` fails on unread messages).
    server.change(&doc, 2, vec![edit((64, 0), (64, 1), "9")]);
    server.open(&uri("late.txt"), FIXTURE, 1);
    assert_eq!(server.exit(), Some(0));
}

#[test]
fn cancelling_any_request_gets_it_exactly_one_answer_and_the_server_goes_on() {
    let mut server = Server::started();
    // A compilation the server needs a while for, so some requests are still waiting when cancelled.
    let doc = uri("cancel.txt");
    let copies = format!("{FIXTURE}\n某局2024年政府信息公开工作年度报告\n").repeat(40);
    server.open(&doc, &copies, 1);
    let mut cancelled = 0;
    for round in 0..3 {
        for (method, params) in requests(&doc, 64 + round * 340) {
            let id = server.send_request(method, params);
            server.notify_raw("$/cancelRequest", json!({"id": id}));
            let reply = server.receive(|m| m["id"] == json!(id) && m.get("method").is_none());
            match reply.get("error") {
                Some(error) => {
                    assert_eq!(error["code"], -32800, "{method}: {reply}");
                    cancelled += 1;
                }
                None => assert!(reply.get("result").is_some(), "{method}: {reply}"),
            }
        }
    }
    // Cancelling what was answered already, or was never asked, is ignored (no answer is sent).
    server.notify_raw("$/cancelRequest", json!({"id": 1}));
    server.notify_raw("$/cancelRequest", json!({"id": "no-such-request"}));
    let diagnostics = server.diagnostics(&doc, 1);
    assert_eq!(
        diagnostics.len(),
        80,
        "two label warnings in each of 40 copies"
    );
    let hover = server.hover(&doc, Position::new(TYPO_LINES[0], 16));
    assert!(hover.is_some());
    eprintln!("{cancelled} of 24 requests were cancelled before they were answered");
    server.shutdown();
}

#[test]
fn oversized_and_malformed_messages_get_errors_and_documents_keep_being_served() {
    let mut server = Server::started();
    let doc = uri("served.txt");
    server.open(&doc, FIXTURE, 1);
    server.diagnostics(&doc, 1);
    let is_error = |code: i64| move |m: &Value| m["id"].is_null() && m["error"]["code"] == code;
    // A length past what the server reads (1 TiB): refused before anything is allocated, and the
    // message after it is read.
    server.write_bytes(b"Content-Length: 1099511627776\r\n\r\n{\"jsonrpc\": \"2.0\", \"id\": 1");
    let refused = server.receive(is_error(-32600));
    assert!(
        refused["error"]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("Message too large: 1099511627776 bytes")),
        "{refused}"
    );
    assert!(
        server
            .hover(&doc, Position::new(TYPO_LINES[0], 16))
            .is_some()
    );
    // A length that overflows any sum with it, and one that is no number at all.
    for header in [
        "18446744073709551615",
        "99999999999999999999999",
        "-5",
        "0x10",
    ] {
        let framed = format!("Content-Length: {header}\r\n\r\n{{}}");
        server.write_bytes(framed.as_bytes());
        let answer = server.receive(|m| m["id"].is_null() && m.get("error").is_some());
        let code = answer["error"]["code"].as_i64();
        let expected = if header == "18446744073709551615" {
            -32600
        } else {
            -32700
        };
        assert_eq!(code, Some(expected), "Content-Length: {header}");
        assert!(
            server
                .hover(&doc, Position::new(TYPO_LINES[0], 16))
                .is_some()
        );
    }
    // Bodies that are not JSON-RPC the framework can take: each gets its error, with its id when it
    // has a usable one.
    let nested = "[".repeat(100_000);
    let bodies: [(&[u8], i64, Value); 8] = [
        (
            br#"{"jsonrpc": "2.0", "id": 5, "method": "#,
            -32700,
            Value::Null,
        ),
        (nested.as_bytes(), -32700, Value::Null),
        (b"\xff\xfe\x00", -32700, Value::Null),
        // Neither a method nor a result: the framework takes it for a request of no method.
        (br#"{"jsonrpc": "2.0", "id": 6}"#, -32601, json!(6)),
        (
            br#"[{"jsonrpc": "2.0", "id": 7, "method": "shutdown"}]"#,
            -32600,
            Value::Null,
        ),
        (
            br#"{"jsonrpc": "2.0", "id": "s", "method": 5}"#,
            -32600,
            json!("s"),
        ),
        // Right in shape, but with a value no JSON reader takes: a lone surrogate, a number out of
        // range. The framework would stop reading at either.
        (
            br#"{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"t": "\ud800"}}"#,
            -32700,
            Value::Null,
        ),
        (
            br#"{"jsonrpc": "2.0", "id": 8, "method": "textDocument/hover", "x": 1e400}"#,
            -32700,
            Value::Null,
        ),
    ];
    for (body, code, id) in bodies {
        server.send_raw(body);
        let answer = server.receive(|m| m.get("error").is_some() && m["id"] == id);
        assert_eq!(
            answer["error"]["code"],
            code,
            "{}",
            String::from_utf8_lossy(&body[..body.len().min(40)])
        );
    }
    // A large message under the limit is no error: a 30 MB request is answered.
    let padding = "x".repeat(30 << 20);
    let big = server.request_raw(
        "textDocument/hover",
        json!({"textDocument": {"uri": doc}, "position": {"line": TYPO_LINES[0], "character": 16}, "padding": padding}),
    );
    assert!(big.is_ok_and(|h| h["contents"].is_object()));
    server.change(&doc, 2, vec![edit((64, 0), (64, 1), "9")]);
    assert!(codes(&server.diagnostics(&doc, 2)).contains(&"balance/row-total"));
    server.shutdown();
}

/// Opens `text` without building a JSON value of it (the big documents would be copied three times).
fn open_large(server: &mut Server, doc: &Uri, text: &str) {
    let mut body = format!(
        r#"{{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{{"textDocument":{{"uri":"{}","languageId":"plaintext","version":1,"text":"#,
        doc.as_str()
    )
    .into_bytes();
    serde_json::to_writer(&mut body, text).unwrap();
    body.extend_from_slice(b"}}}");
    server.write_bytes(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
    server.write_bytes(&body);
}

/// The sorted start lines of `diagnostics`.
fn lines(diagnostics: &[Diagnostic]) -> Vec<u32> {
    let mut lines: Vec<u32> = diagnostics.iter().map(|d| d.range.start.line).collect();
    lines.sort_unstable();
    lines
}

#[test]
fn a_two_hundred_megabyte_document_is_checked_and_edited_while_another_is_served() {
    let _heavy = heavy();
    // Above the 64 MB default only when raised: the 200 MB document is then checked in full.
    let (mut server, _) = Server::start(json!({
        "initializationOptions": { "maxDocumentBytes": 300u64 << 20 }
    }));
    let big = uri("big.txt");
    let line = "这是一段很长的说明文字，不属于任何报告。Plain prose, no landmark at all.\n";
    let preamble = 200 * 1024 * 1024 / line.len() + 1;
    let mut text = line.repeat(preamble);
    text.push_str(FIXTURE);
    assert!(text.len() >= 200 << 20);
    open_large(&mut server, &big, &text);
    drop(text);
    let small = uri("small.txt");
    server.open(&small, FIXTURE, 1);
    assert!(
        server
            .hover(&small, Position::new(TYPO_LINES[0], 16))
            .is_some()
    );
    let preamble = preamble as u32;
    let opened = server.diagnostics(&big, 1);
    assert_eq!(lines(&opened), TYPO_LINES.map(|l| l + preamble));
    // The first typo fixed, deep in the document.
    let typo = preamble + TYPO_LINES[0];
    server.change(&big, 2, vec![edit((typo, 10), (typo, 11), "逾")]);
    assert_eq!(
        lines(&server.diagnostics(&big, 2)),
        [preamble + TYPO_LINES[1]]
    );
    assert_eq!(server.diagnostics(&small, 1).len(), 2);

    // Under the default limit the same document is kept and edited, and says it is not checked.
    server.notify_raw(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "maxDocumentBytes": 64u64 << 20 } }),
    );
    let declined = server.diagnostics(&big, 2);
    assert_eq!(declined.len(), 1, "{declined:#?}");
    assert!(
        declined[0].message.starts_with("文档过大（200"),
        "{}",
        declined[0].message
    );
    assert_eq!(server.diagnostics(&small, 1).len(), 2);
    server.shutdown();
}

#[test]
fn ten_thousand_reports_in_one_file_are_each_checked_and_edited_alone() {
    let _heavy = heavy();
    let mut server = Server::started();
    let report = |n: usize| {
        format!(
            "第{n}局2024年政府信息公开工作年度报告\n一、总体情况\n本局依据《条例》第六十条办理。\n"
        )
    };
    let text: String = (0..10_000).map(report).collect();
    let checked = ogi_lsp::analysis::check(&text);
    assert_eq!(checked.reports, 10_000);
    let doc = uri("ten-thousand.txt");
    open_large(&mut server, &doc, &text);
    let opened = server.diagnostics(&doc, 1);
    assert_eq!(opened.len(), checked.findings.len());
    let references = |ds: &[Diagnostic]| {
        ds.iter()
            .filter(|d| code(d) == "statute/unknown-reference")
            .map(|d| d.range.start.line)
            .collect::<Vec<_>>()
    };
    let expected: Vec<u32> = (0..10_000).map(|n| 3 * n + 2).collect();
    assert_eq!(lines_of(references(&opened)), expected);
    // Report 5000 cites an article that exists now: only its finding goes.
    let at = column(&report(5_000), 2, "六十", false);
    server.change(&doc, 2, vec![edit((15_002, at), (15_002, at + 2), "二十")]);
    let edited = server.diagnostics(&doc, 2);
    assert_eq!(edited.len(), opened.len() - 1);
    let mut expected = expected;
    expected.remove(5_000);
    assert_eq!(lines_of(references(&edited)), expected);
    let hover = server.hover(&doc, Position::new(15_002, at + 1));
    assert!(hover.is_some_and(|h| format!("{:?}", h.contents).contains("第二十条")));
    server.shutdown();
}

fn lines_of(mut lines: Vec<u32>) -> Vec<u32> {
    lines.sort_unstable();
    lines
}

const MARKDOWN: &str = include_str!("fixtures/layouts/l2-markdown.md");

/// The Markdown example with its line `n` (0-based) replaced.
fn markdown_with_line(n: usize, line: &str) -> String {
    let mut lines: Vec<&str> = MARKDOWN.split('\n').collect();
    lines[n] = line;
    lines.join("\n")
}

/// 0-based line of 三、本年度办理结果 · （一）予以公开 in the Markdown example.
const MARKDOWN_DISCLOSED: u32 = 43;

#[test]
fn a_one_megabyte_line_is_read_edited_and_answered_at_its_end() {
    let _heavy = heavy();
    let mut server = Server::started();
    // 1 MB of prose in 总体情况, with astral characters: UTF-16 columns are not characters.
    let long = "说明𠀀".repeat((1 << 20) / "说明𠀀".len());
    let mut all: Vec<&str> = FIXTURE.split('\n').collect();
    all.insert(3, &long);
    let doc = uri("long-line.txt");
    open_large(&mut server, &doc, &all.join("\n"));
    assert_eq!(
        lines(&server.diagnostics(&doc, 1)),
        TYPO_LINES.map(|l| l + 1)
    );
    // A citation of an article the regulation lacks, typed at the end of the long line.
    let end = long.encode_utf16().count() as u32;
    server.change(&doc, 2, vec![edit((3, end), (3, end), "第六十条")]);
    let edited = server.diagnostics(&doc, 2);
    let cited: Vec<_> = edited
        .iter()
        .filter(|d| code(d) == "statute/unknown-reference")
        .map(|d| d.range)
        .collect();
    let range =
        tower_lsp_server::ls_types::Range::new(Position::new(3, end), Position::new(3, end + 4));
    assert_eq!(cited, [range]);
    let hover = server.hover(&doc, Position::new(3, end + 1));
    assert!(hover.is_some_and(|h| h.range == Some(range)));
    let tokens = server.semantic_tokens(&doc);
    assert!(
        tokens.iter().any(|t| (t.0, t.1, t.2) == (3, end, 4)),
        "no token for the citation"
    );
    let completion = server.request_raw(
        "textDocument/completion",
        json!({"textDocument": {"uri": doc}, "position": {"line": 3, "character": end}}),
    );
    assert!(completion.is_ok_and(|c| c.is_null() || c.is_array() || c.is_object()));
    // 1 MB of table cells: a Markdown row of 262,144 figures is one finding with 17 related places.
    let row = format!("| （一）予以公开 |{}", " 0 |".repeat(1 << 18));
    let cells = uri("long-row.md");
    open_large(
        &mut server,
        &cells,
        &markdown_with_line(MARKDOWN_DISCLOSED as usize, &row),
    );
    let counted = server.diagnostics(&cells, 1);
    let counts: Vec<_> = counted
        .iter()
        .filter(|d| code(d) == "structure/cell-count")
        .collect();
    assert_eq!(counts.len(), 1, "{counted:?}");
    assert_eq!(counts[0].range.start.line, MARKDOWN_DISCLOSED);
    assert!(
        counts[0].message.contains("实有 262144 个"),
        "{}",
        counts[0].message
    );
    let related = counts[0].related_information.as_deref().unwrap_or_default();
    assert_eq!(related.len(), 17);
    assert_eq!(related[16].message, "其余 262121 个多出的单元格");
    server.shutdown();
}

#[test]
fn a_million_empty_cells_are_read_as_blanks_of_the_template_row() {
    let _heavy = heavy();
    let mut server = Server::started();
    // A Markdown row of a million empty cells: its last seven are the row's blanks.
    let row = format!("| （一）予以公开 {}", "|".repeat(1_000_001));
    let pipes = uri("million-pipes.md");
    open_large(
        &mut server,
        &pipes,
        &markdown_with_line(MARKDOWN_DISCLOSED as usize, &row),
    );
    let diagnostics = server.diagnostics(&pipes, 1);
    assert_eq!(
        codes(&diagnostics),
        [
            "balance/result-total",
            "balance/result-total",
            "label/nonstandard",
            "label/nonstandard",
            "value/missing"
        ]
    );
    let missing = diagnostics
        .iter()
        .find(|d| code(d) == "value/missing")
        .unwrap();
    assert_eq!(missing.range.start.line, MARKDOWN_DISCLOSED);
    assert!(
        missing.message.starts_with("表三有 7 个空白单元格"),
        "{}",
        missing.message
    );
    // The example with a million bare `|` lines after a label: read past, the figures after them count.
    let label = FIXTURE.find("(一)予以公开 |\n").unwrap() + "(一)予以公开 |\n".len();
    let text = format!(
        "{}{}{}",
        &FIXTURE[..label],
        "|\n".repeat(1_000_000),
        &FIXTURE[label..]
    );
    let bars = uri("million-bars.txt");
    open_large(&mut server, &bars, &text);
    let labels = server.diagnostics(&bars, 1);
    assert_eq!(lines(&labels), TYPO_LINES.map(|l| l + 1_000_000));
    // Both stay editable: the first typo fixed a million lines down.
    let typo = TYPO_LINES[0] + 1_000_000;
    server.change(&bars, 2, vec![edit((typo, 10), (typo, 11), "逾")]);
    assert_eq!(
        lines(&server.diagnostics(&bars, 2)),
        [TYPO_LINES[1] + 1_000_000]
    );
    server.shutdown();
}
