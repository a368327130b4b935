//! The workspace through the real server: `carryover/mismatch` against the previous-year report on
//! disk (indexed in the background with `$/progress`, kept fresh by watched-file events), in an open
//! buffer, or in the same compilation; and the `ogi.skeleton` and `ogi.checkWorkspace` commands.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

mod support;

use std::path::Path;

use serde_json::{Value, json};
use support::*;
use tower_lsp_server::ls_types::{Diagnostic, Uri};

fn file_uri(path: &Path) -> Uri {
    Uri::from_file_path(path).expect("a file URI")
}

fn carryovers(diagnostics: &[Diagnostic]) -> Vec<&Diagnostic> {
    diagnostics
        .iter()
        .filter(|d| example::code(d) == "carryover/mismatch")
        .collect()
}

/// Reads `$/progress` for `token` up to its end; returns the end's message.
fn progress_to_end(server: &mut Server, token: &Value) -> String {
    loop {
        let m = server.receive(|m| m["method"] == "$/progress" && m["params"]["token"] == *token);
        let value = &m["params"]["value"];
        if value["kind"] == "end" {
            return value["message"].as_str().unwrap_or_default().to_owned();
        }
    }
}

/// A server on `dir` as its workspace folder, with the folder indexed: it registered for file
/// changes and reported the indexing to its end.
fn server_on(dir: &Path) -> Server {
    let folder = file_uri(dir);
    let (mut server, init) = Server::start(json!({
        "rootUri": folder,
        "workspaceFolders": [{ "uri": folder, "name": "reports" }],
        "capabilities": {
            "window": { "workDoneProgress": true },
            "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } }
        }
    }));
    assert_eq!(
        init["capabilities"]["executeCommandProvider"]["commands"],
        json!(["ogi.skeleton", "ogi.checkWorkspace"])
    );
    let (id, registration) = server.server_request("client/registerCapability");
    assert_eq!(
        registration["registrations"][0]["method"],
        "workspace/didChangeWatchedFiles"
    );
    server.answer(id, Value::Null);
    let (id, created) = server.server_request("window/workDoneProgress/create");
    server.answer(id, Value::Null);
    let end = progress_to_end(&mut server, &created["token"]);
    assert!(end.ends_with("files"), "{end}");
    server
}

fn watched_change(server: &mut Server, path: &Path, kind: u8) {
    server.notify_raw(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": file_uri(path), "type": kind }] }),
    );
}

#[test]
fn the_previous_years_report_on_disk_is_compared_and_a_fix_on_disk_clears_the_finding() {
    let dir = tempfile::tempdir().unwrap();
    years::write_pair(dir.path(), [0, 0, 2, 0, 0, 0, 2]);
    let mut server = server_on(dir.path());
    let this = file_uri(&dir.path().join("2024.txt"));
    server.open(&this, years::EXAMPLE, 1);
    let diagnostics = server.diagnostics(&this, 1);
    let found = carryovers(&diagnostics);
    assert_eq!(found.len(), 1, "{diagnostics:#?}");
    let d = found[0];
    // The 科研机构 column of 二、上年结转, one figure a line.
    assert_eq!(
        d.range.start.line,
        years::carried_in_line(years::EXAMPLE) + 2
    );
    assert!(d.message.contains("2023.txt 第"), "{}", d.message);
    let related = &d.related_information.as_ref().expect("related")[0];
    assert_eq!(related.location.uri, file_uri(&dir.path().join("2023.txt")));
    let line_of_2023 = years::EXAMPLE[..years::EXAMPLE
        .find("四、结转下年度继续办理")
        .unwrap_or_default()]
        .matches('\n')
        .count() as u32;
    assert_eq!(related.location.range.start.line, line_of_2023 + 1 + 2);
    // The other findings are the example's own two label typos.
    assert_eq!(diagnostics.len(), 3);

    // Fixed on disk: the open 2024 document is re-published without it.
    years::write(dir.path(), "2023.txt", &years::report(2023, [0; 7]));
    watched_change(&mut server, &dir.path().join("2023.txt"), 2);
    let diagnostics = server.diagnostics(&this, 1);
    assert!(carryovers(&diagnostics).is_empty(), "{diagnostics:#?}");

    // Broken again, then deleted: found, then gone.
    years::write(
        dir.path(),
        "2023.txt",
        &years::report(2023, [1, 0, 0, 0, 0, 0, 1]),
    );
    watched_change(&mut server, &dir.path().join("2023.txt"), 2);
    assert_eq!(carryovers(&server.diagnostics(&this, 1)).len(), 1);
    std::fs::remove_file(dir.path().join("2023.txt")).unwrap();
    watched_change(&mut server, &dir.path().join("2023.txt"), 3);
    assert!(carryovers(&server.diagnostics(&this, 1)).is_empty());
    server.shutdown();
}

#[test]
fn an_open_predecessor_stands_for_its_file_and_its_edits_recheck_the_successor() {
    let dir = tempfile::tempdir().unwrap();
    // On disk, 2023 agrees with 2024: it carried nothing forward.
    years::write(dir.path(), "2023.txt", &years::report(2023, [0; 7]));
    let mut server = server_on(dir.path());
    let this = file_uri(&dir.path().join("2024.txt"));
    server.open(&this, years::EXAMPLE, 1);
    assert!(carryovers(&server.diagnostics(&this, 1)).is_empty());

    // The 2023 report opened with a different figure than on disk: the buffer counts.
    let last = file_uri(&dir.path().join("2023.txt"));
    let broken = years::report(2023, [1, 0, 0, 0, 0, 0, 1]);
    server.open(&last, &broken, 1);
    server.diagnostics(&last, 1);
    let found = server.diagnostics(&this, 1);
    assert_eq!(carryovers(&found).len(), 1, "{found:#?}");

    // Typing the fix in the 2023 buffer clears it in the 2024 document, which was never reopened.
    let line = broken[..broken.find("四、结转下年度继续办理").unwrap_or_default()]
        .matches('\n')
        .count() as u32
        + 1;
    server.change(
        &last,
        2,
        vec![
            edit((line, 0), (line, 1), "0"),
            edit((line + 6, 0), (line + 6, 1), "0"),
        ],
    );
    server.diagnostics(&last, 2);
    assert!(carryovers(&server.diagnostics(&this, 1)).is_empty());

    // Closing the buffer puts the file on disk back in charge (it agrees too): nothing to re-publish
    // for 2024, and 2023's diagnostics are cleared.
    server.notify_raw(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": last } }),
    );
    let cleared = server.receive(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == json!(last)
    });
    assert_eq!(cleared["params"]["diagnostics"], json!([]));
    server.shutdown();
}

#[test]
fn within_one_compilation_and_never_across_agencies() {
    let mut server = Server::started();
    let uri = uri("all.txt");
    let text = format!(
        "{}\n{}\n{}",
        years::titled(2023, &years::report(2023, [1, 0, 0, 0, 0, 0, 1])),
        years::titled(2024, years::EXAMPLE),
        years::by(
            "东胜区统计局",
            &years::titled(2025, &years::report(2025, [0; 7]).replace("2024", "2025"))
        ),
    );
    server.open(&uri, &text, 1);
    let diagnostics = server.diagnostics(&uri, 1);
    let found = carryovers(&diagnostics);
    assert_eq!(found.len(), 1, "{found:#?}");
    let second = text
        .find(&format!("{}2024年", years::AGENCY))
        .unwrap_or_default();
    let line =
        years::carried_in_line(&text[second..]) + text[..second].matches('\n').count() as u32;
    assert_eq!(found[0].range.start.line, line);
    let related = &found[0].related_information.as_ref().expect("related")[0];
    assert_eq!(related.location.uri, uri);
    server.shutdown();
}

#[test]
fn the_skeleton_command_answers_a_report_in_the_documents_layout() {
    let mut server = Server::started();
    let doc = example::example_uri();
    server.open(&doc, years::EXAMPLE, 1);
    server.diagnostics(&doc, 1);
    let answer = server
        .request_raw(
            "workspace/executeCommand",
            json!({ "command": "ogi.skeleton", "arguments": [{ "uri": doc, "position": { "line": 0, "character": 0 } }] }),
        )
        .expect("an answer");
    let text = answer["text"].as_str().expect("text");
    // The example writes one cell a line, each closed by `|`.
    assert!(text.contains("\n四、结转下年度继续办理 |\n"), "{text}");
    assert!(text.contains("\n五、存在的主要问题及改进情况\n"), "{text}");
    assert!(text.contains("\n六、其他需要报告的事项\n"), "{text}");
    let title = text.lines().next().unwrap_or_default();
    assert!(
        title.ends_with("单位名称2024年政府信息公开工作年度报告"),
        "{text}"
    );
    assert!(!text.contains("${"));

    let missing = server.request_raw(
        "workspace/executeCommand",
        json!({ "command": "ogi.skeleton", "arguments": [] }),
    );
    assert_eq!(missing.expect_err("invalid params")["code"], -32602);
    let unknown = server.request_raw(
        "workspace/executeCommand",
        json!({ "command": "ogi.nothing", "arguments": [] }),
    );
    assert_eq!(unknown.expect_err("invalid params")["code"], -32602);
    let closed = server.request_raw(
        "workspace/executeCommand",
        json!({ "command": "ogi.skeleton", "arguments": [{ "uri": uri("closed.txt") }] }),
    );
    assert_eq!(closed, Ok(Value::Null));
    server.shutdown();
}

#[test]
fn the_workspace_check_publishes_the_files_not_open_and_sums_them_up() {
    let dir = tempfile::tempdir().unwrap();
    years::write_pair(dir.path(), [0, 0, 2, 0, 0, 0, 2]);
    years::write(dir.path(), "scan.pdf", "not a pdf");
    let mut server = server_on(dir.path());
    let opened = file_uri(&dir.path().join("2023.txt"));
    server.open(&opened, &years::report(2023, [0, 0, 2, 0, 0, 0, 2]), 1);
    let live = server.diagnostics(&opened, 1);

    let id = server.send_request(
        "workspace/executeCommand",
        json!({ "command": "ogi.checkWorkspace", "arguments": [], "workDoneToken": "check-1" }),
    );
    let end = progress_to_end(&mut server, &json!("check-1"));
    assert!(end.starts_with("2 files"), "{end}");
    let published = server.receive(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == json!(file_uri(&dir.path().join("2024.txt")))
    });
    let diagnostics: Vec<Diagnostic> =
        serde_json::from_value(published["params"]["diagnostics"].clone()).expect("diagnostics");
    assert_eq!(carryovers(&diagnostics).len(), 1, "{diagnostics:#?}");
    let reply = server.receive(|m| m["id"] == json!(id) && m.get("method").is_none());
    let summary = &reply["result"];
    assert_eq!(summary["files"], 2);
    assert_eq!(summary["reports"], 2);
    // 2023's three balance errors (counted from its open buffer) and its two label typos; 2024's two
    // typos and the carry-over warning.
    let errors = live
        .iter()
        .filter(|d| d.severity == Some(tower_lsp_server::ls_types::DiagnosticSeverity::ERROR))
        .count();
    assert_eq!(summary["errors"], errors as u64);
    assert_eq!(summary["warnings"], 2 + 3);
    assert_eq!(
        summary["unreadable"][0]["uri"],
        file_uri(&dir.path().join("scan.pdf")).as_str()
    );
    server.shutdown();
}

#[test]
fn the_report_names_its_agency_and_year_in_symbols_and_on_its_title() {
    let mut server = Server::started();
    let doc = uri("titled.txt");
    let text = years::titled(2024, years::EXAMPLE);
    server.open(&doc, &text, 1);
    server.diagnostics(&doc, 1);
    let symbols = server.document_symbols(&doc);
    assert_eq!(
        symbols[0].detail.as_deref(),
        Some(format!("{} · 2024", years::AGENCY).as_str())
    );
    let hover = server
        .hover(&doc, tower_lsp_server::ls_types::Position::new(0, 3))
        .expect("a hover on the title");
    let tower_lsp_server::ls_types::HoverContents::Markup(markup) = hover.contents else {
        panic!("markdown expected");
    };
    assert!(
        markup
            .value
            .contains(&format!("报告机关：{}", years::AGENCY)),
        "{}",
        markup.value
    );
    assert!(markup.value.contains("2024 年度报告"), "{}", markup.value);
    server.shutdown();
}

#[test]
fn indexing_stops_when_the_user_cancels_its_progress() {
    let dir = tempfile::tempdir().unwrap();
    // Enough reports that the indexing is still going when the cancel arrives.
    for i in 0..300 {
        years::write(dir.path(), &format!("{i:03}.txt"), years::EXAMPLE);
    }
    let folder = file_uri(dir.path());
    let (mut server, _) = Server::start(json!({
        "rootUri": folder,
        "capabilities": { "window": { "workDoneProgress": true } }
    }));
    let (id, created) = server.server_request("window/workDoneProgress/create");
    server.answer(id, Value::Null);
    let token = created["token"].clone();
    let begin = server.receive(|m| m["method"] == "$/progress" && m["params"]["token"] == token);
    assert_eq!(begin["params"]["value"]["kind"], "begin");
    assert_eq!(begin["params"]["value"]["cancellable"], true);
    server.notify_raw("window/workDoneProgress/cancel", json!({ "token": token }));
    let end = progress_to_end(&mut server, &token);
    assert!(end.starts_with("cancelled after "), "{end}");
    assert!(end.ends_with(" of 300 files"), "{end}");
    server.shutdown();
}
